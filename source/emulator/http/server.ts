import {createServer, type IncomingMessage, type ServerResponse} from 'node:http';
import type {AddressInfo} from 'node:net';
import {ApiFailure, apiError} from './replies.js';
import {normalisePath, type Reply, type RequestContext, type Router} from './router.js';

export type Middleware = (ctx: RequestContext) => void | Promise<void>;

export interface HttpServerOptions {
	port: number;
	host?: string;
	router: Router;
	/** Run before routing; throw ApiFailure to answer early (app version, rate limits, auth...). */
	before?: Middleware[];
	/** Called for each request after it is answered (debug logging in tests). */
	onRequest?: (line: {method: string; path: string; status: number}) => void;
}

export interface RunningHttpServer {
	url: string;
	port: number;
	stop(): Promise<void>;
}

const MAX_BODY = 64 * 1024 * 1024;

/** Starts a loopback HTTP server that dispatches to the router. */
export async function startHttpServer(options: HttpServerOptions): Promise<RunningHttpServer> {
	const host = options.host ?? '127.0.0.1';
	const server = createServer((req, res) => {
		void handle(options, req, res);
	});
	server.keepAliveTimeout = 5_000;
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port, host, () => resolve());
	});
	const {port} = server.address() as AddressInfo;
	return {
		url: `http://${host}:${port}`,
		port,
		stop: () =>
			new Promise<void>((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			}),
	};
}

async function handle(options: HttpServerOptions, req: IncomingMessage, res: ServerResponse) {
	const method = (req.method ?? 'GET').toUpperCase();
	const {path, query} = normalisePath(req.url ?? '/');
	let status = 500;
	try {
		const body = await readBody(req);
		const ctx: RequestContext = {
			method,
			path,
			params: {},
			query,
			headers: req.headers,
			body,
			json: parseJson(req.headers['content-type'], body),
			locals: {},
		};
		let reply: Reply;
		try {
			for (const mw of options.before ?? []) await mw(ctx);
			const match = options.router.match(method, path);
			if (!match) {
				reply = apiError(404, 404, `No route for ${method} ${path}`);
			} else {
				ctx.params = match.params;
				reply = await match.handler(ctx);
			}
		} catch (error) {
			if (error instanceof ApiFailure) reply = error.toReply();
			else {
				reply = apiError(500, 500, 'Internal emulator error');
				console.error('[emulator] handler crashed:', error);
			}
		}
		status = reply.status;
		const headers: Record<string, string> = {...(reply.headers ?? {})};
		if ('bytes' in reply) {
			headers['content-type'] ??= 'application/octet-stream';
			headers['content-length'] = String(reply.bytes.byteLength);
			res.writeHead(reply.status, headers);
			res.end(reply.bytes);
		} else {
			const text = JSON.stringify(reply.json);
			headers['content-type'] = 'application/json';
			headers['content-length'] = String(Buffer.byteLength(text));
			res.writeHead(reply.status, headers);
			res.end(text);
		}
	} catch {
		if (!res.headersSent) res.writeHead(400);
		res.end();
		status = 400;
	}
	options.onRequest?.({method, path, status});
}

function readBody(req: IncomingMessage): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		req.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size > MAX_BODY) {
				reject(new Error('body too large'));
				req.destroy();
				return;
			}
			chunks.push(chunk);
		});
		req.on('end', () => resolve(Buffer.concat(chunks)));
		req.on('error', reject);
	});
}

function parseJson(contentType: string | undefined, body: Buffer): any {
	if (body.length === 0) return undefined;
	if (contentType && !contentType.includes('json')) return undefined;
	try {
		return JSON.parse(body.toString('utf8'));
	} catch {
		return undefined;
	}
}
