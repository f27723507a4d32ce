import assert from 'node:assert/strict';
import {after, before, describe, test} from 'node:test';
import type {ProtonDriveClient} from '@protontech/drive-sdk';
import {
	type DriveHarness,
	downloadBytes,
	namesOf,
	randomBytesOf,
	rootOf,
	startDriveHarness,
	uploadBytes,
} from './drive-harness.js';

async function folder(client: ProtonDriveClient, parentUid: string, name: string) {
	const made = await client.createFolder(parentUid, name);
	assert.ok(made.ok);
	return made.value.uid;
}

async function results(iterable: AsyncIterable<{uid: string; ok: boolean}>) {
	const out: boolean[] = [];
	for await (const r of iterable) out.push(r.ok);
	return out;
}

describe('emulator Drive with the real SDK: listing, rename, move, trash, revisions', () => {
	let h: DriveHarness;
	let client: ProtonDriveClient;
	let rootUid: string;
	before(async () => {
		h = await startDriveHarness({childrenPageSize: 150});
		client = await h.client();
		rootUid = (await rootOf(client)).uid;
	});
	after(async () => {
		await h.stop();
	});

	test('200 children are listed completely across AnchorID pages of 150', async () => {
		const parent = await folder(client, rootUid, 'Many');
		const names = Array.from({length: 200}, (_, i) => `child-${String(i).padStart(3, '0')}`);
		for (const name of names) await folder(client, parent, name);
		h.requests.length = 0;
		const listed = await namesOf(await h.client(), parent);
		assert.deepEqual(listed, names);
		const pages = h.requests.filter((r) => r.includes(`/children`));
		assert.equal(pages.length, 2, 'two children pages');
	});

	test('rename, conflicting rename, and move re-encrypt names that a cold client reads', async () => {
		const a = await folder(client, rootUid, 'A');
		const b = await folder(client, rootUid, 'B');
		const note = (await uploadBytes(client, a, 'note.txt', new TextEncoder().encode('hello')))
			.nodeUid;
		const renamed = await client.renameNode(note, 'renamed.txt');
		assert.ok(renamed.ok);
		await folder(client, a, 'taken');
		await assert.rejects(client.renameNode(note, 'taken'), /exist/i);
		assert.deepEqual(await results(client.moveNodes([note], b)), [true]);
		const cold = await h.client();
		assert.deepEqual(await namesOf(cold, a), ['taken']);
		assert.deepEqual(await namesOf(cold, b), ['renamed.txt']);
		const moved = await cold.getNode(note);
		assert.ok(moved.ok);
		assert.ok(moved.value.nameAuthor.ok, 'moved name signature verifies');
		assert.equal(moved.value.parentUid, b);
		assert.equal((await downloadBytes(cold, note)).toString(), 'hello');
	});

	test('trash, list trash, restore, delete permanently and empty trash', async () => {
		const box = await folder(client, rootUid, 'Box');
		const one = await folder(client, box, 'one');
		const two = await folder(client, box, 'two');
		const three = await folder(client, box, 'three');
		assert.deepEqual(await results(client.trashNodes([one, two, three])), [true, true, true]);
		assert.deepEqual(await namesOf(await h.client(), box), []);
		const trashed: string[] = [];
		for await (const node of (await h.client()).iterateTrashedNodes())
			if (node.ok) trashed.push(node.value.name);
		assert.deepEqual(trashed.sort(), ['one', 'three', 'two']);
		assert.deepEqual(await results(client.restoreNodes([one])), [true]);
		assert.deepEqual(await results(client.deleteNodes([two])), [true]);
		assert.deepEqual(await namesOf(await h.client(), box), ['one']);
		// A deleted node is gone: a fresh client cannot load it.
		const gone = await (await h.client()).getNode(two).then(
			() => 'loaded',
			() => 'missing',
		);
		assert.equal(gone, 'missing');
		await client.emptyTrash();
		const left: string[] = [];
		for await (const node of (await h.client()).iterateTrashedNodes())
			left.push(node.ok ? node.value.name : '?');
		assert.deepEqual(left, []);
	});

	test('getAvailableName skips taken names', async () => {
		const parent = await folder(client, rootUid, 'Names');
		await folder(client, parent, 'x.txt');
		await folder(client, parent, 'x (1).txt');
		assert.equal(await client.getAvailableName(parent, 'x.txt'), 'x (2).txt');
	});

	test('a new revision replaces the content; the old one is listed as a revision', async () => {
		const first = randomBytesOf(1000);
		const second = randomBytesOf(2000);
		const {nodeUid} = await uploadBytes(client, rootUid, 'versions.bin', first);
		const uploader = await client.getFileRevisionUploader(nodeUid, {
			mediaType: 'application/octet-stream',
			expectedSize: second.length,
		});
		const ctrl = await uploader.uploadFromStream(
			new Blob([second as Uint8Array<ArrayBuffer>]).stream(),
			[],
		);
		await ctrl.completion();
		const cold = await h.client();
		assert.equal(Buffer.compare(await downloadBytes(cold, nodeUid), Buffer.from(second)), 0);
		const revisions = [];
		for await (const r of cold.iterateRevisions(nodeUid)) revisions.push(r);
		assert.equal(revisions.length, 2);
	});
});
