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
	/** The screen with inverse-video runs (cursor rows, text carets) wrapped in `[` and `]`. */
	marked(): string;
	/** Waits until the marked screen matches, or fails with it in the error. */
	waitForMarked(match: string | RegExp, timeoutMs?: number): Promise<string>;
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
	const marked = () => {
		const buffer = term.buffer.active;
		const cell = buffer.getNullCell();
		const lines: string[] = [];
		for (let y = 0; y < term.rows; y++) {
			const line = buffer.getLine(buffer.viewportY + y);
			let text = '';
			let inverse = false;
			for (let x = 0; line && x < term.cols; x++) {
				line.getCell(x, cell);
				if (cell.getWidth() === 0) continue; // second half of a wide character
				const on = cell.isInverse() !== 0;
				if (on !== inverse) text += on ? '[' : ']';
				inverse = on;
				text += cell.getChars() || ' ';
			}
			if (inverse) text += ']';
			lines.push(text.trimEnd());
		}
		return lines.join('\n');
	};
	// xterm parses asynchronously: flush pending writes before reading the screen.
	const flushed = () => new Promise<void>((resolve) => term.write('', () => resolve()));
	const matches = (text: string, match: string | RegExp) =>
		typeof match === 'string' ? text.includes(match) : match.test(text);

	const poll = async (view: () => string, match: string | RegExp, timeoutMs: number) => {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			await flushed();
			const text = view();
			if (matches(text, match)) return text;
			if (done || Date.now() > deadline) {
				throw new Error(
					`Timed out waiting for ${String(match)}${done ? ' (program exited)' : ''}. Screen:\n${text}`,
				);
			}
			await new Promise((r) => setTimeout(r, 50));
		}
	};

	return {
		write: (data) => pty.write(data),
		screen,
		marked,
		raw: () => raw,
		resize(c, r) {
			pty.resize(c, r);
			term.resize(c, r);
		},
		waitFor: (match, timeoutMs = 20_000) => poll(screen, match, timeoutMs),
		waitForMarked: (match, timeoutMs = 20_000) => poll(marked, match, timeoutMs),
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
