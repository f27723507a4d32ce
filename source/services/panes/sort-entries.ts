import type {PaneEntry} from './pane-fs.js';

const collator = new Intl.Collator(undefined, {numeric: true, sensitivity: 'base'});

const KIND_ORDER: Record<PaneEntry['kind'], number> = {folder: 0, file: 1, other: 1};

/** Folders first, then by name (locale-aware, numbers in names compared as numbers). */
export function compareEntries(a: PaneEntry, b: PaneEntry): number {
	return (
		KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
		collator.compare(a.name, b.name) ||
		(a.name < b.name ? -1 : a.name > b.name ? 1 : 0)
	);
}

/** Returns a new sorted array. */
export function sortEntries(entries: readonly PaneEntry[]): PaneEntry[] {
	return [...entries].sort(compareEntries);
}
