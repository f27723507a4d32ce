import {Box} from 'ink';
import {useEffect, useState} from 'react';
import {useKeyPresses} from '../hooks/use-key-presses.js';
import {DEFAULT_KEYMAP, resolveCommand} from '../services/keys/keymap.js';
import type {LoginFlowLike} from '../hooks/use-login.js';
import {useTerminalSize} from '../hooks/use-terminal-size.js';
import type {TransferQueueLike} from '../hooks/use-transfers.js';
import type {PaneFileSystem} from '../services/panes/pane-fs.js';
import type {ActiveSession} from '../services/session/active-session.js';
import {Browser} from './browser/browser.js';
import type {HelpRow} from './browser/help-overlay.js';
import type {DemoAccount} from './login/demo-credentials.js';
import {LoginScreen} from './login/login-screen.js';
import {Spinner} from './login/spinner.js';

export interface BrowserServices {
	local: PaneFileSystem;
	drive: PaneFileSystem;
	queue?: TransferQueueLike;
}

export interface AppProps {
	/** Resumes a saved session; undefined when there is none; throws (LoginError) when it is dead. */
	resume?: () => Promise<ActiveSession | undefined>;
	createFlow: () => LoginFlowLike;
	/** Builds the panes and the queue for a signed-in session. */
	openBrowser: (session: ActiveSession) => BrowserServices;
	helpRows: readonly HelpRow[];
	onExit: () => void;
	initialUsername?: string;
	demo?: DemoAccount;
}

type Phase =
	| {name: 'resuming'}
	| {name: 'login'; error?: string}
	| {name: 'browser'; session: ActiveSession; services: BrowserServices};

function errorText(error: unknown): string {
	return error instanceof Error && error.message
		? error.message
		: 'The saved session could not be resumed.';
}

/** Start-up: resume a saved session or sign in, then the browser. Ctrl-C always quits. */
export function App({
	resume,
	createFlow,
	openBrowser,
	helpRows,
	onExit,
	initialUsername,
	demo,
}: AppProps) {
	const [phase, setPhase] = useState<Phase>(resume ? {name: 'resuming'} : {name: 'login'});
	const {columns, rows} = useTerminalSize();

	// Ctrl-C quits from every screen, also while a text field has the keyboard.
	useKeyPresses((press) => {
		if (resolveCommand(DEFAULT_KEYMAP, press) === 'quit.now') onExit();
	});

	const enter = (session: ActiveSession) => {
		try {
			setPhase({name: 'browser', session, services: openBrowser(session)});
		} catch (error) {
			setPhase({name: 'login', error: errorText(error)});
		}
	};

	// biome-ignore lint/correctness/useExhaustiveDependencies: runs once at start
	useEffect(() => {
		if (!resume) return;
		let live = true;
		resume().then(
			(session) => {
				if (!live) return;
				if (session) enter(session);
				else setPhase({name: 'login'});
			},
			(error) => live && setPhase({name: 'login', error: errorText(error)}),
		);
		return () => {
			live = false;
		};
	}, []);

	if (phase.name === 'resuming') {
		return (
			<Box paddingX={1}>
				<Spinner label="Resuming the saved session…" />
			</Box>
		);
	}
	if (phase.name === 'login') {
		return (
			<LoginScreen
				createFlow={createFlow}
				onSession={enter}
				initialUsername={initialUsername}
				initialError={phase.error}
				demo={demo}
			/>
		);
	}
	return (
		<Browser
			local={phase.services.local}
			drive={phase.services.drive}
			queue={phase.services.queue}
			helpRows={helpRows}
			columns={columns}
			rows={rows}
			onExit={onExit}
			title={phase.session.username}
		/>
	);
}
