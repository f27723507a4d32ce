import type {FileHandle} from 'node:fs/promises';

/** Plaintext block size of Proton Drive; reading in this unit keeps memory per chunk bounded. */
export const READ_CHUNK_BYTES = 4 * 1024 * 1024;

/**
 * A pull-based ReadableStream over an open file: reads at most `size` bytes, one chunk at a time
 * and only when the consumer asks, so memory stays bounded whatever the file size. Every chunk is
 * passed to `onChunk` (e.g. a hash) before it is handed out.
 */
export function fileReadStream(
	handle: FileHandle,
	size: number,
	opts: {onChunk?: (chunk: Uint8Array) => void; signal?: AbortSignal; chunkBytes?: number} = {},
): ReadableStream<Uint8Array> {
	const chunkBytes = opts.chunkBytes ?? READ_CHUNK_BYTES;
	let position = 0;
	return new ReadableStream<Uint8Array>(
		{
			async pull(controller) {
				if (opts.signal?.aborted) {
					controller.error(opts.signal.reason ?? new DOMException('Aborted', 'AbortError'));
					return;
				}
				const want = Math.min(chunkBytes, size - position);
				if (want <= 0) {
					controller.close();
					return;
				}
				const chunk = new Uint8Array(want);
				let filled = 0;
				while (filled < want) {
					const {bytesRead} = await handle.read(chunk, filled, want - filled, position + filled);
					if (bytesRead === 0) break;
					filled += bytesRead;
				}
				position += filled;
				const out = filled === want ? chunk : chunk.subarray(0, filled);
				opts.onChunk?.(out);
				if (filled > 0) controller.enqueue(out);
				// The file shrank while we read it: end here; the uploader will report the size mismatch.
				if (filled < want) controller.close();
			},
		},
		{highWaterMark: 1},
	);
}
