/** What stopping needs of the transfer queue. */
export interface StoppableQueue {
	cancelAll(): void;
	idle(): Promise<void>;
}

/**
 * Cancels every transfer and waits (at most `timeoutMs`) until they have wound down, so that
 * cancelled downloads have removed their temporary files before the process exits.
 * Resolves true when everything stopped in time.
 */
export async function stopTransfers(
	queue: StoppableQueue | undefined,
	timeoutMs = 5000,
): Promise<boolean> {
	if (!queue) return true;
	queue.cancelAll();
	let timer: ReturnType<typeof setTimeout> | undefined;
	const timeout = new Promise<false>((resolve) => {
		timer = setTimeout(() => resolve(false), timeoutMs);
	});
	try {
		return await Promise.race([queue.idle().then(() => true as const), timeout]);
	} finally {
		clearTimeout(timer);
	}
}
