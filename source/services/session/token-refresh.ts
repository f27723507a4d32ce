import {setTimeout as sleep} from 'node:timers/promises';
import {apiUrl} from '../api/api-base.js';
import {ApiError} from '../api/api-error.js';
import {jsonInit, parseEnvelope, sendRaw} from '../api/transport.js';
import type {RefreshResponse} from '../auth/api-types.js';
import {LoginError, messages} from '../auth/login-errors.js';
import type {SessionStore, StoredSession} from './session-store.js';

export interface Tokens {
	uid: string;
	accessToken: string;
	refreshToken: string;
}

/** 400/422 (e.g. 10013) and 401 on the refresh call: the refresh token is dead. */
function isRejected(error: unknown): boolean {
	return (
		error instanceof ApiError &&
		(error.status === 400 || error.status === 422 || error.status === 401)
	);
}

async function callRefresh(fetchFn: typeof fetch, apiBase: URL, tokens: Tokens): Promise<Tokens> {
	for (let attempt = 0; ; attempt++) {
		try {
			const response = await sendRaw(
				fetchFn,
				apiUrl(apiBase, '/auth/v4/refresh'),
				jsonInit(
					{
						method: 'POST',
						path: '/auth/v4/refresh',
						json: {
							ResponseType: 'token',
							GrantType: 'refresh_token',
							RefreshToken: tokens.refreshToken,
							RedirectURI: 'https://protonmail.ch',
							UID: tokens.uid,
						},
					},
					{'x-pm-uid': tokens.uid},
				),
			);
			const body = await parseEnvelope<RefreshResponse>(response);
			return {
				uid: body.UID || tokens.uid,
				accessToken: body.AccessToken,
				refreshToken: body.RefreshToken || tokens.refreshToken,
			};
		} catch (error) {
			// 409 = refresh race on the server side: retry a couple of times.
			if (error instanceof ApiError && error.status === 409 && attempt < 2) {
				await sleep(100 * (attempt + 1));
				continue;
			}
			throw error;
		}
	}
}

/**
 * One refresh, coordinated through the store (auth.md §2.4, §7): adopt tokens another process already
 * rotated; otherwise refresh, persist the new pair, then return it. A rejected refresh re-reads the
 * store once more before declaring the session dead (LoginError 'session-expired', store cleared).
 * Network errors and 429/5xx leave the stored session alone.
 */
export async function refreshTokens(opts: {
	fetch: typeof fetch;
	apiBase: URL;
	store: SessionStore;
	current: Tokens & {username: string; keyPassword: string};
	failedAccessToken: string;
}): Promise<Tokens> {
	const {store, current, failedAccessToken} = opts;
	const sameSession = (s: StoredSession | undefined): s is StoredSession =>
		s !== undefined && s.apiBase === opts.apiBase.href && s.username === current.username;
	const adoptable = (s: StoredSession | undefined): StoredSession | undefined =>
		sameSession(s) && s.accessToken !== failedAccessToken && s.accessToken !== '' ? s : undefined;

	const run = async (): Promise<Tokens> => {
		const before = await store.load();
		const adoptBefore = adoptable(before);
		if (adoptBefore) {
			return {
				uid: adoptBefore.uid,
				accessToken: adoptBefore.accessToken,
				refreshToken: adoptBefore.refreshToken,
			};
		}
		// Prefer the stored refresh token of this session (another process may hold a newer one).
		const base = sameSession(before) && before.uid === current.uid ? before : current;
		let next: Tokens;
		try {
			next = await callRefresh(opts.fetch, opts.apiBase, {
				uid: base.uid,
				accessToken: base.accessToken,
				refreshToken: base.refreshToken,
			});
		} catch (error) {
			if (!isRejected(error)) {
				throw error;
			}
			await sleep(50);
			const after = await store.load();
			const adoptAfter = adoptable(after);
			if (adoptAfter) {
				return {
					uid: adoptAfter.uid,
					accessToken: adoptAfter.accessToken,
					refreshToken: adoptAfter.refreshToken,
				};
			}
			if (!after || (sameSession(after) && after.accessToken === failedAccessToken)) {
				await store.clear();
			}
			throw new LoginError('session-expired', messages.sessionExpired, {cause: error});
		}
		await store.save({
			apiBase: opts.apiBase.href,
			username: current.username,
			keyPassword: current.keyPassword,
			...next,
		});
		return next;
	};
	return store.withLock ? store.withLock(run) : run();
}
