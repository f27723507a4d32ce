// The real CLI's flag handling, spawned without a terminal: mistakes are named and exit 2.
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {after, test} from 'node:test';
import {fileURLToPath} from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const config = mkdtempSync(path.join(os.tmpdir(), 'pdrive-flags-'));
after(() => rmSync(config, {recursive: true, force: true}));

function run(...args: string[]) {
	return spawnSync(process.execPath, ['--import', 'tsx', 'source/cli.tsx', ...args], {
		cwd: repo,
		env: {...process.env, PDRIVE_TUI_CONFIG_DIR: config},
		encoding: 'utf8',
		timeout: 30_000,
	});
}

test('an unknown flag is refused by name', () => {
	const r = run('--bogus', '--demo');
	assert.equal(r.status, 2);
	assert.match(r.stderr, /Unknown flag/i);
	assert.match(r.stderr, /--bogus/);
});

test('a wrong --concurrency is quoted back as typed', () => {
	const r = run('--concurrency', 'abc', '--logout');
	assert.equal(r.status, 2);
	assert.match(
		r.stderr,
		/--concurrency: concurrency must be a whole number from 1 to 32 \(got "abc"\)/,
	);
});

test('--help says what the program is once, then usage, options and keys', () => {
	const r = run('--help');
	assert.equal(r.status, 0);
	assert.equal(r.stdout.match(/Terminal file manager for Proton Drive/g)?.length, 1);
	assert.match(r.stdout, /Usage\n/);
	assert.match(r.stdout, /--concurrency N/);
	assert.match(r.stdout, /F5 \/ c\s+Copy/);
});
