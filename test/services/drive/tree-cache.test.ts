import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import type {DriveNode} from '../../../source/services/drive/drive-node.js';
import {MemoryTreeCache} from '../../../source/services/drive/tree-cache.js';

const folder = (uid: string, parentUid: string, name = uid): DriveNode => ({
	uid,
	parentUid,
	name,
	type: 'folder',
});

describe('MemoryTreeCache', () => {
	test('remembers listings and updates them on put / remove', () => {
		const cache = new MemoryTreeCache();
		assert.equal(cache.children('root'), undefined);
		cache.setChildren('root', [folder('a', 'root'), folder('b', 'root')]);
		cache.setChildren('a', [folder('a1', 'a')]);
		assert.deepEqual(
			cache.children('root')?.map((n) => n.uid),
			['a', 'b'],
		);
		cache.put(folder('c', 'root'));
		assert.deepEqual(
			cache.children('root')?.map((n) => n.uid),
			['a', 'b', 'c'],
		);
		// Move a1 from a to b: leaves a's listing; b was never listed so it stays unlisted.
		cache.put(folder('a1', 'b'));
		assert.deepEqual(cache.children('a'), []);
		assert.equal(cache.children('b'), undefined);
		assert.equal(cache.get('a1')?.parentUid, 'b');
		cache.remove('a');
		assert.deepEqual(
			cache.children('root')?.map((n) => n.uid),
			['b', 'c'],
		);
		assert.equal(cache.children('a'), undefined);
	});

	test('a new listing forgets vanished children and their subtrees', () => {
		const cache = new MemoryTreeCache();
		cache.setChildren('root', [folder('a', 'root'), folder('b', 'root')]);
		cache.setChildren('a', [folder('a1', 'a')]);
		cache.setChildren('root', [folder('b', 'root')]);
		assert.equal(cache.get('a'), undefined);
		assert.equal(cache.get('a1'), undefined);
		assert.equal(cache.children('a'), undefined);
		cache.invalidate('root');
		assert.equal(cache.children('root'), undefined);
	});
});
