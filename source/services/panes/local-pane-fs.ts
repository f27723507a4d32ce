import os from 'node:os';
import path from 'node:path';
import {type LocalEntry, listLocal} from '../local/local-fs.js';
import {throwIfAborted} from './abort.js';
import type {PaneEntry, PaneFileSystem, PaneListOptions, PaneLocation} from './pane-fs.js';
import {sortEntries} from './sort-entries.js';

function toPaneEntry(entry: LocalEntry): PaneEntry {
	const out: PaneEntry = {id: entry.path, name: entry.name, kind: entry.kind};
	if (entry.size !== undefined) out.size = entry.size;
	if (entry.modified) out.modified = entry.modified;
	if (entry.warning) out.warning = entry.warning;
	return out;
}

/** '/home/me/src' → '~/src' under the home folder (as shells show it); other paths as they are. */
export function displayPath(dir: string, home: string | undefined): string {
	if (!home || home === path.sep) return dir;
	const base = home.endsWith(path.sep) ? home.slice(0, -1) : home;
	if (dir === base) return '~';
	return dir.startsWith(base + path.sep) ? `~${dir.slice(base.length)}` : dir;
}

/** The local pane: ids are absolute paths; display paths show the home folder as ~. */
export function createLocalPaneFs(opts: {startDir?: string; home?: string} = {}): PaneFileSystem {
	const cache = new Map<string, PaneEntry[]>();
	const home = opts.home ?? os.homedir();
	const locationOf = (dir: string): PaneLocation => {
		const parent = path.dirname(dir);
		const location: PaneLocation = {id: dir, path: displayPath(dir, home)};
		if (parent !== dir) location.parentId = parent;
		return location;
	};
	return {
		side: 'local',
		async home() {
			return locationOf(path.resolve(opts.startDir ?? process.cwd()));
		},
		open(location, entry) {
			const dir = path.isAbsolute(entry.id) ? entry.id : path.join(location.id, entry.name);
			return {...locationOf(dir), parentId: location.id};
		},
		async parent(location) {
			const parent = path.dirname(location.id);
			return parent === location.id ? undefined : locationOf(parent);
		},
		cached(location) {
			return cache.get(location.id);
		},
		async list(location, {signal, onProgress}: PaneListOptions) {
			throwIfAborted(signal);
			const entries: PaneEntry[] = [];
			for await (const entry of listLocal(location.id, {signal})) {
				entries.push(toPaneEntry(entry));
				onProgress?.(entries.length);
			}
			throwIfAborted(signal);
			const sorted = sortEntries(entries);
			cache.set(location.id, sorted);
			return sorted;
		},
	};
}
