import assert from 'node:assert/strict';
import {createHash} from 'node:crypto';
import {mkdtemp, readdir, readFile, stat, utimes, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {after, before, describe, test} from 'node:test';
import {deterministicBytes} from '../../../source/emulator/seed/demo-content.js';
import {DriveError, type DriveNode} from '../../../source/services/drive/drive-service.js';
import {type Harness, startHarness, storeRawNames} from './emulator-harness.js';

const MiB = 1024 * 1024;
const BLOCK = 4 * MiB;

async function all(iterable: AsyncIterable<DriveNode>): Promise<DriveNode[]> {
	const out: DriveNode[] = [];
	for await (const n of iterable) out.push(n);
	return out;
}

const sha1 = (bytes: Uint8Array) => createHash('sha1').update(bytes).digest('hex');

async function rejectsKind(promise: Promise<unknown>, kind: DriveError['kind']): Promise<void> {
	await assert.rejects(promise, (error: unknown) => {
		assert.ok(error instanceof DriveError, `expected DriveError, got ${error}`);
		assert.equal(error.kind, kind, error.message);
		return true;
	});
}

describe('DriveService against the emulator (real login, real SDK)', () => {
	let h: Harness;
	let rootUid: string;
	before(async () => {
		h = await startHarness();
		rootUid = (await h.drive.root()).uid;
	});
	after(async () => {
		await h?.stop();
	});

	test('upload + download round trips are byte-exact, keep mtime and use the right block count', async () => {
		const folder = await h.drive.createFolder(rootUid, 'sizes');
		const sizes = [0, 1, BLOCK - 1, BLOCK, BLOCK + 1, 20 * MiB];
		const mtime = new Date('2022-06-07T08:09:10.000Z');
		const out = await mkdtemp(path.join(h.tmp, 'sizes-out-'));
		for (const size of sizes) {
			const data = deterministicBytes(size, `size-${size}`);
			const local = path.join(h.tmp, `file-${size}.bin`);
			await writeFile(local, data);
			await utimes(local, mtime, mtime);
			const blocksBefore = h.emulator.controls.drive.stats().storedBlocks;
			const uploaded = await h.drive.upload(local, folder.uid);
			const blocks = h.emulator.controls.drive.stats().storedBlocks - blocksBefore;
			assert.equal(blocks, Math.ceil(size / BLOCK), `block count for ${size} B`);
			assert.equal(uploaded.size, size);
			assert.equal(uploaded.sha1, sha1(data));
			const final = await h.drive.download(uploaded.uid, out);
			assert.equal(path.basename(final), `file-${size}.bin`);
			const back = await readFile(final);
			assert.equal(back.length, size);
			assert.equal(sha1(back), sha1(data), `content of ${size} B`);
			assert.equal((await stat(final)).mtime.toISOString(), mtime.toISOString());
		}
		// A fresh client sees original sizes, mtimes and SHA-1 from the encrypted XAttr.
		const listed = await all(h.freshDrive().listFolder(folder.uid));
		assert.deepEqual(
			listed.map((n) => n.size).sort((a, b) => (a ?? 0) - (b ?? 0)),
			sizes,
		);
		for (const node of listed) {
			assert.equal(node.modified?.toISOString(), mtime.toISOString());
			assert.equal(node.sha1, sha1(deterministicBytes(node.size ?? 0, `size-${node.size}`)));
			assert.equal(node.warning, undefined);
		}
		assert.deepEqual((await readdir(out)).length, sizes.length);
	});

	test('download aborted mid-way leaves neither a final nor a temp file', async () => {
		const local = path.join(h.tmp, 'abort-me.bin');
		await writeFile(local, deterministicBytes(20 * MiB, 'abort'));
		const node = await h.drive.upload(local, rootUid);
		const out = await mkdtemp(path.join(h.tmp, 'abort-out-'));
		const controller = new AbortController();
		await rejectsKind(
			h.drive.download(node.uid, out, {
				signal: controller.signal,
				onProgress: (done) => {
					if (done > 0) controller.abort();
				},
			}),
			'cancelled',
		);
		assert.deepEqual(await readdir(out), []);
		// Afterwards a normal download still works.
		await h.drive.download(node.uid, out);
		assert.deepEqual(await readdir(out), ['abort-me.bin']);
	});

	test('lists a folder of 500 children across pages', async () => {
		h.emulator.controls.drive.setChildrenPageSize(150);
		const folder = await h.drive.createFolder(rootUid, 'many');
		const names = Array.from({length: 500}, (_, i) => `child-${String(i).padStart(3, '0')}`);
		const queue = [...names];
		await Promise.all(
			Array.from({length: 4}, async () => {
				for (let name = queue.shift(); name; name = queue.shift())
					await h.drive.createFolder(folder.uid, name);
			}),
		);
		h.requests.length = 0;
		const listed = await all(h.freshDrive().listFolder(folder.uid));
		assert.deepEqual(listed.map((n) => n.name).sort(), names);
		assert.ok(listed.every((n) => n.type === 'folder' && !n.warning));
		const pages = h.requests.filter((r) => r.includes(`/folders/`) && r.includes('/children'));
		assert.equal(pages.length, Math.ceil(500 / 150), pages.join('\n'));
	});

	test('create / rename / move / trash / restore / delete round trips', async () => {
		const drive = h.drive;
		const a = await drive.createFolder(rootUid, 'ops-a');
		const b = await drive.createFolder(rootUid, 'ops-b');
		await rejectsKind(drive.createFolder(rootUid, 'ops-a'), 'name-exists');
		await rejectsKind(drive.createFolder(rootUid, 'x/y'), 'invalid-name');
		const local = path.join(h.tmp, 'doc.txt');
		await writeFile(local, 'hello');
		const file = await drive.upload(local, a.uid);
		await rejectsKind(drive.upload(local, a.uid), 'name-exists');

		await drive.rename(file.uid, 'renamed.txt');
		await drive.move(file.uid, b.uid);
		assert.deepEqual(drive.pathOf(file.uid), ['ops-b', 'renamed.txt']);
		const fresh = h.freshDrive();
		assert.equal((await fresh.resolvePath('/ops-b/renamed.txt')).uid, file.uid);
		assert.deepEqual(await all(fresh.listFolder(a.uid)), []);

		await drive.trash([file.uid]);
		assert.deepEqual(drive.cachedChildren(b.uid), []);
		assert.ok((await all(h.freshDrive().listTrash())).some((n) => n.uid === file.uid && n.trashed));
		assert.deepEqual(await all(h.freshDrive().listFolder(b.uid)), []);
		await drive.restore([file.uid]);
		assert.deepEqual(
			(await all(h.freshDrive().listFolder(b.uid))).map((n) => n.name),
			['renamed.txt'],
		);
		assert.deepEqual(
			drive.cachedChildren(b.uid)?.map((n) => n.name),
			['renamed.txt'],
		);

		await assert.rejects(drive.deletePermanently([file.uid]), DriveError); // not in the trash
		await drive.trash([file.uid]);
		await drive.deletePermanently([file.uid]);
		assert.ok(!(await all(h.freshDrive().listTrash())).some((n) => n.uid === file.uid));
		await drive.trash([a.uid]);
		await drive.emptyTrash();
		assert.deepEqual(await all(h.freshDrive().listTrash()), []);
	});

	test('a corrupted node is listed with a warning while its siblings list normally', async () => {
		const folder = await h.drive.createFolder(rootUid, 'integrity');
		const names = ['good-1.txt', 'bad-signature.txt', 'bad-name.txt', 'good-2.txt'];
		const uids: Record<string, string> = {};
		for (const name of names) {
			const local = path.join(h.tmp, name);
			await writeFile(local, name);
			uids[name] = (await h.drive.upload(local, folder.uid)).uid;
		}
		h.emulator.controls.drive.corruptNodeNameSignature(uids['bad-signature.txt']);
		await h.emulator.controls.drive.corruptNodeName(uids['bad-name.txt']);
		const listed = await all(h.freshDrive().listFolder(folder.uid));
		const byUid = new Map(listed.map((n) => [n.uid, n]));
		assert.equal(listed.length, 4);
		for (const good of ['good-1.txt', 'good-2.txt']) {
			assert.equal(byUid.get(uids[good])?.name, good);
			assert.equal(byUid.get(uids[good])?.warning, undefined);
			assert.equal(byUid.get(uids[good])?.size, good.length);
		}
		const badSig = byUid.get(uids['bad-signature.txt']);
		assert.equal(badSig?.name, 'bad-signature.txt');
		assert.ok(badSig?.warning, 'signature problem reported');
		const badName = byUid.get(uids['bad-name.txt']);
		assert.match(badName?.name ?? '', /^⚠ undecryptable /);
		assert.ok(badName?.warning);
	});

	test('remote names that are hostile locally cannot escape the target folder', async () => {
		const folder = await h.drive.createFolder(rootUid, 'hostile');
		const doc = path.join(h.tmp, 'hostile.txt');
		await writeFile(doc, 'hostile');
		await rejectsKind(h.drive.upload(doc, folder.uid, {name: '../x'}), 'invalid-name');
		await rejectsKind(h.drive.upload(doc, folder.uid, {name: 'a/b'}), 'invalid-name');
		// Another client (the SDK does not check upload names) can still store such names.
		await storeRawNames(h.session, folder.uid, ['../x', 'a/b'], 'hostile-writer');
		for (const name of ['..', '.', 'tab\there', 'esc\u001b[2J'])
			await h.drive.upload(doc, folder.uid, {name});
		const listed = await all(h.freshDrive().listFolder(folder.uid));
		assert.equal(listed.length, 6);
		for (const node of listed.filter((n) => n.name.includes('/')))
			assert.ok(node.warning, node.name);
		const out = await mkdtemp(path.join(h.tmp, 'hostile-out-'));
		for (const node of listed) {
			const final = await h.drive.download(node.uid, out);
			assert.equal(path.dirname(final), out, `${JSON.stringify(node.name)} → ${final}`);
		}
		assert.deepEqual((await readdir(out)).sort(), [
			'.._x',
			'_.',
			'_..',
			'a_b',
			'esc_[2J',
			'tab_here',
		]);
		assert.deepEqual(
			(await readdir(h.tmp)).filter((n) => n === 'x'),
			[],
		);
	});
});
