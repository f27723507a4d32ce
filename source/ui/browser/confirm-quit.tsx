import {Box, Text} from 'ink';
import {formatCount} from '../text/format-size.js';

interface Props {
	running: number;
	queued: number;
}

/** "1 transfer running — quit anyway? y/n", or "4 running, 7,977 queued — …" when some wait. */
export function confirmQuitText(running: number, queued = 0): string {
	const what =
		queued > 0
			? `${formatCount(running)} running, ${formatCount(queued)} queued`
			: `${formatCount(running)} ${running === 1 ? 'transfer' : 'transfers'} running`;
	return `${what} — quit anyway? y/n`;
}

/** Asked before quitting while jobs are running or queued (quitting cancels them). */
export function ConfirmQuit({running, queued}: Props) {
	return (
		<Box borderStyle="round" borderColor="yellow" paddingX={1}>
			<Text color="yellow">{confirmQuitText(running, queued)}</Text>
		</Box>
	);
}
