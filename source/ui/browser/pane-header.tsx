import {Text} from 'ink';
import {truncateCellsStart} from '../text/truncate-cells.js';
import {visibleName} from '../text/visible-name.js';

interface Props {
	title: string;
	path?: string;
	width: number;
	focused: boolean;
}

/** "Local  /home/me/projects" — the path keeps its end when it does not fit. */
export function PaneHeader({title, path, width, focused}: Props) {
	const label = `${title} `;
	const room = Math.max(0, width - label.length);
	const shown = truncateCellsStart(visibleName(path ?? '…'), room);
	return (
		<Text wrap="truncate">
			<Text bold color={focused ? 'cyan' : undefined}>
				{label}
			</Text>
			<Text>{shown}</Text>
		</Text>
	);
}
