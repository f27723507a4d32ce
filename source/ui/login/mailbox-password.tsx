import {Box, Text} from 'ink';
import {SingleField} from './single-field.js';

interface Props {
	busy: boolean;
	onSubmit: (password: string) => void;
}

/** The second (mailbox) password prompt, only for accounts in two-password mode. */
export function MailboxPasswordScreen({busy, onSubmit}: Props) {
	return (
		<Box flexDirection="column">
			<Text>This account has a second password that unlocks its keys.</Text>
			<SingleField label="Mailbox password" mask busy={busy} onSubmit={onSubmit} />
		</Box>
	);
}
