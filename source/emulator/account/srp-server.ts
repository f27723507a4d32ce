import {randomBytes, timingSafeEqual} from 'node:crypto';
import {bigIntToBytesLE, bytesToBigIntLE, modPow} from '../../services/auth/srp/bigint.js';
import {concatBytes, expandHash} from '../../services/auth/srp/expand-hash.js';
import {hashPassword} from '../../services/auth/srp/hash-password.js';
import type {ModulusEntry} from './moduli.js';

// Server side of Proton's SRP-6a variant (auth.md §4.7): g = 2, expandHash, 256-byte little-endian.

const G = 2n;

/** k = int(H(bytes(2) ‖ N_bytes)) mod N. */
export function multiplier(modulus: ModulusEntry): bigint {
	return bytesToBigIntLE(expandHash(concatBytes(bigIntToBytesLE(G), modulus.bytes))) % modulus.n;
}

/** Uniformly random secret with 4096 < s < N-1. */
export function randomSecret(n: bigint): bigint {
	for (;;) {
		const s = bytesToBigIntLE(new Uint8Array(randomBytes(256))) % (n - 1n);
		if (s > 4096n) return s;
	}
}

/** Version-4 verifier v = 2^x mod N for a password and a 10-byte salt. */
export async function makeVerifier(
	password: string,
	salt: Uint8Array,
	modulus: ModulusEntry,
): Promise<Uint8Array> {
	const x = await hashPassword({version: 4, password, username: '', salt, modulus: modulus.bytes});
	return bigIntToBytesLE(modPow(G, bytesToBigIntLE(x), modulus.n));
}

export interface ServerChallenge {
	/** Secret b (kept server side only, in memory). */
	b: bigint;
	/** B as sent: 256 bytes LE. */
	serverEphemeral: Uint8Array;
}

/** B = (k·v + 2^b) mod N. */
export function serverChallenge(verifier: Uint8Array, modulus: ModulusEntry): ServerChallenge {
	const n = modulus.n;
	const v = bytesToBigIntLE(verifier);
	const k = multiplier(modulus);
	for (;;) {
		const b = randomSecret(n);
		const B = (k * v + modPow(G, b, n)) % n;
		if (B > 1n) return {b, serverEphemeral: bigIntToBytesLE(B)};
	}
}

/**
 * Checks the client's proof. Returns the server proof to send, or undefined when the proof is wrong
 * (or the client ephemeral is out of range).
 */
export function checkClientProof(opts: {
	modulus: ModulusEntry;
	verifier: Uint8Array;
	challenge: ServerChallenge;
	clientEphemeral: Uint8Array;
	clientProof: Uint8Array;
}): Uint8Array | undefined {
	const {modulus, challenge, clientEphemeral, clientProof} = opts;
	const n = modulus.n;
	if (clientEphemeral.length !== 256 || clientProof.length !== 256) return undefined;
	const A = bytesToBigIntLE(clientEphemeral);
	if (A <= 1n || A >= n - 1n) return undefined;
	const u = bytesToBigIntLE(expandHash(concatBytes(clientEphemeral, challenge.serverEphemeral)));
	if (u === 0n) return undefined;
	const v = bytesToBigIntLE(opts.verifier);
	const S = modPow((A * modPow(v, u, n)) % n, challenge.b, n);
	const sBytes = bigIntToBytesLE(S);
	const expected = expandHash(concatBytes(clientEphemeral, challenge.serverEphemeral, sBytes));
	if (!timingSafeEqual(expected, clientProof)) return undefined;
	return expandHash(concatBytes(clientEphemeral, expected, sBytes));
}
