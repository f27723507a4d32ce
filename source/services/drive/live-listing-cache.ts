import type {ProtonDriveCache} from '@protontech/drive-sdk';

/** Key prefix under which SDK 0.9.9 marks a folder's children listing as complete. */
const CHILDREN_LOADED = 'node-children-';

/**
 * The SDK's entity cache, minus its "this folder's listing is complete" marks.
 *
 * SDK 0.9.9 sets that mark when a listing ends, even when an upload into the folder committed
 * (and cleared the mark) while the listing ran; from then on it lists the folder from its cache
 * and the new file stays invisible (and is skipped by folder downloads) until restart. Without
 * Drive events nothing would clear the mark for changes made elsewhere either. So every listing
 * asks the server which children exist; the nodes themselves stay cached (no re-decryption).
 * When event-driven freshness arrives (roadmap), this wrapper can go.
 */
export function liveListingCache(inner: ProtonDriveCache<string>): ProtonDriveCache<string> {
	return {
		clear: () => inner.clear(),
		setEntity: (key, value, tags) =>
			key.startsWith(CHILDREN_LOADED) ? Promise.resolve() : inner.setEntity(key, value, tags),
		getEntity: (key) =>
			key.startsWith(CHILDREN_LOADED)
				? Promise.reject(new Error(`Entity not found: ${key}`))
				: inner.getEntity(key),
		iterateEntities: (keys) => inner.iterateEntities(keys),
		iterateEntitiesByTag: (tag) => inner.iterateEntitiesByTag(tag),
		removeEntities: (keys) => inner.removeEntities(keys),
	};
}
