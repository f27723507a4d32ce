import {useCallback, useRef, useState} from 'react';

/**
 * useReducer whose latest state can be read at once through `ref`, before React re-renders.
 *
 * Key handlers need it: one read from the terminal may hold several keys (fast typing, key repeat,
 * tmux send-keys), and they are all handled before the next render. With plain useReducer the
 * second key would act on the state the first key saw ("End" then "F5" copying the old row).
 */
export function useSyncReducer<S, A>(
	reducer: (state: S, action: A) => S,
	initial: S,
): [state: S, dispatch: (action: A) => void, ref: {readonly current: S}] {
	const ref = useRef(initial);
	const [state, setState] = useState(initial);
	const dispatch = useCallback(
		(action: A) => {
			const next = reducer(ref.current, action);
			if (Object.is(next, ref.current)) return;
			ref.current = next;
			setState(next);
		},
		[reducer],
	);
	return [state, dispatch, ref];
}

/** useState with the same synchronous `ref` (for focus, open dialogs and the like). */
export function useSyncState<S>(
	initial: S,
): [state: S, set: (value: S) => void, ref: {readonly current: S}] {
	return useSyncReducer(replace as (state: S, value: S) => S, initial);
}

function replace<S>(_state: S, value: S): S {
	return value;
}
