import {createCipheriv} from 'node:crypto';
import {deflateSync} from 'node:zlib';

/** Deterministic pseudo-random bytes (AES-128-CTR keystream over a fixed key). */
export function deterministicBytes(size: number, seed = 'pdrive-tui demo'): Uint8Array {
	const key = Buffer.alloc(16);
	key.write(seed.slice(0, 16));
	const cipher = createCipheriv('aes-128-ctr', key, Buffer.alloc(16));
	return new Uint8Array(Buffer.concat([cipher.update(Buffer.alloc(size)), cipher.final()]));
}

const CRC_TABLE = (() => {
	const table = new Uint32Array(256);
	for (let n = 0; n < 256; n++) {
		let c = n;
		for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
		table[n] = c >>> 0;
	}
	return table;
})();

function crc32(bytes: Uint8Array): number {
	let c = 0xffffffff;
	for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
	return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
	const head = Buffer.alloc(8);
	head.writeUInt32BE(data.length, 0);
	head.write(type, 4, 'latin1');
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])));
	return Buffer.concat([head, data, crc]);
}

/** A small valid RGB PNG: a sunset-like vertical gradient with a sun disc. */
export function sunsetPng(width = 96, height = 64): Uint8Array {
	const raw = Buffer.alloc((width * 3 + 1) * height);
	for (let y = 0; y < height; y++) {
		const row = y * (width * 3 + 1);
		raw[row] = 0; // filter: none
		for (let x = 0; x < width; x++) {
			const t = y / (height - 1);
			const inSun = (x - width * 0.7) ** 2 + (y - height * 0.55) ** 2 < (height * 0.15) ** 2;
			const px = row + 1 + x * 3;
			raw[px] = inSun ? 255 : Math.round(255 - 80 * t);
			raw[px + 1] = inSun ? 220 : Math.round(120 + 60 * (1 - t));
			raw[px + 2] = inSun ? 120 : Math.round(60 + 140 * t);
		}
	}
	const ihdr = Buffer.alloc(13);
	ihdr.writeUInt32BE(width, 0);
	ihdr.writeUInt32BE(height, 4);
	ihdr[8] = 8; // bit depth
	ihdr[9] = 2; // colour type: truecolour
	return new Uint8Array(
		Buffer.concat([
			Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
			chunk('IHDR', ihdr),
			chunk('IDAT', deflateSync(raw)),
			chunk('IEND', new Uint8Array()),
		]),
	);
}

export interface DemoFile {
	/** Drive path of the parent folder, '' for the root. */
	folder: string;
	name: string;
	content: Uint8Array | string;
	modified: Date;
}

export const DEMO_FOLDERS = [
	'Documents',
	'Photos',
	'Projects',
	'Projects/pdrive',
	'Projects/pdrive/assets',
];

export function demoFiles(): DemoFile[] {
	const d = (iso: string) => new Date(iso);
	return [
		{
			folder: '',
			name: 'README.txt',
			modified: d('2024-01-15T09:30:00.000Z'),
			content:
				'Welcome to the pdrive-tui demo account.\n\nEverything here lives on a local emulator and is end-to-end encrypted\nby the official Proton Drive SDK, exactly as on Proton Drive.\n',
		},
		{
			folder: 'Documents',
			name: 'notes.md',
			modified: d('2024-03-02T18:05:00.000Z'),
			content: '# Notes\n\n- buy coffee\n- back up the photos\n- read the Drive SDK changelog\n',
		},
		{
			folder: 'Documents',
			name: 'budget-2024.csv',
			modified: d('2024-02-28T12:00:00.000Z'),
			content: 'month,income,expenses\nJanuary,3200,2710\nFebruary,3200,2985\nMarch,3350,2640\n',
		},
		{
			folder: 'Documents',
			name: 'Résumé – 履歴書.txt',
			modified: d('2023-11-20T08:00:00.000Z'),
			content: 'Jane Doe — Software engineer\n山田 花子 — ソフトウェアエンジニア\n',
		},
		{
			folder: 'Photos',
			name: 'sunset.png',
			modified: d('2023-08-12T20:41:00.000Z'),
			content: sunsetPng(),
		},
		{
			folder: 'Projects/pdrive',
			name: 'design.md',
			modified: d('2024-04-01T10:10:00.000Z'),
			content: '# pdrive design\n\nTwo panes, one queue, no secrets in logs.\n',
		},
		{
			folder: 'Projects/pdrive/assets',
			name: 'dataset.bin',
			modified: d('2024-04-02T16:20:00.000Z'),
			content: deterministicBytes(9 * 1024 * 1024),
		},
	];
}
