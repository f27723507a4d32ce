import {Text} from 'ink';
import type {PaneEntry} from '../../services/panes/pane-fs.js';
import {formatSize} from '../text/format-size.js';
import {formatTime} from '../text/format-time.js';
import {padCells, padCellsStart, truncateSegments, cellWidth} from '../text/truncate-cells.js';
import {visibleSegments} from '../text/visible-name.js';

const SIZE_CELLS = 8;
const TIME_CELLS = 16;

/** Column widths for a row of `width` cells: the name gets what the size and time leave. */
export function rowColumns(width: number): {name: number; size: number; time: number} {
	const time = width >= 50 ? TIME_CELLS : 0;
	const size = width >= 24 ? SIZE_CELLS : 0;
	const gaps = (size ? 1 : 0) + (time ? 1 : 0);
	return {name: Math.max(1, width - 2 - size - time - gaps), size, time};
}

interface Props {
	entry: PaneEntry;
	width: number;
	selected: boolean;
	focused: boolean;
}

/** One list row: marker, name (cut by cells, controls shown visibly), size, modified time. */
export function PaneRow({entry, width, selected, focused}: Props) {
	const cols = rowColumns(width);
	const folder = entry.kind === 'folder';
	const marker = folder ? '/' : entry.kind === 'other' ? '?' : ' ';
	let offset = 0;
	const segments = truncateSegments(visibleSegments(entry.name), cols.name).map((s) => {
		const at = offset;
		offset += s.text.length;
		return {...s, at};
	});
	const nameCells = segments.reduce((n, s) => n + cellWidth(s.text), 0);
	const pad = ' '.repeat(Math.max(0, cols.name - nameCells));
	const size = cols.size
		? ' ' + padCellsStart(folder ? '' : formatSize(entry.size), cols.size)
		: '';
	const time = cols.time ? ' ' + padCells(formatTime(entry.modified), cols.time) : '';
	const inverse = selected && focused;
	const color = entry.warning ? 'yellow' : folder ? 'blue' : undefined;
	return (
		<Text inverse={inverse} underline={selected && !focused} wrap="truncate">
			<Text color={color} bold={folder}>
				{marker}
			</Text>
			<Text> </Text>
			{segments.map((s) => (
				<Text key={s.at} color={s.special ? 'magenta' : color} bold={folder && !s.special}>
					{s.text}
				</Text>
			))}
			<Text>{pad}</Text>
			<Text dimColor={!inverse}>
				{size}
				{time}
			</Text>
		</Text>
	);
}
