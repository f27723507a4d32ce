// Issue 4, part 4: quitting. With a transfer running, q asks first (n stays, y quits); a transfer is
// kept running by a loopback proxy in front of the emulator that holds the upload's file creation.
// Without a terminal on stdin the CLI refuses to start, with a message saying why.
import assert from 'node:assert/strict';
import {randomBytes} from 'node:crypto';
import {writeFile} from 'node:fs/promises';
import path from 'node:path';
import {after, afterEach, before, test} from 'node:test';
import type {RunningEmulator} from '../../source/emulator/start-emulator.js';
import {KEYS} from './pty-harness.js';
import {
	cursorOn,
	driveRow,
	ENTER_ALTERNATE_SCREEN,
	exitOf,
	LEAVE_ALTERNATE_SCREEN,
	makeTempDirs,
	press,
	runCli,
	signIn,
	STEP_MS,
	startSeededEmulator,
	type TempDirs,
	until,
	withCli,
} from './e2e-helpers.js';
import {type GateProxy, startGateProxy} from './gate-proxy.js';

let emulator: RunningEmulator;
let proxy: GateProxy;
let dirs: TempDirs;

before(async () => {
	[emulator, dirs] = await Promise.all([startSeededEmulator(), makeTempDirs()]);
	// Creating the file's draft is the upload's first write: hold it while the gate is closed.
	proxy = await startGateProxy(
		emulator.url,
		(method, url) => method === 'POST' && /^\/drive\/v2\/volumes\/[^/]+\/files(\?|$)/.test(url),
	);
	await writeFile(path.join(dirs.cwd, 'held.bin'), randomBytes(300_000));
	await writeFile(path.join(dirs.cwd, 'later.bin'), randomBytes(300_000));
});

after(async () => {
	await proxy?.stop();
	await emulator?.stop();
	await dirs?.remove();
});

// A test that fails half-way must not leave the gate closed for the next.
afterEach(() => proxy.open());

const QUESTION = /1 transfer running — quit anyway\? y\/n/;

test('q with a running transfer asks first: n keeps the app, y quits with 0', {
	timeout: 45_000,
}, async () => {
	await withCli(['--api-url', proxy.url], {cwd: dirs.cwd, env: dirs.env}, async (cli) => {
		await signIn(cli);
		await cli.waitForMarked(cursorOn('held.bin'), STEP_MS);

		proxy.close();
		await press(cli, KEYS.f5, /^0 done, 0 failed, 1 running, 0 queued/m);
		await until(() => proxy.held() > 0, STEP_MS, 'the upload never reached the gate');

		await press(cli, 'q', QUESTION);
		await press(cli, 'n', /^0 done, 0 failed, 1 running, 0 queued/m);
		await cli.waitForGone(QUESTION, STEP_MS);

		// Esc says no too; F10 asks like q.
		await press(cli, KEYS.f10, QUESTION);
		await press(cli, KEYS.escape, /^0 done, 0 failed, 1 running, 0 queued/m);
		await cli.waitForGone(QUESTION, STEP_MS);

		await press(cli, 'q', QUESTION);
		cli.write('y');
		const exit = await exitOf(cli);
		assert.equal(exit.exitCode, 0);
		const raw = cli.raw();
		assert.ok(raw.lastIndexOf(LEAVE_ALTERNATE_SCREEN) > raw.lastIndexOf(ENTER_ALTERNATE_SCREEN));
	});
});

test('q after the transfer finished quits without asking', {timeout: 45_000}, async () => {
	proxy.close();
	await withCli(['--api-url', proxy.url], {cwd: dirs.cwd, env: dirs.env}, async (cli) => {
		// The session saved by the first test resumes; sign in only if it did not.
		await cli.waitFor(/│Drive \/\s|Username:/, 30_000);
		if (/^ Username:/m.test(cli.screen())) await signIn(cli);
		await cli.waitForMarked(cursorOn('held.bin'), STEP_MS);
		await press(cli, 'j', cursorOn('later.bin'));

		await press(cli, 'c', /^0 done, 0 failed, 1 running, 0 queued/m);
		await press(cli, 'q', QUESTION);
		await press(cli, 'n', /^0 done, 0 failed, 1 running, 0 queued/m);

		proxy.open();
		await cli.waitFor(/^1 done, 0 failed, 0 running, 0 queued/m, 30_000);
		await cli.waitFor(driveRow('later.bin'), STEP_MS);
		cli.write('q');
		// No question this time: q alone ends the program.
		assert.equal((await exitOf(cli)).exitCode, 0);
	});
});

test('stdin not a terminal: exits 1 with a message saying why', {timeout: 30_000}, async () => {
	for (const args of [['--api-url', emulator.url], ['--demo']]) {
		const {code, stdout, stderr} = await runCli(args, {cwd: dirs.cwd, env: dirs.env});
		assert.notEqual(code, 0, `${args.join(' ')}: non-zero exit`);
		assert.equal(code, 1);
		assert.match(stderr, /needs an interactive terminal/, args.join(' '));
		assert.match(stderr, /stdin and stdout must not be redirected or piped/);
		assert.doesNotMatch(stdout, /\x1b\[\?1049h/, 'no alternate screen without a terminal');
	}
});
