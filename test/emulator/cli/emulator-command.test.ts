import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {mkdtemp, rm, stat} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {test} from 'node:test';
import {parseEmulatorArgs} from '../../../source/emulator/cli/emulator-args.js';
import {spawnEmulator} from '../../independent-client/spawn-emulator.js';
import {api, srpLogin} from '../emulator-test-client.js';

test('`emulator --port 0` prints listening first, serves the demo account, stops on SIGTERM', async () => {
	const emu = await spawnEmulator(['--port', '0']);
	try {
		assert.match(emu.lines[0]!, /^listening http:\/\/127\.0\.0\.1:\d+$/);
		const info = await api(emu.url, 'POST', '/auth/v4/info', {
			json: {Username: 'demo@example.com'},
		});
		assert.equal(info.status, 200);
	} finally {
		assert.equal(await emu.stop(), 0);
	}
	assert.ok(emu.lines.some((l) => l === 'account: demo@example.com'));
	assert.ok(emu.lines.some((l) => l === 'totp secret: JBSWY3DPEHPK3PXP'));
});

test('custom user with --data persists; the password is not echoed', async () => {
	const dir = await mkdtemp(path.join(tmpdir(), 'pdrive-emu-cli-'));
	try {
		const emu = await spawnEmulator([
			'--port',
			'0',
			'--data',
			dir,
			'--user',
			'carol',
			'--password',
			's3cret pw',
		]);
		try {
			assert.equal((await srpLogin(emu.url, 'carol', 's3cret pw')).status, 200);
		} finally {
			await emu.stop();
		}
		assert.ok(!emu.lines.join('\n').includes('s3cret pw'));
		await stat(path.join(dir, 'accounts.json'));
	} finally {
		await rm(dir, {recursive: true, force: true});
	}
});

test('refuses a non-loopback --host with exit code 2', () => {
	const r = spawnSync(
		process.execPath,
		['--import', 'tsx', 'source/cli.tsx', 'emulator', '--port', '0', '--host', '0.0.0.0'],
		{
			cwd: path.resolve(import.meta.dirname, '../../..'),
			encoding: 'utf8',
			timeout: 30_000,
		},
	);
	assert.equal(r.status, 2);
	assert.match(r.stderr, /loopback/);
	assert.equal(r.stdout, '');
});

test('argument parsing', () => {
	assert.deepEqual(
		parseEmulatorArgs([
			'--port',
			'8787',
			'--user',
			'u',
			'--password',
			'p',
			'--totp',
			'ABC',
			'--mailbox-password',
			'm',
		]),
		{
			port: 8787,
			host: undefined,
			data: undefined,
			user: 'u',
			password: 'p',
			totp: 'ABC',
			mailboxPassword: 'm',
			seed: undefined,
		},
	);
	assert.throws(() => parseEmulatorArgs(['--port', 'x']), /port/);
	assert.throws(() => parseEmulatorArgs(['--bogus']));
});
