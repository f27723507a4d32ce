import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {
	bigIntToBytesLE,
	bitLength,
	bytesToBigIntLE,
	modPow,
} from '../../../../source/services/auth/srp/bigint.js';

describe('little-endian bigint helpers', () => {
	test('reads and writes little-endian', () => {
		assert.equal(bytesToBigIntLE(Uint8Array.of(0x01, 0x02)), 0x0201n);
		assert.deepEqual(bigIntToBytesLE(0x0201n, 4), Uint8Array.of(0x01, 0x02, 0, 0));
		assert.equal(bigIntToBytesLE(5n).length, 256);
		assert.equal(bytesToBigIntLE(new Uint8Array(0)), 0n);
	});

	test('round-trips a 2048-bit number', () => {
		const bytes = new Uint8Array(256).map((_, i) => (i * 37 + 11) & 0xff);
		assert.deepEqual(bigIntToBytesLE(bytesToBigIntLE(bytes)), bytes);
	});

	test('refuses numbers that do not fit and negatives', () => {
		assert.throws(() => bigIntToBytesLE(256n, 1), RangeError);
		assert.throws(() => bigIntToBytesLE(-1n, 1), RangeError);
	});

	test('modPow matches small known results', () => {
		assert.equal(modPow(2n, 10n, 1000n), 24n);
		assert.equal(modPow(3n, 0n, 7n), 1n);
		assert.equal(modPow(5n, 3n, 1n), 0n);
		assert.equal(modPow(-2n, 3n, 7n), 6n);
		// Fermat: a^(p-1) = 1 mod p for a prime p.
		const p = 2n ** 127n - 1n;
		assert.equal(modPow(123456789n, p - 1n, p), 1n);
	});

	test('bitLength', () => {
		assert.equal(bitLength(0n), 0);
		assert.equal(bitLength(1n), 1);
		assert.equal(bitLength(2n ** 2047n), 2048);
	});
});
