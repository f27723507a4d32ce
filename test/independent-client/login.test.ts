import assert from 'node:assert/strict';
import {after, before, describe, test} from 'node:test';
import * as openpgp from 'openpgp';
import {call, IndependentApiError, independentLogin} from './independent-client.js';
import {type SpawnedEmulator, spawnEmulator} from './spawn-emulator.js';

describe('independent client against `pdrive-tui emulator`', () => {
	let emu: SpawnedEmulator;
	before(async () => {
		emu = await spawnEmulator([
			'--port',
			'0',
			'--user',
			'demo@example.com',
			'--password',
			'correct horse',
			'--totp',
			'JBSWY3DPEHPK3PXP',
		]);
	});
	after(async () => {
		assert.equal(await emu.stop(), 0);
	});

	test('prints listening first, then the account without the password', () => {
		assert.match(emu.lines[0]!, /^listening http:\/\/127\.0\.0\.1:\d+$/);
		const rest = emu.lines.join('\n');
		assert.ok(!rest.includes('correct horse'));
	});

	test('logs in with SRP + TOTP and unlocks user and address keys', async () => {
		const s = await independentLogin(
			emu.url,
			'demo@example.com',
			'correct horse',
			'JBSWY3DPEHPK3PXP',
		);
		assert.equal(s.email, 'demo@example.com');
		assert.ok(s.scopes.includes('full'));
		assert.equal(s.passwordMode, 1);
		assert.equal(s.keyPassword.length, 31);
		assert.ok(s.userKeys[0]!.isDecrypted());
		assert.ok(s.addressKeys[0]!.isDecrypted());
		// The unlocked address key really works: sign and verify with it.
		const message = await openpgp.createMessage({text: 'hello'});
		const signature = await openpgp.sign({message, signingKeys: s.addressKeys[0]!, detached: true});
		const check = await openpgp.verify({
			message,
			signature: await openpgp.readSignature({armoredSignature: signature}),
			verificationKeys: s.addressKeys[0]!.toPublic(),
			expectSigned: true,
		});
		assert.equal(await check.signatures[0]!.verified, true);
		// The public-key lookup serves the same address key.
		const lookup = await call(emu.url, 'GET', '/core/v4/keys/all?Email=demo%40example.com', {
			auth: s,
		});
		const served = await openpgp.readKey({armoredKey: lookup.Address.Keys[0].PublicKey});
		assert.equal(served.getFingerprint(), s.addressKeys[0]!.getFingerprint());
	});

	test('a second login right away still passes 2FA (next-step code)', async () => {
		const s = await independentLogin(
			emu.url,
			'demo@example.com',
			'correct horse',
			'JBSWY3DPEHPK3PXP',
		);
		assert.ok(s.addressKeys[0]!.isDecrypted());
	});

	test('a wrong password fails with 422/8002', async () => {
		await assert.rejects(
			independentLogin(emu.url, 'demo@example.com', 'wrong horse', 'JBSWY3DPEHPK3PXP'),
			(e: unknown) => e instanceof IndependentApiError && e.status === 422 && e.code === 8002,
		);
	});
});
