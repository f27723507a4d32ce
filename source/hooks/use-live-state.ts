import {useCallback, useReducer, useRef} from 'react';

/**
 * State whose latest value is readable at once (several keys of one input chunk are handled
 * before React re-renders, so closures over plain useState would see stale values).
 */
export function useLiveState<T>(initial: T): [() => T, (next: T) => void] {
	const ref = useRef(initial);
	const [, bump] = useReducer((n: number) => n + 1, 0);
	const get = useCallback(() => ref.current, []);
	const set = useCallback((next: T) => {
		ref.current = next;
		bump();
	}, []);
	return [get, set];
}
