import assert from 'node:assert/strict';
import {test} from 'node:test';
import {MemoryCache} from '@protontech/drive-sdk';
import {liveListingCache} from '../../../source/services/drive/live-listing-cache.js';

test('folder-listing marks are never kept; every other entity is', async () => {
	const inner = new MemoryCache<string>();
	const cache = liveListingCache(inner);
	await cache.setEntity('node-children-vol~folder', 'loaded', ['children-volume:vol']);
	await assert.rejects(cache.getEntity('node-children-vol~folder'));
	await assert.rejects(inner.getEntity('node-children-vol~folder'));
	await cache.setEntity('node-vol~abc', '{"node":1}', ['parentUid:vol~folder']);
	assert.equal(await cache.getEntity('node-vol~abc'), '{"node":1}');
	const byTag = [];
	for await (const entry of cache.iterateEntitiesByTag('parentUid:vol~folder'))
		byTag.push(entry.key);
	assert.deepEqual(byTag, ['node-vol~abc']);
	await cache.removeEntities(['node-vol~abc']);
	await assert.rejects(cache.getEntity('node-vol~abc'));
});
