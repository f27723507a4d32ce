/**
 * True for the rejections the Drive SDK leaves behind when a transfer is cancelled.
 *
 * SDK 0.9.9's stream uploader stops with an AbortError as soon as its signal fires, without
 * awaiting the block uploads still in flight; each of those then rejects with an AbortError that
 * nobody handles. They carry no information (the job is already cancelled and reported), so the
 * app must not treat them as a crash. Any other unhandled rejection still is one.
 */
export function isStrayAbort(reason: unknown): boolean {
	return (
		typeof reason === 'object' &&
		reason !== null &&
		(reason as {name?: unknown}).name === 'AbortError'
	);
}
