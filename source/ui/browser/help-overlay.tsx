import {Text} from 'ink';
import {OverlayFrame} from './overlay-frame.js';
import {padCells, truncateCells} from '../text/truncate-cells.js';

export interface HelpRow {
	keys: string;
	description: string;
}

interface Props {
	rows: readonly HelpRow[];
	width: number;
	height: number;
}

/** Key help generated from the keymap; any key closes it. */
export function HelpOverlay({rows, width, height}: Props) {
	const keyCells = Math.min(24, Math.max(...rows.map((r) => r.keys.length), 4));
	const inner = Math.max(10, width - 4);
	// Inside the border, one line for the title; the rest for rows (one of them says how many
	// more there are, when they do not all fit).
	const room = Math.max(1, height - 3);
	const shown = rows.length <= room ? rows : rows.slice(0, Math.max(0, room - 1));
	return (
		<OverlayFrame title="Keys — press any key to close" width={width} height={height}>
			{shown.map((r) => (
				<Text key={r.keys + r.description} wrap="truncate">
					<Text color="cyan">{padCells(truncateCells(r.keys, keyCells), keyCells)}</Text>
					{'  '}
					{truncateCells(r.description, Math.max(1, inner - keyCells - 2))}
				</Text>
			))}
			{rows.length > shown.length ? (
				<Text dimColor>… {rows.length - shown.length} more (enlarge the terminal)</Text>
			) : null}
		</OverlayFrame>
	);
}
