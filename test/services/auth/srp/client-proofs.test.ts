import assert from 'node:assert/strict';
import {test} from 'node:test';
import {
	bigIntToBytesLE,
	bytesToBigIntLE,
	modPow,
} from '../../../../source/services/auth/srp/bigint.js';
import {
	computeClientProofs,
	srpClientProofs,
	srpMultiplier,
} from '../../../../source/services/auth/srp/client-proofs.js';
import {concatBytes, expandHash} from '../../../../source/services/auth/srp/expand-hash.js';
import {hashPassword} from '../../../../source/services/auth/srp/hash-password.js';
import {verifyModulus} from '../../../../source/services/auth/srp/modulus.js';
import {ServerIdentityError} from '../../../../source/services/auth/srp/server-identity-error.js';
import {b64, toB64, vectorsOfKind} from './vectors.js';

const vectors = vectorsOfKind('srpClientProofs');

for (const v of vectors) {
	test(`srpClientProofs vector ${v.id}`, async () => {
		const proofs = await srpClientProofs({
			version: v.input.version,
			username: v.input.username ?? '',
			password: v.input.password,
			salt: b64(v.input.saltBase64),
			signedModulus: v.input.signedModulus,
			serverEphemeral: b64(v.input.serverEphemeralBase64),
			clientSecret: BigInt(`0x${v.input.clientSecretHexBE}`),
		});
		assert.equal(toB64(proofs.clientProof), v.expected.clientProofBase64);
		assert.equal(toB64(proofs.expectedServerProof), v.expected.expectedServerProofBase64);
		if (v.expected.clientEphemeralBase64) {
			assert.equal(toB64(proofs.clientEphemeral), v.expected.clientEphemeralBase64);
		}
		if (v.input.clientSecretRandomBytesBase64) {
			assert.equal(
				bytesToBigIntLE(b64(v.input.clientSecretRandomBytesBase64)),
				BigInt(`0x${v.input.clientSecretHexBE}`),
			);
		}
	});
}

test('a random client secret agrees with a local server (and a wrong password does not)', async () => {
	const v = vectors[0];
	const modulus = await verifyModulus(v.input.signedModulus);
	const n = bytesToBigIntLE(modulus);
	const salt = b64(v.input.saltBase64);
	const x = bytesToBigIntLE(
		await hashPassword({version: 4, password: 'right', username: '', salt, modulus}),
	);
	const verifier = modPow(2n, x, n);
	const k = srpMultiplier(modulus);
	const bSecret = 123456789012345678901234567890n;
	const serverEphemeral = bigIntToBytesLE((k * verifier + modPow(2n, bSecret, n)) % n);
	const serverProofs = (clientEphemeral: Uint8Array) => {
		const a = bytesToBigIntLE(clientEphemeral);
		const u = bytesToBigIntLE(expandHash(concatBytes(clientEphemeral, serverEphemeral)));
		const s = bigIntToBytesLE(modPow((a * modPow(verifier, u, n)) % n, bSecret, n));
		const m1 = expandHash(concatBytes(clientEphemeral, serverEphemeral, s));
		return {m1, m2: expandHash(concatBytes(clientEphemeral, m1, s))};
	};
	for (const [password, ok] of [
		['right', true],
		['wrong', false],
	] as const) {
		const hashed = await hashPassword({version: 4, password, username: '', salt, modulus});
		const proofs = computeClientProofs({modulus, hashedPassword: hashed, serverEphemeral});
		const server = serverProofs(proofs.clientEphemeral);
		assert.equal(toB64(server.m1) === toB64(proofs.clientProof), ok);
		assert.equal(toB64(server.m2) === toB64(proofs.expectedServerProof), ok);
	}
});

test('server ephemerals outside 1 < B < N-1 are refused', async () => {
	const v = vectors[0];
	const modulus = await verifyModulus(v.input.signedModulus);
	const n = bytesToBigIntLE(modulus);
	const hashedPassword = new Uint8Array(256).fill(7);
	for (const b of [0n, 1n, n - 1n, n]) {
		assert.throws(
			() => computeClientProofs({modulus, hashedPassword, serverEphemeral: bigIntToBytesLE(b)}),
			ServerIdentityError,
		);
	}
});

test('a forged modulus stops the proofs', async () => {
	const forged = vectorsOfKind('modulusSignature').find((v) => !v.expected.valid);
	assert.ok(forged);
	const v = vectors[0];
	await assert.rejects(
		srpClientProofs({
			version: 4,
			username: '',
			password: 'p',
			salt: b64(v.input.saltBase64),
			signedModulus: forged.input.signedModulus,
			serverEphemeral: b64(v.input.serverEphemeralBase64),
		}),
		ServerIdentityError,
	);
});
