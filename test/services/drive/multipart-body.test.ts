import assert from 'node:assert/strict';
import {randomBytes} from 'node:crypto';
import {test} from 'node:test';
import {multipartBody} from '../../../source/services/drive/multipart-body.js';

async function encode(form: FormData, onProgress?: (n: number) => void) {
	const body = multipartBody(form);
	const chunks: Uint8Array[] = [];
	for await (const chunk of body.chunks(onProgress)) chunks.push(chunk);
	return {body, chunks, bytes: new Uint8Array(Buffer.concat(chunks))};
}

const parse = (bytes: Uint8Array<ArrayBuffer>, contentType: string) =>
	new Response(bytes, {headers: {'content-type': contentType}}).formData();

test('encodes a block as multipart/form-data that parses back byte-exact, with the exact length', async () => {
	const block = new Uint8Array(randomBytes(4 * 1024 * 1024 + 17));
	const form = new FormData();
	form.append('Block', new Blob([block]), 'blob');
	const {body, bytes} = await encode(form);
	assert.match(body.contentType, /^multipart\/form-data; boundary=----pdrive-tui-[0-9a-f]{32}$/);
	assert.equal(body.length, bytes.length);
	assert.equal(body.payload, block.length);
	const parsed = await parse(bytes, body.contentType);
	const got = parsed.get('Block') as File;
	assert.equal(got.name, 'blob');
	assert.equal(got.type, 'application/octet-stream');
	assert.deepEqual(new Uint8Array(await got.arrayBuffer()), block);
});

test('strings, several fields, typed blobs and names that need escaping round-trip like the platform encoder', async () => {
	const form = new FormData();
	form.append('Plain', 'line one\nline two');
	form.append(
		'we"ird\nname',
		new Blob([new Uint8Array([1, 2, 3])], {type: 'image/png'}),
		'a"b.png',
	);
	form.append('Unicode', 'Résumé – 履歴書');
	const {body, bytes} = await encode(form);
	assert.equal(body.length, bytes.length);
	const ours = await parse(bytes, body.contentType);
	const platformResponse = new Response(form);
	const platform = await parse(
		new Uint8Array(await platformResponse.arrayBuffer()),
		platformResponse.headers.get('content-type') ?? '',
	);
	assert.deepEqual([...ours.keys()], [...platform.keys()]);
	assert.equal(ours.get('Plain'), platform.get('Plain'));
	assert.equal(ours.get('Unicode'), 'Résumé – 履歴書');
	const [mine, theirs] = [ours, platform].map(
		(f) => f.getAll([...f.keys()][1] as string)[0] as File,
	);
	assert.equal(mine?.name, theirs?.name);
	assert.equal(mine?.type, 'image/png');
	assert.deepEqual(new Uint8Array(await mine!.arrayBuffer()), new Uint8Array([1, 2, 3]));
});

test('blobs are sent in 256 KiB slices, never copied whole; progress is per slice and adds up', async () => {
	const size = 4 * 1024 * 1024 + 5;
	const form = new FormData();
	form.append('Block', new Blob([new Uint8Array(size)]), 'blob');
	const steps: number[] = [];
	const {chunks} = await encode(form, (n) => steps.push(n));
	assert.equal(
		Math.max(...chunks.map((c) => c.length)),
		256 * 1024,
		'no chunk holds the whole block',
	);
	assert.equal(
		steps.reduce((a, b) => a + b, 0),
		size,
	);
	assert.equal(steps.length, 17);
	assert.equal(steps.at(-1), 5);
});

test('an empty blob still encodes (0-byte block) and reports no progress', async () => {
	const form = new FormData();
	form.append('Block', new Blob([]), 'blob');
	const steps: number[] = [];
	const {body, bytes} = await encode(form, (n) => steps.push(n));
	assert.equal(body.payload, 0);
	assert.equal(((await parse(bytes, body.contentType)).get('Block') as File).size, 0);
	assert.deepEqual(steps, []);
});
