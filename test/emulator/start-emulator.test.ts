import assert from 'node:assert/strict';
import {mkdtemp, readFile, rm, stat} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {test} from 'node:test';
import {DEMO_ACCOUNT, startEmulator} from '../../source/emulator/start-emulator.js';
import {independentLogin} from '../independent-client/independent-client.js';
import {api, authOf, srpLogin} from './emulator-test-client.js';

test('accounts and sessions survive a restart with dataDir; nothing secret in plain text', async () => {
	const dir = await mkdtemp(path.join(tmpdir(), 'pdrive-emu-'));
	try {
		const first = await startEmulator({
			port: 0,
			dataDir: dir,
			accounts: [{username: 'keep', password: 'keep pw'}],
		});
		const login = await srpLogin(first.url, 'keep', 'keep pw');
		const users1 = await api(first.url, 'GET', '/core/v4/users', {auth: authOf(login)});
		await first.stop();

		const file = path.join(dir, 'accounts.json');
		assert.equal((await stat(file)).mode & 0o777, 0o600);
		const text = await readFile(file, 'utf8');
		for (const secret of ['keep pw', login.body.AccessToken, login.body.RefreshToken])
			assert.ok(!text.includes(secret));

		const second = await startEmulator({
			port: 0,
			dataDir: dir,
			accounts: [{username: 'keep', password: 'keep pw'}],
		});
		try {
			const users2 = await api(second.url, 'GET', '/core/v4/users', {auth: authOf(login)});
			assert.equal(users2.status, 200, 'old session still valid');
			assert.equal(users2.body.User.ID, users1.body.User.ID);
			assert.equal(users2.body.User.Keys[0].PrivateKey, users1.body.User.Keys[0].PrivateKey);
			const refreshed = await api(second.url, 'POST', '/auth/v4/refresh', {
				headers: {'x-pm-uid': login.body.UID},
				json: {RefreshToken: login.body.RefreshToken},
			});
			assert.equal(refreshed.status, 200);
			assert.equal((await srpLogin(second.url, 'keep', 'keep pw')).status, 200);
		} finally {
			await second.stop();
		}
	} finally {
		await rm(dir, {recursive: true, force: true});
	}
});

test('defaults to the demo account; refuses a non-loopback host', async () => {
	const emu = await startEmulator({port: 0});
	try {
		assert.match(emu.url, /^http:\/\/127\.0\.0\.1:\d+$/);
		const s = await independentLogin(
			emu.url,
			DEMO_ACCOUNT.username,
			DEMO_ACCOUNT.password,
			DEMO_ACCOUNT.totpSecret,
		);
		assert.equal(s.email, 'demo@example.com');
		assert.equal(typeof emu.controls.drive, 'object');
	} finally {
		await emu.stop();
	}
	await assert.rejects(startEmulator({port: 0, host: '0.0.0.0'}), /loopback/);
});

test('seed: demo runs the seeder with the emulator url', async () => {
	let seen = '';
	const emu = await startEmulator({
		port: 0,
		seed: 'demo',
		seeder: async (url) => {
			seen = url;
		},
	});
	await emu.stop();
	assert.equal(seen, emu.url);
});
