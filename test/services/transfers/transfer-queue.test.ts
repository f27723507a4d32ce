import assert from 'node:assert/strict';
import path from 'node:path';
import {describe, test} from 'node:test';
import {DEFAULT_CONFIG} from '../../../source/services/config/defaults.js';
import {DriveError} from '../../../source/services/drive/drive-error.js';
import {
	type Conflict,
	type ConflictPolicy,
	type ConflictResolution,
	conflictMessage,
	fixedPolicy,
} from '../../../source/services/transfers/conflict-policy.js';
import {canTransition} from '../../../source/services/transfers/transfer-job.js';
import {
	type JobState,
	type TransferJob,
	TransferQueue,
	type TransferQueueOptions,
} from '../../../source/services/transfers/transfer-queue.js';
import {FakeExecutor, settle} from './fake-executor.js';

function setup(opts: {manual?: boolean} & Partial<Omit<TransferQueueOptions, 'executor'>> = {}): {
	fx: FakeExecutor;
	q: TransferQueue;
} {
	const {manual = false, ...rest} = opts;
	const fx = new FakeExecutor(manual);
	return {fx, q: new TransferQueue({executor: fx, ...rest})};
}

/** A local tree: paths ending in '/' are folders, others files of the given size. */
function addTree(fx: FakeExecutor, entries: Record<string, number | 'folder'>): void {
	for (const [p, size] of Object.entries(entries)) {
		if (size === 'folder') fx.addLocal(p, 'folder');
		else fx.addLocal(p, 'file', size);
	}
}

function byName(q: TransferQueue, name: string): TransferJob {
	const job = q.jobs().find((j) => j.name === name);
	assert.ok(job, `no job named ${name} in ${q.jobs().map((j) => j.name)}`);
	return job;
}

/** Resolves manual transfers one at a time until none is left. */
async function drain(fx: FakeExecutor): Promise<void> {
	await settle();
	while (fx.pending.length > 0) {
		fx.pending[0].resolve();
		await settle();
	}
}

/** Records every distinct state each job passes through, as seen by a subscriber. */
function recordStates(q: TransferQueue): Map<string, JobState[]> {
	const seen = new Map<string, JobState[]>();
	q.subscribe(() => {
		for (const job of q.jobs()) {
			const states = seen.get(job.id) ?? [];
			if (states.at(-1) !== job.state) states.push(job.state);
			seen.set(job.id, states);
		}
	});
	return seen;
}

function remoteFiles(fx: FakeExecutor): string[] {
	return [...fx.remote.values()]
		.filter((n) => n.type === 'file')
		.map((n) => fx.remotePath(n.uid))
		.sort();
}

function remoteFolders(fx: FakeExecutor): string[] {
	return [...fx.remote.values()]
		.filter((n) => n.type === 'folder' && n.uid !== 'root')
		.map((n) => fx.remotePath(n.uid))
		.sort();
}

function aborted(): Error {
	return Object.assign(new Error('aborted'), {name: 'AbortError'});
}

const TREE = {
	'/src': 'folder',
	'/src/a.txt': 10,
	'/src/b.bin': 20,
	'/src/sub': 'folder',
	'/src/sub/c.txt': 30,
	'/src/sub/deeper': 'folder',
	'/src/sub/deeper/d.txt': 40,
	'/src/empty': 'folder',
} as const;

describe('TransferQueue: walking folders', () => {
	test('copyToDrive makes one job per file and recreates the tree', async () => {
		const {fx, q} = setup();
		addTree(fx, TREE);
		await q.copyToDrive('/src', 'root');
		await q.idle();
		const jobs = q.jobs();
		assert.deepEqual(jobs.map((j) => j.name).sort(), ['a.txt', 'b.bin', 'c.txt', 'd.txt']);
		assert.ok(jobs.every((j) => j.direction === 'upload' && j.kind === 'file'));
		assert.ok(jobs.every((j) => j.state === 'done'));
		assert.deepEqual(remoteFolders(fx), ['/src', '/src/empty', '/src/sub', '/src/sub/deeper']);
		assert.deepEqual(remoteFiles(fx), [
			'/src/a.txt',
			'/src/b.bin',
			'/src/sub/c.txt',
			'/src/sub/deeper/d.txt',
		]);
		assert.equal(byName(q, 'c.txt').source, '/src/sub/c.txt');
	});

	test('copyToDrive creates every folder before the files in it, recursively', async () => {
		const {fx, q} = setup();
		addTree(fx, TREE);
		await q.copyToDrive('/src', 'root');
		await q.idle();
		const at = (line: string) => {
			const i = fx.log.findIndex((l) => l.startsWith(line));
			assert.ok(i >= 0, `${line} not in ${fx.log.join('\n')}`);
			return i;
		};
		assert.ok(at('mkdir-remote /src') < at('upload /src/a.txt'));
		assert.ok(at('mkdir-remote /src') < at('mkdir-remote /src/sub'));
		assert.ok(at('mkdir-remote /src/sub') < at('upload /src/sub/c.txt'));
		assert.ok(at('mkdir-remote /src/sub') < at('mkdir-remote /src/sub/deeper'));
		assert.ok(at('mkdir-remote /src/sub/deeper') < at('upload /src/sub/deeper/d.txt'));
		// Each file went into the folder created for it.
		const sub = [...fx.remote.values()].find((n) => fx.remotePath(n.uid) === '/src/sub');
		assert.equal(byName(q, 'c.txt').target, sub?.uid);
	});

	test('copyToLocal makes one job per file, creating folders first, recursively', async () => {
		const {fx, q} = setup();
		fx.addLocal('/dl', 'folder');
		const photos = fx.addRemote({parentUid: 'root', name: 'photos', type: 'folder'});
		fx.addRemote({parentUid: photos, name: 'p1.jpg', type: 'file', size: 100});
		const y2020 = fx.addRemote({parentUid: photos, name: '2020', type: 'folder'});
		fx.addRemote({parentUid: y2020, name: 'p2.jpg', type: 'file', size: 200});
		const deep = fx.addRemote({parentUid: y2020, name: 'summer', type: 'folder'});
		fx.addRemote({parentUid: deep, name: 'p3.jpg', type: 'file', size: 300});
		fx.addRemote({parentUid: photos, name: 'empty', type: 'folder'});

		await q.copyToLocal({uid: photos, name: 'photos', type: 'folder'}, '/dl');
		await q.idle();

		const jobs = q.jobs();
		assert.deepEqual(jobs.map((j) => j.name).sort(), ['p1.jpg', 'p2.jpg', 'p3.jpg']);
		assert.ok(jobs.every((j) => j.direction === 'download' && j.state === 'done'));
		assert.equal(byName(q, 'p3.jpg').bytesTotal, 300);
		for (const p of [
			'/dl/photos',
			'/dl/photos/2020',
			'/dl/photos/2020/summer',
			'/dl/photos/empty',
		]) {
			assert.equal(fx.local.get(p)?.kind, 'folder', p);
		}
		for (const p of [
			'/dl/photos/p1.jpg',
			'/dl/photos/2020/p2.jpg',
			'/dl/photos/2020/summer/p3.jpg',
		])
			assert.equal(fx.local.get(p)?.kind, 'file', p);
		const at = (line: string) => fx.log.findIndex((l) => l.startsWith(line));
		assert.ok(at('mkdir-local /dl/photos') < at(`download`));
		assert.ok(
			at('mkdir-local /dl/photos/2020/summer') < at(`download ${fx.childrenOf(deep)[0].uid}`),
		);
	});

	test('copyToLocal of a single file makes one job into that folder', async () => {
		const {fx, q} = setup();
		fx.addLocal('/dl', 'folder');
		const uid = fx.addRemote({parentUid: 'root', name: 'one.txt', type: 'file', size: 5});
		await q.copyToLocal({uid, name: 'one.txt', type: 'file', size: 5}, '/dl');
		await q.idle();
		const [job] = q.jobs();
		assert.equal(q.jobs().length, 1);
		assert.equal(job.state, 'done');
		assert.equal(job.source, uid);
		assert.equal(job.target, '/dl');
		assert.equal(fx.local.get('/dl/one.txt')?.size, 5);
	});

	test('copying into an existing remote folder merges into it', async () => {
		const {fx, q} = setup();
		addTree(fx, {'/src': 'folder', '/src/new.txt': 1, '/src/sub': 'folder', '/src/sub/x': 2});
		const existing = fx.addRemote({parentUid: 'root', name: 'src', type: 'folder'});
		fx.addRemote({parentUid: existing, name: 'old.txt', type: 'file', size: 3});
		await q.copyToDrive('/src', 'root');
		await q.idle();
		assert.ok(q.jobs().every((j) => j.state === 'done'));
		assert.deepEqual(remoteFolders(fx), ['/src', '/src/sub']);
		assert.deepEqual(
			fx
				.childrenOf(existing)
				.map((n) => n.name)
				.sort(),
			['new.txt', 'old.txt', 'sub'],
		);
		assert.deepEqual(remoteFiles(fx), ['/src/new.txt', '/src/old.txt', '/src/sub/x']);
	});

	test('copying into an existing local folder merges into it', async () => {
		const {fx, q} = setup();
		addTree(fx, {'/dl': 'folder', '/dl/docs': 'folder', '/dl/docs/old.txt': 1});
		const docs = fx.addRemote({parentUid: 'root', name: 'docs', type: 'folder'});
		fx.addRemote({parentUid: docs, name: 'new.txt', type: 'file', size: 2});
		await q.copyToLocal({uid: docs, name: 'docs', type: 'folder'}, '/dl');
		await q.idle();
		assert.equal(byName(q, 'new.txt').state, 'done');
		assert.equal(fx.local.get('/dl/docs/old.txt')?.kind, 'file');
		assert.equal(fx.local.get('/dl/docs/new.txt')?.kind, 'file');
	});

	test('a remote file in the way of a folder is a visible failed folder job; retry re-walks it', async () => {
		const {fx, q} = setup();
		addTree(fx, {'/src': 'folder', '/src/a.txt': 1});
		const blocker = fx.addRemote({parentUid: 'root', name: 'src', type: 'file', size: 9});
		await q.copyToDrive('/src', 'root', {targetLabel: '/'});
		await q.idle();
		const [job] = q.jobs();
		assert.equal(q.jobs().length, 1);
		assert.equal(job.kind, 'folder');
		assert.equal(job.state, 'failed');
		assert.equal(job.error?.kind, 'name-exists');
		assert.equal(job.error?.message, conflictMessage('src', '/'));

		fx.remote.delete(blocker);
		q.retry(job.id);
		await q.idle();
		assert.equal(q.jobs()[0].state, 'done');
		assert.equal(byName(q, 'a.txt').state, 'done');
		assert.deepEqual(remoteFiles(fx), ['/src/a.txt']);
	});

	test('a download folder that cannot be created fails visibly and retry re-walks it', async () => {
		const {fx, q} = setup();
		const docs = fx.addRemote({parentUid: 'root', name: 'docs', type: 'folder'});
		fx.addRemote({parentUid: docs, name: 'a.txt', type: 'file', size: 1});
		await q.copyToLocal({uid: docs, name: 'docs', type: 'folder'}, '/missing');
		await q.idle();
		const [job] = q.jobs();
		assert.equal(q.jobs().length, 1);
		assert.deepEqual(
			{kind: job.kind, state: job.state, error: job.error?.kind},
			{kind: 'folder', state: 'failed', error: 'not-found'},
		);
		fx.addLocal('/missing', 'folder');
		q.retry(job.id);
		await q.idle();
		assert.equal(q.jobs()[0].state, 'done');
		assert.equal(byName(q, 'a.txt').state, 'done');
		assert.equal(fx.local.get('/missing/docs/a.txt')?.kind, 'file');
	});

	test("hostile remote folder names ('..', 'a/b', '.') cannot leave the local target folder", async () => {
		const {fx, q} = setup();
		fx.addLocal('/dl', 'folder');
		const top = fx.addRemote({parentUid: 'root', name: '..', type: 'folder'});
		const slash = fx.addRemote({parentUid: top, name: 'a/b', type: 'folder'});
		fx.addRemote({parentUid: slash, name: 'f1', type: 'file', size: 1});
		const up = fx.addRemote({parentUid: slash, name: '../../..', type: 'folder'});
		fx.addRemote({parentUid: up, name: 'f2', type: 'file', size: 1});
		const dot = fx.addRemote({parentUid: top, name: '.', type: 'folder'});
		fx.addRemote({parentUid: dot, name: 'f3', type: 'file', size: 1});

		await q.copyToLocal({uid: top, name: '..', type: 'folder'}, '/dl');
		await q.idle();

		assert.ok(q.jobs().every((j) => j.state === 'done'));
		const made = fx.log.filter((l) => l.startsWith('mkdir-local ')).map((l) => l.slice(12));
		assert.deepEqual(made.sort(), ['/dl/_..', '/dl/_../_.', '/dl/_../a_b', '/dl/_../a_b/.._.._..']);
		for (const p of fx.local.keys()) {
			assert.ok(p === '/dl' || p.startsWith('/dl/'), `${p} left /dl`);
			assert.equal(path.normalize(p), p, `${p} is not a plain path`);
		}
		for (const job of q.jobs()) {
			assert.ok(job.target.startsWith('/dl/_..'), job.target);
			assert.equal(path.normalize(job.target), job.target);
		}
		assert.equal(fx.local.get('/dl/_../a_b/.._.._../f2')?.kind, 'file');
	});
});

describe('TransferQueue: unsupported local entries', () => {
	test('a fifo and a symbolic link to a folder become failed jobs that retry refuses', async () => {
		const {fx, q} = setup();
		fx.addLocal('/src', 'folder');
		fx.addLocal('/src/ok.txt', 'file', 4);
		fx.addLocal('/src/pipe', 'other');
		fx.addLocal('/src/link-to-dir', 'folder', undefined, true);
		fx.addLocal('/src/link-to-file', 'file', 7, true);
		await q.copyToDrive('/src', 'root');
		await q.idle();

		for (const name of ['pipe', 'link-to-dir']) {
			const job = byName(q, name);
			assert.equal(job.state, 'failed', name);
			assert.equal(job.error?.kind, 'unsupported', name);
			assert.match(job.error?.message ?? '', new RegExp(`'${name}' was skipped`));
			q.retry(job.id);
			assert.equal(byName(q, name).state, 'failed', `${name} after retry`);
		}
		assert.match(byName(q, 'link-to-dir').error?.message ?? '', /symbolic link to a folder/);
		await q.idle();
		// Links to files are followed like files; the link to a folder is never walked.
		assert.equal(byName(q, 'link-to-file').state, 'done');
		assert.deepEqual(remoteFiles(fx), ['/src/link-to-file', '/src/ok.txt']);
		assert.deepEqual(remoteFolders(fx), ['/src']);
		assert.ok(!fx.log.some((l) => l.includes('pipe') || l.includes('link-to-dir')));
	});

	test('copying a fifo directly is a failed job; a missing path fails as not-found', async () => {
		const {fx, q} = setup();
		fx.addLocal('/pipe', 'other');
		await q.copyToDrive('/pipe', 'root');
		await q.copyToDrive('/nope.txt', 'root');
		await q.idle();
		assert.equal(byName(q, 'pipe').error?.kind, 'unsupported');
		assert.equal(byName(q, 'nope.txt').state, 'failed');
		assert.equal(byName(q, 'nope.txt').error?.kind, 'not-found');
		assert.equal(fx.log.filter((l) => l.startsWith('upload')).length, 0);
	});
});

describe('TransferQueue: concurrency', () => {
	test('never runs more transfers than the limit', async () => {
		const {fx, q} = setup({manual: true, concurrency: 2});
		fx.addLocal('/src', 'folder');
		for (let i = 0; i < 8; i++) fx.addLocal(`/src/f${i}`, 'file', 1);
		await q.copyToDrive('/src', 'root');
		await settle();
		assert.equal(q.concurrency, 2);
		assert.equal(fx.running, 2);
		assert.equal(q.summary().running, 2);
		assert.equal(q.summary().queued, 6);
		await drain(fx);
		await q.idle();
		assert.equal(fx.maxRunning, 2);
		assert.equal(q.summary().done, 8);
	});

	test('defaults to the configured concurrency (4)', async () => {
		const {fx, q} = setup({manual: true});
		assert.equal(DEFAULT_CONFIG.concurrency, 4);
		assert.equal(q.concurrency, DEFAULT_CONFIG.concurrency);
		fx.addLocal('/src', 'folder');
		for (let i = 0; i < 10; i++) fx.addLocal(`/src/f${i}`, 'file', 1);
		await q.copyToDrive('/src', 'root');
		await settle();
		assert.equal(fx.running, 4);
		await drain(fx);
		assert.equal(fx.maxRunning, 4);
		assert.equal(q.summary().done, 10);
	});
});

describe('TransferQueue: job states and progress', () => {
	test('queued → running → done, and queued → running → failed', async () => {
		const {fx, q} = setup({manual: true, concurrency: 1});
		addTree(fx, {'/a': 1, '/b': 2, '/c': 3});
		const states = recordStates(q);
		fx.failures.set('/b', [new Error('disk on fire')]);
		for (const p of ['/a', '/b', '/c']) await q.copyToDrive(p, 'root');
		await settle();
		assert.equal(byName(q, 'a').state, 'running');
		assert.equal(byName(q, 'b').state, 'queued');
		assert.equal(byName(q, 'c').state, 'queued');
		await drain(fx);
		await q.idle();
		// 'a' starts in a free slot at once, so subscribers first see it running.
		assert.deepEqual(states.get(byName(q, 'a').id)?.slice(-2), ['running', 'done']);
		assert.deepEqual(states.get(byName(q, 'b').id), ['queued', 'running', 'failed']);
		assert.deepEqual(states.get(byName(q, 'c').id), ['queued', 'running', 'done']);
		assert.deepEqual(byName(q, 'b').error, {kind: 'other', message: 'disk on fire'});
		for (const seen of states.values()) {
			for (let i = 1; i < seen.length; i++)
				assert.ok(canTransition(seen[i - 1], seen[i]), `${seen[i - 1]} → ${seen[i]}`);
		}
	});

	test('bytesDone and bytesTotal follow onProgress; the summary adds them up', async () => {
		const {fx, q} = setup({manual: true});
		addTree(fx, {'/a': 1000, '/b': 500});
		await q.copyToDrive('/a', 'root');
		await q.copyToDrive('/b', 'root', {kind: 'file', size: 400});
		await settle();
		assert.equal(byName(q, 'a').bytesTotal, 1000, 'size from the stat');
		assert.equal(byName(q, 'b').bytesTotal, 400, 'size from the hint');
		const [a, b] = fx.pending;
		a.opts.onProgress?.(250, 1000);
		b.opts.onProgress?.(100, 500); // the executor knows better than the hint
		assert.deepEqual([byName(q, 'a').bytesDone, byName(q, 'a').bytesTotal], [250, 1000]);
		assert.deepEqual([byName(q, 'b').bytesDone, byName(q, 'b').bytesTotal], [100, 500]);
		b.opts.onProgress?.(200, 0); // an unknown total keeps the one we have
		assert.equal(byName(q, 'b').bytesTotal, 500);
		assert.deepEqual(
			{...q.summary()},
			{done: 0, failed: 0, cancelled: 0, queued: 0, running: 2, bytesDone: 450, bytesTotal: 1500},
		);
		await drain(fx);
		assert.deepEqual(
			{...q.summary()},
			{done: 2, failed: 0, cancelled: 0, queued: 0, running: 0, bytesDone: 1500, bytesTotal: 1500},
		);
	});

	test('speed and ETA come from progress over the fake clock; done jobs keep their average', async () => {
		let t = 10_000;
		const {fx, q} = setup({manual: true, now: () => t});
		fx.addLocal('/big', 'file', 10_000);
		await q.copyToDrive('/big', 'root');
		await settle();
		let job = byName(q, 'big');
		assert.equal(job.startedAt, 10_000);
		assert.equal(job.speed, 0);
		assert.equal(job.etaSeconds, undefined, 'no ETA before the first progress');
		const [pending] = fx.pending;
		t += 1000;
		pending.opts.onProgress?.(1000, 10_000);
		job = byName(q, 'big');
		assert.equal(job.speed, 1000);
		assert.equal(job.etaSeconds, 9);
		t += 1000;
		pending.opts.onProgress?.(4000, 10_000);
		job = byName(q, 'big');
		assert.equal(job.speed, 2000);
		assert.equal(job.etaSeconds, 3);
		// A stall: the speed decays at read time and the ETA goes away.
		t += 10_000;
		job = byName(q, 'big');
		assert.equal(job.speed, 0);
		assert.equal(job.etaSeconds, undefined);
		t = 15_000;
		pending.resolve();
		await settle();
		job = byName(q, 'big');
		assert.equal(job.state, 'done');
		assert.equal(job.finishedAt, 15_000);
		assert.equal(job.speed, 2000, '10,000 B in 5 s');
		assert.equal(job.etaSeconds, undefined);
		t = 99_000;
		assert.equal(byName(q, 'big').speed, 2000, 'a done job keeps its average');
	});

	test('snapshots are copies: changing them does not change the queue', async () => {
		const {fx, q} = setup();
		fx.addLocal('/a', 'file', 1);
		fx.failures.set('/a', [new Error('nope')]);
		await q.copyToDrive('/a', 'root');
		await q.idle();
		const [job] = q.jobs();
		job.state = 'done';
		if (job.error) job.error.message = 'changed';
		assert.equal(q.jobs()[0].state, 'failed');
		assert.equal(q.jobs()[0].error?.message, 'nope');
	});
});

describe('TransferQueue: cancel', () => {
	test('cancelAll during folder walks stops them: nothing inside the folders is added afterwards', async () => {
		const {fx, q} = setup({manual: true, concurrency: 1});
		addTree(fx, {'/up': 'folder', '/up/a.txt': 1, '/up/sub': 'folder', '/up/sub/b.txt': 2});
		fx.addLocal('/dl', 'folder');
		const folder = fx.addRemote({parentUid: 'root', name: 'Remote', type: 'folder'});
		fx.addRemote({parentUid: folder, name: 'c.txt', type: 'file', size: 3});
		const deep = fx.addRemote({parentUid: folder, name: 'deep', type: 'folder'});
		fx.addRemote({parentUid: deep, name: 'd.txt', type: 'file', size: 4});
		const up = q.copyToDrive('/up', 'root', {kind: 'folder'});
		const down = q.copyToLocal({uid: folder, name: 'Remote', type: 'folder'}, '/dl');
		// Both walks are at their first await (creating the top folders): cancel now.
		const before = fx.log.length;
		q.cancelAll();
		await drain(fx);
		await Promise.all([up, down]);
		await q.idle();
		assert.ok(
			q.jobs().every((j) => j.state === 'cancelled'),
			JSON.stringify(q.jobs()),
		);
		assert.equal(q.jobs().filter((j) => j.name === 'b.txt' || j.name === 'd.txt').length, 0);
		assert.ok(!fx.local.has('/dl/Remote/deep'), 'no folder made after the cancel');
		// Only the two top folders, already requested when the cancel came, were made; nothing inside.
		assert.deepEqual(
			fx.log.slice(before).filter((l) => !l.startsWith('list')),
			['mkdir-remote /up', 'mkdir-local /dl/Remote'],
		);
	});

	test('a cancelled queued job is never started', async () => {
		const {fx, q} = setup({manual: true, concurrency: 1});
		addTree(fx, {'/a': 1, '/b': 2});
		const states = recordStates(q);
		await q.copyToDrive('/a', 'root');
		await q.copyToDrive('/b', 'root');
		await settle();
		const b = byName(q, 'b');
		assert.equal(b.state, 'queued');
		q.cancel(b.id);
		assert.equal(byName(q, 'b').state, 'cancelled');
		await drain(fx);
		await q.idle();
		assert.equal(byName(q, 'b').state, 'cancelled');
		assert.deepEqual(states.get(b.id), ['queued', 'cancelled']);
		assert.ok(!fx.log.some((l) => l.startsWith('upload /b')));
		assert.deepEqual(remoteFiles(fx), ['/a']);
	});

	test('cancelling a running job aborts the executor call and the job never becomes done', async () => {
		const {fx, q} = setup({manual: true});
		fx.addLocal('/a', 'file', 100);
		await q.copyToDrive('/a', 'root');
		await settle();
		const [pending] = fx.pending;
		pending.opts.onProgress?.(40, 100);
		const signal = pending.opts.signal;
		assert.ok(signal && !signal.aborted);
		q.cancel(byName(q, 'a').id);
		assert.equal(signal.aborted, true);
		const job = byName(q, 'a');
		assert.equal(job.state, 'cancelled');
		assert.equal(job.speed, 0);
		assert.equal(job.etaSeconds, undefined);
		await q.idle();
		assert.equal(fx.running, 0);
		assert.equal(byName(q, 'a').state, 'cancelled');
		assert.equal(q.summary().cancelled, 1);
		assert.equal(q.summary().bytesTotal, 0, 'cancelled jobs do not count in the bytes');
	});

	test('an executor that ignores the abort and then succeeds does not make the job done', async () => {
		const {fx, q} = setup({manual: true});
		fx.honourAbort = false;
		fx.addLocal('/a', 'file', 100);
		await q.copyToDrive('/a', 'root');
		await settle();
		const [pending] = fx.pending;
		q.cancel(byName(q, 'a').id);
		pending.opts.onProgress?.(90, 100); // late progress is ignored
		assert.equal(byName(q, 'a').bytesDone, 0);
		pending.resolve();
		await q.idle();
		assert.equal(byName(q, 'a').state, 'cancelled');
		assert.equal(byName(q, 'a').error, undefined);
	});

	test('an executor that ignores the abort and then fails leaves the job cancelled', async () => {
		const {fx, q} = setup({manual: true});
		fx.honourAbort = false;
		fx.addLocal('/a', 'file', 100);
		await q.copyToDrive('/a', 'root');
		await settle();
		q.cancel(byName(q, 'a').id);
		fx.pending[0].reject(new Error('late failure'));
		await q.idle();
		assert.equal(byName(q, 'a').state, 'cancelled');
		assert.equal(byName(q, 'a').error, undefined);
	});

	test('an abort the executor reports on its own counts as cancelled, not failed', async () => {
		const {fx, q} = setup();
		fx.addLocal('/a', 'file', 1);
		fx.addLocal('/b', 'file', 1);
		fx.failures.set('/a', [aborted()]);
		fx.failures.set('/b', [new DriveError('cancelled', 'Could not upload: cancelled.')]);
		await q.copyToDrive('/a', 'root');
		await q.copyToDrive('/b', 'root');
		await q.idle();
		assert.equal(byName(q, 'a').state, 'cancelled');
		assert.equal(byName(q, 'b').state, 'cancelled');
	});

	test('cancel of a finished or unknown job changes nothing; cancelAll cancels the rest', async () => {
		const {fx, q} = setup({manual: true, concurrency: 1});
		addTree(fx, {'/a': 1, '/b': 1, '/c': 1});
		for (const p of ['/a', '/b', '/c']) await q.copyToDrive(p, 'root');
		await settle();
		fx.pending[0].resolve();
		await settle();
		assert.equal(byName(q, 'a').state, 'done');
		q.cancel(byName(q, 'a').id);
		q.cancel('no-such-job');
		assert.equal(byName(q, 'a').state, 'done');
		assert.equal(byName(q, 'b').state, 'running');
		q.cancelAll();
		await q.idle();
		assert.deepEqual(
			q.jobs().map((j) => j.state),
			['done', 'cancelled', 'cancelled'],
		);
		assert.ok(!fx.log.some((l) => l.startsWith('upload /c')));
	});
});

describe('TransferQueue: retry', () => {
	test('a failed job is retried from zero and can succeed', async () => {
		const {fx, q} = setup({manual: true});
		fx.addLocal('/a', 'file', 100);
		await q.copyToDrive('/a', 'root');
		await settle();
		fx.pending[0].opts.onProgress?.(60, 100);
		fx.pending[0].reject(Object.assign(new Error('connection reset'), {code: 'ECONNRESET'}));
		await settle();
		let job = byName(q, 'a');
		assert.equal(job.state, 'failed');
		assert.deepEqual(job.error, {kind: 'network', message: 'connection reset'});
		assert.equal(job.bytesDone, 60);
		const states = recordStates(q);
		q.retry(job.id);
		job = byName(q, 'a');
		assert.equal(job.state, 'queued');
		assert.equal(job.bytesDone, 0);
		assert.equal(job.bytesTotal, 100);
		assert.equal(job.error, undefined);
		assert.equal(job.finishedAt, undefined);
		await drain(fx);
		assert.equal(byName(q, 'a').state, 'done');
		assert.deepEqual(states.get(job.id), ['queued', 'running', 'done']);
		assert.equal(fx.log.filter((l) => l.startsWith('upload /a')).length, 2);
		assert.deepEqual(remoteFiles(fx), ['/a']);
	});

	test('a cancelled running job is retried from zero with a fresh abort signal', async () => {
		const {fx, q} = setup({manual: true});
		fx.addLocal('/a', 'file', 100);
		await q.copyToDrive('/a', 'root');
		await settle();
		const first = fx.pending[0];
		first.opts.onProgress?.(70, 100);
		q.cancel(byName(q, 'a').id);
		await settle();
		q.retry(byName(q, 'a').id);
		assert.equal(byName(q, 'a').state, 'queued');
		assert.equal(byName(q, 'a').bytesDone, 0);
		await settle();
		const second = fx.pending[0];
		assert.notEqual(second, first);
		assert.equal(second.opts.signal?.aborted, false);
		assert.equal(byName(q, 'a').state, 'running');
		await drain(fx);
		assert.equal(byName(q, 'a').state, 'done');
	});

	test('a retry waits until a cancelled call the executor has not given up has ended', async () => {
		const {fx, q} = setup({manual: true});
		fx.honourAbort = false;
		fx.addLocal('/a', 'file', 100);
		await q.copyToDrive('/a', 'root');
		await settle();
		const first = fx.pending[0];
		q.cancel(byName(q, 'a').id);
		q.retry(byName(q, 'a').id);
		await settle();
		assert.equal(fx.pending.length, 1, 'no second call while the first still runs');
		assert.equal(byName(q, 'a').state, 'queued');
		first.reject(aborted());
		await settle();
		assert.equal(fx.pending.length, 1);
		assert.notEqual(fx.pending[0], first);
		assert.equal(byName(q, 'a').state, 'running');
		await drain(fx);
		assert.equal(byName(q, 'a').state, 'done');
		assert.equal(fx.maxRunning, 1);
	});

	test('a cancelled queued job can be retried and runs once', async () => {
		const {fx, q} = setup({manual: true, concurrency: 1});
		addTree(fx, {'/a': 1, '/b': 1});
		await q.copyToDrive('/a', 'root');
		await q.copyToDrive('/b', 'root');
		await settle();
		const b = byName(q, 'b');
		q.cancel(b.id);
		q.retry(b.id);
		q.cancel(b.id);
		q.retry(b.id);
		await drain(fx);
		await q.idle();
		assert.equal(byName(q, 'b').state, 'done');
		assert.equal(fx.log.filter((l) => l.startsWith('upload /b')).length, 1);
	});

	test('retry of a done, queued, running or unknown job does nothing', async () => {
		const {fx, q} = setup({manual: true, concurrency: 1});
		addTree(fx, {'/a': 1, '/b': 1, '/c': 1});
		for (const p of ['/a', '/b', '/c']) await q.copyToDrive(p, 'root');
		await settle();
		fx.pending[0].resolve();
		await settle();
		const before = q.jobs();
		for (const job of before) q.retry(job.id);
		q.retry('no-such-job');
		assert.deepEqual(q.jobs(), before);
		await drain(fx);
		assert.equal(fx.log.filter((l) => l.startsWith('upload')).length, 3);
	});
});

describe('TransferQueue: typed errors', () => {
	test('errno codes are mapped and DriveError kinds are kept', async () => {
		const {fx, q} = setup();
		const cases: [string, unknown, string][] = [
			['/nospace', Object.assign(new Error('no space left'), {code: 'ENOSPC'}), 'no-space'],
			['/denied', Object.assign(new Error('permission denied'), {code: 'EACCES'}), 'permission'],
			['/gone', new DriveError('not-found', 'The item no longer exists.'), 'not-found'],
			['/bad', new DriveError('integrity', 'Signature check failed.'), 'integrity'],
			['/named', new DriveError('invalid-name', 'Invalid name.'), 'invalid-name'],
			['/weird', 'a thrown string', 'other'],
		];
		for (const [p, error] of cases) {
			fx.addLocal(p, 'file', 1);
			fx.failures.set(p, [error]);
			await q.copyToDrive(p, 'root');
		}
		await q.idle();
		for (const [p, error, kind] of cases) {
			const job = byName(q, p.slice(1));
			assert.equal(job.state, 'failed', p);
			assert.equal(job.error?.kind, kind, p);
			assert.equal(job.error?.message, error instanceof Error ? error.message : error, p);
		}
	});
});

describe('TransferQueue: name conflicts', () => {
	function recordingPolicy(resolution: ConflictResolution): ConflictPolicy & {seen: Conflict[]} {
		const seen: Conflict[] = [];
		return {
			seen,
			resolve(conflict) {
				seen.push(conflict);
				return resolution;
			},
		};
	}

	test('by default a file that exists fails with a name-exists error', async () => {
		const {fx, q} = setup();
		fx.addLocal('/a.txt', 'file', 5);
		fx.addRemote({parentUid: 'root', name: 'a.txt', type: 'file', size: 1});
		await q.copyToDrive('/a.txt', 'root', {targetLabel: '/'});
		await q.idle();
		const job = byName(q, 'a.txt');
		assert.equal(job.state, 'failed');
		assert.deepEqual(job.error, {kind: 'name-exists', message: conflictMessage('a.txt', '/')});
		assert.equal(fx.childrenOf('root').length, 1);
	});

	test('skip: the job is done, marked skipped, and nothing is transferred', async () => {
		const policy = recordingPolicy('skip');
		const {fx, q} = setup({conflictPolicy: policy});
		fx.addLocal('/a.txt', 'file', 5);
		fx.addRemote({parentUid: 'root', name: 'a.txt', type: 'file', size: 1});
		await q.copyToDrive('/a.txt', 'root', {targetLabel: '/'});
		await q.idle();
		const job = byName(q, 'a.txt');
		assert.equal(job.state, 'done');
		assert.equal(job.skipped, true);
		assert.equal(job.error, undefined);
		assert.equal(job.bytesDone, 0, 'nothing was transferred');
		assert.equal(job.speed, 0, 'no speed for a transfer that did not happen');
		assert.deepEqual(policy.seen, [
			{direction: 'upload', kind: 'file', name: 'a.txt', targetLabel: '/', attempt: 0},
		]);
		assert.deepEqual(
			fx.childrenOf('root').map((n) => n.size),
			[1],
		);
	});

	test('keep-both: uploads under the next free name', async () => {
		const policy = recordingPolicy('keep-both');
		const {fx, q} = setup({conflictPolicy: policy});
		fx.addLocal('/report.pdf', 'file', 5);
		fx.addRemote({parentUid: 'root', name: 'report.pdf', type: 'file'});
		fx.addRemote({parentUid: 'root', name: 'report (1).pdf', type: 'file'});
		await q.copyToDrive('/report.pdf', 'root');
		await q.idle();
		const job = byName(q, 'report (2).pdf');
		assert.equal(job.state, 'done');
		assert.equal(job.bytesDone, 5);
		assert.deepEqual(
			policy.seen.map((c) => [c.name, c.attempt]),
			[
				['report.pdf', 0],
				['report.pdf', 1],
			],
		);
		assert.deepEqual(
			fx.log.filter((l) => l.startsWith('upload')).map((l) => l.split(' as ')[1]),
			['report.pdf', 'report (1).pdf', 'report (2).pdf'],
		);
		assert.deepEqual(remoteFiles(fx), ['/report (1).pdf', '/report (2).pdf', '/report.pdf']);
	});

	test('keep-both works for downloads too', async () => {
		const {fx, q} = setup({conflictPolicy: fixedPolicy('keep-both')});
		addTree(fx, {'/dl': 'folder', '/dl/a.tar.gz': 1});
		const uid = fx.addRemote({parentUid: 'root', name: 'a.tar.gz', type: 'file', size: 3});
		await q.copyToLocal({uid, name: 'a.tar.gz', type: 'file', size: 3}, '/dl');
		await q.idle();
		assert.equal(q.jobs()[0].state, 'done');
		assert.equal(q.jobs()[0].name, 'a (1).tar.gz');
		assert.equal(fx.local.get('/dl/a (1).tar.gz')?.size, 3);
		assert.equal(fx.local.get('/dl/a.tar.gz')?.size, 1);
	});

	test('an asynchronous policy is awaited; cancelling meanwhile wins', async () => {
		let answer: (r: ConflictResolution) => void = () => {};
		const policy: ConflictPolicy = {
			resolve: () =>
				new Promise<ConflictResolution>((resolve) => {
					answer = resolve;
				}),
		};
		const {fx, q} = setup({conflictPolicy: policy});
		fx.addLocal('/a', 'file', 1);
		fx.addRemote({parentUid: 'root', name: 'a', type: 'file'});
		await q.copyToDrive('/a', 'root');
		await settle();
		assert.equal(byName(q, 'a').state, 'running', 'waiting for the answer');
		q.cancel(byName(q, 'a').id);
		answer('keep-both');
		await q.idle();
		assert.equal(byName(q, 'a').state, 'cancelled');
		assert.equal(fx.log.filter((l) => l.startsWith('upload')).length, 1);
	});

	test('replace is not supported yet and fails with a message saying so', async () => {
		const {fx, q} = setup({conflictPolicy: fixedPolicy('replace')});
		fx.addLocal('/a', 'file', 1);
		fx.addRemote({parentUid: 'root', name: 'a', type: 'file'});
		await q.copyToDrive('/a', 'root');
		await q.idle();
		const job = byName(q, 'a');
		assert.equal(job.state, 'failed');
		assert.equal(job.error?.kind, 'name-exists');
		assert.match(job.error?.message ?? '', /replacing is not supported/);
	});
});

describe('TransferQueue: idle, subscribe, housekeeping', () => {
	test('idle() resolves at once when nothing was ever queued', async () => {
		const {q} = setup();
		await q.idle();
		assert.deepEqual(q.jobs(), []);
		assert.equal(q.summary().done, 0);
	});

	test('idle() waits for folder walks and for every job', async () => {
		const {fx, q} = setup({manual: true});
		addTree(fx, TREE);
		void q.copyToDrive('/src', 'root'); // not awaited: idle must wait for the walk
		let idle = false;
		const idled = q.idle().then(() => {
			idle = true;
		});
		await settle();
		assert.equal(idle, false);
		while (fx.pending.length > 0) {
			assert.equal(idle, false, 'idle while transfers are pending');
			fx.pending[0].resolve();
			await settle();
		}
		await idled;
		assert.equal(q.summary().done, 4);
		assert.equal(q.jobs().length, 4);
	});

	test('idle() right after copyToDrive sees the whole walk', async () => {
		const {fx, q} = setup();
		addTree(fx, TREE);
		void q.copyToDrive('/src', 'root');
		await q.idle();
		assert.equal(q.summary().done, 4);
		assert.equal(fx.running, 0);
	});

	test('subscribers hear every change until they unsubscribe', async () => {
		const {fx, q} = setup();
		fx.addLocal('/a', 'file', 1);
		fx.addLocal('/b', 'file', 1);
		let calls = 0;
		const unsubscribe = q.subscribe(() => calls++);
		await q.copyToDrive('/a', 'root');
		await q.idle();
		assert.ok(calls >= 3, `queued, running, done: ${calls}`);
		unsubscribe();
		const before = calls;
		await q.copyToDrive('/b', 'root');
		await q.idle();
		assert.equal(calls, before);
		unsubscribe(); // twice is harmless
	});

	test('a throwing listener does not break the queue or other listeners', async () => {
		const {fx, q} = setup();
		addTree(fx, TREE);
		let calls = 0;
		q.subscribe(() => {
			throw new Error('listener bug');
		});
		q.subscribe(() => calls++);
		await q.copyToDrive('/src', 'root');
		await q.idle();
		assert.ok(calls > 0);
		assert.equal(q.summary().done, 4);
	});

	test('clearFinished forgets done and cancelled jobs, keeps failed and running ones', async () => {
		const {fx, q} = setup({manual: true});
		addTree(fx, {'/ok': 1, '/bad': 1, '/stop': 1, '/busy': 1});
		fx.failures.set('/bad', [new Error('x')]);
		for (const p of ['/ok', '/bad', '/stop', '/busy']) await q.copyToDrive(p, 'root');
		await settle();
		fx.pending.find((p) => p.source === '/ok')?.resolve();
		q.cancel(byName(q, 'stop').id);
		await settle();
		let notified = false;
		q.subscribe(() => {
			notified = true;
		});
		q.clearFinished();
		assert.equal(notified, true);
		assert.deepEqual(
			q.jobs().map((j) => [j.name, j.state]),
			[
				['bad', 'failed'],
				['busy', 'running'],
			],
		);
		await drain(fx);
	});
});
