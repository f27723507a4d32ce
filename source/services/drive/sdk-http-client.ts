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
import type {SdkSession} from './sdk-session.js';

const PROGRESS_CHUNK = 256 * 1024;

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

/** Serialises a body (the SDK passes FormData for block uploads) into bytes + content type. */
async function serialiseBody(body: ProtonDriveHTTPClientBlobRequest['body']) {
	if (body === undefined || body === null) return undefined;
	const response = new Response(body as BodyInit);
	const bytes = new Uint8Array(await response.arrayBuffer());
	let payload = bytes.length;
	if (body instanceof FormData) {
		payload = 0;
		for (const value of body.values())
			payload += typeof value === 'string' ? value.length : value.size;
	}
	return {bytes, payload, contentType: response.headers.get('content-type') ?? undefined};
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

function responseHeaders(raw: Record<string, string | string[] | undefined>): Headers {
	const headers = new Headers();
	for (const [key, value] of Object.entries(raw)) {
		if (value === undefined) continue;
		for (const v of Array.isArray(value) ? value : [value]) headers.append(key, v);
	}
	return headers;
}

/** The SDK's HTTP client: JSON through the session (auth + refresh), storage blocks through undici. */
export function createSdkHttpClient(session: SdkSession): ProtonDriveHTTPClient {
	const rewrite = makeUrlRewriter(session.apiBase);
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

		fetchBlob(req: ProtonDriveHTTPClientBlobRequest): Promise<Response> {
			return withTimeout(req, async (signal) => {
				const headers = headersToObject(req.headers);
				headers['x-pm-appversion'] = APP_VERSION;
				const body = await serialiseBody(req.body);
				if (body) {
					if (body.contentType) headers['content-type'] = body.contentType;
					headers['content-length'] = String(body.bytes.length);
				}
				const result = await request(rewrite(req.url), {
					method: req.method as 'GET' | 'POST',
					headers,
					body: body
						? Readable.from(chunksWithProgress(body.bytes, body.payload, req.onProgress))
						: undefined,
					signal,
				});
				const noBody =
					result.statusCode === 204 || result.statusCode === 304 || req.method === 'HEAD';
				if (noBody) await result.body.dump();
				return new Response(
					noBody ? null : (Readable.toWeb(result.body) as ReadableStream<Uint8Array>),
					{
						status: result.statusCode,
						statusText: STATUS_CODES[result.statusCode] ?? '',
						headers: responseHeaders(result.headers),
					},
				);
			});
		},
	};
}
