import {createHash, randomBytes, timingSafeEqual} from 'node:crypto';
import {ApiFailure} from '../http/replies.js';
import type {RequestContext} from '../http/router.js';
import type {StoredSession} from './account-model.js';
import type {AccountStore} from './account-store.js';
import type {AccountSwitches} from './controls.js';

/** Scopes of a session that passed every factor (names from auth.md §2.6; the real set varies). */
export const FULL_SCOPES = [
	'full',
	'self',
	'user',
	'loggedin',
	'keys',
	'nondelinquent',
	'paid',
	'drive',
	'mail',
];
/** Scopes granted only for a short window after the SRP proof. */
export const PASSWORD_SCOPES = ['locked', 'password'];
export const PASSWORD_SCOPE_WINDOW_MS = 10 * 60 * 1000;
export const MAX_TWO_FACTOR_FAILURES = 5;

export interface IssuedTokens {
	uid: string;
	accessToken: string;
	refreshToken: string;
}

export interface AuthenticatedSession {
	uid: string;
	userId: string;
	session: StoredSession;
}

export function hashToken(token: string): string {
	return createHash('sha256').update(token).digest('hex');
}

function sameHash(a: string, b: string): boolean {
	const x = Buffer.from(a, 'hex');
	const y = Buffer.from(b, 'hex');
	return x.length === y.length && timingSafeEqual(x, y);
}

const token = () => randomBytes(20).toString('hex');

/** Session lifecycle: creation after SRP, bearer authentication, refresh rotation, revocation. */
export class Sessions {
	constructor(
		private readonly store: AccountStore,
		private readonly switches: AccountSwitches,
		private readonly accessLifetimeMs: number,
	) {}

	create(userId: string, twoFactorPending: boolean): IssuedTokens {
		const now = this.switches.now();
		const issued = {uid: token(), accessToken: token(), refreshToken: token()};
		this.store.sessions.set(issued.uid, {
			uid: issued.uid,
			userId,
			accessHash: hashToken(issued.accessToken),
			accessExpiresAt: now + this.accessLifetimeMs,
			refreshHash: hashToken(issued.refreshToken),
			refreshCounter: 0,
			twoFactorPending,
			failedTwoFactor: 0,
			passwordScopesUntil: now + PASSWORD_SCOPE_WINDOW_MS,
			createdAt: now,
		});
		this.store.save();
		return issued;
	}

	scopesOf(session: StoredSession): string[] {
		if (session.twoFactorPending) return ['twofactor'];
		const scopes = [...FULL_SCOPES];
		if (this.switches.now() < session.passwordScopesUntil) scopes.push(...PASSWORD_SCOPES);
		return scopes;
	}

	/**
	 * Checks `x-pm-uid` + `Authorization: Bearer`. 401 for missing/unknown/expired tokens; 403 9100
	 * with `Details.MissingScopes` when the session lacks `scope` (default `full`; pass `twofactor`
	 * for calls allowed before the second factor, `locked` for the password-window calls).
	 */
	authenticate(ctx: RequestContext, scope = 'full'): AuthenticatedSession {
		const uid = header(ctx, 'x-pm-uid');
		const auth = header(ctx, 'authorization');
		const bearer = auth?.match(/^Bearer\s+(\S+)$/i)?.[1];
		const session = uid ? this.store.sessions.get(uid) : undefined;
		if (!session || !bearer || !sameHash(hashToken(bearer), session.accessHash)) {
			throw new ApiFailure(401, 401, 'Invalid access token');
		}
		if (this.switches.now() >= session.accessExpiresAt) {
			throw new ApiFailure(401, 401, 'Access token expired');
		}
		if (scope !== 'twofactor') {
			const scopes = this.scopesOf(session);
			if (!scopes.includes(scope)) {
				const code = PASSWORD_SCOPES.includes(scope) ? 9101 : 9100;
				throw new ApiFailure(403, code, 'Access token does not have sufficient scope', {
					MissingScopes: [scope],
				});
			}
		}
		ctx.locals.session = session;
		return {uid: session.uid, userId: session.userId, session};
	}

	/** Rotates both tokens; the old refresh token is dead afterwards (reuse → 422/10013). */
	refresh(
		uid: string | undefined,
		refreshToken: string | undefined,
	): {tokens: IssuedTokens; session: StoredSession} {
		const session = uid ? this.store.sessions.get(uid) : undefined;
		if (!session || !refreshToken || !sameHash(hashToken(refreshToken), session.refreshHash)) {
			throw new ApiFailure(422, 10013, 'Invalid refresh token');
		}
		const tokens = {uid: session.uid, accessToken: token(), refreshToken: token()};
		session.accessHash = hashToken(tokens.accessToken);
		session.refreshHash = hashToken(tokens.refreshToken);
		session.accessExpiresAt = this.switches.now() + this.accessLifetimeMs;
		session.refreshCounter++;
		this.store.save();
		return {tokens, session};
	}

	revoke(uid: string): void {
		if (this.store.sessions.delete(uid)) this.store.save();
	}

	revokeAll(): void {
		this.store.sessions.clear();
		this.store.save();
	}

	expireAll(): void {
		const now = this.switches.now();
		for (const s of this.store.sessions.values())
			s.accessExpiresAt = Math.min(s.accessExpiresAt, now);
		this.store.save();
	}

	count(): number {
		return this.store.sessions.size;
	}

	save(): void {
		this.store.save();
	}
}

export function header(ctx: RequestContext, name: string): string | undefined {
	const v = ctx.headers[name];
	return Array.isArray(v) ? v[0] : v;
}
