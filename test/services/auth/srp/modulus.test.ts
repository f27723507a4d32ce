import assert from 'node:assert/strict';
import {test} from 'node:test';
import {checkModulus, verifyModulus} from '../../../../source/services/auth/srp/modulus.js';
import {
	MODULUS_KEY_ARMORED,
	MODULUS_KEY_FINGERPRINT,
} from '../../../../source/services/auth/srp/modulus-key.js';
import {ServerIdentityError} from '../../../../source/services/auth/srp/server-identity-error.js';
import {modulusSigningKey, toB64, vectorsOfKind} from './vectors.js';

const vectors = vectorsOfKind('modulusSignature');

test('the embedded modulus key is the published one', () => {
	assert.equal(MODULUS_KEY_ARMORED, modulusSigningKey.armored);
	assert.equal(MODULUS_KEY_FINGERPRINT, modulusSigningKey.fingerprint);
});

test('the vector file has both valid and forged moduli', () => {
	assert.ok(vectors.filter((v) => v.expected.valid).length >= 6);
	assert.ok(vectors.filter((v) => !v.expected.valid).length >= 4);
});

for (const v of vectors) {
	test(`modulusSignature vector ${v.id} is ${v.expected.valid ? 'accepted' : 'rejected'}`, async () => {
		if (v.expected.valid) {
			const modulus = await verifyModulus(v.input.signedModulus);
			assert.equal(modulus.length, 256);
			if (v.expected.modulusBase64) {
				assert.equal(toB64(modulus), v.expected.modulusBase64);
			}
		} else {
			await assert.rejects(verifyModulus(v.input.signedModulus), ServerIdentityError);
		}
	});
}

test('a valid modulus followed by one final newline is accepted, anything more is not', async () => {
	const valid = vectors.find((v) => v.id === 'go-srp-clearsign-valid');
	assert.ok(valid);
	const text = valid.input.signedModulus.trimEnd();
	await verifyModulus(`${text}\n`);
	await assert.rejects(verifyModulus(`${text}\n\n`), ServerIdentityError);
	await assert.rejects(verifyModulus(`${text}\nx`), ServerIdentityError);
});

test('unsigned text and garbage are rejected', async () => {
	await assert.rejects(verifyModulus('W2z5HBi8Rvs='), ServerIdentityError);
	await assert.rejects(
		verifyModulus('-----BEGIN PGP SIGNED MESSAGE-----\n-----END PGP SIGNATURE-----'),
		ServerIdentityError,
	);
});

test('checkModulus enforces 2048 bits and N mod 8 == 3', () => {
	const n = new Uint8Array(256);
	n[255] = 0x80;
	n[0] = 3;
	checkModulus(n);
	assert.throws(
		() => checkModulus(Uint8Array.from(n, (b, i) => (i === 0 ? 5 : b))),
		ServerIdentityError,
	);
	assert.throws(
		() => checkModulus(Uint8Array.from(n, (b, i) => (i === 255 ? 0x40 : b))),
		ServerIdentityError,
	);
	assert.throws(() => checkModulus(new Uint8Array(255)), ServerIdentityError);
});
