import {Text} from 'ink';
import type {PaneEntry} from '../../services/panes/pane-fs.js';
import {countEntries} from '../../hooks/pane-state.js';
import {formatCount, formatSize} from '../text/format-size.js';
import {truncateCells} from '../text/truncate-cells.js';
import {visibleName} from '../text/visible-name.js';

interface Props {
	entries: PaneEntry[];
	loading?: {count: number};
	message?: string;
	width: number;
}

const plural = (n: number, one: string, many: string) =>
	`${formatCount(n)} ${n === 1 ? one : many}`;

/** Counts line under a pane ("12 folders, 40 files, 3.2 MB"), or listing progress. */
export function footerText({entries, loading, message}: Omit<Props, 'width'>): string {
	if (loading) return `loading… ${formatCount(loading.count)} items (Esc cancels)`;
	const {folders, files, bytes} = countEntries(entries);
	const counts = `${plural(folders, 'folder', 'folders')}, ${plural(files, 'file', 'files')}, ${formatSize(bytes)}`;
	return message ? `${message} ${counts}` : counts;
}

export function PaneFooter(props: Props) {
	// Listing errors can quote file names: never let their control characters reach the terminal.
	const text = truncateCells(visibleName(footerText(props)), props.width);
	return (
		<Text
			wrap="truncate"
			color={props.loading ? 'yellow' : props.message ? 'red' : undefined}
			dimColor={!props.loading && !props.message}
		>
			{text}
		</Text>
	);
}
