import {useCallback, useRef, useState} from 'react';
import type {LoginFlow, LoginStep} from '../services/auth/login-flow.js';
import type {ActiveSession} from '../services/session/active-session.js';

/** What the login screens need of a LoginFlow (a fake in tests). */
export type LoginFlowLike = Pick<LoginFlow, 'begin' | 'submitTotp' | 'submitMailboxPassword'>;

export type LoginScreen = 'credentials' | 'totp' | 'mailbox-password';

export interface LoginState {
	screen: LoginScreen;
	/** True while a request runs (SRP, key unlocking): the screen shows "Signing in…". */
	busy: boolean;
	/** The last error, in words the user can act on (LoginError.message). */
	error?: string;
	/** Kept so a failed attempt does not make the user type the username again. */
	username: string;
}

function messageOf(error: unknown): string {
	if (error instanceof Error && error.message) return error.message;
	return 'Sign-in failed. Please try again.';
}

function kindOf(error: unknown): string | undefined {
	const kind = (error as {kind?: unknown} | undefined)?.kind;
	return typeof kind === 'string' ? kind : undefined;
}

/**
 * Drives a LoginFlow: credentials first, then the 2FA code and the mailbox password only when
 * the account asks for them. A wrong code or mailbox password keeps the user on that prompt;
 * other errors go back to the credentials (a new flow is started on the next attempt).
 */
export function useLogin(opts: {
	createFlow: () => LoginFlowLike;
	onSession: (session: ActiveSession) => void;
	initialUsername?: string;
	initialError?: string;
}) {
	const [state, setState] = useState<LoginState>({
		screen: 'credentials',
		busy: false,
		error: opts.initialError,
		username: opts.initialUsername ?? '',
	});
	const flow = useRef<LoginFlowLike | undefined>(undefined);
	const optsRef = useRef(opts);
	optsRef.current = opts;

	const advance = useCallback((step: LoginStep) => {
		if (step.step === 'ready') {
			setState((s) => ({...s, busy: false, error: undefined}));
			optsRef.current.onSession(step.session);
			return;
		}
		setState((s) => ({...s, busy: false, error: undefined, screen: step.step}));
	}, []);

	const fail = useCallback((error: unknown, stayOn: LoginScreen) => {
		const kind = kindOf(error);
		const keep =
			(stayOn === 'totp' && kind === 'wrong-totp') ||
			(stayOn === 'mailbox-password' && kind === 'wrong-mailbox-password') ||
			(stayOn !== 'credentials' && (kind === 'network' || kind === 'rate-limited'));
		if (!keep) flow.current = undefined;
		setState((s) => ({
			...s,
			busy: false,
			error: messageOf(error),
			screen: keep ? stayOn : 'credentials',
		}));
	}, []);

	const submitCredentials = useCallback(
		(username: string, password: string) => {
			const f = optsRef.current.createFlow();
			flow.current = f;
			setState((s) => ({...s, busy: true, error: undefined, username}));
			f.begin(username, password).then(advance, (e) => fail(e, 'credentials'));
		},
		[advance, fail],
	);

	const submitTotp = useCallback(
		(code: string) => {
			const f = flow.current;
			if (!f) return;
			setState((s) => ({...s, busy: true, error: undefined}));
			f.submitTotp(code).then(advance, (e) => fail(e, 'totp'));
		},
		[advance, fail],
	);

	const submitMailboxPassword = useCallback(
		(password: string) => {
			const f = flow.current;
			if (!f) return;
			setState((s) => ({...s, busy: true, error: undefined}));
			f.submitMailboxPassword(password).then(advance, (e) => fail(e, 'mailbox-password'));
		},
		[advance, fail],
	);

	return {state, submitCredentials, submitTotp, submitMailboxPassword};
}
