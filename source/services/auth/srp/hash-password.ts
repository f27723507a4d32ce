import {createHash} from 'node:crypto';
import {bcryptY, encodeBcryptBase64} from './bcrypt-base64.js';
import {concatBytes, expandHash} from './expand-hash.js';

export type AuthVersion = 0 | 1 | 2 | 3 | 4;

export interface HashPasswordInput {
	version: number;
	password: string;
	username: string;
	salt: Uint8Array;
	/** 256-byte little-endian modulus. */
	modulus: Uint8Array;
}

const utf8 = new TextEncoder();
const PROTON = utf8.encode('proton');

/** Username cleaning of version 2: drop `-`, `.`, `_`, then lowercase. */
export function cleanUsername(username: string): string {
	return username.replace(/[-._]/g, '').toLowerCase();
}

async function hashVersion1(
	password: string,
	username: string,
	modulus: Uint8Array,
): Promise<Uint8Array> {
	const saltStr = createHash('md5').update(utf8.encode(username.toLowerCase())).digest('hex');
	const b = await bcryptY(password, saltStr);
	return expandHash(concatBytes(utf8.encode(b), modulus));
}

/**
 * Proton's password hash `x` for auth versions 0–4 (auth.md §4.4). The password is used as its exact
 * UTF-8 bytes (no trimming, no normalisation); bcrypt uses only the first 72 bytes.
 */
export async function hashPassword({
	version,
	password,
	username,
	salt,
	modulus,
}: HashPasswordInput): Promise<Uint8Array> {
	if (password.length === 0) {
		throw new RangeError('The password must not be empty');
	}
	if (modulus.length !== 256) {
		throw new RangeError('The modulus must be 256 bytes');
	}
	switch (version) {
		case 3:
		case 4: {
			const s16 = concatBytes(salt, PROTON).slice(0, 16);
			if (s16.length < 16) {
				throw new RangeError('The salt is too short');
			}
			const b = await bcryptY(password, encodeBcryptBase64(s16));
			return expandHash(concatBytes(utf8.encode(b), modulus));
		}
		case 2:
			return hashVersion1(password, cleanUsername(username), modulus);
		case 1:
			return hashVersion1(password, username, modulus);
		case 0: {
			const digest = createHash('sha512')
				.update(utf8.encode(username.toLowerCase()))
				.update(utf8.encode(password))
				.digest('base64');
			return hashVersion1(digest, username, modulus);
		}
		default:
			throw new RangeError(`Unsupported auth version ${version}`);
	}
}
