import {Box, Text} from 'ink';

interface Props {
	running: number;
}

export function confirmQuitText(running: number): string {
	return `${running} ${running === 1 ? 'transfer' : 'transfers'} running — quit anyway? y/n`;
}

/** Asked before quitting while jobs are running or queued. */
export function ConfirmQuit({running}: Props) {
	return (
		<Box borderStyle="round" borderColor="yellow" paddingX={1}>
			<Text color="yellow">{confirmQuitText(running)}</Text>
		</Box>
	);
}
