import type {DriveNode} from '../drive/drive-node.js';
import {throwIfAborted} from './abort.js';
import type {DriveLike} from './drive-like.js';
import type {PaneEntry, PaneFileSystem, PaneListOptions} from './pane-fs.js';
import {sortEntries} from './sort-entries.js';

function toPaneEntry(node: DriveNode): PaneEntry {
	const out: PaneEntry = {id: node.uid, name: node.name, kind: node.type};
	if (node.size !== undefined) out.size = node.size;
	if (node.modified) out.modified = node.modified;
	if (node.warning) out.warning = node.warning;
	return out;
}

function joinDrivePath(parent: string, name: string): string {
	return parent.endsWith('/') ? `${parent}${name}` : `${parent}/${name}`;
}

function visible(nodes: Iterable<DriveNode>): PaneEntry[] {
	const out: PaneEntry[] = [];
	for (const node of nodes) if (!node.trashed) out.push(toPaneEntry(node));
	return out;
}

/** The Drive pane: ids are node uids, display paths start at My files ('/'). */
export function createDrivePaneFs(drive: DriveLike): PaneFileSystem {
	let rootUid: string | undefined;
	const cache = new Map<string, PaneEntry[]>();

	const displayPath = (uid: string, fallback?: string): string => {
		if (uid === rootUid) return '/';
		const names = drive.pathOf(uid);
		return names ? `/${names.join('/')}` : (fallback ?? '/…');
	};

	return {
		side: 'drive',
		async home() {
			const root = await drive.root();
			rootUid = root.uid;
			return {id: root.uid, path: '/'};
		},
		open(location, entry) {
			return {
				id: entry.id,
				path: displayPath(entry.id, joinDrivePath(location.path, entry.name)),
				parentId: location.id,
			};
		},
		async parent(location) {
			if (rootUid === undefined) rootUid = (await drive.root()).uid;
			if (location.id === rootUid) return undefined;
			const parentId = location.parentId ?? (await drive.getNode(location.id)).parentUid;
			if (!parentId) return undefined;
			if (parentId === rootUid) return {id: rootUid, path: '/'};
			const slash = location.path.lastIndexOf('/');
			const fallback = slash > 0 ? location.path.slice(0, slash) : undefined;
			// The grandparent is looked up on demand by the next parent() call.
			return {id: parentId, path: displayPath(parentId, fallback)};
		},
		cached(location) {
			const own = cache.get(location.id);
			if (own) return own;
			const fromDrive = drive.cachedChildren(location.id);
			return fromDrive ? sortEntries(visible(fromDrive)) : undefined;
		},
		async list(location, {signal, onProgress}: PaneListOptions) {
			throwIfAborted(signal);
			const entries: PaneEntry[] = [];
			let seen = 0;
			for await (const node of drive.listFolder(location.id, {signal})) {
				throwIfAborted(signal);
				seen++;
				if (!node.trashed) entries.push(toPaneEntry(node));
				onProgress?.(seen);
			}
			throwIfAborted(signal);
			const sorted = sortEntries(entries);
			cache.set(location.id, sorted);
			return sorted;
		},
	};
}
