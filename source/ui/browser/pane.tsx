import {Box, Text} from 'ink';
import {type PaneState, visibleRows} from '../../hooks/pane-state.js';
import {PaneFooter} from './pane-footer.js';
import {PaneHeader} from './pane-header.js';
import {PaneRow} from './pane-row.js';

interface Props {
	title: string;
	state: PaneState;
	focused: boolean;
	/** Outer size including the border. */
	width: number;
	height: number;
}

/** Rows a pane of `height` (outer) has for its list: border, header and footer take 4. */
export function paneListRows(height: number): number {
	return Math.max(1, height - 4);
}

/** One pane: border, path header, only the visible rows, counts footer. */
export function Pane({title, state, focused, width, height}: Props) {
	const inner = Math.max(1, width - 2);
	const rows = visibleRows({...state, viewport: paneListRows(height)});
	const filler = paneListRows(height) - rows.length;
	return (
		<Box
			flexDirection="column"
			width={width}
			height={height}
			borderStyle="single"
			borderColor={focused ? 'cyan' : 'gray'}
		>
			<PaneHeader title={title} path={state.location?.path} width={inner} focused={focused} />
			{rows.map(({entry, index}) => (
				<PaneRow
					key={entry.id}
					entry={entry}
					width={inner}
					selected={index === state.cursor}
					focused={focused}
				/>
			))}
			{state.entries.length === 0 && !state.loading && filler > 0 ? (
				<Text dimColor>{state.location ? '  (empty)' : ''}</Text>
			) : null}
			<Box flexGrow={1} />
			<PaneFooter
				entries={state.entries}
				loading={state.loading}
				message={state.message}
				width={inner}
			/>
		</Box>
	);
}
