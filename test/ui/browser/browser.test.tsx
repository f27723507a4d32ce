import {afterEach, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {cleanup, render} from 'ink-testing-library';
import {keysHelpRows} from './help-rows.js';
import {Browser} from '../../../source/ui/browser/browser.js';
import {eventually, KEYS, settle} from '../helpers.js';
import {fakePaneFs, fakeQueue, file, folder, job} from './fakes.js';

afterEach(() => cleanup());

const localTree = {
	'/': [folder('/', 'docs'), file('/', 'notes.txt', 1234), file('/', 'a.bin', 10)],
	'/docs': [file('/docs', 'deep.md', 5)],
};
const driveTree = {'/': [folder('/', 'Photos'), file('/', 'README.txt', 173)], '/Photos': []};

function setup(
	opts: {slowDrive?: boolean; columns?: number; rows?: number; statusMs?: number} = {},
) {
	const local = fakePaneFs('local', localTree);
	const drive = fakePaneFs('drive', driveTree, {
		slow: opts.slowDrive ? (p) => p === '/Photos' : undefined,
	});
	const q = fakeQueue();
	let exited = 0;
	const r = render(
		<Browser
			local={local}
			drive={drive}
			queue={q.queue}
			helpRows={keysHelpRows}
			columns={opts.columns ?? 100}
			rows={opts.rows ?? 30}
			onExit={() => exited++}
			statusMs={opts.statusMs}
		/>,
	);
	return {...r, local, drive, q, exited: () => exited};
}

describe('browser', () => {
	test('two panes open at home; j/k, Enter and Backspace navigate; cursor returns to the folder', async () => {
		const {stdin, lastFrame} = setup();
		await eventually(() => assert.match(lastFrame() ?? '', /README\.txt/));
		assert.match(lastFrame() ?? '', /notes\.txt/);
		stdin.write('\r'); // cursor on 'docs' (folders first)
		await eventually(() => assert.match(lastFrame() ?? '', /deep\.md/));
		assert.match(lastFrame() ?? '', /Local \/docs/);
		stdin.write(KEYS.backspace);
		await eventually(() => assert.match(lastFrame() ?? '', /notes\.txt/));
		stdin.write('j');
		await settle();
		stdin.write('k');
		await settle();
		stdin.write('l'); // still on docs
		await eventually(() => assert.match(lastFrame() ?? '', /deep\.md/));
	});

	test('F5 copies the highlighted local file into the Drive folder; c from Drive copies down', async () => {
		const {stdin, lastFrame, q} = setup();
		await eventually(() => assert.match(lastFrame() ?? '', /README\.txt/));
		stdin.write('G'); // last local entry: notes.txt
		await settle();
		stdin.write(KEYS.f5);
		await eventually(() => assert.equal(q.calls.length, 1));
		assert.deepEqual(q.calls[0].slice(0, 3), ['copyToDrive', '/notes.txt', '/']);
		stdin.write(KEYS.tab);
		await settle();
		stdin.write('j'); // README.txt
		await settle();
		stdin.write('c');
		await eventually(() => assert.equal(q.calls.length, 2));
		assert.deepEqual(q.calls[1], [
			'copyToLocal',
			{uid: '/README.txt', name: 'README.txt', type: 'file', size: 173},
			'/',
		]);
	});

	test('keys typed faster than a redraw act in order (G+F5, Tab+j+c, Tab+k+F5 in one chunk)', async () => {
		const {stdin, lastFrame, q} = setup();
		await eventually(() => assert.match(lastFrame() ?? '', /README\.txt/));
		// One read from the terminal can hold several keys (fast typing, tmux send-keys, key repeat):
		// each key must see the state the previous one left, not the last rendered one.
		stdin.write(`G${KEYS.f5}`);
		await eventually(() => assert.equal(q.calls.length, 1));
		assert.deepEqual(q.calls[0].slice(0, 3), ['copyToDrive', '/notes.txt', '/']);
		stdin.write(`${KEYS.tab}jc`);
		await eventually(() => assert.equal(q.calls.length, 2));
		assert.equal((q.calls[1][1] as {name: string}).name, 'README.txt');
		stdin.write(`${KEYS.tab}k${KEYS.f5}`);
		await eventually(() => assert.equal(q.calls.length, 3));
		assert.deepEqual(q.calls[2].slice(0, 3), ['copyToDrive', '/a.bin', '/']);
	});

	test('Ctrl-R reloads the focused pane only', async () => {
		const {stdin, lastFrame, local, drive} = setup();
		await eventually(() => assert.match(lastFrame() ?? '', /README\.txt/));
		const [localBefore, driveBefore] = [local.lists.length, drive.lists.length];
		stdin.write('\x12');
		await eventually(() => assert.equal(local.lists.length, localBefore + 1));
		assert.equal(drive.lists.length, driveBefore);
		stdin.write(`${KEYS.tab}\x12`);
		await eventually(() => assert.equal(drive.lists.length, driveBefore + 1));
		assert.equal(local.lists.length, localBefore + 1);
	});

	test('w lists every transfer; x cancels the selected running job, r retries a failed one, Esc goes back', async () => {
		const {stdin, lastFrame, q} = setup();
		await eventually(() => assert.match(lastFrame() ?? '', /README\.txt/));
		q.set([
			job({
				id: 'done.txt',
				state: 'done',
				bytesDone: 5,
				bytesTotal: 5,
				startedAt: 0,
				finishedAt: 2000,
			}),
			job({id: 'big.iso', state: 'running', bytesDone: 50, bytesTotal: 100}),
			job({id: 'later.bin', state: 'queued', bytesTotal: 7}),
			job({
				id: 'clash.txt',
				state: 'failed',
				error: {kind: 'name-exists', message: "'clash.txt' already exists in /"},
			}),
			job({
				id: 'fifo',
				state: 'failed',
				error: {kind: 'unsupported', message: "'fifo' was skipped: not a regular file or folder"},
			}),
		]);
		await settle(150);
		stdin.write('w');
		await eventually(() =>
			assert.match(lastFrame() ?? '', /Transfers \(5\) — x cancel · r retry · Esc back/),
		);
		const frame = lastFrame() ?? '';
		assert.doesNotMatch(frame, /README\.txt/, 'the list covers the panes');
		assert.match(frame, /✓ ↑ done\.txt\s+5 B in 2s/);
		assert.match(frame, /▶ ↑ big\.iso\s+█+░+\s+50%/);
		assert.match(frame, /· ↑ later\.bin\s+queued/);
		assert.match(frame, /✗ ↑ clash\.txt\s+'clash\.txt' already exists in \/ — r retries/);
		// The cursor starts on the running job: x cancels it.
		stdin.write('x');
		await eventually(() => assert.deepEqual(q.calls.at(-1), ['cancel', 'big.iso']));
		// Two down: the failed clash.txt; r retries it. r on the queued job says why not.
		stdin.write('jj');
		await settle();
		stdin.write('r');
		await eventually(() => assert.deepEqual(q.calls.at(-1), ['retry', 'clash.txt']));
		stdin.write('kr');
		await eventually(() =>
			assert.match(lastFrame() ?? '', /Only failed or cancelled transfers can be retried/),
		);
		stdin.write('G');
		await settle();
		stdin.write('r');
		await eventually(() => assert.match(lastFrame() ?? '', /'fifo' was skipped/));
		assert.equal(q.calls.filter((c) => c[0] === 'retry').length, 1);
		stdin.write(KEYS.escape);
		await eventually(() => assert.match(lastFrame() ?? '', /README\.txt/));
		// The next key cleared the status line: the key bar is back.
		assert.match(
			(lastFrame() ?? '').split('\n').at(-1) ?? '',
			/^Tab Switch {2}F5 Copy {2}w Transfers/,
		);
	});

	test('the key bar follows the screen; x in the panes points to the transfer list; statuses time out', async () => {
		const {stdin, lastFrame} = setup({statusMs: 300});
		const keyBar = () => (lastFrame() ?? '').split('\n').at(-1) ?? '';
		await eventually(() => assert.match(lastFrame() ?? '', /README\.txt/));
		assert.equal(keyBar(), 'Tab Switch  F5 Copy  w Transfers  F1 Help  F10 Quit');
		stdin.write('x');
		await eventually(() =>
			assert.equal(keyBar(), 'Cancel and retry work in the transfer list: press w.'),
		);
		await eventually(() => assert.match(keyBar(), /^Tab Switch/), 2000);
		stdin.write('w');
		await eventually(() => assert.equal(keyBar(), 'x Cancel  r Retry  Esc Back  F1 Help'));
		stdin.write(KEYS.f1);
		await eventually(() => assert.equal(keyBar(), 'Any key closes the help'));
		assert.match(lastFrame() ?? '', /Ctrl-C\s+Quit at once/);
	});

	test('hostile names never reach the terminal raw: status line, panel errors, transfer list', async () => {
		const evil = 'a\nb\x1b[2J\x1b]0;pwned\x07.txt';
		const local = fakePaneFs('local', {'/': [file('/', evil, 4)]});
		const drive = fakePaneFs('drive', {'/': []});
		const q = fakeQueue();
		const {stdin, lastFrame} = render(
			<Browser
				local={local}
				drive={drive}
				queue={q.queue}
				helpRows={keysHelpRows}
				columns={100}
				rows={30}
				onExit={() => {}}
			/>,
		);
		await eventually(() => assert.match(lastFrame() ?? '', /a␊b␛\[2J/));
		stdin.write(KEYS.f5);
		await eventually(() =>
			assert.match(lastFrame() ?? '', /Copying a␊b␛\[2J␛\]0;pwned␇\.txt to \//),
		);
		q.set([
			job({
				id: 'e',
				name: evil,
				state: 'failed',
				error: {kind: 'name-exists', message: `'${evil}' already exists in /`},
			}),
		]);
		await eventually(() => assert.match(lastFrame() ?? '', /✗ a␊b␛\[2J␛\]0;pwned␇\.txt: 'a␊b/));
		stdin.write('w');
		await eventually(() => assert.match(lastFrame() ?? '', /Transfers \(1\)/));
		const frame = lastFrame() ?? '';
		assert.ok(!frame.includes('\x1b[2J') && !frame.includes('\x1b]0;') && !frame.includes('\x07'));
		assert.equal(frame.split('\n').length, 30, 'no name breaks a line');
	});

	test('pasted text runs no commands in the panes', async () => {
		const {stdin, lastFrame, q, exited} = setup();
		await eventually(() => assert.match(lastFrame() ?? '', /README\.txt/));
		stdin.write('\x1b[200~jjcq\x1b[201~');
		await eventually(() => assert.match(lastFrame() ?? '', /Pasting does nothing here\./));
		assert.equal(q.calls.length, 0);
		assert.equal(exited(), 0);
	});

	test('a finished job refreshes the target pane', async () => {
		const {lastFrame, q, drive} = setup();
		await eventually(() => assert.match(lastFrame() ?? '', /README\.txt/));
		const before = drive.lists.length;
		q.set([job({id: 'u1', state: 'running', target: '/', bytesTotal: 10})]);
		driveTree['/'].push(file('/', 'notes.txt', 1234));
		q.set([job({id: 'u1', state: 'done', target: '/', bytesTotal: 10, bytesDone: 10})]);
		await eventually(() => assert.ok(drive.lists.length > before));
		await eventually(() => assert.match(lastFrame() ?? '', /Drive \/[\s\S]*notes\.txt/));
		driveTree['/'].pop();
	});

	test('thousands of files finishing into a folder re-list it at most every 2 s, and once at the end', async () => {
		const {lastFrame, q, drive} = setup();
		await eventually(() => assert.match(lastFrame() ?? '', /README\.txt/));
		const before = drive.lists.length;
		const jobs = [job({id: 'still', state: 'running', target: '/', bytesTotal: 10})];
		for (let i = 0; i < 30; i++) {
			jobs.push(job({id: `f${i}`, state: 'done', target: '/', bytesTotal: 1, bytesDone: 1}));
			q.set([...jobs]);
			await settle(40);
		}
		// ~1.2 s of files arriving: the first one re-lists at once, the rest fold into one later.
		assert.ok(drive.lists.length - before <= 2, `${drive.lists.length - before} listings`);
		q.set(jobs.map((j) => ({...j, state: 'done' as const})));
		await eventually(() => assert.ok(drive.lists.length - before >= 2));
		await settle(2500);
		assert.ok(drive.lists.length - before <= 3, `${drive.lists.length - before} listings`);
	});

	test('a failed folder job re-lists its target too (the folder may exist now)', async () => {
		const {lastFrame, q, drive} = setup();
		await eventually(() => assert.match(lastFrame() ?? '', /README\.txt/));
		const before = drive.lists.length;
		q.set([
			job({
				id: 'dir',
				kind: 'folder',
				state: 'failed',
				target: '/',
				error: {kind: 'permission', message: 'EACCES'},
			}),
		]);
		await eventually(() => assert.ok(drive.lists.length > before));
	});

	test('the progress panel redraws at most ~10 times a second', async () => {
		const {lastFrame, q, frames} = setup();
		await eventually(() => assert.match(lastFrame() ?? '', /README\.txt/));
		const start = frames.length;
		const began = Date.now();
		for (let i = 0; i < 500; i++) {
			q.set([job({id: 'big', bytesDone: i, bytesTotal: 500, speed: 100})]);
			await new Promise((r) => setImmediate(r));
		}
		await settle(150);
		const seconds = (Date.now() - began) / 1000;
		const redraws = frames.length - start;
		assert.ok(redraws <= Math.ceil(seconds * 10) + 3, `${redraws} frames in ${seconds}s`);
		assert.match(lastFrame() ?? '', /99%/);
	});

	test('Esc cancels a slow listing and shows progress while it runs', async () => {
		const {stdin, lastFrame} = setup({slowDrive: true});
		await eventually(() => assert.match(lastFrame() ?? '', /README\.txt/));
		stdin.write(KEYS.tab);
		await settle();
		stdin.write('\r'); // Photos (slow)
		await eventually(() => assert.match(lastFrame() ?? '', /loading… \d[\d,]* items/));
		stdin.write(KEYS.escape);
		await eventually(() => assert.match(lastFrame() ?? '', /Listing cancelled/));
	});

	test('help overlay from the keymap; any key closes it', async () => {
		const {stdin, lastFrame} = setup();
		await eventually(() => assert.match(lastFrame() ?? '', /README\.txt/));
		stdin.write(KEYS.f1);
		await eventually(() => assert.match(lastFrame() ?? '', /Keys — press any key to close/));
		assert.match(lastFrame() ?? '', /F5 \/ c +Copy the entry under the cursor/);
		stdin.write('x');
		await eventually(() => assert.doesNotMatch(lastFrame() ?? '', /Keys — press any key/));
	});

	test('quit asks first while transfers run; n stays, y quits', async () => {
		const {stdin, lastFrame, q, exited} = setup();
		await eventually(() => assert.match(lastFrame() ?? '', /README\.txt/));
		q.set([job({id: 'a'}), job({id: 'b', state: 'queued'})]);
		await settle(150);
		stdin.write('q');
		await eventually(() =>
			assert.match(lastFrame() ?? '', /1 running, 1 queued — quit anyway\? y\/n/),
		);
		stdin.write('n');
		await eventually(() => assert.doesNotMatch(lastFrame() ?? '', /quit anyway/));
		assert.equal(exited(), 0);
		stdin.write(KEYS.f10);
		await eventually(() => assert.match(lastFrame() ?? '', /quit anyway/));
		stdin.write('y');
		await eventually(() => assert.equal(exited(), 1));
	});

	test('the quit question closes by itself when the transfers finish meanwhile', async () => {
		const {stdin, lastFrame, q, exited} = setup();
		await eventually(() => assert.match(lastFrame() ?? '', /README\.txt/));
		q.set([job({id: 'a'})]);
		await settle(150);
		stdin.write('q');
		await eventually(() =>
			assert.match(lastFrame() ?? '', /1 transfer running — quit anyway\? y\/n/),
		);
		q.set([job({id: 'a', state: 'done', bytesDone: 1, bytesTotal: 1})]);
		await eventually(() => assert.doesNotMatch(lastFrame() ?? '', /quit anyway/));
		assert.equal(exited(), 0);
	});

	test('quit without transfers exits at once; too small terminal shows a message', async () => {
		const {stdin, lastFrame, exited} = setup();
		await eventually(() => assert.match(lastFrame() ?? '', /README\.txt/));
		stdin.write('q');
		await eventually(() => assert.equal(exited(), 1));
		cleanup();
		const small = setup({columns: 72, rows: 20});
		await settle();
		assert.match(small.lastFrame() ?? '', /Terminal too small: 72×20, need at least 80×24/);
	});
});
