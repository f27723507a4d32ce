// Issue 4, part 5: the session saved by one start resumes on the next (same PDRIVE_TUI_CONFIG_DIR,
// same emulator) without the login screen; --logout revokes it on the server and erases it.
import assert from 'node:assert/strict';
import {readFile, stat} from 'node:fs/promises';
import path from 'node:path';
import {after, before, test} from 'node:test';
import type {RunningEmulator} from '../../source/emulator/start-emulator.js';
import {
	DEMO_ACCOUNT,
	exitOf,
	expectScreen,
	focusedEmptyField,
	makeTempDirs,
	runCli,
	signIn,
	startSeededEmulator,
	type TempDirs,
	waitForBrowser,
	withCli,
} from './e2e-helpers.js';

let emulator: RunningEmulator;
let dirs: TempDirs;

before(async () => {
	[emulator, dirs] = await Promise.all([startSeededEmulator(), makeTempDirs()]);
});

after(async () => {
	await emulator?.stop();
	await dirs?.remove();
});

const sessionFile = () => path.join(dirs.config, 'session.json');

test('a saved session skips the login on the next start; --logout revokes and erases it', {
	timeout: 60_000,
}, async () => {
	const args = ['--api-url', emulator.url];
	const opts = {cwd: dirs.cwd, env: dirs.env};

	// First start: sign in; the session lands in the config dir (0600, no password in it).
	await withCli(args, opts, async (cli) => {
		await signIn(cli);
		cli.write('q');
		assert.equal((await exitOf(cli)).exitCode, 0);
	});
	const saved = await readFile(sessionFile(), 'utf8');
	assert.equal((await stat(sessionFile())).mode & 0o777, 0o600);
	assert.ok(saved.includes(DEMO_ACCOUNT.username));
	assert.ok(!saved.includes(DEMO_ACCOUNT.password), 'the password is never stored');
	const sessionsBefore = emulator.controls.sessionsCount();

	// Second start: straight to the browser.
	await withCli(args, opts, async (cli) => {
		await waitForBrowser(cli);
		await expectScreen(cli, [/^pdrive-tui — demo@example\.com/m]);
		assert.doesNotMatch(cli.raw(), /sign in|Username:|Password:|2FA code/, 'no login screen');
		cli.write('q');
		assert.equal((await exitOf(cli)).exitCode, 0);
	});
	assert.equal(emulator.controls.sessionsCount(), sessionsBefore, 'the same session was reused');

	// --logout: revoked on the server, gone from the store.
	const logout = await runCli(['--logout', ...args], opts);
	assert.equal(logout.code, 0, logout.stderr);
	assert.match(logout.stdout, /Signed out demo@example\.com: the session was revoked and erased\./);
	assert.equal(emulator.controls.sessionsCount(), sessionsBefore - 1, 'revoked on the server');
	assert.ok(!(await readFile(sessionFile(), 'utf8')).includes(DEMO_ACCOUNT.username));

	const again = await runCli(['--logout', ...args], opts);
	assert.equal(again.code, 0);
	assert.match(again.stdout, /No saved session; nothing to do\./);

	// Third start: the login screen again, no error about the old session.
	await withCli(args, opts, async (cli) => {
		const screen = await expectScreen(
			cli,
			[focusedEmptyField('Username'), 'pdrive-tui — sign in'],
			{
				marked: true,
				timeoutMs: 30_000,
			},
		);
		assert.doesNotMatch(screen, /could not be resumed|expired/i);
	});
});
