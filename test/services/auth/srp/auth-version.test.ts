import assert from 'node:assert/strict';
import {test} from 'node:test';
import {chooseAuthVersion} from '../../../../source/services/auth/srp/auth-version.js';
import {vectorsOfKind} from './vectors.js';

for (const v of vectorsOfKind('authVersionFallback')) {
	assert.ok(v.cases && v.cases.length >= 6);
	for (const [i, c] of (v.cases ?? []).entries()) {
		test(`authVersionFallback ${v.id} case ${i}`, () => {
			if (c.expected.error) {
				assert.throws(() => chooseAuthVersion(c.apiVersion, c.username, c.lastTried), {
					message: c.expected.error,
				});
			} else {
				assert.deepEqual(chooseAuthVersion(c.apiVersion, c.username, c.lastTried), c.expected);
			}
		});
	}
}

test('after version 1 fails, version 0 is the last try', () => {
	assert.deepEqual(chooseAuthVersion(0, 'a_b', 1), {version: 0, done: true});
});
