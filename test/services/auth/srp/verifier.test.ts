import assert from 'node:assert/strict';
import {test} from 'node:test';
import {verifyModulus} from '../../../../source/services/auth/srp/modulus.js';
import {computeVerifier} from '../../../../source/services/auth/srp/verifier.js';
import {b64, toB64, vectorsOfKind} from './vectors.js';

for (const v of vectorsOfKind('srpVerifier')) {
	test(`srpVerifier vector ${v.id}`, async () => {
		// The python-proton-core moduli are random test numbers (not signed): used for hashing only.
		const modulus = v.input.signedModulus
			? await verifyModulus(v.input.signedModulus)
			: b64(v.input.modulusBase64);
		const run = computeVerifier({
			version: v.input.version,
			password: v.input.password,
			username: v.input.username ?? '',
			salt: b64(v.input.saltBase64),
			modulus,
		});
		if (v.expected.error) {
			await assert.rejects(run);
		} else {
			assert.equal(toB64(await run), v.expected.verifierBase64);
		}
	});
}
