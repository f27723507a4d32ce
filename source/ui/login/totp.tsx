import {Box, Text} from 'ink';
import {SingleField} from './single-field.js';

interface Props {
	busy: boolean;
	onSubmit: (code: string) => void;
}

/** The two-factor code prompt (shown only when the account has 2FA). */
export function TotpScreen({busy, onSubmit}: Props) {
	return (
		<Box flexDirection="column">
			<Text>This account uses two-factor authentication.</Text>
			<SingleField label="2FA code" busy={busy} onSubmit={onSubmit} />
			<Text dimColor>Enter the 6-digit code from your authenticator app, then press Enter.</Text>
		</Box>
	);
}
