import assert from 'node:assert/strict';
import {test} from 'node:test';
import {cleanUsername, hashPassword} from '../../../../source/services/auth/srp/hash-password.js';
import {b64, toB64, vectorsOfKind} from './vectors.js';

for (const v of vectorsOfKind('hashPassword')) {
	test(`hashPassword vector ${v.id} (version ${v.input.version})`, async () => {
		const out = await hashPassword({
			version: v.input.version,
			password: v.input.password,
			username: v.input.username,
			salt: b64(v.input.saltBase64),
			modulus: b64(v.input.modulusBase64),
		});
		assert.equal(toB64(out), v.expected.hashedPasswordBase64);
	});
}

test('cleanUsername drops - . _ and lowercases', () => {
	assert.equal(cleanUsername('Test_1.0-0'), 'test100');
});

test('refuses an empty password and unknown versions', async () => {
	const modulus = new Uint8Array(256);
	const salt = new Uint8Array(10);
	await assert.rejects(
		hashPassword({version: 4, password: '', username: 'u', salt, modulus}),
		RangeError,
	);
	await assert.rejects(
		hashPassword({version: 5, password: 'p', username: 'u', salt, modulus}),
		RangeError,
	);
});

test('passwords are exact: a trailing space and non-ASCII change the hash', async () => {
	const modulus = new Uint8Array(256);
	const salt = b64('u6Jw9fM8sdKHJg==');
	const h = (password: string) =>
		hashPassword({version: 4, password, username: 'u', salt, modulus}).then(toB64);
	const [a, b, c] = await Promise.all([h('pässwörd ✓ '), h('pässwörd ✓'), h('pa\u0308sswörd ✓ ')]);
	assert.notEqual(a, b);
	assert.notEqual(a, c);
});
