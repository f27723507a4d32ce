import bcrypt from 'bcryptjs';

const ALPHABET = './ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** bcrypt's base64 (own alphabet, MSB-first, no padding): 16 bytes → 22 characters. */
export function encodeBcryptBase64(bytes: Uint8Array): string {
	let out = '';
	let i = 0;
	while (i < bytes.length) {
		const c1 = bytes[i++];
		out += ALPHABET[(c1 >> 2) & 0x3f];
		let c = (c1 & 0x03) << 4;
		if (i >= bytes.length) {
			out += ALPHABET[c];
			break;
		}
		const c2 = bytes[i++];
		c |= (c2 >> 4) & 0x0f;
		out += ALPHABET[c];
		c = (c2 & 0x0f) << 2;
		if (i >= bytes.length) {
			out += ALPHABET[c];
			break;
		}
		const c3 = bytes[i++];
		c |= (c3 >> 6) & 0x03;
		out += ALPHABET[c];
		out += ALPHABET[c3 & 0x3f];
	}
	return out;
}

export const BCRYPT_PREFIX = '$2y$10$';

/** bcrypt cost 10 with the `$2y$` prefix; the salt string is bcrypt-base64 (first 22 chars used). */
export async function bcryptY(password: string, encodedSalt: string): Promise<string> {
	const result = await bcrypt.hash(password, BCRYPT_PREFIX + encodedSalt);
	// bcryptjs keeps `$2y$` when given `$2y$`; normalise anyway for other prefixes.
	return `$2y$${result.slice(4)}`;
}
