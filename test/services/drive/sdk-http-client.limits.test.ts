// What keeps memory bounded in the SDK http client (issue 3: 1 GiB round trip under 300 MB RSS): at
// most N storage GETs hold a connection and a body at once (uploads are bounded by the SDK itself),
// and replies nobody reads do not keep their request, and so their block, alive.
import assert from 'node:assert/strict';
import {createServer, type ServerResponse} from 'node:http';
import type {AddressInfo} from 'node:net';
import {setFlagsFromString} from 'node:v8';
import {runInNewContext} from 'node:vm';
import {after, before, describe, test} from 'node:test';
import {
	createSdkHttpClient,
	MAX_CONCURRENT_BLOCK_DOWNLOADS,
} from '../../../source/services/drive/sdk-http-client.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('SDK http client: memory bounds for blocks', () => {
	let url = '';
	/** Requests that reached the server and wait for `finish()` to get their body. */
	const held: {path: string; finish(): void}[] = [];
	const server = createServer((req, res: ServerResponse) => {
		req.resume();
		req.on('end', () => {
			if (req.url === '/missing') {
				res.writeHead(404, {'content-type': 'application/json'});
				res.end('{"Code":2501}');
				return;
			}
			if (req.method === 'POST') {
				res.writeHead(200, {'content-type': 'application/json'});
				res.end('{"Code":1000}');
				return;
			}
			res.writeHead(200, {'content-type': 'application/octet-stream'});
			res.write('head-');
			held.push({path: req.url ?? '', finish: () => res.end('tail')});
		});
	});
	before(async () => {
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	});
	after(() => {
		server.closeAllConnections();
		return new Promise<void>((resolve) => server.close(() => resolve()));
	});

	const client = (limit: number) =>
		createSdkHttpClient(
			{
				apiBase: new URL(url),
				account: {userKeys: [], addresses: []},
				fetch: () => Promise.reject(new Error('blobs must not go through the session')),
			},
			{maxConcurrentBlockDownloads: limit},
		);
	const get = (c: ReturnType<typeof client>, path: string, extra: object = {}) =>
		c.fetchBlob({
			url: `${url}${path}`,
			method: 'GET',
			headers: new Headers(),
			timeoutMs: 5000,
			...extra,
		});
	const until = async (condition: () => boolean) => {
		for (let i = 0; i < 200 && !condition(); i++) await sleep(10);
		assert.ok(condition(), 'condition not reached');
	};

	test('the default limit is a small number', () => {
		assert.ok(MAX_CONCURRENT_BLOCK_DOWNLOADS >= 2 && MAX_CONCURRENT_BLOCK_DOWNLOADS <= 4);
	});

	test('a download beyond the limit waits until an earlier body is consumed', async () => {
		held.length = 0;
		const c = client(2);
		const responses = [get(c, '/a'), get(c, '/b'), get(c, '/c')];
		await until(() => held.length === 2);
		await sleep(100);
		assert.deepEqual(
			held.map((h) => h.path),
			['/a', '/b'],
			'the third request is not sent yet',
		);
		// Uploads are not held back by downloads.
		const post = await c.fetchBlob({
			url: `${url}/upload`,
			method: 'POST',
			headers: new Headers(),
			body: new Uint8Array([1, 2, 3]),
			timeoutMs: 5000,
		});
		assert.equal(post.status, 200);
		await post.body?.cancel();

		held[0]?.finish();
		assert.equal(await (await responses[0]!).text(), 'head-tail');
		await until(() => held.length === 3);
		assert.equal(held[2]?.path, '/c');
		held[1]?.finish();
		held[2]?.finish();
		assert.equal(await (await responses[1]!).text(), 'head-tail');
		assert.equal(await (await responses[2]!).text(), 'head-tail');
	});

	test('a cancelled body frees its slot (without an uncaught error); so does an error status once read', async () => {
		held.length = 0;
		const c = client(1);
		const first = await get(c, '/x');
		await first.body?.cancel();
		// Cancelling a body that has fully arrived must not throw outside a promise either (it did with
		// Readable.toWeb: "Controller is already closed", an uncaught exception).
		const complete = await get(c, '/missing');
		await complete.body?.cancel();
		await sleep(50);
		const missing = await get(c, '/missing');
		assert.equal(missing.status, 404);
		assert.equal((await missing.json()).Code, 2501);
		const next = get(c, '/y');
		await until(() => held.length === 2);
		held[0]?.finish();
		held[1]?.finish();
		assert.equal(await (await next).text(), 'head-tail');
	});

	test('waiting for a slot does not count against the timeout; an abort while waiting is an AbortError', async () => {
		held.length = 0;
		const c = client(1);
		const holder = get(c, '/hold');
		await until(() => held.length === 1);
		const patient = get(c, '/patient', {timeoutMs: 150});
		const controller = new AbortController();
		const impatient = get(c, '/impatient', {signal: controller.signal});
		await sleep(300);
		controller.abort();
		await assert.rejects(impatient, {name: 'AbortError'});
		held[0]?.finish();
		assert.equal(await (await holder).text(), 'head-tail');
		await until(() => held.length === 2);
		assert.equal(held[1]?.path, '/patient');
		held[1]?.finish();
		assert.equal(await (await patient).text(), 'head-tail');
	});

	test('a small reply nobody reads (the SDK ignores upload replies) does not keep the uploaded block alive', async () => {
		// The request (and the FormData with its 4 MiB block) stays reachable from the 10-minute
		// timeout signal until the reply body ends; a body that is never read would never end.
		setFlagsFromString('--expose-gc');
		const gc = runInNewContext('gc') as () => void;
		const c = client(2);
		let collected = 0;
		const registry = new FinalizationRegistry(() => {
			collected++;
		});
		for (let i = 0; i < 5; i++) {
			const form = new FormData();
			form.append('Block', new Blob([new Uint8Array(64 * 1024)]), 'blob');
			registry.register(form, i);
			const response = await c.fetchBlob({
				url: `${url}/upload`,
				method: 'POST',
				headers: new Headers(),
				body: form,
				timeoutMs: 600_000,
			});
			assert.equal(response.status, 200);
		}
		for (let i = 0; i < 20 && collected < 4; i++) {
			await sleep(20);
			gc();
		}
		// The last request may still be referenced by its kept-alive connection until the next one.
		assert.ok(collected >= 4, `only ${collected} of 5 uploaded FormData were garbage-collected`);
	});
});
