// An SRP + key-unlocking Proton client written independently of source/ (it must import nothing from
// there): only node:crypto, bcryptjs, openpgp, otpauth and its own BigInt maths. It logs in to an API
// (the emulator), checks the modulus signature against Proton's real modulus key, checks the server
// proof, passes TOTP, derives the key password and unlocks the user and address keys.

import {createHash, randomBytes} from 'node:crypto';
import bcrypt from 'bcryptjs';
import * as openpgp from 'openpgp';
import * as OTPAuth from 'otpauth';

export const INDEPENDENT_APP_VERSION = 'external-drive-independent_client@1.0.0';

/** Proton's SRP modulus signing key (public; fingerprint 248097092b458509c508dac0350585c4e9518f26). */
const PROTON_MODULUS_KEY = `-----BEGIN PGP PUBLIC KEY BLOCK-----

xjMEXAHLgxYJKwYBBAHaRw8BAQdAFurWXXwjTemqjD7CXjXVyKf0of7n9Ctm
L8v9enkzggHNEnByb3RvbkBzcnAubW9kdWx1c8J3BBAWCgApBQJcAcuDBgsJ
BwgDAgkQNQWFxOlRjyYEFQgKAgMWAgECGQECGwMCHgEAAPGRAP9sauJsW12U
MnTQUZpsbJb53d0Wv55mZIIiJL2XulpWPQD/V6NglBd96lZKBmInSXX/kXat
Sv+y0io+LR8i2+jV+AbOOARcAcuDEgorBgEEAZdVAQUBAQdAeJHUz1c9+KfE
kSIgcBRE3WuXC4oj5a2/U3oASExGDW4DAQgHwmEEGBYIABMFAlwBy4MJEDUF
hcTpUY8mAhsMAAD/XQD8DxNI6E78meodQI+wLsrKLeHn32iLvUqJbVDhfWSU
WO4BAMcm1u02t4VKw++ttECPt+HUgPUq5pqQWe5Q2cW4TMsE
=Y4Mw
-----END PGP PUBLIC KEY BLOCK-----`;
const PROTON_MODULUS_FINGERPRINT = '248097092b458509c508dac0350585c4e9518f26';

// ---- little-endian big integers -------------------------------------------------------------

function leToInt(bytes: Uint8Array): bigint {
	let n = 0n;
	for (let i = bytes.length - 1; i >= 0; i--) n = (n << 8n) | BigInt(bytes[i]!);
	return n;
}

function intToLe(n: bigint, length = 256): Uint8Array {
	const out = new Uint8Array(length);
	for (let i = 0; i < length; i++) {
		out[i] = Number(n & 0xffn);
		n >>= 8n;
	}
	if (n !== 0n) throw new Error('integer too large');
	return out;
}

function powMod(base: bigint, exp: bigint, m: bigint): bigint {
	let r = 1n;
	base %= m;
	while (exp > 0n) {
		if (exp & 1n) r = (r * base) % m;
		base = (base * base) % m;
		exp >>= 1n;
	}
	return r;
}

const cat = (...parts: Uint8Array[]) => new Uint8Array(Buffer.concat(parts));

function H(data: Uint8Array): Uint8Array {
	const parts = [0, 1, 2, 3].map((i) =>
		createHash('sha512').update(data).update(Uint8Array.of(i)).digest(),
	);
	return new Uint8Array(Buffer.concat(parts));
}

// ---- bcrypt ---------------------------------------------------------------------------------

const BCRYPT_ALPHABET = './ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** bcrypt's base64 (MSB first, no padding): 16 bytes → 22 characters. */
function bcryptB64(bytes: Uint8Array): string {
	let bits = '';
	for (const b of bytes) bits += b.toString(2).padStart(8, '0');
	while (bits.length % 6 !== 0) bits += '0';
	let out = '';
	for (let i = 0; i < bits.length; i += 6)
		out += BCRYPT_ALPHABET[Number.parseInt(bits.slice(i, i + 6), 2)];
	return out;
}

async function bcrypt2y(password: string, salt16: Uint8Array): Promise<string> {
	const h = await bcrypt.hash(password, `$2y$10$${bcryptB64(salt16)}`);
	return `$2y$${h.slice(4)}`;
}

// ---- SRP ------------------------------------------------------------------------------------

async function verifiedModulus(signed: string): Promise<Uint8Array> {
	const key = await openpgp.readKey({armoredKey: PROTON_MODULUS_KEY});
	if (key.getFingerprint() !== PROTON_MODULUS_FINGERPRINT)
		throw new Error('modulus key fingerprint mismatch');
	const message = await openpgp.readCleartextMessage({cleartextMessage: signed});
	const result = await openpgp.verify({message, verificationKeys: [key], expectSigned: true});
	for (const s of result.signatures) await s.verified;
	const text = String(result.data).trim();
	const bytes = new Uint8Array(Buffer.from(text, 'base64'));
	if (bytes.length !== 256) throw new Error('modulus is not 2048 bits');
	const n = leToInt(bytes);
	if (n % 8n !== 3n) throw new Error('modulus fails N mod 8 == 3');
	return bytes;
}

async function srpProofs(opts: {
	password: string;
	salt: Uint8Array;
	modulus: Uint8Array;
	serverEphemeral: Uint8Array;
}) {
	const N = leToInt(opts.modulus);
	const B = leToInt(opts.serverEphemeral);
	if (B <= 1n || B >= N - 1n) throw new Error('server ephemeral out of range');
	const s16 = cat(opts.salt, new TextEncoder().encode('proton')).slice(0, 16);
	const hashed = await bcrypt2y(opts.password, s16);
	const x = leToInt(H(cat(new TextEncoder().encode(hashed), opts.modulus)));
	const k = leToInt(H(cat(intToLe(2n), opts.modulus))) % N;
	for (;;) {
		const a = leToInt(new Uint8Array(randomBytes(256))) % (N - 1n);
		if (a <= 4096n) continue;
		const A = intToLe(powMod(2n, a, N));
		const u = leToInt(H(cat(A, opts.serverEphemeral)));
		if (u === 0n) continue;
		let base = (B - ((k * powMod(2n, x, N)) % N)) % N;
		if (base < 0n) base += N;
		const S = intToLe(powMod(base, (u * x + a) % (N - 1n), N));
		const M1 = H(cat(A, opts.serverEphemeral, S));
		const M2 = H(cat(A, M1, S));
		return {clientEphemeral: A, clientProof: M1, expectedServerProof: M2};
	}
}

// ---- HTTP -----------------------------------------------------------------------------------

export class IndependentApiError extends Error {
	constructor(
		readonly status: number,
		readonly code: number,
		message: string,
		readonly body: any,
	) {
		super(`${status} ${code} ${message}`);
	}
}

export interface IndependentAuth {
	uid: string;
	accessToken: string;
}

export async function call<T = any>(
	baseUrl: string,
	method: string,
	path: string,
	opts: {json?: unknown; auth?: IndependentAuth; headers?: Record<string, string>} = {},
): Promise<T> {
	const headers: Record<string, string> = {
		'x-pm-appversion': INDEPENDENT_APP_VERSION,
		...opts.headers,
	};
	if (opts.json !== undefined) headers['content-type'] = 'application/json';
	if (opts.auth) {
		headers['x-pm-uid'] = opts.auth.uid;
		headers.authorization = `Bearer ${opts.auth.accessToken}`;
	}
	const response = await fetch(new URL(path, baseUrl), {
		method,
		headers,
		body: opts.json === undefined ? undefined : JSON.stringify(opts.json),
	});
	const body = await response.json().catch(() => ({}));
	if (!response.ok || (body.Code !== 1000 && body.Code !== 1001)) {
		throw new IndependentApiError(response.status, body.Code ?? 0, body.Error ?? '', body);
	}
	return body as T;
}

// ---- login + unlock -------------------------------------------------------------------------

export interface IndependentAddress {
	id: string;
	email: string;
	keys: {id: string; key: openpgp.PrivateKey; primary: boolean}[];
}

export interface IndependentSession extends IndependentAuth {
	refreshToken: string;
	userId: string;
	email: string;
	keyPassword: string;
	passwordMode: number;
	scopes: string[];
	userKeys: openpgp.PrivateKey[];
	addresses: IndependentAddress[];
	/** Keys of the primary address, primary key first. */
	addressKeys: openpgp.PrivateKey[];
	/** ID of the primary address. */
	addressId: string;
}

export async function independentLogin(
	baseUrl: string,
	username: string,
	password: string,
	totpSecret?: string,
	opts: {mailboxPassword?: string} = {},
): Promise<IndependentSession> {
	const info = await call(baseUrl, 'POST', '/auth/v4/info', {
		json: {Username: username, Intent: 'Proton'},
	});
	if (info.Version !== 4 && info.Version !== 3)
		throw new Error(`unsupported auth version ${info.Version}`);
	const modulus = await verifiedModulus(info.Modulus);
	const proofs = await srpProofs({
		password,
		salt: new Uint8Array(Buffer.from(info.Salt, 'base64')),
		modulus,
		serverEphemeral: new Uint8Array(Buffer.from(info.ServerEphemeral, 'base64')),
	});
	const auth = await call(baseUrl, 'POST', '/auth/v4', {
		json: {
			Username: username,
			ClientEphemeral: Buffer.from(proofs.clientEphemeral).toString('base64'),
			ClientProof: Buffer.from(proofs.clientProof).toString('base64'),
			SRPSession: info.SRPSession,
			PersistentCookies: 0,
		},
	});
	if (!Buffer.from(auth.ServerProof, 'base64').equals(Buffer.from(proofs.expectedServerProof))) {
		throw new Error('server proof mismatch');
	}
	const session: IndependentAuth = {uid: auth.UID, accessToken: auth.AccessToken};
	let scopes: string[] = auth.Scopes;
	if (auth['2FA']?.Enabled & 1) {
		if (!totpSecret) throw new Error('account needs a TOTP code');
		scopes = await submitTotp(baseUrl, session, totpSecret);
	}

	const {User: user} = await call(baseUrl, 'GET', '/core/v4/users', {auth: session});
	const {KeySalts: salts} = await call(baseUrl, 'GET', '/core/v4/keys/salts', {auth: session});
	const primary = user.Keys.find((k: any) => k.Primary === 1) ?? user.Keys[0];
	const salt = salts.find((s: any) => s.ID === primary.ID)?.KeySalt;
	const source = auth.PasswordMode === 2 ? opts.mailboxPassword : password;
	if (source === undefined) throw new Error('two-password account: mailbox password needed');
	const keyPassword = salt
		? (await bcrypt2y(source, new Uint8Array(Buffer.from(salt, 'base64')))).slice(29)
		: source;

	const userKeys: openpgp.PrivateKey[] = [];
	for (const k of user.Keys.filter((k: any) => k.Active === 1)) {
		const locked = await openpgp.readPrivateKey({armoredKey: k.PrivateKey});
		userKeys.push(await openpgp.decryptKey({privateKey: locked, passphrase: keyPassword}));
	}
	if (userKeys.length === 0) throw new Error('no user key could be unlocked');
	const userPublic = userKeys.map((k) => k.toPublic());

	const {Addresses} = await call(baseUrl, 'GET', '/core/v4/addresses', {auth: session});
	const addresses: IndependentAddress[] = [];
	for (const a of Addresses) {
		const keys: IndependentAddress['keys'] = [];
		for (const k of a.Keys.filter((k: any) => k.Active === 1)) {
			let passphrase = keyPassword;
			if (k.Token && k.Signature) {
				const decrypted = await openpgp.decrypt({
					message: await openpgp.readMessage({armoredMessage: k.Token}),
					decryptionKeys: userKeys,
					format: 'binary',
				});
				const tokenBytes = decrypted.data as Uint8Array;
				const check = await openpgp.verify({
					message: await openpgp.createMessage({binary: tokenBytes}),
					signature: await openpgp.readSignature({armoredSignature: k.Signature}),
					verificationKeys: userPublic,
					expectSigned: true,
				});
				for (const s of check.signatures) await s.verified;
				passphrase = Buffer.from(tokenBytes).toString('utf8');
			}
			const locked = await openpgp.readPrivateKey({armoredKey: k.PrivateKey});
			keys.push({
				id: k.ID,
				key: await openpgp.decryptKey({privateKey: locked, passphrase}),
				primary: k.Primary === 1,
			});
		}
		keys.sort((x, y) => Number(y.primary) - Number(x.primary));
		addresses.push({id: a.ID, email: a.Email, keys});
	}
	const primaryAddress = addresses[0];
	if (!primaryAddress || primaryAddress.keys.length === 0)
		throw new Error('no address key could be unlocked');

	return {
		...session,
		refreshToken: auth.RefreshToken,
		userId: auth.UserID,
		email: primaryAddress.email,
		keyPassword,
		passwordMode: auth.PasswordMode,
		scopes,
		userKeys,
		addresses,
		addressKeys: primaryAddress.keys.map((k) => k.key),
		addressId: primaryAddress.id,
	};
}

/** Submits the current code; when the server says it was already used, the next step's code. */
async function submitTotp(
	baseUrl: string,
	session: IndependentAuth,
	secretBase32: string,
): Promise<string[]> {
	const secret = OTPAuth.Secret.fromBase32(secretBase32);
	const now = Date.now();
	try {
		const r = await call(baseUrl, 'POST', '/auth/v4/2fa', {
			auth: session,
			json: {TwoFactorCode: OTPAuth.TOTP.generate({secret, timestamp: now})},
		});
		return r.Scopes;
	} catch (error) {
		if (!(error instanceof IndependentApiError) || !/already used/i.test(error.message))
			throw error;
		const r = await call(baseUrl, 'POST', '/auth/v4/2fa', {
			auth: session,
			json: {TwoFactorCode: OTPAuth.TOTP.generate({secret, timestamp: now + 30_000})},
		});
		return r.Scopes;
	}
}
