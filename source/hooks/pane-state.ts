import type {PaneEntry, PaneLocation} from '../services/panes/pane-fs.js';

/** Everything one pane shows; changed only through `paneReducer` (pure, unit-tested). */
export interface PaneState {
	location?: PaneLocation;
	/** Sorted: folders first, then by name. */
	entries: PaneEntry[];
	cursor: number;
	/** Index of the first visible row. */
	scrollTop: number;
	/** Rows available for the list. */
	viewport: number;
	/** Set while a listing runs: how many entries arrived so far. */
	loading?: {count: number};
	/** Shown in the footer when the last listing failed or was cancelled. */
	message?: string;
	/** Id (or name) to put the cursor on once the listing arrives (the folder we came from). */
	select?: {id?: string; name?: string};
}

export type PaneAction =
	| {
			type: 'navigate';
			location: PaneLocation;
			cached?: PaneEntry[];
			select?: {id?: string; name?: string};
	  }
	| {type: 'progress'; count: number}
	| {type: 'listed'; location: PaneLocation; entries: PaneEntry[]}
	| {type: 'failed'; message: string}
	| {type: 'cancelled'}
	| {type: 'move'; delta: number}
	| {type: 'page'; direction: 1 | -1}
	| {type: 'jump'; to: 'start' | 'end'}
	| {type: 'viewport'; rows: number};

export const initialPaneState: PaneState = {entries: [], cursor: 0, scrollTop: 0, viewport: 10};

const collator = new Intl.Collator('en', {numeric: true, sensitivity: 'base'});

/** Folders first, then everything else; names in natural order (file2 before file10). */
export function sortEntries(entries: PaneEntry[]): PaneEntry[] {
	return [...entries].sort((a, b) => {
		const fa = a.kind === 'folder' ? 0 : 1;
		const fb = b.kind === 'folder' ? 0 : 1;
		if (fa !== fb) return fa - fb;
		return collator.compare(a.name, b.name) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
	});
}

function clamp(n: number, lo: number, hi: number): number {
	return Math.max(lo, Math.min(hi, n));
}

/** Keeps the cursor inside the list and the scroll window around the cursor. */
export function settle(state: PaneState): PaneState {
	const count = state.entries.length;
	const viewport = Math.max(1, state.viewport);
	const cursor = count === 0 ? 0 : clamp(state.cursor, 0, count - 1);
	let top = state.scrollTop;
	if (cursor < top) top = cursor;
	if (cursor >= top + viewport) top = cursor - viewport + 1;
	top = clamp(top, 0, Math.max(0, count - viewport));
	if (cursor === state.cursor && top === state.scrollTop) return state;
	return {...state, cursor, scrollTop: top};
}

function indexOfSelection(entries: PaneEntry[], select?: {id?: string; name?: string}): number {
	if (!select) return -1;
	if (select.id !== undefined) {
		const i = entries.findIndex((e) => e.id === select.id);
		if (i >= 0) return i;
	}
	if (select.name !== undefined) return entries.findIndex((e) => e.name === select.name);
	return -1;
}

function placeEntries(state: PaneState, entries: PaneEntry[], sameFolder: boolean): PaneState {
	const sorted = sortEntries(entries);
	let cursor = 0;
	const wanted = indexOfSelection(sorted, state.select);
	if (wanted >= 0) cursor = wanted;
	else if (sameFolder) {
		// Keep the cursor on the same entry across a refresh, or at the same row if it went away.
		const current = state.entries[state.cursor];
		const i = current ? sorted.findIndex((e) => e.id === current.id) : -1;
		cursor = i >= 0 ? i : state.cursor;
	}
	return {...state, entries: sorted, cursor};
}

export function paneReducer(state: PaneState, action: PaneAction): PaneState {
	switch (action.type) {
		case 'navigate': {
			const sameFolder = state.location?.id === action.location.id;
			const base: PaneState = {
				...state,
				location: action.location,
				loading: {count: 0},
				message: undefined,
				select: action.select,
				...(sameFolder ? {} : {entries: [], cursor: 0, scrollTop: 0}),
			};
			return settle(action.cached ? placeEntries(base, action.cached, sameFolder) : base);
		}
		case 'progress':
			return state.loading ? {...state, loading: {count: action.count}} : state;
		case 'listed': {
			if (state.location?.id !== action.location.id) return state; // a stale listing
			const placed = placeEntries(state, action.entries, true);
			return settle({...placed, loading: undefined, select: undefined, message: undefined});
		}
		case 'failed':
			return {...state, loading: undefined, message: action.message};
		case 'cancelled':
			return state.loading ? {...state, loading: undefined, message: 'Listing cancelled.'} : state;
		case 'move':
			return settle({...state, cursor: state.cursor + action.delta});
		case 'page':
			return settle({
				...state,
				cursor: state.cursor + action.direction * Math.max(1, state.viewport - 1),
			});
		case 'jump':
			return settle({...state, cursor: action.to === 'start' ? 0 : state.entries.length - 1});
		case 'viewport':
			return action.rows === state.viewport ? state : settle({...state, viewport: action.rows});
	}
}

/** The entries to render: only the rows inside the scroll window. */
export function visibleRows(state: PaneState): {entry: PaneEntry; index: number}[] {
	const end = Math.min(state.entries.length, state.scrollTop + Math.max(1, state.viewport));
	const rows: {entry: PaneEntry; index: number}[] = [];
	for (let i = state.scrollTop; i < end; i++) rows.push({entry: state.entries[i], index: i});
	return rows;
}

/** Footer counts: folders, files and total file size. */
export function countEntries(entries: PaneEntry[]): {
	folders: number;
	files: number;
	bytes: number;
} {
	let folders = 0;
	let files = 0;
	let bytes = 0;
	for (const e of entries) {
		if (e.kind === 'folder') folders++;
		else {
			files++;
			bytes += e.size ?? 0;
		}
	}
	return {folders, files, bytes};
}
