import {useCallback, useEffect, useRef} from 'react';
import type {PaneEntry, PaneFileSystem, PaneLocation} from '../services/panes/pane-fs.js';
import {initialPaneState, type PaneState, paneReducer} from './pane-state.js';
import {useSyncReducer} from './use-sync-reducer.js';

/** Listing progress reaches the screen at most this often. */
const PROGRESS_MS = 100;

export interface PaneControls {
	state: PaneState;
	current(): PaneEntry | undefined;
	open(): void;
	parent(): void;
	refresh(): void;
	/** Aborts a running listing; true when there was one. */
	cancel(): boolean;
	move(delta: number): void;
	page(direction: 1 | -1): void;
	jump(to: 'start' | 'end'): void;
	setViewport(rows: number): void;
}

function describe(error: unknown): string {
	return error instanceof Error && error.message ? error.message : 'Listing failed.';
}

/**
 * One pane's state over a PaneFileSystem: opens at home, lists with progress and an
 * AbortController (Esc cancels), shows cached entries at once and reconciles with a fresh listing.
 */
export function usePane(fs: PaneFileSystem): PaneControls {
	// stateRef is current even between renders: several keys can arrive in one read.
	const [state, dispatch, stateRef] = useSyncReducer(paneReducer, initialPaneState);
	const controller = useRef<AbortController | undefined>(undefined);

	const list = useCallback(
		(location: PaneLocation, select?: {id?: string; name?: string}) => {
			controller.current?.abort();
			const abort = new AbortController();
			controller.current = abort;
			dispatch({type: 'navigate', location, cached: fs.cached(location), select});
			let lastProgress = 0;
			fs.list(location, {
				signal: abort.signal,
				onProgress: (count) => {
					const now = Date.now();
					if (now - lastProgress < PROGRESS_MS || abort.signal.aborted) return;
					lastProgress = now;
					dispatch({type: 'progress', count});
				},
			}).then(
				(entries) => {
					if (abort.signal.aborted) return;
					if (controller.current === abort) controller.current = undefined;
					dispatch({type: 'listed', location, entries});
				},
				(error) => {
					if (controller.current === abort) controller.current = undefined;
					if (abort.signal.aborted) return; // 'cancelled' was dispatched by cancel()
					dispatch({type: 'failed', message: describe(error)});
				},
			);
		},
		[fs, dispatch],
	);

	useEffect(() => {
		let live = true;
		fs.home().then(
			(home) => live && list(home),
			(error) => live && dispatch({type: 'failed', message: describe(error)}),
		);
		return () => {
			live = false;
			controller.current?.abort();
		};
	}, [fs, list, dispatch]);

	const current = useCallback(() => {
		const s = stateRef.current;
		return s.entries[s.cursor];
	}, [stateRef.current]);

	const open = useCallback(() => {
		const s = stateRef.current;
		const entry = s.entries[s.cursor];
		if (!s.location || !entry || entry.kind !== 'folder') return;
		list(fs.open(s.location, entry));
	}, [fs, list, stateRef.current]);

	const parent = useCallback(() => {
		const here = stateRef.current.location;
		if (!here) return;
		fs.parent(here).then(
			(up) => {
				if (!up || stateRef.current.location?.id !== here.id) return;
				const name = here.path.split(/[\\/]/).filter(Boolean).at(-1);
				list(up, {id: here.id, name});
			},
			(error) => dispatch({type: 'failed', message: describe(error)}),
		);
	}, [fs, list, dispatch, stateRef.current.location?.id, stateRef.current.location]);

	const refresh = useCallback(() => {
		const here = stateRef.current.location;
		if (here) list(here);
	}, [list, stateRef.current.location]);

	const cancel = useCallback(() => {
		const running = controller.current;
		if (!running) return false;
		controller.current = undefined;
		running.abort();
		dispatch({type: 'cancelled'});
		return true;
	}, [dispatch]);

	return {
		state,
		current,
		open,
		parent,
		refresh,
		cancel,
		move: useCallback((delta: number) => dispatch({type: 'move', delta}), [dispatch]),
		page: useCallback((direction: 1 | -1) => dispatch({type: 'page', direction}), [dispatch]),
		jump: useCallback((to: 'start' | 'end') => dispatch({type: 'jump', to}), [dispatch]),
		setViewport: useCallback((rows: number) => dispatch({type: 'viewport', rows}), [dispatch]),
	};
}
