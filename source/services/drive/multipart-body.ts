import {randomBytes} from 'node:crypto';

/** Blob values are read and sent in slices of this size; progress is reported per slice. */
const CHUNK_BYTES = 256 * 1024;

export interface MultipartBody {
	contentType: string;
	/** Exact byte length of the encoded body (for Content-Length). */
	length: number;
	/** Bytes of the field values (file contents and strings), what progress counts up to. */
	payload: number;
	/** The encoded body, read lazily: Blob values are read slice by slice, never copied whole. */
	chunks(onProgress?: (bytes: number) => void): AsyncGenerator<Uint8Array>;
}

const encoder = new TextEncoder();

/** Line breaks in names and string values become CRLF, as the WHATWG form encoding does. */
const crlf = (value: string) => value.replace(/\r(?!\n)|(?<!\r)\n/g, '\r\n');

/** Field names and file names as the WHATWG multipart/form-data encoding escapes them. */
function escapeQuoted(value: string): string {
	return value.replace(/\r/g, '%0D').replace(/\n/g, '%0A').replace(/"/g, '%22');
}

/**
 * Encodes a FormData as multipart/form-data without buffering it: the SDK hands one 4 MiB block
 * per upload request, and serialising it into a new buffer would keep a second copy of every block
 * in flight.
 */
export function multipartBody(form: FormData): MultipartBody {
	const boundary = `----pdrive-tui-${randomBytes(16).toString('hex')}`;
	const parts: (Uint8Array | Blob)[] = [];
	let length = 0;
	let payload = 0;
	const push = (part: Uint8Array | Blob) => {
		parts.push(part);
		length += part instanceof Blob ? part.size : part.length;
	};
	for (const [name, value] of form.entries()) {
		let head = `--${boundary}\r\nContent-Disposition: form-data; name="${escapeQuoted(crlf(name))}"`;
		if (typeof value === 'string') {
			push(encoder.encode(`${head}\r\n\r\n`));
			const bytes = encoder.encode(crlf(value));
			push(bytes);
			payload += bytes.length;
		} else {
			head += `; filename="${escapeQuoted(value.name)}"\r\nContent-Type: ${value.type || 'application/octet-stream'}`;
			push(encoder.encode(`${head}\r\n\r\n`));
			push(value);
			payload += value.size;
		}
		push(encoder.encode('\r\n'));
	}
	push(encoder.encode(`--${boundary}--\r\n`));

	return {
		contentType: `multipart/form-data; boundary=${boundary}`,
		length,
		payload,
		async *chunks(onProgress) {
			for (const part of parts) {
				if (!(part instanceof Blob)) {
					yield part;
					continue;
				}
				// Blob.stream() hands out the whole blob as one chunk in Node: read small slices instead.
				for (let at = 0; at < part.size; at += CHUNK_BYTES) {
					const end = Math.min(part.size, at + CHUNK_BYTES);
					yield new Uint8Array(await part.slice(at, end).arrayBuffer());
					onProgress?.(end - at);
				}
			}
		},
	};
}
