import assert from 'node:assert/strict';
import {randomBytes} from 'node:crypto';
import {describe, test} from 'node:test';
import {allModuli} from '../../../source/emulator/account/moduli.js';
import {SIGNED_MODULI} from '../../../source/emulator/account/signed-moduli.js';
import {
	checkClientProof,
	makeVerifier,
	serverChallenge,
} from '../../../source/emulator/account/srp-server.js';
import {bytesToBigIntLE, modPow} from '../../../source/services/auth/srp/bigint.js';
import {srpClientProofs} from '../../../source/services/auth/srp/client-proofs.js';
import {verifyModulus} from '../../../source/services/auth/srp/modulus.js';
import vectors from '../../fixtures/srp-vectors.json' with {type: 'json'};

describe('emulator SRP server', () => {
	test("serves the published signed moduli byte-for-byte, and each verifies against Proton's key", async () => {
		for (const m of SIGNED_MODULI) {
			const v = (vectors as any).vectors.find((x: any) => x.id === m.id);
			assert.equal(m.signed, v.input.signedModulus);
			assert.equal(v.expected.valid, true);
			const n = await verifyModulus(m.signed);
			assert.deepEqual(n, allModuli().find((e) => e.id === m.id)!.bytes);
		}
	});

	test('moduli are safe-prime shaped (N mod 8 = 3, 2 generates the big subgroup)', () => {
		for (const m of allModuli()) {
			assert.equal(m.n % 8n, 3n);
			assert.equal(modPow(2n, (m.n - 1n) / 2n, m.n), m.n - 1n);
		}
	});

	for (const modulus of allModuli()) {
		test(`round trip with the client proofs on ${modulus.id}`, async () => {
			const salt = new Uint8Array(randomBytes(10));
			const verifier = await makeVerifier('pässword', salt, modulus);
			const challenge = serverChallenge(verifier, modulus);
			const client = await srpClientProofs({
				version: 4,
				username: 'x',
				password: 'pässword',
				salt,
				signedModulus: modulus.signed,
				serverEphemeral: challenge.serverEphemeral,
			});
			const serverProof = checkClientProof({modulus, verifier, challenge, ...client});
			assert.ok(serverProof);
			assert.deepEqual(serverProof, client.expectedServerProof);

			const wrong = await srpClientProofs({
				version: 4,
				username: 'x',
				password: 'password',
				salt,
				signedModulus: modulus.signed,
				serverEphemeral: challenge.serverEphemeral,
			});
			assert.equal(checkClientProof({modulus, verifier, challenge, ...wrong}), undefined);
		});
	}

	test('refuses degenerate client ephemerals (A = 0, 1, N-1)', async () => {
		const modulus = allModuli()[0]!;
		const verifier = await makeVerifier('p', new Uint8Array(10), modulus);
		const challenge = serverChallenge(verifier, modulus);
		const proof = new Uint8Array(256);
		for (const A of [0n, 1n, modulus.n - 1n]) {
			const bytes = new Uint8Array(256);
			let n = A;
			for (let i = 0; i < 256; i++) {
				bytes[i] = Number(n & 0xffn);
				n >>= 8n;
			}
			assert.equal(
				checkClientProof({
					modulus,
					verifier,
					challenge,
					clientEphemeral: bytes,
					clientProof: proof,
				}),
				undefined,
			);
		}
	});

	test('matches the WebClients verifier vector', async () => {
		const v = (vectors as any).vectors.find(
			(x: any) => x.kind === 'srpVerifier' && x.input.signedModulus && x.expected.verifierBase64,
		);
		if (!v) return assert.fail('no verifier vector with a signed modulus');
		const n = await verifyModulus(v.input.signedModulus);
		const verifier = await makeVerifier(
			v.input.password,
			new Uint8Array(Buffer.from(v.input.saltBase64, 'base64')),
			{
				id: 'vector',
				signed: v.input.signedModulus,
				bytes: n,
				n: bytesToBigIntLE(n),
			},
		);
		assert.equal(Buffer.from(verifier).toString('base64'), v.expected.verifierBase64);
	});
});
