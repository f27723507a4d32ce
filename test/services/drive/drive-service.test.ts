import assert from 'node:assert/strict';
import {randomBytes} from 'node:crypto';
import {mkdtemp, readdir, readFile, rm, stat, utimes, writeFile} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {after, before, describe, test} from 'node:test';
import {
	DriveError,
	type DriveNode,
	DriveService,
} from '../../../source/services/drive/drive-service.js';
import {FakeDriveClient} from './fake-drive-client.js';

async function all(iterable: AsyncIterable<DriveNode>): Promise<DriveNode[]> {
	const out: DriveNode[] = [];
	for await (const n of iterable) out.push(n);
	return out;
}

async function rejectsKind(promise: Promise<unknown>, kind: DriveError['kind']): Promise<void> {
	await assert.rejects(promise, (error: unknown) => {
		assert.ok(error instanceof DriveError, `expected DriveError, got ${error}`);
		assert.equal(error.kind, kind, error.message);
		return true;
	});
}

describe('DriveService over a fake client', () => {
	let dir: string;
	before(async () => {
		dir = await mkdtemp(path.join(os.tmpdir(), 'pdrive-drive-service-'));
	});
	after(async () => {
		await rm(dir, {recursive: true, force: true});
	});

	test('lists with warnings for broken nodes, caches, and resolves paths without API calls', async () => {
		const fake = new FakeDriveClient();
		const docs = fake.add({parentUid: 'vol~root', name: 'Docs', type: 'folder'});
		fake.add({parentUid: docs.uid, name: 'ok.txt', type: 'file', content: new Uint8Array(10)});
		fake.add({
			parentUid: docs.uid,
			name: 'bad.txt',
			type: 'file',
			content: new Uint8Array(3),
			corrupt: 'signature',
		});
		fake.add({parentUid: docs.uid, name: 'secret', type: 'file', corrupt: 'name'});
		const drive = new DriveService(fake.asClient());
		const root = await drive.root();
		assert.deepEqual(
			(await all(drive.listFolder(root.uid))).map((n) => n.name),
			['Docs'],
		);
		const children = await all(drive.listFolder(docs.uid));
		assert.equal(children.length, 3);
		assert.equal(children.find((n) => n.name === 'ok.txt')?.warning, undefined);
		assert.match(children.find((n) => n.name === 'bad.txt')?.warning ?? '', /signature/);
		assert.ok(children.some((n) => n.name.startsWith('⚠ undecryptable') && n.warning));

		const callsBefore = fake.calls.length;
		assert.deepEqual(
			drive
				.cachedChildren(docs.uid)
				?.map((n) => n.name)
				.sort(),
			children.map((n) => n.name).sort(),
		);
		const okNode = await drive.resolvePath('/Docs/ok.txt');
		assert.equal(okNode.size, 10);
		assert.deepEqual(drive.pathOf(okNode.uid), ['Docs', 'ok.txt']);
		assert.deepEqual(drive.pathOf(root.uid), []);
		assert.equal(
			fake.calls.length,
			callsBefore,
			`unexpected calls: ${fake.calls.slice(callsBefore)}`,
		);
		await rejectsKind(drive.resolvePath('/Docs/missing'), 'not-found');
	});

	test('resolvePath lists only folders not cached yet', async () => {
		const fake = new FakeDriveClient();
		const a = fake.add({parentUid: 'vol~root', name: 'a', type: 'folder'});
		const b = fake.add({parentUid: a.uid, name: 'b', type: 'folder'});
		const drive = new DriveService(fake.asClient());
		assert.equal((await drive.resolvePath('/a/b')).uid, b.uid);
		assert.deepEqual(
			fake.calls.filter((c) => c.startsWith('list')),
			['list vol~root', `list ${a.uid}`],
		);
		await drive.resolvePath('a/b/');
		assert.equal(fake.calls.filter((c) => c.startsWith('list')).length, 2);
	});

	test('an aborted listing throws cancelled and does not replace the cache', async () => {
		const fake = new FakeDriveClient();
		for (let i = 0; i < 20; i++) fake.add({parentUid: 'vol~root', name: `f${i}`, type: 'folder'});
		const drive = new DriveService(fake.asClient());
		const controller = new AbortController();
		let seen = 0;
		await rejectsKind(
			(async () => {
				for await (const _ of drive.listFolder('vol~root', {signal: controller.signal})) {
					if (++seen === 5) controller.abort();
				}
			})(),
			'cancelled',
		);
		assert.equal(drive.cachedChildren('vol~root'), undefined);
	});

	test('own operations update the cache immediately', async () => {
		const fake = new FakeDriveClient();
		const drive = new DriveService(fake.asClient());
		const root = await drive.root();
		await all(drive.listFolder(root.uid));
		const docs = await drive.createFolder(root.uid, 'Docs');
		const other = await drive.createFolder(root.uid, 'Other');
		assert.deepEqual(
			drive.cachedChildren(root.uid)?.map((n) => n.name),
			['Docs', 'Other'],
		);
		assert.deepEqual(drive.cachedChildren(docs.uid), []);
		await rejectsKind(drive.createFolder(root.uid, 'Docs'), 'name-exists');
		await rejectsKind(drive.createFolder(root.uid, 'a/b'), 'invalid-name');

		const renamed = await drive.rename(docs.uid, 'Documents');
		assert.equal(renamed.name, 'Documents');
		assert.deepEqual(drive.pathOf(docs.uid), ['Documents']);
		await rejectsKind(drive.rename(docs.uid, 'Other'), 'name-exists');

		await drive.move(other.uid, docs.uid);
		assert.deepEqual(
			drive.cachedChildren(root.uid)?.map((n) => n.name),
			['Documents'],
		);
		assert.deepEqual(
			drive.cachedChildren(docs.uid)?.map((n) => n.name),
			['Other'],
		);
		assert.deepEqual(drive.pathOf(other.uid), ['Documents', 'Other']);

		await drive.trash([other.uid]);
		assert.deepEqual(drive.cachedChildren(docs.uid), []);
		assert.deepEqual(
			(await all(drive.listTrash())).map((n) => n.name),
			['Other'],
		);
		await drive.restore([other.uid]);
		assert.deepEqual(
			drive.cachedChildren(docs.uid)?.map((n) => n.name),
			['Other'],
		);
		await rejectsKind(drive.deletePermanently([other.uid]), 'other'); // not trashed
		await drive.trash([other.uid]);
		await drive.deletePermanently([other.uid]);
		assert.equal(fake.nodes.has(other.uid), false);
		await drive.trash([docs.uid]);
		await drive.emptyTrash();
		assert.deepEqual(await all(drive.listTrash()), []);
		assert.deepEqual(drive.cachedChildren(root.uid), []);
	});

	test('upload then download round trip with mtime, progress, and the cache updated', async () => {
		const fake = new FakeDriveClient();
		const drive = new DriveService(fake.asClient());
		const root = await drive.root();
		await all(drive.listFolder(root.uid));
		const src = path.join(dir, 'notes.md');
		const data = randomBytes(300_000);
		await writeFile(src, data);
		const mtime = new Date('2023-03-04T05:06:07.000Z');
		await utimes(src, mtime, mtime);
		const progress: number[] = [];
		const node = await drive.upload(src, root.uid, {
			onProgress: (done, total) => progress.push(done, total),
		});
		assert.equal(node.size, data.length);
		assert.equal(node.mediaType, 'text/markdown');
		assert.equal(progress.at(-1), data.length);
		assert.deepEqual(
			drive.cachedChildren(root.uid)?.map((n) => n.name),
			['notes.md'],
		);
		await rejectsKind(drive.upload(src, root.uid), 'name-exists');

		const out = await mkdtemp(path.join(dir, 'out-'));
		const final = await drive.download(node.uid, out);
		assert.equal(final, path.join(out, 'notes.md'));
		assert.deepEqual(await readFile(final), data);
		assert.equal((await stat(final)).mtime.toISOString(), mtime.toISOString());
		await rejectsKind(drive.download(node.uid, out), 'name-exists');
		assert.deepEqual(await readdir(out), ['notes.md']);
	});

	test('download: abort mid-way leaves no file under the final name and no temp file', async () => {
		const fake = new FakeDriveClient();
		fake.downloadChunkDelayMs = 5;
		const file = fake.add({
			parentUid: 'vol~root',
			name: 'big.bin',
			type: 'file',
			content: randomBytes(2_000_000),
		});
		const drive = new DriveService(fake.asClient());
		const out = await mkdtemp(path.join(dir, 'abort-'));
		const controller = new AbortController();
		const done = drive.download(file.uid, out, {
			signal: controller.signal,
			onProgress: (n) => {
				if (n > 500_000) controller.abort();
			},
		});
		await rejectsKind(done, 'cancelled');
		assert.deepEqual(await readdir(out), []);
	});

	test('download: a SHA-1 mismatch is an integrity error and nothing is kept', async () => {
		const fake = new FakeDriveClient();
		const file = fake.add({
			parentUid: 'vol~root',
			name: 'x.bin',
			type: 'file',
			content: randomBytes(1000),
			claimedSha1: '0'.repeat(40),
		});
		const drive = new DriveService(fake.asClient());
		const out = await mkdtemp(path.join(dir, 'sha-'));
		await rejectsKind(drive.download(file.uid, out), 'integrity');
		assert.deepEqual(await readdir(out), []);
	});

	test('download: hostile remote names cannot escape the target folder', async () => {
		const fake = new FakeDriveClient();
		const drive = new DriveService(fake.asClient());
		const out = await mkdtemp(path.join(dir, 'hostile-'));
		for (const name of ['../x', 'a/b', '..', '/etc/evil']) {
			const file = fake.add({
				parentUid: 'vol~root',
				name,
				type: 'file',
				content: new Uint8Array([1, 2, 3]),
			});
			const final = await drive.download(file.uid, out);
			assert.equal(path.dirname(final), out, `${name} → ${final}`);
		}
		assert.deepEqual((await readdir(out)).sort(), ['.._x', '_..', '_etc_evil', 'a_b']);
		assert.deepEqual(
			(await readdir(dir)).filter((n) => n === 'x'),
			[],
		);
	});

	test('upload: cancellation and missing files are typed errors', async () => {
		const fake = new FakeDriveClient();
		const drive = new DriveService(fake.asClient());
		const controller = new AbortController();
		controller.abort();
		const src = path.join(dir, 'c.txt');
		await writeFile(src, 'x');
		await rejectsKind(drive.upload(src, 'vol~root', {signal: controller.signal}), 'cancelled');
		await rejectsKind(drive.upload(path.join(dir, 'nope.txt'), 'vol~root'), 'not-found');
	});
});
