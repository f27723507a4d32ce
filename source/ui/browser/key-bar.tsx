import {Text} from 'ink';
import type {HelpRow} from './help-overlay.js';
import {truncateCells} from '../text/truncate-cells.js';

const SHOWN: Record<string, string> = {
	help: 'Help',
	copy: 'Copy',
	'pane.switch': 'Switch',
	'transfers.show': 'Transfers',
	quit: 'Quit',
};

/** Bottom line "F1 Help  F5 Copy  Tab Switch  F10 Quit", from the keymap's first keys. */
export function keyBarText(rows: readonly (HelpRow & {command?: string})[]): string {
	return rows
		.filter((r) => r.command && SHOWN[r.command])
		.map((r) => `${r.keys.split(' / ')[0]} ${SHOWN[r.command!]}`)
		.join('  ');
}

export function KeyBar({
	rows,
	width,
	status,
}: {
	rows: readonly HelpRow[];
	width: number;
	status?: string;
}) {
	const keys = keyBarText(rows);
	if (status) {
		// The status takes the line: the keys come back with the next key press that clears it.
		return (
			<Text wrap="truncate">
				<Text color="yellow">{truncateCells(status, Math.max(1, width))}</Text>
			</Text>
		);
	}
	return (
		<Text wrap="truncate" dimColor>
			{truncateCells(keys, width)}
		</Text>
	);
}
