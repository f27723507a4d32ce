import {useEffect, useState} from 'react';

/**
 * Re-renders when `subscribe` reports a change, but at most once per `intervalMs` (with a
 * trailing update so the last state is always shown). Returns a counter that changes on each
 * accepted update.
 */
export function useThrottledSubscription(
	subscribe: ((listener: () => void) => () => void) | undefined,
	intervalMs: number,
): number {
	const [tick, setTick] = useState(0);
	useEffect(() => {
		if (!subscribe) return;
		let last = 0;
		let timer: NodeJS.Timeout | undefined;
		const fire = () => {
			timer = undefined;
			last = Date.now();
			setTick((t) => t + 1);
		};
		const unsubscribe = subscribe(() => {
			if (timer) return;
			const wait = intervalMs - (Date.now() - last);
			if (wait <= 0) fire();
			else timer = setTimeout(fire, wait);
		});
		return () => {
			unsubscribe();
			if (timer) clearTimeout(timer);
		};
	}, [subscribe, intervalMs]);
	return tick;
}
