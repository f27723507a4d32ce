import {Box, Text} from 'ink';

export const NOTICE_LINES = [
	'pdrive-tui is an unofficial, third-party app, not made or endorsed by Proton.',
	'Your username and password are sent to Proton only and are never stored.',
	'To keep you signed in, the session tokens and the key passphrase derived from',
	'your password are kept in a file only you can read; --logout erases them.',
];

/** In demo mode nothing reaches Proton, and nothing is kept: say that instead. */
export const DEMO_NOTICE_LINES = [
	NOTICE_LINES[0] as string,
	'Demo mode: what you type goes to the built-in emulator on this machine only,',
	'and the session lives in memory: nothing is saved.',
];

/** The third-party notice shown on every login screen. */
export function Notice({demo = false}: {demo?: boolean}) {
	return (
		<Box flexDirection="column" marginBottom={1}>
			{(demo ? DEMO_NOTICE_LINES : NOTICE_LINES).map((line) => (
				<Text key={line} dimColor>
					{line}
				</Text>
			))}
		</Box>
	);
}
