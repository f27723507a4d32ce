import {bigIntToBytesLE, bytesToBigIntLE, modPow} from './bigint.js';
import {hashPassword} from './hash-password.js';

/** SRP verifier v = 2^x mod N as 256 bytes LE (auth.md §4.7); the modulus is already verified/trusted. */
export async function computeVerifier(opts: {
	version: number;
	password: string;
	username?: string;
	salt: Uint8Array;
	modulus: Uint8Array;
}): Promise<Uint8Array> {
	const x = await hashPassword({...opts, username: opts.username ?? ''});
	const n = bytesToBigIntLE(opts.modulus);
	return bigIntToBytesLE(modPow(2n, bytesToBigIntLE(x), n));
}
