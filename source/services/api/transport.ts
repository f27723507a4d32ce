import {apiUrl} from './api-base.js';
import {ApiError, NetworkError, parseRetryAfter} from './api-error.js';
import {APP_VERSION} from './app-version.js';

export interface RequestOptions {
	method: string;
	path: string;
	json?: unknown;
	headers?: Record<string, string>;
	signal?: AbortSignal;
	timeoutMs?: number;
}

export interface Transport {
	readonly base: URL;
	request<T>(opts: RequestOptions): Promise<T>;
}

export const DEFAULT_TIMEOUT_MS = 30_000;
/** Wait used when a 429/503 carries no Retry-After (go-proton-api's default). */
export const DEFAULT_RETRY_AFTER_SECONDS = 10;

/** Headers every Proton API call carries. */
export function baseHeaders(): Record<string, string> {
	return {'x-pm-appversion': APP_VERSION, accept: 'application/vnd.protonmail.v1+json'};
}

function describeNetworkFailure(error: unknown): string {
	if (error instanceof Error) {
		if (error.name === 'TimeoutError') {
			return 'the request timed out';
		}
		const cause = (error as {cause?: {code?: string; message?: string}}).cause;
		if (cause?.code) {
			return `${cause.code}${cause.message ? ` (${cause.message})` : ''}`;
		}
		return error.message;
	}
	return String(error);
}

/** Sends one request; network failures become NetworkError (caller aborts are passed through). */
export async function sendRaw(
	fetchFn: typeof fetch,
	url: URL,
	init: RequestInit & {timeoutMs?: number},
): Promise<Response> {
	const {timeoutMs = DEFAULT_TIMEOUT_MS, signal, ...rest} = init;
	const timeout = AbortSignal.timeout(timeoutMs);
	const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
	try {
		return await fetchFn(url, {...rest, signal: combined});
	} catch (error) {
		if (signal?.aborted) {
			throw signal.reason ?? error;
		}
		// fetch reports network failures as TypeError; our timeout as TimeoutError. Anything else
		// (e.g. an error from a wrapping fetch) is passed through unchanged.
		const isNetwork =
			error instanceof TypeError || (error instanceof Error && error.name === 'TimeoutError');
		if (!isNetwork) {
			throw error;
		}
		throw new NetworkError(url.host, describeNetworkFailure(error), {cause: error});
	}
}

/** Parses a Proton envelope; throws ApiError for HTTP errors and for 2xx with a non-success Code. */
export async function parseEnvelope<T>(response: Response): Promise<T> {
	const text = await response.text();
	let body: Record<string, unknown> | undefined;
	try {
		const parsed: unknown = text ? JSON.parse(text) : undefined;
		if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
			body = parsed as Record<string, unknown>;
		}
	} catch {
		body = undefined;
	}
	const code = typeof body?.Code === 'number' ? body.Code : 0;
	const okCode = code === 1000 || code === 1001 || code === 1002;
	if (response.ok && body && (okCode || body.Code === undefined)) {
		return body as T;
	}
	const retryAfter =
		response.status === 429 || response.status === 503
			? parseRetryAfter(response.headers.get('retry-after'))
			: undefined;
	throw new ApiError({
		status: response.status,
		code,
		message: typeof body?.Error === 'string' ? body.Error : undefined,
		details:
			body?.Details && typeof body.Details === 'object'
				? (body.Details as Record<string, unknown>)
				: undefined,
		retryAfterSeconds:
			retryAfter ??
			(response.status === 429 || response.status === 503
				? DEFAULT_RETRY_AFTER_SECONDS
				: undefined),
	});
}

export function jsonInit(
	opts: RequestOptions,
	extraHeaders: Record<string, string> = {},
): RequestInit & {timeoutMs?: number} {
	const headers: Record<string, string> = {...baseHeaders(), ...extraHeaders, ...opts.headers};
	let body: string | undefined;
	if (opts.json !== undefined) {
		headers['content-type'] = 'application/json';
		body = JSON.stringify(opts.json);
	}
	return {method: opts.method, headers, body, signal: opts.signal, timeoutMs: opts.timeoutMs};
}

/** Unauthenticated JSON transport on the Proton API. */
export function createTransport({
	base,
	fetch: fetchFn = globalThis.fetch,
}: {
	base: URL;
	fetch?: typeof fetch;
}): Transport {
	return {
		base,
		async request<T>(opts: RequestOptions): Promise<T> {
			const response = await sendRaw(fetchFn, apiUrl(base, opts.path), jsonInit(opts));
			return parseEnvelope<T>(response);
		},
	};
}
