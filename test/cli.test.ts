// The real CLI (`node --import tsx source/cli.tsx`), spawned: --api-url is loopback-only before anything
// else happens, --logout revokes and erases the saved session, and the TUI draws in a terminal even with CI=true.
import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import {mkdtemp, readdir, rm} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {after, before, describe, test} from 'node:test';
import {fileURLToPath} from 'node:url';
import {spawn as spawnPty} from 'node-pty';
import {type RunningEmulator, startEmulator} from '../source/emulator/start-emulator.js';
import {LoginFlow} from '../source/services/auth/login-flow.js';
import {
	createFileSessionStore,
	type StoredSession,
} from '../source/services/session/session-store.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Run {
	code: number | null;
	stdout: string;
	stderr: string;
}

function runCli(args: string[], configDir: string): Promise<Run> {
	const child = spawn(process.execPath, ['--import', 'tsx', 'source/cli.tsx', ...args], {
		cwd: repo,
		env: {...process.env, PDRIVE_TUI_CONFIG_DIR: configDir},
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let stdout = '';
	let stderr = '';
	child.stdout.on('data', (d) => {
		stdout += d;
	});
	child.stderr.on('data', (d) => {
		stderr += d;
	});
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => {
			child.kill('SIGKILL');
			reject(new Error(`pdrive-tui ${args.join(' ')} did not exit: ${stderr}`));
		}, 30_000);
		child.once('exit', (code) => {
			clearTimeout(timer);
			resolve({code, stdout, stderr});
		});
	});
}

/** Status of GET /core/v4/users with the stored tokens, straight to the API (no refresh). */
async function usersStatus(apiBase: string, s: StoredSession): Promise<number> {
	const response = await fetch(new URL('/core/v4/users', apiBase), {
		headers: {
			'x-pm-appversion': 'external-drive-pdrive_tui@0.1.0',
			'x-pm-uid': s.uid,
			authorization: `Bearer ${s.accessToken}`,
		},
	});
	await response.body?.cancel();
	return response.status;
}

describe('pdrive-tui CLI: --api-url and --logout', () => {
	let emulator: RunningEmulator;
	const dirs: string[] = [];
	const tempDir = async () => {
		const dir = await mkdtemp(path.join(os.tmpdir(), 'pdrive-cli-'));
		dirs.push(dir);
		return dir;
	};

	before(async () => {
		emulator = await startEmulator({
			port: 0,
			accounts: [{username: 'cli@example.com', password: 'cli password'}],
		});
	});
	after(async () => {
		await emulator?.stop();
		for (const dir of dirs) await rm(dir, {recursive: true, force: true});
	});

	test('a non-loopback --api-url is refused with exit code 2 and an explanation, before anything else', async () => {
		const refused = [
			'https://evil.example',
			'http://127.0.0.1.evil.example:8787',
			'http://drive-api.proton.me',
			'http://10.0.0.1:8787',
		];
		const runs = await Promise.all(refused.map(async (url) => ({url, dir: await tempDir()}))).then(
			(list) =>
				Promise.all(
					list.map(async (x) => ({...x, run: await runCli(['--api-url', x.url], x.dir)})),
				),
		);
		for (const {url, dir, run} of runs) {
			assert.equal(run.code, 2, `${url}: ${run.stderr}`);
			assert.equal(run.stdout, '', url);
			assert.match(run.stderr, /^pdrive-tui: Refusing API URL "/, url);
			assert.ok(run.stderr.includes(url), url);
			assert.match(run.stderr, /Only a loopback address \(127\.0\.0\.0\/8, localhost, \[::1\]\)/);
			// Refused before the config is even read: nothing was written.
			assert.deepEqual(await readdir(dir), [], url);
		}
	});

	test('--logout with a refused --api-url touches neither the saved session nor the server', async () => {
		const dir = await tempDir();
		const store = createFileSessionStore({cwd: dir});
		const step = await new LoginFlow({apiBase: new URL(emulator.url), store}).begin(
			'cli@example.com',
			'cli password',
		);
		assert.equal(step.step, 'ready');
		const saved = await store.load();
		assert.ok(saved);

		const refused = await runCli(['--logout', '--api-url', 'https://evil.example'], dir);
		assert.equal(refused.code, 2, refused.stderr);
		assert.match(refused.stderr, /Refusing API URL/);
		assert.deepEqual(await store.load(), saved);
		assert.equal(await usersStatus(emulator.url, saved), 200);

		// The same command on the loopback emulator signs out for real: revoked on the server, erased here.
		const accepted = await runCli(['--logout', '--api-url', emulator.url], dir);
		assert.equal(accepted.code, 0, accepted.stderr);
		assert.match(
			accepted.stdout,
			/^Signed out cli@example\.com: the session was revoked and erased\./,
		);
		assert.equal(await store.load(), undefined);
		assert.equal(await usersStatus(emulator.url, saved), 401);
		assert.ok(!`${accepted.stdout}${accepted.stderr}`.includes(saved.accessToken));
		assert.ok(!`${accepted.stdout}${accepted.stderr}`.includes(saved.refreshToken));

		const again = await runCli(['--logout', '--api-url', emulator.url], dir);
		assert.equal(again.code, 0, again.stderr);
		assert.match(again.stdout, /No saved session; nothing to do\./);
	});

	test('in a terminal the TUI draws even when CI=true is set (Ink would otherwise print only its last frame)', async () => {
		const dir = await tempDir();
		const term = spawnPty(
			process.execPath,
			['--import', 'tsx', 'source/cli.tsx', '--api-url', emulator.url],
			{
				cwd: repo,
				cols: 100,
				rows: 30,
				env: {...process.env, CI: 'true', PDRIVE_TUI_CONFIG_DIR: dir, TERM: 'xterm-256color'},
			},
		);
		let screen = '';
		term.onData((d) => {
			screen += d;
		});
		const exited = new Promise<number>((resolve) => term.onExit(({exitCode}) => resolve(exitCode)));
		try {
			for (let i = 0; i < 300 && !/Username/.test(screen); i++) await sleep(50);
			assert.match(screen, /Username/, `the login screen was not drawn:\n${screen}`);
		} finally {
			term.write('\u0003'); // Ctrl-C quits from the login screen
			const timer = setTimeout(() => term.kill(), 5000);
			await exited;
			clearTimeout(timer);
		}
	});
});
