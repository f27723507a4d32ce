/** Little-endian byte strings <-> bigint, and modular exponentiation (SRP maths, auth.md §4.1). */

export const SRP_LENGTH = 256;

export function bytesToBigIntLE(bytes: Uint8Array): bigint {
	let hex = '';
	for (let i = bytes.length - 1; i >= 0; i--) {
		hex += bytes[i].toString(16).padStart(2, '0');
	}
	return hex === '' ? 0n : BigInt(`0x${hex}`);
}

export function bigIntToBytesLE(n: bigint, length = SRP_LENGTH): Uint8Array {
	if (n < 0n) {
		throw new RangeError('Cannot encode a negative integer');
	}
	const out = new Uint8Array(length);
	let rest = n;
	for (let i = 0; i < length; i++) {
		out[i] = Number(rest & 0xffn);
		rest >>= 8n;
	}
	if (rest !== 0n) {
		throw new RangeError(`Integer does not fit in ${length} bytes`);
	}
	return out;
}

/** Non-negative remainder. */
export function mod(a: bigint, m: bigint): bigint {
	const r = a % m;
	return r < 0n ? r + m : r;
}

export function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
	if (modulus === 1n) {
		return 0n;
	}
	if (exponent < 0n) {
		throw new RangeError('Negative exponent');
	}
	let result = 1n;
	let b = mod(base, modulus);
	let e = exponent;
	while (e > 0n) {
		if (e & 1n) {
			result = (result * b) % modulus;
		}
		e >>= 1n;
		b = (b * b) % modulus;
	}
	return result;
}

export function bitLength(n: bigint): number {
	return n === 0n ? 0 : n.toString(2).length;
}
