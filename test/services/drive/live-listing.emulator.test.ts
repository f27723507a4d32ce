// Listings always ask the server which children exist (SDK 0.9.9 would otherwise keep serving a
// folder from its cache after a listing completed, losing files and changes made meanwhile).
import assert from 'node:assert/strict';
import {writeFile} from 'node:fs/promises';
import path from 'node:path';
import {after, before, test} from 'node:test';
import type {DriveService} from '../../../source/services/drive/drive-service.js';
import {type Harness, startHarness} from './emulator-harness.js';

let h: Harness;
before(async () => {
	h = await startHarness({seed: 'demo'});
});
after(async () => {
	await h.stop();
});

async function names(drive: DriveService, uid: string): Promise<string[]> {
	const out: string[] = [];
	for await (const node of drive.listFolder(uid)) out.push(node.name);
	return out.sort();
}

test('a file uploaded while the folder was being listed shows in the next listing', async () => {
	const root = await h.drive.root();
	const file = path.join(h.tmp, 'during-listing.txt');
	await writeFile(file, 'x');
	// A slow consumer keeps the listing open (as the pane's refresh after a finished job does)...
	const listing = (async () => {
		for await (const _ of h.drive.listFolder(root.uid))
			await new Promise((r) => setTimeout(r, 150));
	})();
	await new Promise((r) => setTimeout(r, 30));
	// ...while an upload into the same folder commits.
	await h.drive.upload(file, root.uid);
	await listing;
	assert.ok((await names(h.drive, root.uid)).includes('during-listing.txt'));
});

test('changes made by another client show on the next listing (no events needed)', async () => {
	const root = await h.drive.root();
	const before = await names(h.drive, root.uid);
	assert.ok(before.includes('README.txt'));
	const other = h.freshDrive();
	const otherRoot = await other.root();
	const made = await other.createFolder(otherRoot.uid, 'Made elsewhere');
	let readme: string | undefined;
	for await (const node of other.listFolder(otherRoot.uid))
		if (node.name === 'README.txt') readme = node.uid;
	assert.ok(readme);
	await other.trash([readme]);
	const after = await names(h.drive, root.uid);
	assert.ok(after.includes('Made elsewhere'), after.join(', '));
	assert.ok(!after.includes('README.txt'), after.join(', '));
	await other.restore([readme]);
	await other.trash([made.uid]);
	assert.ok((await names(h.drive, root.uid)).includes('README.txt'));
});
