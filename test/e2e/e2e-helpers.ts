// Shared setup for the pty end-to-end tests: temp folders, an in-process emulator, signing in by
// typing into the real CLI one key at a time, and reading Drive back through DriveService.
import {spawn} from 'node:child_process';
import {mkdtemp, rm} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {TOTP} from 'otpauth';
import {loginDemo} from '../../source/emulator/seed/demo-seed.js';
import {
	DEMO_ACCOUNT,
	type RunningEmulator,
	startEmulator,
} from '../../source/emulator/start-emulator.js';
import {DriveService} from '../../source/services/drive/drive-service.js';
import {BUILT_CLI, type CliSession, type SpawnOptions, spawnCli} from './pty-harness.js';

export {DEMO_ACCOUNT};

/** Long enough for a loaded 2-core machine, short enough that a test ends in ~30 s. */
export const STEP_MS = 15_000;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export interface TempDirs {
	/** PDRIVE_TUI_CONFIG_DIR: config.json and session.json go here, nowhere else. */
	config: string;
	/** The CLI's cwd: the local pane opens here. */
	cwd: string;
	env: Record<string, string>;
	remove(): Promise<void>;
}

export async function makeTempDirs(): Promise<TempDirs> {
	const config = await mkdtemp(path.join(os.tmpdir(), 'pdrive-e2e-config-'));
	const cwd = await mkdtemp(path.join(os.tmpdir(), 'pdrive-e2e-cwd-'));
	return {
		config,
		cwd,
		env: {PDRIVE_TUI_CONFIG_DIR: config},
		async remove() {
			await rm(config, {recursive: true, force: true});
			await rm(cwd, {recursive: true, force: true});
		},
	};
}

/** Runs the CLI in a pty for the duration of `body` and always kills it afterwards. */
export async function withCli<T>(
	args: string[],
	options: SpawnOptions,
	body: (cli: CliSession) => Promise<T>,
): Promise<T> {
	const cli = spawnCli(args, options);
	try {
		return await body(cli);
	} finally {
		cli.kill();
		await within(cli.exited, 2000, 'the killed CLI did not exit').catch(() => {});
	}
}

/** `promise`, or a rejection with `message` after `ms` (the timer never keeps the process alive). */
export async function within<T>(
	promise: Promise<T>,
	ms: number,
	message: string | (() => string),
): Promise<T> {
	let timer: NodeJS.Timeout | undefined;
	const timeout = new Promise<never>((_, reject) => {
		timer = setTimeout(
			() => reject(new Error(typeof message === 'string' ? message : message())),
			ms,
		);
	});
	try {
		return await Promise.race([promise, timeout]);
	} finally {
		clearTimeout(timer);
	}
}

/** Polls `condition` every 50 ms until it holds; fails with `message` after `ms`. */
export async function until(condition: () => boolean, ms: number, message: string): Promise<void> {
	const deadline = Date.now() + ms;
	while (!condition()) {
		if (Date.now() > deadline) throw new Error(message);
		await new Promise((r) => setTimeout(r, 50));
	}
}

/** Waits for the CLI to exit on its own; fails with the screen when it does not. */
export function exitOf(
	cli: CliSession,
	ms = STEP_MS,
): Promise<{exitCode: number; signal?: number}> {
	return within(cli.exited, ms, () => `the CLI did not exit. Screen:\n${cli.screen()}`);
}

/** Runs the built CLI without a terminal (stdin, stdout and stderr piped; stdin closed at once). */
export async function runCli(
	args: string[],
	opts: {cwd: string; env: Record<string, string>; timeoutMs?: number},
): Promise<{code: number | null; stdout: string; stderr: string}> {
	const child = spawn(process.execPath, [BUILT_CLI, ...args], {
		cwd: opts.cwd,
		env: {...process.env, ...opts.env},
		stdio: ['pipe', 'pipe', 'pipe'],
	});
	let stdout = '';
	let stderr = '';
	child.stdout.on('data', (d) => {
		stdout += d;
	});
	child.stderr.on('data', (d) => {
		stderr += d;
	});
	child.stdin.end();
	try {
		const code = await within(
			new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c))),
			opts.timeoutMs ?? 20_000,
			() => `${args.join(' ')}: the CLI did not exit. stderr: ${stderr}`,
		);
		return {code, stdout, stderr};
	} finally {
		child.kill();
	}
}

/** The demo emulator, seeded, in this process; TOTP replays allowed so several logins may share a code. */
export async function startSeededEmulator(): Promise<RunningEmulator> {
	const emulator = await startEmulator({port: 0, accounts: [DEMO_ACCOUNT], seed: 'demo'});
	emulator.controls.allowTotpReplay(true);
	return emulator;
}

/** The demo account's current 2FA code. */
export function currentTotp(): string {
	return new TOTP({secret: DEMO_ACCOUNT.totpSecret, digits: 6, period: 30}).generate();
}

/** A code that is wrong now (and in the ±1 step window the server accepts). */
export function wrongTotp(): string {
	const totp = new TOTP({secret: DEMO_ACCOUNT.totpSecret, digits: 6, period: 30});
	const valid = new Set(
		[-30_000, 0, 30_000].map((d) => totp.generate({timestamp: Date.now() + d})),
	);
	return ['000000', '111111', '222222'].find((c) => !valid.has(c)) as string;
}

/** `Label: ` followed by the focused caret (an inverse blank) — the field has focus and is empty. */
export function focusedEmptyField(label: string): RegExp {
	return new RegExp(`^ ${escapeRegExp(label)}: \\[ \\]`, 'm');
}

/** Types text into the focused field one key at a time, waiting for each to show. */
export async function typeInto(
	cli: CliSession,
	label: string,
	text: string,
	opts: {mask?: boolean} = {},
): Promise<void> {
	const chars = [...text];
	for (let i = 0; i < chars.length; i++) {
		cli.write(chars[i] as string);
		const shown = opts.mask ? '•'.repeat(i + 1) : escapeRegExp(chars.slice(0, i + 1).join(''));
		await cli.waitForMarked(new RegExp(`^ ${escapeRegExp(label)}: ${shown}\\[ \\]`, 'm'), STEP_MS);
	}
}

/** Fills in username and password on the login screen and presses Enter; returns at the 2FA prompt. */
export async function enterCredentials(cli: CliSession): Promise<void> {
	await cli.waitForMarked(focusedEmptyField('Username'), 30_000);
	await typeInto(cli, 'Username', DEMO_ACCOUNT.username);
	cli.write('\r');
	await cli.waitForMarked(focusedEmptyField('Password'), STEP_MS);
	await typeInto(cli, 'Password', DEMO_ACCOUNT.password, {mask: true});
	cli.write('\r');
	await cli.waitForMarked(focusedEmptyField('2FA code'), STEP_MS);
}

/** Types a 2FA code and presses Enter. */
export async function enterTotp(cli: CliSession, code: string): Promise<void> {
	await typeInto(cli, '2FA code', code);
	cli.write('\r');
}

/** The full sign-in against an emulator (not --demo): credentials, then the current code. */
export async function signIn(cli: CliSession): Promise<void> {
	await enterCredentials(cli);
	await enterTotp(cli, currentTotp());
	await waitForBrowser(cli);
}

/** Both panes are open and listed (the Drive root shows the demo seed). */
export async function waitForBrowser(cli: CliSession): Promise<string> {
	await cli.waitFor(/│Drive \/\s/, 30_000);
	return cli.waitFor(/\/ Documents[\s\S]*\/ Photos[\s\S]*\/ Projects[\s\S]*README\.txt/, STEP_MS);
}

/**
 * Waits until one view of the screen matches every pattern (the plain text, or with `marked` the
 * inverse-video marks too). A screen read right after another wait can be a half-drawn frame, so
 * assertions on the screen go through here rather than through a single read.
 */
export async function expectScreen(
	cli: CliSession,
	patterns: readonly (string | RegExp)[],
	opts: {marked?: boolean; timeoutMs?: number} = {},
): Promise<string> {
	const deadline = Date.now() + (opts.timeoutMs ?? STEP_MS);
	const any = /[\s\S]*/;
	for (;;) {
		// The harness's waitFor flushes the terminal model before reading.
		const text = opts.marked ? await cli.waitForMarked(any) : await cli.waitFor(any);
		const missing = patterns.filter((p) =>
			typeof p === 'string' ? !text.includes(p) : !p.test(text),
		);
		if (missing.length === 0) return text;
		if (Date.now() > deadline) {
			throw new Error(`Screen never showed ${missing.map(String).join(', ')}. Screen:\n${text}`);
		}
		await new Promise((r) => setTimeout(r, 50));
	}
}

/** Presses one key and waits until the screen (with inverse marks) shows its effect. */
export async function press(
	cli: CliSession,
	key: string,
	expect: string | RegExp,
	timeoutMs = STEP_MS,
): Promise<string> {
	cli.write(key);
	return cli.waitForMarked(expect, timeoutMs);
}

/** The highlighted (cursor) row of the focused pane shows `name` (folders are marked with '/'). */
export function cursorOn(name: string, kind: 'file' | 'folder' = 'file'): RegExp {
	return new RegExp(`\\[${kind === 'folder' ? '/' : ' '} ${escapeRegExp(name)}\\s`);
}

/** The Drive pane (right of the local one) lists a file row `name`. */
export function driveRow(name: string): RegExp {
	return new RegExp(`││ {2}${escapeRegExp(name)}\\s`);
}

/** The local pane (left) lists a file row `name`. */
export function localRow(name: string): RegExp {
	return new RegExp(`^│ {2}${escapeRegExp(name)}\\s`, 'm');
}

/** A pane header line: `Local /tmp/x` or `Drive /Documents`, matched exactly up to its padding. */
export function paneHeader(title: 'Local' | 'Drive', shownPath: string): RegExp {
	return new RegExp(`│${title} ${escapeRegExp(shownPath)}\\s+│`);
}

/** A DriveService of its own (own login, own SDK client and caches): sees only what the server has. */
export async function independentDrive(url: string): Promise<DriveService> {
	const session = await loginDemo(url);
	return DriveService.create({session, clientUid: `pdrive-e2e-reader-${process.pid}`});
}

/** ESC [ ? 1049 l: the program left the alternate screen. */
export const LEAVE_ALTERNATE_SCREEN = '\x1b[?1049l';
export const ENTER_ALTERNATE_SCREEN = '\x1b[?1049h';
