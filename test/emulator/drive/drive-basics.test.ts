import assert from 'node:assert/strict';
import {after, before, describe, test} from 'node:test';
import {NodeWithSameNameExistsValidationError} from '@protontech/drive-sdk';
import {
	type DriveHarness,
	downloadBytes,
	namesOf,
	randomBytesOf,
	rootOf,
	startDriveHarness,
	uploadBytes,
} from './drive-harness.js';

describe('emulator Drive with the real SDK: bootstrap, folders, uploads, downloads', () => {
	let h: DriveHarness;
	before(async () => {
		h = await startDriveHarness();
	});
	after(async () => {
		await h.stop();
	});

	test('an empty account answers my-files with 422/2501 and the SDK bootstraps the volume', async () => {
		const client = await h.client();
		const root = await rootOf(client);
		assert.equal(root.name, 'root');
		assert.equal(root.type, 'folder');
		assert.ok(root.keyAuthor.ok, 'root key signature verifies');
		assert.ok(root.nameAuthor.ok, 'root name signature verifies');
		const myFiles = h.requests.filter((r) => r.startsWith('GET /drive/v2/shares/my-files'));
		assert.equal(myFiles[0], 'GET /drive/v2/shares/my-files 422');
		assert.ok(h.requests.includes('POST /drive/volumes 200'));
		// A second, cold client finds the same volume without bootstrapping again.
		const again = await rootOf(await h.client());
		assert.equal(again.uid, root.uid);
		assert.equal(h.requests.filter((r) => r.startsWith('POST /drive/volumes')).length, 1);
	});

	test('create folder, then the same name conflicts with the existing node uid', async () => {
		const client = await h.client();
		const root = await rootOf(client);
		const docs = await client.createFolder(root.uid, 'Docs');
		assert.ok(docs.ok);
		await assert.rejects(client.createFolder(root.uid, 'Docs'), (error: unknown) => {
			assert.ok(error instanceof NodeWithSameNameExistsValidationError);
			assert.equal(error.existingNodeUid, docs.value.uid);
			return true;
		});
		// Names are not normalised: another case is another name.
		assert.ok((await client.createFolder(root.uid, 'docs')).ok);
		assert.deepEqual(await namesOf(await h.client(), root.uid), ['Docs', 'docs']);
	});

	for (const size of [0, 1, 4 * 1024 * 1024 + 17]) {
		test(`upload ${size} bytes and download them byte-exact with a cold client`, async () => {
			const client = await h.client();
			const root = await rootOf(client);
			const bytes = randomBytesOf(size);
			const {nodeUid} = await uploadBytes(client, root.uid, `file-${size}.bin`, bytes);
			const other = await h.client();
			const node = await other.getNode(nodeUid);
			assert.ok(node.ok, 'uploaded node decrypts');
			assert.equal(node.value.name, `file-${size}.bin`);
			assert.ok(node.value.activeRevision?.contentAuthor.ok, 'manifest/xattr signatures verify');
			assert.equal(node.value.activeRevision?.claimedSize, size);
			const back = await downloadBytes(other, nodeUid);
			assert.equal(Buffer.compare(back, Buffer.from(bytes)), 0);
		});
	}
});
