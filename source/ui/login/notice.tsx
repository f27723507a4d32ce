import {Box, Text} from 'ink';

export const NOTICE_LINES = [
	'pdrive-tui is an unofficial, third-party app. It is not made or endorsed by Proton.',
	'Your username and password are sent to Proton only and are never stored;',
	'only the session tokens are kept (file mode 0600) so you stay signed in.',
];

/** The third-party notice shown on every login screen. */
export function Notice() {
	return (
		<Box flexDirection="column" marginBottom={1}>
			{NOTICE_LINES.map((line) => (
				<Text key={line} dimColor>
					{line}
				</Text>
			))}
		</Box>
	);
}
