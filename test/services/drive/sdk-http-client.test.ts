import assert from 'node:assert/strict';
import {randomBytes} from 'node:crypto';
import {createServer, type IncomingMessage} from 'node:http';
import type {AddressInfo} from 'node:net';
import {after, before, describe, test} from 'node:test';
import {APP_VERSION} from '../../../source/services/api/app-version.js';
import {
	createSdkHttpClient,
	makeUrlRewriter,
} from '../../../source/services/drive/sdk-http-client.js';
import type {SdkSession} from '../../../source/services/drive/sdk-session.js';

function session(apiBase: string, fetchImpl: SdkSession['fetch']): SdkSession {
	return {apiBase: new URL(apiBase), account: {userKeys: [], addresses: []}, fetch: fetchImpl};
}

const jsonReq = (url: string, extra: Record<string, unknown> = {}) => ({
	url,
	method: 'POST',
	headers: new Headers({
		Accept: 'application/vnd.protonmail.v1+json',
		'Content-Type': 'application/json',
	}),
	timeoutMs: 1000,
	...extra,
});

describe('SDK http client', () => {
	test('https → http only for a plain-http loopback API base', () => {
		assert.equal(
			makeUrlRewriter(new URL('http://127.0.0.1:8080'))('https://127.0.0.1:8080/drive/x'),
			'http://127.0.0.1:8080/drive/x',
		);
		assert.equal(
			makeUrlRewriter(new URL('http://localhost:9/api'))('https://localhost:9/api/a'),
			'http://localhost:9/api/a',
		);
		// Another host is never touched, nor is a real (https) API base.
		assert.equal(
			makeUrlRewriter(new URL('http://127.0.0.1:8080'))('https://evil.example/x'),
			'https://evil.example/x',
		);
		assert.equal(
			makeUrlRewriter(new URL('https://drive-api.proton.me'))(
				'https://drive-api.proton.me/drive/x',
			),
			'https://drive-api.proton.me/drive/x',
		);
	});

	test('fetchJson goes through session.fetch with the JSON body and returns error statuses as responses', async () => {
		const seen: {url: string; init?: RequestInit}[] = [];
		const client = createSdkHttpClient(
			session('http://127.0.0.1:1', async (url, init) => {
				seen.push({url: String(url), init});
				return Response.json({Code: 2501, Error: 'nope'}, {status: 422});
			}),
		);
		const response = await client.fetchJson(
			jsonReq('https://127.0.0.1:1/drive/v2/x', {json: {LinkIDs: ['a']}}),
		);
		assert.equal(response.status, 422);
		assert.equal((await response.json()).Code, 2501);
		assert.equal(seen[0]?.url, 'http://127.0.0.1:1/drive/v2/x');
		assert.equal(seen[0]?.init?.body, '{"LinkIDs":["a"]}');
		assert.equal(
			new Headers(seen[0]?.init?.headers).get('accept'),
			'application/vnd.protonmail.v1+json',
		);
	});

	test('a request that outlives timeoutMs fails with TimeoutError; a caller abort with AbortError', async () => {
		const hang: SdkSession['fetch'] = (_url, init) =>
			new Promise((_resolve, reject) => {
				init?.signal?.addEventListener('abort', () => reject(init.signal?.reason));
			});
		const client = createSdkHttpClient(session('http://127.0.0.1:1', hang));
		// AbortSignal.timeout's timer is unref'd (a real socket keeps the process alive); keep the loop busy.
		const keepAlive = setInterval(() => {}, 1000);
		after(() => clearInterval(keepAlive));
		await assert.rejects(client.fetchJson(jsonReq('https://127.0.0.1:1/a', {timeoutMs: 50})), {
			name: 'TimeoutError',
		});
		const controller = new AbortController();
		const pending = client.fetchJson(
			jsonReq('https://127.0.0.1:1/a', {timeoutMs: 10_000, signal: controller.signal}),
		);
		controller.abort();
		await assert.rejects(pending, {name: 'AbortError'});
		clearInterval(keepAlive);
	});

	describe('fetchBlob over undici', () => {
		let url = '';
		const received: {headers: IncomingMessage['headers']; body: Buffer}[] = [];
		const server = createServer((req, res) => {
			const chunks: Buffer[] = [];
			req.on('data', (c: Buffer) => chunks.push(c));
			req.on('end', () => {
				received.push({headers: req.headers, body: Buffer.concat(chunks)});
				if (req.url === '/missing') {
					res.writeHead(404, {'content-type': 'application/json'});
					res.end('{"Code":2501}');
					return;
				}
				res.writeHead(200, {'content-type': 'application/octet-stream'});
				res.end(Buffer.from('encrypted-bytes'));
			});
		});
		before(async () => {
			await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
			url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
		});
		after(() => new Promise<void>((resolve) => server.close(() => resolve())));

		const client = () =>
			createSdkHttpClient(
				session(url, () => {
					throw new Error('blobs must not go through the session');
				}),
			);

		test('uploads FormData as multipart with the Block field, app version header and progress', async () => {
			const block = new Uint8Array(randomBytes(700_000));
			const form = new FormData();
			form.append('Block', new Blob([block]), 'blob');
			let progress = 0;
			const response = await client().fetchBlob({
				url: `${url}/storage/blocks/x`,
				method: 'POST',
				headers: new Headers({'pm-storage-token': 'tok'}),
				body: form,
				timeoutMs: 5000,
				onProgress: (n) => {
					progress += n;
				},
			});
			assert.equal(response.status, 200);
			const last = received.at(-1);
			assert.ok(last);
			assert.equal(last.headers['pm-storage-token'], 'tok');
			assert.equal(last.headers['x-pm-appversion'], APP_VERSION);
			const parsed = await new Response(new Uint8Array(last.body), {
				headers: {'content-type': String(last.headers['content-type'])},
			}).formData();
			const got = parsed.get('Block') as Blob;
			assert.deepEqual(new Uint8Array(await got.arrayBuffer()), block);
			assert.equal(progress, block.length, 'progress adds up to the payload size');
		});

		test('downloads stream the body; a 404 is returned, not thrown', async () => {
			const response = await client().fetchBlob({
				url: `${url}/storage/blocks/y`,
				method: 'GET',
				headers: new Headers({'pm-storage-token': 't'}),
				timeoutMs: 5000,
			});
			assert.equal(await response.text(), 'encrypted-bytes');
			const missing = await client().fetchBlob({
				url: `${url}/missing`,
				method: 'GET',
				headers: new Headers(),
				timeoutMs: 5000,
			});
			assert.equal(missing.status, 404);
			assert.equal((await missing.json()).Code, 2501);
		});
	});
});
