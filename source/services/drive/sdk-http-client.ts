import {STATUS_CODES} from 'node:http';
import {Readable} from 'node:stream';
import type {
	ProtonDriveHTTPClient,
	ProtonDriveHTTPClientBlobRequest,
	ProtonDriveHTTPClientJsonRequest,
} from '@protontech/drive-sdk';
import {request} from 'undici';
import {isLoopback} from '../api/api-base.js';
import {APP_VERSION} from '../api/app-version.js';
import {multipartBody} from './multipart-body.js';
import {createRequestSlots} from './request-slots.js';
import type {SdkSession} from './sdk-session.js';

const PROGRESS_CHUNK = 256 * 1024;

/**
 * Block downloads (storage GETs) in flight at once, over all files of one client. The SDK starts up
 * to 10 per file (and 5 files at once) and keeps every finished block in memory until the ones
 * before it are written; a few at a time keep peak memory bounded (issue 3: 1 GiB round trip under
 * 300 MB RSS) and still keep a connection busy while the previous block decrypts.
 */
export const MAX_CONCURRENT_BLOCK_DOWNLOADS = 3;

/** An error whose `name` the SDK's retry logic understands ('TimeoutError' retries, 'AbortError' stops). */
function namedError(name: 'TimeoutError' | 'AbortError', message: string, cause?: unknown): Error {
	const error = new Error(message, {cause});
	error.name = name;
	return error;
}

/** Combines the caller's signal with the request timeout; maps failures to the names the SDK expects. */
async function withTimeout<T>(
	req: {signal?: AbortSignal; timeoutMs: number},
	run: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
	const timeout = AbortSignal.timeout(req.timeoutMs);
	const signal = req.signal ? AbortSignal.any([req.signal, timeout]) : timeout;
	try {
		return await run(signal);
	} catch (error) {
		if (req.signal?.aborted) throw namedError('AbortError', 'Request aborted', error);
		if (timeout.aborted)
			throw namedError('TimeoutError', `Request timed out after ${req.timeoutMs} ms`, error);
		throw error;
	}
}

/**
 * The SDK always builds `https://<baseUrl>/…`. Only when our API base is plain http on loopback (the
 * emulator) is that rewritten to `http://`; a real API base is never downgraded.
 */
export function makeUrlRewriter(apiBase: URL): (url: string) => string {
	if (apiBase.protocol !== 'http:' || !isLoopback(apiBase)) return (url) => url;
	const from = `https://${apiBase.host}/`;
	const to = `http://${apiBase.host}/`;
	return (url) => (url.startsWith(from) ? to + url.slice(from.length) : url);
}

function headersToObject(headers: Headers): Record<string, string> {
	const out: Record<string, string> = {};
	headers.forEach((value, key) => {
		out[key] = value;
	});
	return out;
}

interface EncodedBody {
	contentType?: string;
	length: number;
	chunks(onProgress?: (bytes: number) => void): AsyncIterable<Uint8Array>;
}

/**
 * The request body ready for undici. FormData (what the SDK sends for block uploads) is encoded as
 * a stream, so the 4 MiB block is not copied again; any other body is read into bytes.
 */
async function encodeBody(
	body: ProtonDriveHTTPClientBlobRequest['body'],
): Promise<EncodedBody | undefined> {
	if (body === undefined || body === null) return undefined;
	if (body instanceof FormData) {
		const multipart = multipartBody(body);
		return {
			contentType: multipart.contentType,
			length: multipart.length,
			chunks: (onProgress) => multipart.chunks(onProgress),
		};
	}
	const response = new Response(body as BodyInit);
	const bytes = new Uint8Array(await response.arrayBuffer());
	return {
		contentType: response.headers.get('content-type') ?? undefined,
		length: bytes.length,
		chunks: (onProgress) => chunksWithProgress(bytes, bytes.length, onProgress),
	};
}

/** Yields the body in chunks, reporting progress in payload bytes (the multipart envelope is spread over it). */
async function* chunksWithProgress(
	bytes: Uint8Array,
	payload: number,
	onProgress?: (n: number) => void,
) {
	let reported = 0;
	for (let sent = 0; sent < bytes.length; ) {
		const end = Math.min(bytes.length, sent + PROGRESS_CHUNK);
		yield bytes.subarray(sent, end);
		sent = end;
		const target = Math.floor((sent / bytes.length) * payload);
		if (onProgress && target > reported) {
			onProgress(target - reported);
			reported = target;
		}
	}
}

/**
 * The undici body as a web stream that reads ahead up to 64 KiB like `Readable.toWeb`, so a small
 * reply nobody reads (the SDK ignores upload replies) still ends, and undici lets go of the request
 * and its block (a never-ended body keeps them reachable from the 10-minute timeout signal). Unlike
 * `Readable.toWeb` it ignores data arriving after a cancel: that one enqueues into the closed
 * controller and throws outside any promise, an uncaught exception that ends the process.
 */
function webBody(body: Readable): ReadableStream<Uint8Array> {
	let finished = false;
	return new ReadableStream<Uint8Array>(
		{
			start(controller) {
				body.on('data', (chunk: Buffer) => {
					if (finished) return;
					controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.length));
					if ((controller.desiredSize ?? 0) <= 0) body.pause();
				});
				body.once('end', () => {
					if (finished) return;
					finished = true;
					controller.close();
				});
				body.once('error', (error) => {
					if (finished) return;
					finished = true;
					controller.error(error);
				});
				body.once('close', () => {
					if (finished) return;
					finished = true;
					controller.error(new Error('The response ended early'));
				});
			},
			pull() {
				body.resume();
			},
			cancel() {
				finished = true;
				body.destroy();
			},
		},
		{highWaterMark: 64 * 1024, size: (chunk) => chunk.byteLength},
	);
}

function responseHeaders(raw: Record<string, string | string[] | undefined>): Headers {
	const headers = new Headers();
	for (const [key, value] of Object.entries(raw)) {
		if (value === undefined) continue;
		for (const v of Array.isArray(value) ? value : [value]) headers.append(key, v);
	}
	return headers;
}

/** The SDK's HTTP client: JSON through the session (auth + refresh), storage blocks through undici. */
export function createSdkHttpClient(
	session: SdkSession,
	opts: {maxConcurrentBlockDownloads?: number} = {},
): ProtonDriveHTTPClient {
	const rewrite = makeUrlRewriter(session.apiBase);
	const downloads = createRequestSlots(
		opts.maxConcurrentBlockDownloads ?? MAX_CONCURRENT_BLOCK_DOWNLOADS,
	);
	return {
		fetchJson(req: ProtonDriveHTTPClientJsonRequest): Promise<Response> {
			return withTimeout(req, (signal) => {
				const headers = new Headers(req.headers);
				const body = req.json === undefined ? undefined : JSON.stringify(req.json);
				if (body !== undefined && !headers.has('content-type'))
					headers.set('content-type', 'application/json');
				return session.fetch(rewrite(req.url), {method: req.method, headers, body, signal});
			});
		},

		async fetchBlob(req: ProtonDriveHTTPClientBlobRequest): Promise<Response> {
			// A download holds its slot until its body is consumed (or fails); the timeout starts after.
			let release = () => {};
			if (req.method === 'GET') {
				try {
					release = await downloads.acquire(req.signal);
				} catch (error) {
					throw namedError('AbortError', 'Request aborted', error);
				}
			}
			try {
				return await withTimeout(req, async (signal) => {
					const headers = headersToObject(req.headers);
					headers['x-pm-appversion'] = APP_VERSION;
					const body = await encodeBody(req.body);
					if (body) {
						if (body.contentType) headers['content-type'] = body.contentType;
						headers['content-length'] = String(body.length);
					}
					const result = await request(rewrite(req.url), {
						method: req.method as 'GET' | 'POST',
						headers,
						body: body ? Readable.from(body.chunks(req.onProgress)) : undefined,
						signal,
					});
					result.body.once('close', release);
					result.body.once('error', release);
					result.body.once('end', release);
					const noBody =
						result.statusCode === 204 || result.statusCode === 304 || req.method === 'HEAD';
					if (noBody) await result.body.dump();
					return new Response(noBody ? null : webBody(result.body), {
						status: result.statusCode,
						statusText: STATUS_CODES[result.statusCode] ?? '',
						headers: responseHeaders(result.headers),
					});
				});
			} catch (error) {
				release();
				throw error;
			}
		},
	};
}
