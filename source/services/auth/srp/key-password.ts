import {bcryptY, encodeBcryptBase64} from './bcrypt-base64.js';

/**
 * The OpenPGP passphrase of the user keys (auth.md §5.1): the last 31 characters of
 * bcrypt(password, KeySalt). A missing/empty salt means the password itself (legacy).
 */
export async function computeKeyPassword(
	password: string,
	keySaltB64: string | null | undefined,
): Promise<string> {
	if (!keySaltB64) {
		return password;
	}
	const salt = Buffer.from(keySaltB64, 'base64');
	if (salt.length !== 16) {
		throw new RangeError('The key salt must be 16 bytes');
	}
	const hash = await bcryptY(password, encodeBcryptBase64(salt));
	return hash.slice(29);
}
