import {Text} from 'ink';
import type {HelpRow} from './help-overlay.js';
import {truncateCells} from '../text/truncate-cells.js';
import {visibleName} from '../text/visible-name.js';

/** What the screen shows now; each has its own keys in the bottom line. */
export type KeyBarMode = 'panes' | 'transfers' | 'help' | 'quit';

/** Command → short label, per mode, in the order shown. */
const SHOWN: Record<'panes' | 'transfers', readonly [string, string][]> = {
	panes: [
		['pane.switch', 'Switch'],
		['copy', 'Copy'],
		['transfers.show', 'Transfers'],
		['help', 'Help'],
		['quit', 'Quit'],
	],
	transfers: [
		['transfer.cancel', 'Cancel'],
		['transfer.retry', 'Retry'],
		['listing.cancel', 'Back'],
		['help', 'Help'],
	],
};

const FIXED: Record<'help' | 'quit', string> = {
	help: 'Any key closes the help',
	quit: 'y Quit  n Stay',
};

/** Bottom line "Tab Switch  F5 Copy  w Transfers  F1 Help  F10 Quit", from the keymap's first keys. */
export function keyBarText(
	rows: readonly (HelpRow & {command?: string})[],
	mode: KeyBarMode = 'panes',
): string {
	if (mode === 'help' || mode === 'quit') return FIXED[mode];
	const firstKey = new Map(rows.map((r) => [r.command, r.keys.split(' / ')[0]]));
	return SHOWN[mode]
		.filter(([command]) => firstKey.has(command))
		.map(([command, label]) => `${firstKey.get(command)} ${label}`)
		.join('  ');
}

export function KeyBar({
	rows,
	width,
	status,
	mode = 'panes',
}: {
	rows: readonly HelpRow[];
	width: number;
	status?: string;
	mode?: KeyBarMode;
}) {
	if (status) {
		// The status takes the line until the next key, or until it times out.
		return (
			<Text wrap="truncate">
				<Text color="yellow">{truncateCells(visibleName(status), Math.max(1, width))}</Text>
			</Text>
		);
	}
	return (
		<Text wrap="truncate" dimColor>
			{truncateCells(keyBarText(rows, mode), width)}
		</Text>
	);
}
