import assert from 'node:assert/strict';
import {createHash, randomBytes} from 'node:crypto';
import {mkdtemp, rm, utimes, writeFile} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {after, before, describe, test} from 'node:test';
import {loginDemo} from '../../../source/emulator/seed/demo-seed.js';
import {DriveService} from '../../../source/services/drive/drive-service.js';
import {
	type IndependentSession,
	independentLogin,
} from '../../independent-client/independent-client.js';
import {type SpawnedEmulator, spawnEmulator} from '../../independent-client/spawn-emulator.js';
import {foreignDriveClient} from './foreign/foreign-client.js';

// Issue 3 acceptance: a client that is not ours (independent SRP login + the SDK on its own minimal crypto
// proxy and http client, nothing from source/services) works against `pdrive-tui emulator`.
describe('foreign client against `pdrive-tui emulator`', () => {
	let emu: SpawnedEmulator;
	// One independent login for the whole file: the emulator, like Proton, refuses a TOTP code twice.
	let session: IndependentSession;
	let tmp: string;
	before(async () => {
		tmp = await mkdtemp(path.join(os.tmpdir(), 'pdrive-foreign-'));
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
		session = await independentLogin(
			emu.url,
			'demo@example.com',
			'correct horse',
			'JBSWY3DPEHPK3PXP',
		);
	});
	after(async () => {
		await emu.stop();
		await rm(tmp, {recursive: true, force: true});
	});

	test('logs in, creates a folder, uploads 5 MB, lists and downloads it byte-exact', async () => {
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

	test("what pdrive-tui's Drive service uploaded, the foreign client reads with every signature valid", async () => {
		// Ours: LoginFlow (password + TOTP) and DriveService, as the app runs them, on the same emulator.
		const ours = DriveService.create({session: await loginDemo(emu.url), clientUid: 'ours'});
		const folder = await ours.createFolder((await ours.root()).uid, 'From pdrive-tui');
		const bytes = randomBytes(4 * 1024 * 1024 + 12345);
		const local = path.join(tmp, 'Ünïcode – report.bin');
		await writeFile(local, bytes);
		const mtime = new Date('2021-02-03T04:05:06.000Z');
		await utimes(local, mtime, mtime);
		const uploaded = await ours.upload(local, folder.uid);

		const reader = foreignDriveClient(emu.url, session);
		const parent = await reader.getNode(folder.uid);
		assert.ok(parent.ok);
		assert.equal(parent.value.name, 'From pdrive-tui');
		assert.ok(parent.value.keyAuthor.ok, 'folder key author verified');
		assert.ok(parent.value.nameAuthor.ok, 'folder name author verified');
		const children = [];
		for await (const child of reader.iterateFolderChildren(folder.uid)) children.push(child);
		assert.equal(children.length, 1);
		const node = children[0];
		assert.ok(node?.ok, 'the node decrypts and verifies');
		assert.equal(node.value.uid, uploaded.uid);
		assert.equal(node.value.name, 'Ünïcode – report.bin');
		assert.ok(node.value.keyAuthor.ok, 'key author verified');
		assert.ok(node.value.nameAuthor.ok, 'name author verified');
		const revision = node.value.activeRevision;
		assert.ok(revision?.contentAuthor.ok, 'content author (manifest + XAttr) verified');
		assert.equal(revision.claimedSize, bytes.length);
		assert.equal(revision.claimedModificationTime?.toISOString(), mtime.toISOString());
		assert.equal(revision.claimedDigests?.sha1, createHash('sha1').update(bytes).digest('hex'));

		const chunks: Uint8Array[] = [];
		const downloader = await reader.getFileDownloader(uploaded.uid);
		const download = downloader.downloadToStream(
			new WritableStream({
				write(chunk) {
					chunks.push(chunk);
				},
			}),
		);
		await download.completion();
		assert.equal(download.isDownloadCompleteWithSignatureIssues(), false);
		assert.equal(Buffer.compare(Buffer.concat(chunks), bytes), 0);
	});
});
