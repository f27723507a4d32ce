/** Throws the signal's reason (or an AbortError) when it is aborted. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
	if (!signal?.aborted) return;
	throw signal.reason instanceof Error
		? signal.reason
		: new DOMException('Cancelled', 'AbortError');
}
