import assert from 'node:assert/strict';
import {createServer} from 'node:net';
import {after, test} from 'node:test';
import {ApiError, NetworkError} from '../../../source/services/api/api-error.js';
import {APP_VERSION} from '../../../source/services/api/app-version.js';
import {createTransport} from '../../../source/services/api/transport.js';

const base = new URL('http://127.0.0.1:9/');

function fakeFetch(reply: (url: string, init: RequestInit) => Response) {
	const calls: {url: string; init: RequestInit}[] = [];
	const fn = (async (url: string | URL, init?: RequestInit) => {
		calls.push({url: String(url), init: init ?? {}});
		return reply(String(url), init ?? {});
	}) as typeof fetch;
	return {fn, calls};
}

test('sends app version, accept and JSON body; returns the envelope', async () => {
	const {fn, calls} = fakeFetch(() => Response.json({Code: 1000, Answer: 42}));
	const transport = createTransport({base, fetch: fn});
	const body = await transport.request<{Answer: number}>({
		method: 'POST',
		path: '/auth/v4/info',
		json: {Username: 'a'},
	});
	assert.equal(body.Answer, 42);
	const headers = calls[0].init.headers as Record<string, string>;
	assert.equal(headers['x-pm-appversion'], APP_VERSION);
	assert.equal(headers.accept, 'application/vnd.protonmail.v1+json');
	assert.equal(headers['content-type'], 'application/json');
	assert.equal(calls[0].init.body, '{"Username":"a"}');
	assert.equal(calls[0].url, 'http://127.0.0.1:9/auth/v4/info');
});

test('error envelopes become ApiError with status, code and details', async () => {
	const {fn} = fakeFetch(() =>
		Response.json(
			{Code: 8002, Error: 'Incorrect login credentials', Details: {a: 1}},
			{status: 422},
		),
	);
	const transport = createTransport({base, fetch: fn});
	await assert.rejects(transport.request({method: 'POST', path: '/auth/v4'}), (error: unknown) => {
		assert.ok(error instanceof ApiError);
		assert.equal(error.status, 422);
		assert.equal(error.code, 8002);
		assert.equal(error.message, 'Incorrect login credentials');
		assert.deepEqual(error.details, {a: 1});
		return true;
	});
});

test('a 200 with a non-success Code is an error', async () => {
	const {fn} = fakeFetch(() => Response.json({Code: 2001, Error: 'bad'}));
	await assert.rejects(createTransport({base, fetch: fn}).request({method: 'GET', path: '/x'}), {
		code: 2001,
	});
});

test('non-JSON bodies are status only, Code 0', async () => {
	const {fn} = fakeFetch(() => new Response('<html>bad gateway</html>', {status: 502}));
	await assert.rejects(
		createTransport({base, fetch: fn}).request({method: 'GET', path: '/x'}),
		(error: unknown) => {
			assert.ok(error instanceof ApiError);
			assert.equal(error.status, 502);
			assert.equal(error.code, 0);
			assert.match(error.message, /502/);
			return true;
		},
	);
});

test('429 and 503 carry retryAfterSeconds', async () => {
	const {fn} = fakeFetch((url) =>
		url.endsWith('/a')
			? Response.json(
					{Code: 2028, Error: 'slow down'},
					{status: 429, headers: {'retry-after': '7'}},
				)
			: new Response('down', {status: 503}),
	);
	const transport = createTransport({base, fetch: fn});
	await assert.rejects(transport.request({method: 'GET', path: '/a'}), {
		status: 429,
		retryAfterSeconds: 7,
	});
	await assert.rejects(transport.request({method: 'GET', path: '/b'}), {
		status: 503,
		retryAfterSeconds: 10,
	});
});

test('an unreachable host is a NetworkError naming the host', async () => {
	const server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const port = (server.address() as {port: number}).port;
	await new Promise<void>((resolve) => server.close(() => resolve()));
	const transport = createTransport({base: new URL(`http://127.0.0.1:${port}`)});
	await assert.rejects(transport.request({method: 'GET', path: '/x'}), (error: unknown) => {
		assert.ok(error instanceof NetworkError);
		assert.match(
			error.message,
			new RegExp(`Cannot reach 127\\.0\\.0\\.1:${port}: .*ECONNREFUSED.*Check your connection`),
		);
		return true;
	});
});

test('a timeout is a NetworkError; a caller abort is passed through', async () => {
	const hang = (async (_url: string | URL, init?: RequestInit) =>
		new Promise<Response>((_resolve, reject) => {
			init?.signal?.addEventListener('abort', () => reject(init.signal?.reason));
		})) as typeof fetch;
	const transport = createTransport({base, fetch: hang});
	// AbortSignal.timeout's timer is unref'd; a fake fetch holds no socket, so keep the loop alive.
	const keepAlive = setInterval(() => {}, 1000);
	after(() => clearInterval(keepAlive));
	await assert.rejects(
		transport.request({method: 'GET', path: '/x', timeoutMs: 50}),
		(error: unknown) => {
			assert.ok(error instanceof NetworkError);
			assert.match(error.message, /timed out/);
			return true;
		},
	);
	const controller = new AbortController();
	const pending = transport.request({method: 'GET', path: '/x', signal: controller.signal});
	controller.abort(new Error('user cancelled'));
	await assert.rejects(pending, {message: 'user cancelled'});
});
