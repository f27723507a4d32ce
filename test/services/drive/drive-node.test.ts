import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {toDriveNode} from '../../../source/services/drive/drive-node.js';
import {FakeDriveClient} from './fake-drive-client.js';

describe('toDriveNode', () => {
	const fake = new FakeDriveClient();
	const content = new Uint8Array(1234).fill(7);
	const modified = new Date('2024-05-01T10:00:00.000Z');

	test('maps a healthy file with its original size, claimed mtime and SHA-1', () => {
		const node = toDriveNode(
			fake.toMaybe({
				uid: 'v~f',
				parentUid: 'v~p',
				name: 'a.txt',
				type: 'file',
				content,
				modified,
				mediaType: 'text/plain',
			}),
		);
		assert.equal(node.name, 'a.txt');
		assert.equal(node.type, 'file');
		assert.equal(node.size, 1234); // storageSize is 2234 in the fake: must not be used
		assert.equal(node.modified?.toISOString(), modified.toISOString());
		assert.match(node.sha1 ?? '', /^[0-9a-f]{40}$/);
		assert.equal(node.mediaType, 'text/plain');
		assert.equal(node.parentUid, 'v~p');
		assert.equal(node.warning, undefined);
	});

	test('an undecryptable name becomes a placeholder with a warning', () => {
		const node = toDriveNode(
			fake.toMaybe({uid: 'v~abcdef123456', name: 'x', type: 'file', content, corrupt: 'name'}),
		);
		assert.equal(node.name, '⚠ undecryptable abcdef12');
		assert.match(node.warning ?? '', /Name could not be decrypted: Failed to decrypt name/);
		assert.equal(node.size, 1234);
	});

	test('a bad name signature keeps the name and says so', () => {
		const node = toDriveNode(
			fake.toMaybe({uid: 'v~s', name: 'signed.txt', type: 'file', content, corrupt: 'signature'}),
		);
		assert.equal(node.name, 'signed.txt');
		assert.match(
			node.warning ?? '',
			/Name signature could not be verified.*Signature verification failed/,
		);
	});

	test('maps a folder', () => {
		const node = toDriveNode(
			fake.toMaybe({uid: 'v~d', parentUid: 'v~p', name: 'Docs', type: 'folder'}),
		);
		assert.deepEqual(
			{...node, modified: undefined},
			{uid: 'v~d', parentUid: 'v~p', name: 'Docs', type: 'folder', modified: undefined},
		);
	});
});
