/**
 * Calls `fn` at most once per `ms`: the first call runs at once, later calls within the interval
 * are folded into one trailing call. For rendering queue changes (notifications are not throttled).
 */
export function throttle(fn: () => void, ms = 100): (() => void) & {cancel(): void} {
	let last = Number.NEGATIVE_INFINITY;
	let timer: ReturnType<typeof setTimeout> | undefined;
	const run = () => {
		timer = undefined;
		last = Date.now();
		fn();
	};
	const throttled = () => {
		if (timer) return;
		const wait = last + ms - Date.now();
		if (wait <= 0) run();
		else timer = setTimeout(run, wait);
	};
	throttled.cancel = () => {
		if (timer) clearTimeout(timer);
		timer = undefined;
	};
	return throttled;
}
