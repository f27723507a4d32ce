import assert from 'node:assert/strict';
import {mkdir, mkdtemp, rm, symlink, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {after, before, describe, test} from 'node:test';
import {
	type LocalEntry,
	LocalFsError,
	listLocal,
	mkdirLocal,
	statLocal,
} from '../../../source/services/local/local-fs.js';

let root: string;

async function collect(dir: string, signal?: AbortSignal): Promise<LocalEntry[]> {
	const out: LocalEntry[] = [];
	for await (const entry of listLocal(dir, {signal})) out.push(entry);
	return out.sort((a, b) => a.name.localeCompare(b.name));
}

before(async () => {
	root = await mkdtemp(path.join(tmpdir(), 'pdrive-local-'));
	await mkdir(path.join(root, 'sub'));
	await writeFile(path.join(root, 'a.txt'), 'hello');
	await symlink(path.join(root, 'sub'), path.join(root, 'link-to-sub'));
	await symlink(path.join(root, 'a.txt'), path.join(root, 'link-to-file'));
	await symlink(path.join(root, 'missing'), path.join(root, 'broken'));
});

after(async () => {
	await rm(root, {recursive: true, force: true});
});

describe('listLocal', () => {
	test('lists files, folders and links with kinds, sizes and dates', async () => {
		const entries = await collect(root);
		const byName = Object.fromEntries(entries.map((e) => [e.name, e]));
		assert.deepEqual(Object.keys(byName).sort(), [
			'a.txt',
			'broken',
			'link-to-file',
			'link-to-sub',
			'sub',
		]);
		assert.equal(byName['a.txt'].kind, 'file');
		assert.equal(byName['a.txt'].size, 5);
		assert.equal(byName['a.txt'].path, path.join(root, 'a.txt'));
		assert.ok(byName['a.txt'].modified instanceof Date);
		assert.equal(byName.sub.kind, 'folder');
		assert.equal(byName.sub.size, undefined);
		assert.equal(byName['link-to-sub'].kind, 'folder');
		assert.equal(byName['link-to-sub'].link, true);
		assert.equal(byName['link-to-file'].kind, 'file');
		assert.equal(byName['link-to-file'].size, 5);
		assert.equal(byName.broken.kind, 'other');
		assert.match(byName.broken.warning ?? '', /Broken symbolic link/);
	});

	test('an empty folder yields nothing', async () => {
		assert.deepEqual(await collect(path.join(root, 'sub')), []);
	});

	test('a missing folder throws', async () => {
		await assert.rejects(collect(path.join(root, 'nope')), {code: 'ENOENT'});
	});

	test('an aborted signal stops the listing', async () => {
		const controller = new AbortController();
		controller.abort();
		await assert.rejects(collect(root, controller.signal));
	});

	test('aborting mid-way stops after the current batch', async () => {
		const big = path.join(root, 'big-abort');
		await mkdir(big);
		await Promise.all(Array.from({length: 500}, (_, i) => writeFile(path.join(big, `f${i}`), '')));
		const controller = new AbortController();
		let seen = 0;
		await assert.rejects(async () => {
			for await (const _ of listLocal(big, {signal: controller.signal})) {
				seen++;
				if (seen === 10) controller.abort();
			}
		});
		assert.ok(seen < 500, `saw ${seen}`);
	});

	test('10,000 entries list quickly', async () => {
		const big = path.join(root, 'big');
		await mkdir(big);
		const names = Array.from({length: 10_000}, (_, i) => `file-${i}.bin`);
		for (let i = 0; i < names.length; i += 500) {
			await Promise.all(names.slice(i, i + 500).map((n) => writeFile(path.join(big, n), 'x')));
		}
		const started = performance.now();
		const entries = await collect(big);
		const ms = performance.now() - started;
		assert.equal(entries.length, 10_000);
		assert.ok(entries.every((e) => e.kind === 'file' && e.size === 1));
		assert.ok(ms < 5000, `took ${ms} ms`);
	});

	test('a symbolic link loop is listed as other with a warning', async () => {
		const loop = path.join(root, 'loop');
		await mkdir(loop);
		await symlink(path.join(loop, 'b'), path.join(loop, 'a'));
		await symlink(path.join(loop, 'a'), path.join(loop, 'b'));
		const entries = await collect(loop);
		assert.deepEqual(
			entries.map((e) => [e.name, e.kind, e.link]),
			[
				['a', 'other', true],
				['b', 'other', true],
			],
		);
		assert.match(entries[0].warning ?? '', /loop/);
	});
});

describe('statLocal', () => {
	test('stats files and folders, follows links', async () => {
		assert.equal((await statLocal(path.join(root, 'a.txt'))).size, 5);
		assert.equal((await statLocal(path.join(root, 'sub'))).kind, 'folder');
		const link = await statLocal(path.join(root, 'link-to-sub'));
		assert.equal(link.kind, 'folder');
		assert.equal(link.link, true);
		assert.equal((await statLocal(path.join(root, 'broken'))).kind, 'other');
	});

	test('missing path throws', async () => {
		await assert.rejects(statLocal(path.join(root, 'missing')), {code: 'ENOENT'});
	});
});

describe('mkdirLocal', () => {
	test('creates a folder; an existing folder is fine', async () => {
		const target = path.join(root, 'made');
		await mkdirLocal(target);
		assert.equal((await statLocal(target)).kind, 'folder');
		await mkdirLocal(target);
	});

	test('does not create parents', async () => {
		await assert.rejects(mkdirLocal(path.join(root, 'x', 'y')), (e: unknown) => {
			return e instanceof LocalFsError && e.kind === 'not-found';
		});
	});

	test('an existing file of that name is an error', async () => {
		await assert.rejects(mkdirLocal(path.join(root, 'a.txt')), (e: unknown) => {
			return e instanceof LocalFsError && e.kind === 'exists' && /already exists/.test(e.message);
		});
	});
});
