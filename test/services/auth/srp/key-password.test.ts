import assert from 'node:assert/strict';
import {test} from 'node:test';
import {computeKeyPassword} from '../../../../source/services/auth/srp/key-password.js';
import {vectorsOfKind} from './vectors.js';

for (const v of vectorsOfKind('keyPassword')) {
	test(`keyPassword vector ${v.id}`, async () => {
		const out = await computeKeyPassword(v.input.password, v.input.keySaltBase64);
		assert.equal(out.length, 31);
		assert.equal(out, v.expected.keyPassword);
	});
}

test('a missing key salt means the password itself (legacy)', async () => {
	assert.equal(await computeKeyPassword('hello', null), 'hello');
	assert.equal(await computeKeyPassword('hello', ''), 'hello');
});

test('a key salt that is not 16 bytes is refused', async () => {
	await assert.rejects(computeKeyPassword('hello', 'AAAA'), RangeError);
});
