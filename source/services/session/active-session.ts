import {apiUrl} from '../api/api-base.js';
import {APP_VERSION} from '../api/app-version.js';
import {type RequestOptions, jsonInit, parseEnvelope, sendRaw} from '../api/transport.js';
import type {ApiAddress, ApiUser} from '../auth/api-types.js';
import {LoginError, messages} from '../auth/login-errors.js';
import {
	KeyPasswordError,
	NoAddressKeysError,
	type UnlockedAccount,
	unlockAccount,
} from '../auth/unlock-keys.js';
import type {SessionStore, StoredSession} from './session-store.js';
import {type Tokens, refreshTokens} from './token-refresh.js';

export interface ActiveSession {
	username: string;
	apiBase: URL;
	account: UnlockedAccount;
	/** Authenticated fetch: adds app version + auth headers; on 401 refreshes once (single flight, also
	 * across processes sharing the store) and retries once. Used by the SDK's http client too. */
	fetch(url: string | URL, init?: RequestInit): Promise<Response>;
	/** JSON call on the API with Proton error mapping (throws ApiError). */
	request<T>(opts: {
		method: string;
		path: string;
		json?: unknown;
		signal?: AbortSignal;
	}): Promise<T>;
	logout(): Promise<void>;
}

/** Calls that must never trigger a refresh on 401 (auth.md §7; the SDK's skip list). */
const NO_REFRESH = [
	/\/auth\/v4\/?$/,
	/\/auth\/v4\/info$/,
	/\/auth\/v4\/refresh$/,
	/\/auth\/v4\/sessions/,
	/\/core\/v4\/auth/,
];

function isSkipped(url: URL, apiBase: URL): boolean {
	const prefix = apiBase.pathname.replace(/\/+$/, '');
	const path = url.pathname.slice(prefix.length);
	return NO_REFRESH.some((re) => re.test(path));
}

function isOnApi(url: URL, apiBase: URL): boolean {
	const prefix = apiBase.pathname.replace(/\/+$/, '');
	return (
		url.origin === apiBase.origin &&
		(prefix === '' || url.pathname === prefix || url.pathname.startsWith(`${prefix}/`))
	);
}

function replayable(body: RequestInit['body']): boolean {
	return body === undefined || body === null || !(body instanceof ReadableStream);
}

export class AuthenticatedSession implements ActiveSession {
	readonly username: string;
	readonly apiBase: URL;
	account: UnlockedAccount;
	#store: SessionStore;
	readonly #fetch: typeof fetch;
	#keyPassword: string;
	#tokens: Tokens;
	#refreshing: Promise<void> | undefined;
	/** Number of refresh calls this instance made or adopted (diagnostics/tests). */
	refreshCount = 0;

	constructor(opts: {
		apiBase: URL;
		store: SessionStore;
		fetch?: typeof fetch;
		stored: StoredSession;
		account?: UnlockedAccount;
	}) {
		this.apiBase = opts.apiBase;
		this.username = opts.stored.username;
		this.#store = opts.store;
		this.#fetch = opts.fetch ?? globalThis.fetch;
		this.#keyPassword = opts.stored.keyPassword;
		this.#tokens = {
			uid: opts.stored.uid,
			accessToken: opts.stored.accessToken,
			refreshToken: opts.stored.refreshToken,
		};
		this.account = opts.account ?? {userKeys: [], addresses: []};
	}

	get uid(): string {
		return this.#tokens.uid;
	}

	/** The current state as it would be stored (tokens may have rotated since construction). */
	snapshot(): StoredSession {
		return {
			apiBase: this.apiBase.href,
			username: this.username,
			keyPassword: this.#keyPassword,
			...this.#tokens,
		};
	}

	setKeyPassword(keyPassword: string): void {
		this.#keyPassword = keyPassword;
	}

	/** Switches to another store (the login flow works on a private one until the session is ready). */
	attachStore(store: SessionStore): void {
		this.#store = store;
	}

	#withAuth(init: RequestInit | undefined, url: URL): RequestInit {
		const headers = new Headers(init?.headers);
		if (!headers.has('x-pm-appversion')) {
			headers.set('x-pm-appversion', APP_VERSION);
		}
		if (isOnApi(url, this.apiBase)) {
			headers.set('x-pm-uid', this.#tokens.uid);
			headers.set('authorization', `Bearer ${this.#tokens.accessToken}`);
		}
		return {...init, headers};
	}

	/** Refreshes once for everyone that saw `failedAccessToken` rejected. */
	async refresh(failedAccessToken: string): Promise<void> {
		if (this.#tokens.accessToken !== failedAccessToken) {
			return; // someone in this process already refreshed
		}
		if (!this.#refreshing) {
			this.#refreshing = (async () => {
				const next = await refreshTokens({
					fetch: this.#fetch,
					apiBase: this.apiBase,
					store: this.#store,
					current: {...this.#tokens, username: this.username, keyPassword: this.#keyPassword},
					failedAccessToken,
				});
				this.refreshCount++;
				this.#tokens = next;
			})().finally(() => {
				this.#refreshing = undefined;
			});
		}
		await this.#refreshing;
	}

	async fetch(input: string | URL, init?: RequestInit): Promise<Response> {
		const url =
			typeof input === 'string' && input.startsWith('/')
				? apiUrl(this.apiBase, input)
				: new URL(input);
		const usedToken = this.#tokens.accessToken;
		const first = await this.#fetch(url, this.#withAuth(init, url));
		if (first.status !== 401 || !isOnApi(url, this.apiBase) || isSkipped(url, this.apiBase)) {
			return first;
		}
		await first.body?.cancel().catch(() => undefined);
		await this.refresh(usedToken);
		if (!replayable(init?.body)) {
			return first;
		}
		return this.#fetch(url, this.#withAuth(init, url));
	}

	async request<T>(opts: RequestOptions): Promise<T> {
		const url = apiUrl(this.apiBase, opts.path);
		const {timeoutMs, ...init} = jsonInit(opts);
		const response = await sendRaw((u, i) => this.fetch(u as URL, i), url, {...init, timeoutMs});
		return parseEnvelope<T>(response);
	}

	async logout(): Promise<void> {
		let networkProblem: unknown;
		try {
			const url = apiUrl(this.apiBase, '/auth/v4');
			const response = await sendRaw(this.#fetch, url, {
				...this.#withAuth({method: 'DELETE'}, url),
				timeoutMs: 10_000,
			});
			if (response.status !== 401) {
				await parseEnvelope(response).catch(() => undefined);
			} else {
				await response.body?.cancel().catch(() => undefined);
			}
		} catch (error) {
			networkProblem = error;
		}
		await this.#store.clear();
		this.account = {userKeys: [], addresses: []};
		if (networkProblem !== undefined) {
			const reason =
				networkProblem instanceof Error ? networkProblem.message : String(networkProblem);
			throw new LoginError(
				'network',
				`Signed out on this computer, but the server could not be told to end the session: ${reason}`,
				{cause: networkProblem},
			);
		}
	}
}

/** Fetches the user and addresses with the session and unlocks the keys with the stored key password. */
export async function loadAccount(
	session: AuthenticatedSession,
	keyPassword: string,
): Promise<UnlockedAccount> {
	const {User} = await session.request<{User: ApiUser}>({method: 'GET', path: '/core/v4/users'});
	const {Addresses} = await session.request<{Addresses: ApiAddress[]}>({
		method: 'GET',
		path: '/core/v4/addresses',
	});
	return unlockAccount({user: User, addresses: Addresses ?? [], keyPassword});
}

/**
 * Rebuilds a session from the store (no password, no salts call). Undefined when nothing is stored for
 * this API base; LoginError('session-expired') when stored but no longer usable.
 */
export async function resumeSession(opts: {
	apiBase: URL;
	store: SessionStore;
	fetch?: typeof fetch;
}): Promise<ActiveSession | undefined> {
	const stored = await opts.store.load();
	if (!stored || stored.apiBase !== opts.apiBase.href) {
		return undefined;
	}
	const session = new AuthenticatedSession({
		apiBase: opts.apiBase,
		store: opts.store,
		fetch: opts.fetch,
		stored,
	});
	try {
		session.account = await loadAccount(session, stored.keyPassword);
	} catch (error) {
		if (error instanceof KeyPasswordError || error instanceof NoAddressKeysError) {
			await opts.store.clear();
			throw new LoginError(
				'session-expired',
				`The saved session can no longer unlock your keys (password changed?). ${messages.sessionExpired}`,
				{
					cause: error,
				},
			);
		}
		throw error;
	}
	return session;
}
