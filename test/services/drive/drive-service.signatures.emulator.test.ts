// A genuinely corrupted signature (bytes flipped in a node's detached passphrase signature, as a
// tampering server or a bit flip would leave it): DriveService still lists the node, with a warning
// naming the signature, while its siblings list normally.
import assert from 'node:assert/strict';
import {writeFile} from 'node:fs/promises';
import path from 'node:path';
import {after, before, describe, test} from 'node:test';
import type {DriveNode} from '../../../source/services/drive/drive-service.js';
import {type Harness, startHarness} from './emulator-harness.js';

async function all(iterable: AsyncIterable<DriveNode>): Promise<DriveNode[]> {
	const out: DriveNode[] = [];
	for await (const n of iterable) out.push(n);
	return out;
}

describe('DriveService with a corrupted signature (real login, real SDK, emulator)', () => {
	let h: Harness;
	before(async () => {
		h = await startHarness();
	});
	after(async () => {
		await h?.stop();
	});

	test('the node with the corrupted signature is listed with a warning, its siblings without', async () => {
		const root = await h.drive.root();
		const folder = await h.drive.createFolder(root.uid, 'signatures');
		const names = ['alpha.txt', 'tampered.txt', 'omega.txt'];
		const uids = new Map<string, string>();
		for (const name of names) {
			const local = path.join(h.tmp, name);
			await writeFile(local, `content of ${name}`);
			uids.set(name, (await h.drive.upload(local, folder.uid)).uid);
		}
		const tamperedFolder = await h.drive.createFolder(folder.uid, 'tampered folder');
		await h.emulator.controls.drive.corruptNodePassphraseSignature(uids.get('tampered.txt')!);
		await h.emulator.controls.drive.corruptNodePassphraseSignature(tamperedFolder.uid);

		const listed = await all(h.freshDrive().listFolder(folder.uid));
		assert.equal(listed.length, 4, 'every child is listed');
		const byName = new Map(listed.map((n) => [n.name, n]));
		for (const name of ['alpha.txt', 'omega.txt']) {
			const node = byName.get(name);
			assert.equal(node?.uid, uids.get(name));
			assert.equal(node?.warning, undefined, name);
			assert.equal(node?.size, `content of ${name}`.length);
		}
		const tampered = byName.get('tampered.txt');
		assert.equal(tampered?.uid, uids.get('tampered.txt'));
		assert.equal(tampered?.size, 'content of tampered.txt'.length, 'details still decrypt');
		assert.match(tampered?.warning ?? '', /^Key signature could not be verified/);
		assert.match(
			byName.get('tampered folder')?.warning ?? '',
			/^Key signature could not be verified/,
		);
		// getNode reports the same warning.
		assert.match(
			(await h.freshDrive().getNode(uids.get('tampered.txt')!)).warning ?? '',
			/Key signature/,
		);
	});
});
