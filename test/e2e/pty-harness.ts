import {fileURLToPath} from 'node:url';
import path from 'node:path';
import {spawn as spawnPty, type IPty} from 'node-pty';
import xterm from '@xterm/headless';

const {Terminal} = xterm;

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const BUILT_CLI = path.join(REPO_ROOT, 'dist', 'cli.js');

export interface CliSession {
	/** Types raw bytes into the terminal (as a person at the keyboard would). */
	write(data: string): void;
	/** The visible screen as plain text lines (trailing spaces trimmed). */
	screen(): string;
	/** Waits until the screen matches, or fails with the screen in the error. */
	waitFor(match: string | RegExp, timeoutMs?: number): Promise<string>;
	/** Waits until the screen no longer matches. */
	waitForGone(match: string | RegExp, timeoutMs?: number): Promise<void>;
	/** Everything the program printed, raw (escape sequences included). */
	raw(): string;
	resize(cols: number, rows: number): void;
	exited: Promise<{exitCode: number; signal?: number}>;
	kill(): void;
}

export interface SpawnOptions {
	cols?: number;
	rows?: number;
	cwd?: string;
	env?: Record<string, string>;
}

/** Runs the built CLI (`node dist/cli.js ...args`) in a real pseudo-terminal with an xterm screen model. */
export function spawnCli(args: string[], options: SpawnOptions = {}): CliSession {
	const cols = options.cols ?? 120;
	const rows = options.rows ?? 40;
	const term = new Terminal({cols, rows, allowProposedApi: true});
	let raw = '';
	const pty: IPty = spawnPty(process.execPath, [BUILT_CLI, ...args], {
		name: 'xterm-256color',
		cols,
		rows,
		cwd: options.cwd ?? REPO_ROOT,
		env: {...process.env, FORCE_COLOR: '1', ...options.env} as Record<string, string>,
	});
	pty.onData((data) => {
		raw += data;
		term.write(data);
	});
	const exited = new Promise<{exitCode: number; signal?: number}>((resolve) => {
		pty.onExit((e) => resolve(e));
	});
	let done = false;
	void exited.then(() => {
		done = true;
	});

	const screen = () => {
		const buffer = term.buffer.active;
		const lines: string[] = [];
		for (let y = 0; y < term.rows; y++) {
			lines.push((buffer.getLine(buffer.viewportY + y)?.translateToString(true) ?? '').trimEnd());
		}
		return lines.join('\n');
	};
	// xterm parses asynchronously: flush pending writes before reading the screen.
	const flushed = () => new Promise<void>((resolve) => term.write('', () => resolve()));
	const matches = (text: string, match: string | RegExp) =>
		typeof match === 'string' ? text.includes(match) : match.test(text);

	return {
		write: (data) => pty.write(data),
		screen,
		raw: () => raw,
		resize(c, r) {
			pty.resize(c, r);
			term.resize(c, r);
		},
		async waitFor(match, timeoutMs = 20_000) {
			const deadline = Date.now() + timeoutMs;
			for (;;) {
				await flushed();
				const text = screen();
				if (matches(text, match)) return text;
				if (done || Date.now() > deadline) {
					throw new Error(
						`Timed out waiting for ${String(match)}${done ? ' (program exited)' : ''}. Screen:\n${text}`,
					);
				}
				await new Promise((r) => setTimeout(r, 50));
			}
		},
		async waitForGone(match, timeoutMs = 20_000) {
			const deadline = Date.now() + timeoutMs;
			for (;;) {
				await flushed();
				const text = screen();
				if (!matches(text, match)) return;
				if (Date.now() > deadline) {
					throw new Error(`Timed out waiting for ${String(match)} to go. Screen:\n${text}`);
				}
				await new Promise((r) => setTimeout(r, 50));
			}
		},
		exited,
		kill() {
			if (!done) pty.kill();
		},
	};
}

/** Key sequences as a terminal sends them. */
export const KEYS = {
	enter: '\r',
	tab: '\t',
	escape: '\x1b',
	backspace: '\x7f',
	up: '\x1b[A',
	down: '\x1b[B',
	right: '\x1b[C',
	left: '\x1b[D',
	f1: '\x1bOP',
	f5: '\x1b[15~',
	f10: '\x1b[21~',
	ctrlC: '\x03',
} as const;
