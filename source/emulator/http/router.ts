import type {IncomingMessage} from 'node:http';

/** What a route handler returns: JSON (the usual case) or raw bytes (storage downloads). */
export type Reply =
	| {status: number; json: unknown; headers?: Record<string, string>}
	| {status: number; bytes: Uint8Array; headers?: Record<string, string>};

export interface RequestContext {
	method: string;
	/** Path with duplicate slashes collapsed and no query string. */
	path: string;
	params: Record<string, string>;
	query: URLSearchParams;
	headers: IncomingMessage['headers'];
	/** Raw request body (already read). */
	body: Buffer;
	/** The body parsed as JSON, or undefined when empty / not JSON. */
	json: any;
	/** Free slot for middleware (e.g. the authenticated session). */
	locals: Record<string, unknown>;
}

export type Handler = (ctx: RequestContext) => Reply | Promise<Reply>;

interface Route {
	method: string;
	parts: string[];
	handler: Handler;
}

/** Collapses `//`, drops a trailing `?` and any query, and a trailing `/` (but keeps "/"). */
export function normalisePath(rawUrl: string): {path: string; query: URLSearchParams} {
	const q = rawUrl.indexOf('?');
	const pathPart = q === -1 ? rawUrl : rawUrl.slice(0, q);
	const query = new URLSearchParams(q === -1 ? '' : rawUrl.slice(q + 1));
	let path = pathPart.replace(/\/{2,}/g, '/');
	if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
	if (!path.startsWith('/')) path = `/${path}`;
	return {path, query};
}

/**
 * A small method + path router. Patterns use `:name` segments, e.g.
 * `/drive/v2/volumes/:volumeId/links`. The first matching route wins.
 */
export class Router {
	readonly #routes: Route[] = [];

	add(method: string, pattern: string, handler: Handler): this {
		this.#routes.push({method: method.toUpperCase(), parts: split(pattern), handler});
		return this;
	}

	get(pattern: string, handler: Handler) {
		return this.add('GET', pattern, handler);
	}

	post(pattern: string, handler: Handler) {
		return this.add('POST', pattern, handler);
	}

	put(pattern: string, handler: Handler) {
		return this.add('PUT', pattern, handler);
	}

	delete(pattern: string, handler: Handler) {
		return this.add('DELETE', pattern, handler);
	}

	match(
		method: string,
		path: string,
	): {handler: Handler; params: Record<string, string>} | undefined {
		const parts = split(path);
		for (const route of this.#routes) {
			if (route.method !== method.toUpperCase() || route.parts.length !== parts.length) continue;
			const params: Record<string, string> = {};
			let ok = true;
			for (let i = 0; i < parts.length; i++) {
				const want = route.parts[i]!;
				const got = parts[i]!;
				if (want.startsWith(':')) params[want.slice(1)] = decodeURIComponent(got);
				else if (want !== got) {
					ok = false;
					break;
				}
			}
			if (ok) return {handler: route.handler, params};
		}
		return undefined;
	}
}

function split(path: string): string[] {
	return path.split('/').filter(Boolean);
}
