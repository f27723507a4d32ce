import assert from 'node:assert/strict';
import {createHash} from 'node:crypto';
import {readFile} from 'node:fs/promises';
import {after, before, describe, test} from 'node:test';
import {demoFiles} from '../../../source/emulator/seed/demo-content.js';
import type {DriveNode} from '../../../source/services/drive/drive-service.js';
import {type Harness, startHarness} from '../../services/drive/emulator-harness.js';

async function all(iterable: AsyncIterable<DriveNode>): Promise<DriveNode[]> {
	const out: DriveNode[] = [];
	for await (const n of iterable) out.push(n);
	return out;
}

describe('demo seed (startEmulator({seed: "demo"}))', () => {
	let h: Harness;
	before(async () => {
		h = await startHarness({seed: 'demo'});
	});
	after(async () => {
		await h?.stop();
	});

	test('creates the demo tree with genuine, decryptable content', async () => {
		const root = await h.drive.root();
		const top = await all(h.drive.listFolder(root.uid));
		assert.deepEqual(top.map((n) => n.name).sort(), [
			'Documents',
			'Photos',
			'Projects',
			'README.txt',
		]);
		for (const file of demoFiles()) {
			const node = await h.drive.resolvePath(
				`/${file.folder ? `${file.folder}/` : ''}${file.name}`,
			);
			const bytes = typeof file.content === 'string' ? Buffer.from(file.content) : file.content;
			assert.equal(node.size, bytes.length, file.name);
			assert.equal(node.sha1, createHash('sha1').update(bytes).digest('hex'), file.name);
			assert.equal(node.modified?.toISOString(), file.modified.toISOString(), file.name);
			assert.equal(node.warning, undefined);
		}
		const png = await h.drive.resolvePath('/Photos/sunset.png');
		assert.equal(png.mediaType, 'image/png');
		const local = await h.drive.download(png.uid, h.tmp);
		assert.deepEqual([...(await readFile(local)).subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
		const big = await h.drive.resolvePath('/Projects/pdrive/assets/dataset.bin');
		assert.equal(big.size, 9 * 1024 * 1024);
	});
});
