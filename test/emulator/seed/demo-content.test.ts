import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {crc32, inflateSync} from 'node:zlib';
import {
	demoFiles,
	deterministicBytes,
	sunsetPng,
} from '../../../source/emulator/seed/demo-content.js';

describe('demo content', () => {
	test('sunsetPng is a valid PNG (signature, chunk CRCs, image data size)', () => {
		const png = Buffer.from(sunsetPng(20, 10));
		assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
		const chunks: {type: string; data: Buffer}[] = [];
		for (let at = 8; at < png.length; ) {
			const length = png.readUInt32BE(at);
			const type = png.toString('latin1', at + 4, at + 8);
			const data = png.subarray(at + 8, at + 8 + length);
			assert.equal(
				png.readUInt32BE(at + 8 + length),
				crc32(png.subarray(at + 4, at + 8 + length)),
				`${type} CRC`,
			);
			chunks.push({type, data});
			at += 12 + length;
		}
		assert.deepEqual(
			chunks.map((c) => c.type),
			['IHDR', 'IDAT', 'IEND'],
		);
		assert.equal(chunks[0].data.readUInt32BE(0), 20);
		assert.equal(chunks[0].data.readUInt32BE(4), 10);
		assert.equal(inflateSync(chunks[1].data).length, (20 * 3 + 1) * 10);
	});

	test('deterministic bytes repeat across calls and look random', () => {
		const a = deterministicBytes(100_000);
		assert.deepEqual(a, deterministicBytes(100_000));
		assert.ok(new Set(a.subarray(0, 4096)).size > 200);
	});

	test('the demo tree has a multi-block file and a non-ASCII name', () => {
		const files = demoFiles();
		assert.ok(
			files.some((f) => typeof f.content !== 'string' && f.content.length > 2 * 4 * 1024 * 1024),
		);
		assert.ok(files.some((f) => f.name === 'Résumé – 履歴書.txt'));
	});
});
