/**
 * A counting semaphore for requests: `acquire` resolves with a release function once fewer than
 * `limit` holders are active (first come, first served). Releasing twice is harmless. A signal that
 * aborts while waiting rejects with its reason and gives the place up.
 */
export interface RequestSlots {
	acquire(signal?: AbortSignal): Promise<() => void>;
	/** Holders right now (for tests). */
	active(): number;
}

export function createRequestSlots(limit: number): RequestSlots {
	if (!Number.isInteger(limit) || limit < 1)
		throw new RangeError('limit must be a positive integer');
	let active = 0;
	const waiting: (() => void)[] = [];

	const grant = (): (() => void) => {
		active++;
		let released = false;
		return () => {
			if (released) return;
			released = true;
			active--;
			waiting.shift()?.();
		};
	};

	return {
		active: () => active,
		acquire(signal) {
			if (signal?.aborted) return Promise.reject(signal.reason);
			if (active < limit && waiting.length === 0) return Promise.resolve(grant());
			return new Promise((resolve, reject) => {
				const onAbort = () => {
					const index = waiting.indexOf(wake);
					if (index >= 0) waiting.splice(index, 1);
					reject(signal?.reason);
				};
				const wake = () => {
					signal?.removeEventListener('abort', onAbort);
					resolve(grant());
				};
				waiting.push(wake);
				signal?.addEventListener('abort', onAbort, {once: true});
			});
		},
	};
}
