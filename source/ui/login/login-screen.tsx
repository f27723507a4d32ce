import {Box, Text} from 'ink';
import {type LoginFlowLike, useLogin} from '../../hooks/use-login.js';
import type {ActiveSession} from '../../services/session/active-session.js';
import {DemoCredentials, type DemoAccount} from './demo-credentials.js';
import {MailboxPasswordScreen} from './mailbox-password.js';
import {Notice} from './notice.js';
import {Spinner} from './spinner.js';
import {TotpScreen} from './totp.js';
import {UsernamePasswordScreen} from './username-password.js';

interface Props {
	createFlow: () => LoginFlowLike;
	onSession: (session: ActiveSession) => void;
	initialUsername?: string;
	/** Why a saved session could not be resumed, shown above the form. */
	initialError?: string;
	demo?: DemoAccount;
}

/** Notice, then one prompt at a time: credentials, 2FA code, mailbox password. */
export function LoginScreen({createFlow, onSession, initialUsername, initialError, demo}: Props) {
	const login = useLogin({createFlow, onSession, initialUsername, initialError});
	const {screen, busy, error, username} = login.state;
	return (
		<Box flexDirection="column" paddingX={1}>
			<Text bold>pdrive-tui — sign in</Text>
			<Notice demo={demo !== undefined} />
			{demo ? <DemoCredentials account={demo} /> : null}
			{screen === 'credentials' ? (
				<UsernamePasswordScreen
					initialUsername={username}
					busy={busy}
					onSubmit={login.submitCredentials}
				/>
			) : null}
			{screen === 'totp' ? <TotpScreen busy={busy} onSubmit={login.submitTotp} /> : null}
			{screen === 'mailbox-password' ? (
				<MailboxPasswordScreen busy={busy} onSubmit={login.submitMailboxPassword} />
			) : null}
			<Box marginTop={1} flexDirection="column">
				{busy ? <Spinner label="Signing in…" /> : null}
				{error && !busy ? <Text color="red">{error}</Text> : null}
			</Box>
		</Box>
	);
}
