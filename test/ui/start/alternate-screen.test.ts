import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {fileURLToPath} from 'node:url';
import {test} from 'node:test';
import {isStrayAbort} from '../../../source/ui/start/stray-abort.js';

const child = fileURLToPath(new URL('./alternate-screen-child.ts', import.meta.url));
const LEAVE = '\x1b[?1049l';

function run(kind: 'abort' | 'crash') {
	return spawnSync(process.execPath, ['--import', 'tsx', child, kind], {
		encoding: 'utf8',
		timeout: 20_000,
	});
}

test('a stray AbortError (left by the SDK after a cancel) is not a crash', () => {
	const r = run('abort');
	assert.equal(r.status, 0, r.stderr);
	assert.match(r.stdout, /still alive/);
	assert.equal(r.stderr, 'harmless\n');
	assert.ok(r.stdout.includes(LEAVE));
});

test('any other unhandled rejection leaves the alternate screen and exits 70 with the reason', () => {
	const r = run('crash');
	assert.equal(r.status, 70);
	assert.doesNotMatch(r.stdout, /still alive/);
	assert.match(r.stderr, /pdrive-tui: unexpected error: boom/);
	assert.ok(r.stdout.includes(LEAVE));
});

test('isStrayAbort accepts AbortErrors only', () => {
	assert.equal(isStrayAbort(new DOMException('x', 'AbortError')), true);
	assert.equal(isStrayAbort(Object.assign(new Error('x'), {name: 'AbortError'})), true);
	assert.equal(isStrayAbort(new DOMException('x', 'TimeoutError')), false);
	assert.equal(isStrayAbort(new Error('AbortError')), false);
	assert.equal(isStrayAbort('AbortError'), false);
	assert.equal(isStrayAbort(undefined), false);
});
