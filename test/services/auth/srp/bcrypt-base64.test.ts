import assert from 'node:assert/strict';
import {test} from 'node:test';
import {bcryptY, encodeBcryptBase64} from '../../../../source/services/auth/srp/bcrypt-base64.js';
import {vectorsOfKind} from './vectors.js';

for (const v of vectorsOfKind('bcrypt')) {
	test(`bcrypt vector ${v.id}`, async () => {
		assert.equal(v.input.prefix, '$2y$10$');
		assert.equal(await bcryptY(v.input.password, v.input.encodedSalt22), v.expected.bcryptString);
	});
}

test('bcrypt base64 encodes 16 bytes into 22 characters of the bcrypt alphabet', () => {
	assert.equal(encodeBcryptBase64(new Uint8Array(16)), '......................');
	assert.equal(encodeBcryptBase64(new Uint8Array(16).fill(0xff)), '999999999999999999999u');
	assert.equal(encodeBcryptBase64(Uint8Array.of(0xff)), '9u');
});
