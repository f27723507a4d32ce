import {createHmac, randomBytes} from 'node:crypto';
import {bigIntToBytesLE, bytesToBigIntLE, modPow} from '../../services/auth/srp/bigint.js';
import {ApiFailure, invalid, ok} from '../http/replies.js';
import type {RequestContext, Router} from '../http/router.js';
import type {StoredUser} from './account-model.js';
import type {AccountStore} from './account-store.js';
import type {AccountSwitches} from './controls.js';
import {checkHumanVerification} from './guards.js';
import {allModuli, type ModulusEntry, modulusById, randomModulus} from './moduli.js';
import {header, MAX_TWO_FACTOR_FAILURES, type Sessions} from './sessions.js';
import {checkClientProof, type ServerChallenge, serverChallenge} from './srp-server.js';
import {checkTotp} from './totp.js';

// /auth/v4/* and the /core/v4/auth/* aliases (auth.md §2.1–2.7, §4.7, §6, §9.3).

const WRONG_CREDENTIALS = 'Incorrect login credentials. Please try again.';
const SRP_SESSION_LIFETIME_MS = 5 * 60 * 1000;

interface PendingChallenge {
	username: string;
	/** Undefined for the decoy challenge of an unknown username. */
	userId?: string;
	modulus: ModulusEntry;
	verifier: Uint8Array;
	challenge: ServerChallenge;
	expiresAt: number;
}

export interface AuthRoutesDeps {
	store: AccountStore;
	switches: AccountSwitches;
	sessions: Sessions;
}

export function registerAuthRoutes(router: Router, deps: AuthRoutesDeps): void {
	const {store, switches, sessions} = deps;
	const pending = new Map<string, PendingChallenge>();

	const info = (ctx: RequestContext) => {
		checkHumanVerification(ctx, switches);
		const username = ctx.json?.Username;
		if (typeof username !== 'string' || username.trim() === '') {
			throw new ApiFailure(400, 2001, 'Username is required');
		}
		const now = switches.now();
		for (const [id, p] of pending) if (p.expiresAt < now) pending.delete(id);
		const user = store.findUser(username);
		const {modulus, salt, verifier} = user ? realSrp(user) : decoySrp(store.decoySecret, username);
		const challenge = serverChallenge(verifier, modulus);
		const srpSession = randomBytes(16).toString('hex');
		pending.set(srpSession, {
			username,
			userId: user?.id,
			modulus,
			verifier,
			challenge,
			expiresAt: now + SRP_SESSION_LIFETIME_MS,
		});
		return ok({
			Version: 4,
			Modulus: modulus.signed,
			ServerEphemeral: b64(challenge.serverEphemeral),
			Salt: b64(salt),
			SRPSession: srpSession,
			Username: user?.username ?? username,
		});
	};

	const auth = (ctx: RequestContext) => {
		checkHumanVerification(ctx, switches);
		const body = ctx.json ?? {};
		const srpSession = typeof body.SRPSession === 'string' ? body.SRPSession : '';
		const p = pending.get(srpSession);
		pending.delete(srpSession);
		if (!p || p.expiresAt < switches.now()) {
			throw invalid('Unknown or expired SRPSession; start again at /auth/v4/info');
		}
		const user = p.userId ? store.users.get(p.userId) : undefined;
		const sameName =
			typeof body.Username === 'string' && body.Username.toLowerCase() === p.username.toLowerCase();
		const serverProof =
			user && sameName
				? checkClientProof({
						modulus: p.modulus,
						verifier: p.verifier,
						challenge: p.challenge,
						clientEphemeral: fromB64(body.ClientEphemeral),
						clientProof: fromB64(body.ClientProof),
					})
				: undefined;
		if (!user || !serverProof) throw new ApiFailure(422, 8002, WRONG_CREDENTIALS);
		const totp = user.totpSecret ? 1 : 0;
		const tokens = sessions.create(user.id, totp === 1);
		const session = store.sessions.get(tokens.uid)!;
		const scopes = sessions.scopesOf(session);
		return ok({
			UID: tokens.uid,
			UserID: user.id,
			EventID: randomBytes(16).toString('hex'),
			ServerProof: b64(serverProof),
			TokenType: 'Bearer',
			AccessToken: tokens.accessToken,
			RefreshToken: tokens.refreshToken,
			ExpiresIn: Math.round((session.accessExpiresAt - switches.now()) / 1000),
			LocalID: 0,
			Scopes: scopes,
			Scope: scopes.join(' '),
			PasswordMode: user.passwordMode,
			TemporaryPassword: 0,
			'2FA': {Enabled: totp, FIDO2: {AuthenticationOptions: null, RegisteredKeys: []}, TOTP: totp},
			TwoFactor: totp,
		});
	};

	const twoFactor = (ctx: RequestContext) => {
		const {session, userId} = sessions.authenticate(ctx, 'twofactor');
		const user = store.users.get(userId);
		if (!session.twoFactorPending || !user?.totpSecret) {
			const scopes = sessions.scopesOf(session);
			return ok({Scopes: scopes, Scope: scopes.join(' ')});
		}
		const code = typeof ctx.json?.TwoFactorCode === 'string' ? ctx.json.TwoFactorCode : '';
		const check = checkTotp({
			secretBase32: user.totpSecret,
			code,
			nowMs: switches.now(),
			lastUsedStep: user.lastTotpStep,
			allowReplay: switches.totpReplay,
		});
		if (!check.ok) {
			session.failedTwoFactor++;
			if (session.failedTwoFactor >= MAX_TWO_FACTOR_FAILURES) {
				sessions.revoke(session.uid);
				throw new ApiFailure(422, 8002, 'Too many failed attempts. Please log in again.');
			}
			sessions.save();
			const message =
				check.reason === 'replayed'
					? 'This code was already used. Please wait for the next one.'
					: WRONG_CREDENTIALS;
			throw new ApiFailure(422, 8002, message);
		}
		user.lastTotpStep = Math.max(user.lastTotpStep ?? check.step, check.step);
		session.twoFactorPending = false;
		sessions.save();
		const scopes = sessions.scopesOf(session);
		return ok({Scopes: scopes, Scope: scopes.join(' ')});
	};

	const refresh = (ctx: RequestContext) => {
		const body = ctx.json ?? {};
		const uid = header(ctx, 'x-pm-uid') ?? (typeof body.UID === 'string' ? body.UID : undefined);
		const {tokens, session} = sessions.refresh(
			uid,
			typeof body.RefreshToken === 'string' ? body.RefreshToken : undefined,
		);
		const scopes = sessions.scopesOf(session);
		return ok({
			UID: tokens.uid,
			AccessToken: tokens.accessToken,
			RefreshToken: tokens.refreshToken,
			TokenType: 'Bearer',
			Scopes: scopes,
			Scope: scopes.join(' '),
			ExpiresIn: Math.round((session.accessExpiresAt - switches.now()) / 1000),
			LocalID: 0,
			RefreshCounter: session.refreshCounter,
		});
	};

	const logout = (ctx: RequestContext) => {
		const {uid} = sessions.authenticate(ctx, 'twofactor');
		sessions.revoke(uid);
		return ok();
	};

	const scopes = (ctx: RequestContext) => {
		const {session} = sessions.authenticate(ctx, 'twofactor');
		const list = sessions.scopesOf(session);
		return ok({Scopes: list, Scope: list.join(' ')});
	};

	const modulus = () => {
		const m = randomModulus();
		return ok({Modulus: m.signed, ModulusID: m.id});
	};

	for (const prefix of ['/auth/v4', '/core/v4/auth']) {
		router.post(`${prefix}/info`, info);
		router.post(prefix, auth);
		router.post(`${prefix}/2fa`, twoFactor);
		router.post(`${prefix}/refresh`, refresh);
		router.delete(prefix, logout);
		router.get(`${prefix}/scopes`, scopes);
		router.get(`${prefix}/modulus`, modulus);
	}
}

function realSrp(user: StoredUser) {
	const modulus = modulusById(user.srp.modulusId);
	if (!modulus) throw new Error(`Unknown modulus ${user.srp.modulusId}`);
	return {modulus, salt: fromB64(user.srp.salt), verifier: fromB64(user.srp.verifier)};
}

/**
 * Unknown usernames get a challenge that looks like a real one (stable salt and modulus per name,
 * derived from a server secret) and can never be answered, so the failure shows up at `/auth/v4` as
 * the same 422/8002 as a wrong password: no account enumeration through `/auth/v4/info`.
 */
function decoySrp(secret: Buffer, username: string) {
	const mac = (label: string) =>
		createHmac('sha256', secret).update(`${label}:${username.toLowerCase()}`).digest();
	const moduli = allModuli();
	const modulus = moduli[mac('modulus')[0]! % moduli.length]!;
	const salt = new Uint8Array(mac('salt').subarray(0, 10));
	const x = bytesToBigIntLE(new Uint8Array(Buffer.concat([mac('x1'), mac('x2')])));
	const verifier = bigIntToBytesLE(modPow(2n, x, modulus.n));
	return {modulus, salt, verifier};
}

function b64(bytes: Uint8Array): string {
	return Buffer.from(bytes).toString('base64');
}

function fromB64(value: unknown): Uint8Array {
	return typeof value === 'string'
		? new Uint8Array(Buffer.from(value, 'base64'))
		: new Uint8Array();
}
