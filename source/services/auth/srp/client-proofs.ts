import {randomBytes} from 'node:crypto';
import {bigIntToBytesLE, bytesToBigIntLE, mod, modPow} from './bigint.js';
import {concatBytes, expandHash} from './expand-hash.js';
import {hashPassword} from './hash-password.js';
import {verifyModulus} from './modulus.js';
import {ServerIdentityError} from './server-identity-error.js';

export interface SrpClientProofs {
	clientEphemeral: Uint8Array;
	clientProof: Uint8Array;
	expectedServerProof: Uint8Array;
}

export interface SrpClientInput {
	version: number;
	username: string;
	password: string;
	salt: Uint8Array;
	signedModulus: string;
	serverEphemeral: Uint8Array;
	/** Client secret `a`; only for deterministic tests. Random when omitted. */
	clientSecret?: bigint;
}

/** SRP multiplier k = H(bytes(2) ‖ N) mod N (auth.md §4.6 step 2). */
export function srpMultiplier(modulus: Uint8Array): bigint {
	const n = bytesToBigIntLE(modulus);
	const k = mod(bytesToBigIntLE(expandHash(concatBytes(bigIntToBytesLE(2n), modulus))), n);
	if (k <= 1n || k >= n - 1n) {
		throw new ServerIdentityError('the SRP multiplier is out of range');
	}
	return k;
}

function randomClientSecret(n: bigint): bigint {
	for (;;) {
		const a = bytesToBigIntLE(randomBytes(256));
		if (a > 4096n && a < n - 1n) {
			return a;
		}
	}
}

/** The SRP client maths on a verified modulus and a hashed password `x` (auth.md §4.6). */
export function computeClientProofs(opts: {
	modulus: Uint8Array;
	hashedPassword: Uint8Array;
	serverEphemeral: Uint8Array;
	clientSecret?: bigint;
}): SrpClientProofs {
	const {modulus, hashedPassword, serverEphemeral} = opts;
	const n = bytesToBigIntLE(modulus);
	const b = bytesToBigIntLE(serverEphemeral);
	if (serverEphemeral.length !== 256 || b <= 1n || b >= n - 1n) {
		throw new ServerIdentityError('the server ephemeral is out of range');
	}
	const k = srpMultiplier(modulus);
	const x = bytesToBigIntLE(hashedPassword);
	for (;;) {
		const a = opts.clientSecret ?? randomClientSecret(n);
		if (a <= 1n || a >= n - 1n) {
			throw new RangeError('The client secret is out of range');
		}
		const clientEphemeral = bigIntToBytesLE(modPow(2n, a, n));
		const u = bytesToBigIntLE(expandHash(concatBytes(clientEphemeral, serverEphemeral)));
		if (u === 0n) {
			if (opts.clientSecret !== undefined) {
				throw new ServerIdentityError('the SRP scrambler is zero');
			}
			continue;
		}
		const base = mod(b - mod(k * modPow(2n, x, n), n), n);
		const exponent = mod(u * x + a, n - 1n);
		const shared = bigIntToBytesLE(modPow(base, exponent, n));
		const clientProof = expandHash(concatBytes(clientEphemeral, serverEphemeral, shared));
		const expectedServerProof = expandHash(concatBytes(clientEphemeral, clientProof, shared));
		return {clientEphemeral, clientProof, expectedServerProof};
	}
}

/** Verifies the modulus, hashes the password and computes the SRP proofs for POST /auth/v4. */
export async function srpClientProofs(input: SrpClientInput): Promise<SrpClientProofs> {
	const modulus = await verifyModulus(input.signedModulus);
	const hashedPassword = await hashPassword({
		version: input.version,
		password: input.password,
		username: input.username,
		salt: input.salt,
		modulus,
	});
	return computeClientProofs({
		modulus,
		hashedPassword,
		serverEphemeral: input.serverEphemeral,
		clientSecret: input.clientSecret,
	});
}
