import {type ChildProcess, spawn} from 'node:child_process';
import {once} from 'node:events';
import path from 'node:path';
import {createInterface} from 'node:readline';
import {fileURLToPath} from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface SpawnedEmulator {
	url: string;
	/** Every stdout line seen so far (first one is `listening ...`). */
	lines: string[];
	child: ChildProcess;
	stop(): Promise<number | null>;
}

/** Runs `node --import tsx source/cli.tsx emulator <args>` and waits for the `listening` line. */
export async function spawnEmulator(args: string[]): Promise<SpawnedEmulator> {
	const child = spawn(
		process.execPath,
		['--import', 'tsx', 'source/cli.tsx', 'emulator', ...args],
		{
			cwd: repo,
			stdio: ['ignore', 'pipe', 'pipe'],
		},
	);
	const lines: string[] = [];
	let stderr = '';
	child.stderr!.on('data', (d) => {
		stderr += d;
	});
	const rl = createInterface({input: child.stdout!});
	const first = await new Promise<string>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`emulator did not start: ${stderr}`)), 30_000);
		rl.on('line', (line) => {
			lines.push(line);
			if (lines.length === 1) {
				clearTimeout(timer);
				resolve(line);
			}
		});
		child.once('exit', (code) => {
			clearTimeout(timer);
			reject(new Error(`emulator exited (${code}): ${stderr}`));
		});
	});
	const match = /^listening (http:\/\/127\.0\.0\.1:(\d+))$/.exec(first);
	if (!match) throw new Error(`unexpected first line: ${first}`);
	return {
		url: match[1]!,
		lines,
		child,
		async stop() {
			if (child.exitCode !== null) return child.exitCode;
			child.kill('SIGTERM');
			const [code] = await once(child, 'exit');
			return code as number | null;
		},
	};
}
