import {Box, Text} from 'ink';
import {useTotpCode} from '../../hooks/use-totp-code.js';

export interface DemoAccount {
	username: string;
	password: string;
	totpSecret?: string;
}

/** --demo only: the emulator's demo login, with the 2FA code of the moment. */
export function DemoCredentials({account}: {account: DemoAccount}) {
	const totp = useTotpCode(account.totpSecret);
	return (
		<Box
			flexDirection="column"
			borderStyle="round"
			borderColor="green"
			paddingX={1}
			marginBottom={1}
		>
			<Text color="green">Demo mode: a local emulator, no real account.</Text>
			<Text>
				Username: <Text bold>{account.username}</Text>
			</Text>
			<Text>
				Password: <Text bold>{account.password}</Text>
			</Text>
			{totp ? (
				<Text>
					2FA code: <Text bold>{totp.code}</Text>{' '}
					<Text dimColor>(changes in {totp.secondsLeft}s)</Text>
				</Text>
			) : null}
		</Box>
	);
}
