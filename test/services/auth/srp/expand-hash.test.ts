import assert from 'node:assert/strict';
import {test} from 'node:test';
import {expandHash} from '../../../../source/services/auth/srp/expand-hash.js';
import {toB64, vectorsOfKind} from './vectors.js';

for (const v of vectorsOfKind('expandHash')) {
	test(`expandHash vector ${v.id}`, () => {
		const out = expandHash(new TextEncoder().encode(v.input.dataUtf8));
		assert.equal(out.length, 256);
		assert.equal(toB64(out), v.expected.outputBase64);
	});
}
