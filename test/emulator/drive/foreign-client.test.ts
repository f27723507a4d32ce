import assert from 'node:assert/strict';
import {randomBytes} from 'node:crypto';
import {after, before, describe, test} from 'node:test';
import {independentLogin} from '../../independent-client/independent-client.js';
import {type SpawnedEmulator, spawnEmulator} from '../../independent-client/spawn-emulator.js';
import {foreignDriveClient} from './foreign/foreign-client.js';

// Issue 3 acceptance: a client that is not ours (independent SRP login + the SDK on its own minimal crypto
// proxy and http client, nothing from source/services) works against `pdrive-tui emulator`.
describe('foreign client against `pdrive-tui emulator`', () => {
	let emu: SpawnedEmulator;
	before(async () => {
		emu = await spawnEmulator([
			'--port',
			'0',
			'--user',
			'demo@example.com',
			'--password',
			'correct horse',
			'--totp',
			'JBSWY3DPEHPK3PXP',
		]);
	});
	after(async () => {
		await emu.stop();
	});

	test('logs in, creates a folder, uploads 5 MB, lists and downloads it byte-exact', async () => {
		const session = await independentLogin(
			emu.url,
			'demo@example.com',
			'correct horse',
			'JBSWY3DPEHPK3PXP',
		);
		const client = foreignDriveClient(emu.url, session);
		const root = await client.getMyFilesRootFolder();
		assert.ok(root.ok);
		const folder = await client.createFolder(root.value.uid, 'Foreign');
		assert.ok(folder.ok);
		const bytes = new Uint8Array(randomBytes(5 * 1000 * 1000));
		const uploader = await client.getFileUploader(folder.value.uid, 'five.bin', {
			mediaType: 'application/octet-stream',
			expectedSize: bytes.length,
		});
		const ctrl = await uploader.uploadFromStream(new Blob([bytes]).stream(), []);
		const {nodeUid} = await ctrl.completion();

		// A second, cold client of the same kind lists and reads it with every signature valid.
		const reader = foreignDriveClient(emu.url, session);
		const children = [];
		for await (const child of reader.iterateFolderChildren(folder.value.uid)) children.push(child);
		assert.equal(children.length, 1);
		const node = children[0];
		assert.ok(node?.ok);
		assert.equal(node.value.uid, nodeUid);
		assert.equal(node.value.name, 'five.bin');
		assert.ok(node.value.keyAuthor.ok && node.value.nameAuthor.ok);
		assert.ok(node.value.activeRevision?.contentAuthor.ok);
		assert.equal(node.value.activeRevision?.claimedSize, bytes.length);

		const chunks: Uint8Array[] = [];
		const downloader = await reader.getFileDownloader(nodeUid);
		await downloader
			.downloadToStream(
				new WritableStream({
					write(chunk) {
						chunks.push(chunk);
					},
				}),
			)
			.completion();
		assert.equal(Buffer.compare(Buffer.concat(chunks), Buffer.from(bytes)), 0);
	});
});
