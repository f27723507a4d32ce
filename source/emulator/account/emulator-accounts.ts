import {randomBytes} from 'node:crypto';
import * as OTPAuth from 'otpauth';
import type {RequestContext, Router} from '../http/router.js';
import type {Middleware} from '../http/server.js';
import type {StoredAddress, StoredUser} from './account-model.js';
import {AccountStore} from './account-store.js';
import {registerAuthRoutes} from './auth-routes.js';
import {type AccountControls, createSwitches} from './controls.js';
import {registerCoreRoutes} from './core-routes.js';
import {appVersionGuard, rateLimitGuard} from './guards.js';
import {randomModulus} from './moduli.js';
import {Sessions} from './sessions.js';
import {makeVerifier} from './srp-server.js';
import {generateUserKeys, randomId} from './user-keys.js';

export interface AccountSpec {
	username: string;
	password: string;
	/** Defaults to the username when it contains `@`, else `<username>@example.com`. */
	email?: string;
	/** Base32 TOTP secret: enables 2FA (TOTP) for the account. */
	totpSecret?: string;
	/** Two-password mode: keys are locked with this password's key password (PasswordMode 2). */
	mailboxPassword?: string;
}

export interface EmulatorAccounts {
	registerRoutes(router: Router): void;
	/** Rate limit, then app-version check; run before routing for every request. */
	before: Middleware[];
	/** Bearer auth: 401 unknown/expired, 403 missing scope (default `full`). */
	authenticate(ctx: RequestContext, scope?: string): {uid: string; userId: string};
	addressesOf(userId: string): StoredAddress[];
	/** Armored public keys of the address with that email ([] when unknown). */
	publicKeysForEmail(email: string): string[];
	userById(userId: string): StoredUser | undefined;
	controls: AccountControls;
}

export async function createEmulatorAccounts(opts: {
	accounts: AccountSpec[];
	dataDir?: string;
	accessTokenLifetimeSeconds?: number;
}): Promise<EmulatorAccounts> {
	const store = new AccountStore(opts.dataDir);
	const switches = createSwitches();
	const sessions = new Sessions(store, switches, (opts.accessTokenLifetimeSeconds ?? 3600) * 1000);

	const fresh = opts.accounts.filter((spec) => !store.findUser(spec.username));
	for (const user of await Promise.all(fresh.map(createUser))) store.users.set(user.id, user);
	if (fresh.length > 0) store.save();

	const publicKeysForEmail = (email: string): string[] => {
		const wanted = email.trim().toLowerCase();
		for (const user of store.users.values()) {
			const address = user.addresses.find((a) => a.email.toLowerCase() === wanted);
			if (address) return address.keys.map((k) => k.publicKey);
		}
		return [];
	};

	return {
		registerRoutes(router) {
			registerAuthRoutes(router, {store, switches, sessions});
			registerCoreRoutes(router, {store, sessions, publicKeysForEmail});
		},
		before: [rateLimitGuard(switches), appVersionGuard(switches)],
		authenticate(ctx, scope) {
			const {uid, userId} = sessions.authenticate(ctx, scope);
			return {uid, userId};
		},
		addressesOf: (userId) => store.users.get(userId)?.addresses ?? [],
		publicKeysForEmail,
		userById: (userId) => store.users.get(userId),
		controls: {
			expireAccessTokens: () => sessions.expireAll(),
			rateLimitNext(count, retryAfterSeconds) {
				switches.rateLimitRemaining = count;
				switches.rateLimitRetryAfter = retryAfterSeconds;
			},
			requireHumanVerification(on) {
				switches.humanVerification = on;
			},
			refuseAppVersions(list) {
				switches.refusedAppVersions = [...list];
			},
			allowTotpReplay(on) {
				switches.totpReplay = on;
			},
			advanceClock(seconds) {
				switches.clockOffsetMs += seconds * 1000;
			},
			sessionsCount: () => sessions.count(),
			revokeAllSessions: () => sessions.revokeAll(),
		},
	};
}

export function emailFor(spec: AccountSpec): string {
	return (
		spec.email ?? (spec.username.includes('@') ? spec.username : `${spec.username}@example.com`)
	);
}

async function createUser(spec: AccountSpec): Promise<StoredUser> {
	if (!spec.password) throw new Error(`Account ${spec.username}: empty password`);
	const email = emailFor(spec);
	const modulus = randomModulus();
	const salt = new Uint8Array(randomBytes(10));
	const [verifier, keys] = await Promise.all([
		makeVerifier(spec.password, salt, modulus),
		generateUserKeys({
			name: spec.username,
			email,
			keyPasswordSource: spec.mailboxPassword ?? spec.password,
		}),
	]);
	// Refuse a secret that is not base32 now rather than at the first login.
	if (spec.totpSecret) OTPAuth.Secret.fromBase32(spec.totpSecret.replace(/\s+/g, '').toUpperCase());
	return {
		id: randomId(),
		username: spec.username,
		displayName: spec.username.split('@')[0]!,
		srp: {
			version: 4,
			salt: Buffer.from(salt).toString('base64'),
			modulusId: modulus.id,
			verifier: Buffer.from(verifier).toString('base64'),
		},
		passwordMode: spec.mailboxPassword ? 2 : 1,
		userKey: keys.userKey,
		addresses: keys.addresses,
		totpSecret: spec.totpSecret?.replace(/\s+/g, '').toUpperCase(),
		createTime: Date.now(),
	};
}
