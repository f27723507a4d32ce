import {randomInt} from 'node:crypto';
import {bytesToBigIntLE} from '../../services/auth/srp/bigint.js';
import {SIGNED_MODULI, type SignedModulus} from './signed-moduli.js';

export interface ModulusEntry extends SignedModulus {
	/** 256-byte little-endian N, read from the signed base64 line. */
	bytes: Uint8Array;
	n: bigint;
}

/**
 * The server trusts its own copy of the signed text, so it only extracts the base64 line (the third
 * line of the cleartext message) — clients are the ones who verify the signature.
 */
function parse(entry: SignedModulus): ModulusEntry {
	const line = entry.signed.split('\n')[3];
	if (!line) throw new Error(`Malformed signed modulus ${entry.id}`);
	const bytes = new Uint8Array(Buffer.from(line.trim(), 'base64'));
	if (bytes.length !== 256) throw new Error(`Modulus ${entry.id} is not 256 bytes`);
	return {...entry, bytes, n: bytesToBigIntLE(bytes)};
}

const POOL: readonly ModulusEntry[] = SIGNED_MODULI.map(parse);

export function allModuli(): readonly ModulusEntry[] {
	return POOL;
}

export function modulusById(id: string): ModulusEntry | undefined {
	return POOL.find((m) => m.id === id);
}

export function randomModulus(): ModulusEntry {
	return POOL[randomInt(POOL.length)]!;
}
