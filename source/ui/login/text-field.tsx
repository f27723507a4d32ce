import {Text} from 'ink';
import {truncateCellsStart} from '../text/truncate-cells.js';
import {visibleName} from '../text/visible-name.js';

interface Props {
	label: string;
	value: string;
	focused: boolean;
	/** Show one '•' per character instead of the text. */
	mask?: boolean;
	width?: number;
}

/** A labelled one-line field; the caret is a block after the text when focused. */
export function TextField({label, value, focused, mask, width = 60}: Props) {
	const shown = mask ? '•'.repeat([...value].length) : visibleName(value);
	const room = Math.max(4, width - label.length - 3);
	return (
		<Text>
			<Text bold={focused} color={focused ? 'cyan' : undefined}>
				{label}:{' '}
			</Text>
			<Text>{truncateCellsStart(shown, room)}</Text>
			{focused ? <Text inverse> </Text> : null}
		</Text>
	);
}
