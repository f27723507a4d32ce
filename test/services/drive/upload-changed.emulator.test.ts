// A local file that shrinks while it is uploaded: the error says so, instead of a puzzling
// integrity failure, and nothing is left on Drive under the name.
import assert from 'node:assert/strict';
import {truncate, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {after, before, test} from 'node:test';
import {DriveError} from '../../../source/services/drive/drive-error.js';
import {type Harness, startHarness} from './emulator-harness.js';

let h: Harness;
before(async () => {
	h = await startHarness();
});
after(async () => {
	await h.stop();
});

test('a file truncated during its upload fails with "the file changed while it was being uploaded"', async () => {
	const root = await h.drive.root();
	const file = path.join(h.tmp, 'shrinking.bin');
	await writeFile(file, Buffer.alloc(24 * 1024 * 1024, 7));
	let cut = false;
	await assert.rejects(
		h.drive.upload(file, root.uid, {
			onProgress: (done) => {
				if (!cut && done > 0) {
					cut = true;
					void truncate(file, 1024 * 1024);
				}
			},
		}),
		(error: unknown) =>
			error instanceof DriveError &&
			/the file changed while it was being uploaded \(size 25165824 → 1048576 bytes\)/.test(
				error.message,
			),
	);
	assert.ok(cut);
	const names: string[] = [];
	for await (const node of h.freshDrive().listFolder(root.uid)) names.push(node.name);
	assert.ok(!names.includes('shrinking.bin'), names.join(', '));
});
