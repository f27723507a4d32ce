import {ApiError} from '../api/api-error.js';
import {type Transport, createTransport} from '../api/transport.js';
import {AuthenticatedSession, type ActiveSession} from '../session/active-session.js';
import {
	type SessionStore,
	type StoredSession,
	createMemorySessionStore,
} from '../session/session-store.js';
import type {ApiAddress, ApiKeySalt, ApiUser, AuthResponse, InfoResponse} from './api-types.js';
import {LoginError, messages, toLoginError} from './login-errors.js';
import {chooseAuthVersion} from './srp/auth-version.js';
import {srpClientProofs} from './srp/client-proofs.js';
import {ServerIdentityError} from './srp/server-identity-error.js';
import {
	KeyPasswordError,
	NoAddressKeysError,
	deriveKeyPassword,
	unlockAccount,
} from './unlock-keys.js';

export type LoginStep =
	| {step: 'totp'}
	| {step: 'mailbox-password'}
	| {step: 'ready'; session: ActiveSession};

type State =
	| {at: 'start'}
	| {at: 'totp'; session: AuthenticatedSession; passwordMode: number; password: string}
	| {at: 'mailbox-password'; session: AuthenticatedSession; user: ApiUser; salts: ApiKeySalt[]}
	| {at: 'done'};

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const fromB64 = (s: string) => new Uint8Array(Buffer.from(s, 'base64'));

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
	return a.length === b.length && a.every((v, i) => v === b[i]);
}

/**
 * Interactive login (auth.md §3): begin(username, password) → optional submitTotp(code) → optional
 * submitMailboxPassword(p) → ready. Wrong TOTP / mailbox password keep the flow at that step.
 * The password is kept in memory only while the flow needs it and never persisted.
 */
export class LoginFlow {
	readonly #apiBase: URL;
	readonly #store: SessionStore;
	readonly #fetch: typeof fetch;
	readonly #transport: Transport;
	#state: State = {at: 'start'};
	#username = '';

	constructor(opts: {apiBase: URL; store: SessionStore; fetch?: typeof fetch}) {
		this.#apiBase = opts.apiBase;
		this.#store = opts.store;
		this.#fetch = opts.fetch ?? globalThis.fetch;
		this.#transport = createTransport({base: opts.apiBase, fetch: this.#fetch});
	}

	async begin(username: string, password: string): Promise<LoginStep> {
		if (password.length === 0) {
			throw new LoginError('wrong-credentials', 'Enter your password.');
		}
		this.#state = {at: 'start'};
		this.#username = username;
		try {
			const auth = await this.#srp(username, password);
			// Until the keys are unlocked the session lives in a private store, so a refresh during the
			// flow never overwrites a previously saved session with a half-made one.
			const stored = this.#stored(auth, '');
			const session = new AuthenticatedSession({
				apiBase: this.#apiBase,
				store: createMemorySessionStore(stored),
				fetch: this.#fetch,
				stored,
			});
			const passwordMode = auth.PasswordMode ?? 1;
			const enabled = auth['2FA']?.Enabled ?? (auth['2FA']?.TOTP || auth.TwoFactor ? 1 : 0);
			if (enabled & 1) {
				this.#state = {at: 'totp', session, passwordMode, password};
				return {step: 'totp'};
			}
			if (enabled & 2) {
				await this.#discard(session);
				throw new LoginError('fido2-only', messages.fido2Only);
			}
			return await this.#afterSecondFactor(session, passwordMode, password);
		} catch (error) {
			throw toLoginError(error);
		}
	}

	async submitTotp(code: string): Promise<LoginStep> {
		const state = this.#state;
		if (state.at !== 'totp') {
			throw new LoginError(
				'session-expired',
				'No login is waiting for a code. Start the login again.',
			);
		}
		try {
			await state.session.request({
				method: 'POST',
				path: '/auth/v4/2fa',
				json: {TwoFactorCode: code.replace(/\s+/g, '')},
			});
		} catch (error) {
			if (error instanceof ApiError && error.status === 401) {
				this.#state = {at: 'start'};
				throw new LoginError('session-expired', messages.totpSessionRevoked, {cause: error});
			}
			if (error instanceof LoginError && error.kind === 'session-expired') {
				this.#state = {at: 'start'};
				throw new LoginError('session-expired', messages.totpSessionRevoked, {cause: error});
			}
			if (
				error instanceof ApiError &&
				error.status === 422 &&
				error.code !== 9001 &&
				error.code !== 5003 &&
				error.code !== 2028
			) {
				throw new LoginError('wrong-totp', messages.wrongTotp, {cause: error});
			}
			throw toLoginError(error);
		}
		try {
			return await this.#afterSecondFactor(state.session, state.passwordMode, state.password);
		} catch (error) {
			throw toLoginError(error);
		}
	}

	async submitMailboxPassword(p: string): Promise<LoginStep> {
		const state = this.#state;
		if (state.at !== 'mailbox-password') {
			throw new LoginError(
				'session-expired',
				'No login is waiting for a mailbox password. Start the login again.',
			);
		}
		try {
			return await this.#unlockAndSave(
				state.session,
				state.user,
				state.salts,
				p,
				'wrong-mailbox-password',
			);
		} catch (error) {
			throw toLoginError(error);
		}
	}

	async #srp(username: string, password: string): Promise<AuthResponse> {
		let lastTried: number | undefined;
		for (;;) {
			const info = await this.#transport.request<InfoResponse>({
				method: 'POST',
				path: '/auth/v4/info',
				json: {Username: username, Intent: 'Proton'},
			});
			const choice = chooseAuthVersion(info.Version, info.Username || username, lastTried);
			const proofs = await srpClientProofs({
				version: choice.version,
				username: choice.version < 3 ? info.Username || username : username,
				password,
				salt: fromB64(info.Salt ?? ''),
				signedModulus: info.Modulus,
				serverEphemeral: fromB64(info.ServerEphemeral),
			});
			let auth: AuthResponse;
			try {
				auth = await this.#transport.request<AuthResponse>({
					method: 'POST',
					path: '/auth/v4',
					json: {
						Username: username,
						ClientEphemeral: b64(proofs.clientEphemeral),
						ClientProof: b64(proofs.clientProof),
						SRPSession: info.SRPSession,
						PersistentCookies: 0,
					},
				});
			} catch (error) {
				if (error instanceof ApiError && error.code === 8002) {
					if (!choice.done) {
						lastTried = choice.version;
						continue;
					}
					throw new LoginError('wrong-credentials', messages.wrongCredentials, {cause: error});
				}
				throw error;
			}
			if (!auth.ServerProof || !equalBytes(fromB64(auth.ServerProof), proofs.expectedServerProof)) {
				// The tokens are not trusted: drop them without using them.
				throw new ServerIdentityError('the server proof does not match');
			}
			return auth;
		}
	}

	#stored(
		auth: {UID: string; AccessToken: string; RefreshToken: string},
		keyPassword: string,
	): StoredSession {
		return {
			apiBase: this.#apiBase.href,
			username: this.#username,
			uid: auth.UID,
			accessToken: auth.AccessToken,
			refreshToken: auth.RefreshToken,
			keyPassword,
		};
	}

	async #discard(session: AuthenticatedSession): Promise<void> {
		// The session still lives in its private store, so this never touches a saved session.
		await session.logout().catch(() => undefined);
	}

	async #afterSecondFactor(
		session: AuthenticatedSession,
		passwordMode: number,
		password: string,
	): Promise<LoginStep> {
		// Salts need the short-lived scope of a fresh password proof: fetch them right away (§2.6).
		const {User} = await session.request<{User: ApiUser}>({method: 'GET', path: '/core/v4/users'});
		const {KeySalts} = await session.request<{KeySalts: ApiKeySalt[]}>({
			method: 'GET',
			path: '/core/v4/keys/salts',
		});
		if (passwordMode === 2) {
			this.#state = {at: 'mailbox-password', session, user: User, salts: KeySalts ?? []};
			return {step: 'mailbox-password'};
		}
		return this.#unlockAndSave(session, User, KeySalts ?? [], password, 'wrong-credentials');
	}

	async #unlockAndSave(
		session: AuthenticatedSession,
		user: ApiUser,
		salts: ApiKeySalt[],
		secret: string,
		wrongKind: 'wrong-credentials' | 'wrong-mailbox-password',
	): Promise<LoginStep> {
		const keyPassword = await deriveKeyPassword(user, salts, secret);
		const {Addresses} = await session.request<{Addresses: ApiAddress[]}>({
			method: 'GET',
			path: '/core/v4/addresses',
		});
		try {
			session.account = await unlockAccount({user, addresses: Addresses ?? [], keyPassword});
		} catch (error) {
			if (error instanceof KeyPasswordError) {
				throw new LoginError(
					wrongKind,
					wrongKind === 'wrong-mailbox-password'
						? messages.wrongMailboxPassword
						: 'The password signed you in but does not unlock your keys. If your account uses a separate mailbox password, log in again and enter it when asked.',
					{cause: error},
				);
			}
			if (error instanceof NoAddressKeysError) {
				throw new LoginError(
					'unsupported',
					'None of your address keys could be unlocked, so your Drive cannot be decrypted. Log in once at https://account.proton.me to repair your keys.',
					{
						cause: error,
					},
				);
			}
			throw error;
		}
		session.setKeyPassword(keyPassword);
		await this.#store.save(session.snapshot());
		session.attachStore(this.#store);
		this.#state = {at: 'done'};
		return {step: 'ready', session};
	}
}
