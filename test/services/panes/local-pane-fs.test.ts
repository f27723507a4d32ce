import assert from 'node:assert/strict';
import {mkdir, mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {after, before, test} from 'node:test';
import {createLocalPaneFs, displayPath} from '../../../source/services/panes/local-pane-fs.js';

let root: string;

before(async () => {
	root = await mkdtemp(path.join(tmpdir(), 'pdrive-pane-'));
	await mkdir(path.join(root, 'docs'));
	await mkdir(path.join(root, 'Apps'));
	await writeFile(path.join(root, 'file10.txt'), '1234567890');
	await writeFile(path.join(root, 'file2.txt'), '12');
	await writeFile(path.join(root, 'docs', 'inner.md'), '#');
});

after(async () => {
	await rm(root, {recursive: true, force: true});
});

test('home is the start dir; list is sorted, reports progress and fills the cache', async () => {
	const fs = createLocalPaneFs({startDir: root});
	assert.equal(fs.side, 'local');
	const home = await fs.home();
	assert.equal(home.id, root);
	assert.equal(home.path, root);
	assert.equal(home.parentId, path.dirname(root));
	assert.equal(fs.cached(home), undefined);
	const counts: number[] = [];
	const entries = await fs.list(home, {
		signal: new AbortController().signal,
		onProgress: (n) => counts.push(n),
	});
	assert.deepEqual(
		entries.map((x) => [x.name, x.kind, x.size]),
		[
			['Apps', 'folder', undefined],
			['docs', 'folder', undefined],
			['file2.txt', 'file', 2],
			['file10.txt', 'file', 10],
		],
	);
	assert.equal(entries[1].id, path.join(root, 'docs'));
	assert.deepEqual(counts, [1, 2, 3, 4]);
	assert.deepEqual(fs.cached(home), entries);
});

test('open and parent walk the tree; root has no parent', async () => {
	const fs = createLocalPaneFs({startDir: root});
	const home = await fs.home();
	const [, docs] = await fs.list(home, {signal: new AbortController().signal});
	const inside = fs.open(home, docs);
	assert.deepEqual(inside, {
		id: path.join(root, 'docs'),
		path: path.join(root, 'docs'),
		parentId: root,
	});
	const listed = await fs.list(inside, {signal: new AbortController().signal});
	assert.deepEqual(
		listed.map((x) => x.name),
		['inner.md'],
	);
	assert.equal((await fs.parent(inside))?.id, root);
	assert.equal(
		await fs.parent({id: path.parse(root).root, path: path.parse(root).root}),
		undefined,
	);
});

test('home defaults to the working directory', async () => {
	assert.equal((await createLocalPaneFs().home()).id, process.cwd());
});

test('an aborted listing rejects and leaves the cache alone', async () => {
	const fs = createLocalPaneFs({startDir: root});
	const home = await fs.home();
	const controller = new AbortController();
	controller.abort();
	await assert.rejects(fs.list(home, {signal: controller.signal}));
	assert.equal(fs.cached(home), undefined);
});

test('display paths show the home folder as ~; ids stay absolute', async () => {
	assert.equal(displayPath('/home/me', '/home/me'), '~');
	assert.equal(displayPath('/home/me/src/a', '/home/me'), '~/src/a');
	assert.equal(displayPath('/home/me/src', '/home/me/'), '~/src');
	assert.equal(displayPath('/home/meg/src', '/home/me'), '/home/meg/src');
	assert.equal(displayPath('/etc', '/home/me'), '/etc');
	assert.equal(displayPath('/etc', '/'), '/etc');
	const fs = createLocalPaneFs({startDir: root, home: root});
	const home = await fs.home();
	assert.deepEqual([home.id, home.path], [root, '~']);
	const docs = fs.open(home, {id: path.join(root, 'docs'), name: 'docs', kind: 'folder'});
	assert.deepEqual([docs.id, docs.path], [path.join(root, 'docs'), '~/docs']);
	const up = await fs.parent(home);
	assert.equal(up?.path, path.dirname(root));
});
