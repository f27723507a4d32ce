import assert from 'node:assert/strict';
import {after, before, describe, test} from 'node:test';
import * as openpgp from 'openpgp';
import {type RunningEmulator, startEmulator} from '../../../source/emulator/start-emulator.js';
import {independentLogin} from '../../independent-client/independent-client.js';
import {api, authOf, srpLogin} from '../emulator-test-client.js';

describe('emulator keys', () => {
	let emu: RunningEmulator;
	before(async () => {
		emu = await startEmulator({
			port: 0,
			accounts: [
				{username: 'one', password: 'pw one'},
				{
					username: 'two',
					password: 'login pw',
					mailboxPassword: 'mailbox pw',
					email: 'second@example.org',
				},
			],
		});
	});
	after(() => emu.stop());

	test("one-password mode: keys unlock with the login password's key password", async () => {
		const s = await independentLogin(emu.url, 'one', 'pw one');
		assert.equal(s.email, 'one@example.com');
		assert.ok(s.addressKeys[0]!.isDecrypted());
		const user = s.userKeys[0]!;
		assert.equal(user.getAlgorithmInfo().algorithm, 'eddsaLegacy');
		// Locked on the wire with iterated S2K.
		const r = await srpLogin(emu.url, 'one', 'pw one');
		const users = await api(emu.url, 'GET', '/core/v4/users', {auth: authOf(r)});
		const locked = await openpgp.readPrivateKey({armoredKey: users.body.User.Keys[0].PrivateKey});
		assert.equal(locked.isDecrypted(), false);
		assert.equal((locked.keyPacket as any).s2k.type, 'iterated');
		await assert.rejects(openpgp.decryptKey({privateKey: locked, passphrase: 'pw one'}));
	});

	test('two-password mode: the mailbox password unlocks, the login password does not', async () => {
		const s = await independentLogin(emu.url, 'two', 'login pw', undefined, {
			mailboxPassword: 'mailbox pw',
		});
		assert.equal(s.passwordMode, 2);
		assert.equal(s.email, 'second@example.org');
		assert.ok(s.addressKeys[0]!.isDecrypted());
		await assert.rejects(
			independentLogin(emu.url, 'two', 'login pw', undefined, {mailboxPassword: 'login pw'}),
		);
		// The address email also works as the login name.
		const byEmail = await independentLogin(emu.url, 'second@example.org', 'login pw', undefined, {
			mailboxPassword: 'mailbox pw',
		});
		assert.equal(byEmail.userId, s.userId);
	});

	test('public key lookup: known address → its key, unknown → none', async () => {
		const s = await independentLogin(emu.url, 'one', 'pw one');
		const known = await api(emu.url, 'GET', '/core/v4/keys/all?Email=SECOND%40example.org', {
			auth: s,
		});
		assert.equal(known.body.Address.Keys.length, 1);
		const unknown = await api(emu.url, 'GET', '/core/v4/keys/all?Email=nobody%40example.org', {
			auth: s,
		});
		assert.deepEqual(unknown.body.Address.Keys, []);
		assert.equal(
			(await api(emu.url, 'GET', '/core/v4/keys/all?Email=one%40example.com')).status,
			401,
		);
	});
});
