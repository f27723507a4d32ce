import assert from 'node:assert/strict';
import {mkdtemp, readFile, rm, stat, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {after, before, describe, test} from 'node:test';
import {ConfigError, loadConfig} from '../../../source/services/config/config.js';
import {DEFAULT_CONFIG} from '../../../source/services/config/defaults.js';
import {checkConcurrency} from '../../../source/services/config/validate-config.js';

let base: string;
let n = 0;
const fresh = () => path.join(base, `c${n++}`);

before(async () => {
	base = await mkdtemp(path.join(tmpdir(), 'pdrive-config-'));
});
after(async () => {
	await rm(base, {recursive: true, force: true});
});

describe('loadConfig', () => {
	test('defaults on first start, clientUid generated once and kept', async () => {
		const cwd = fresh();
		const first = loadConfig({cwd});
		assert.equal(first.concurrency, DEFAULT_CONFIG.concurrency);
		assert.equal(first.showHidden, false);
		assert.deepEqual(first.keymap, {});
		assert.deepEqual(first.problems, []);
		assert.match(first.clientUid, /^[0-9a-f-]{36}$/);
		assert.equal(first.path, path.join(cwd, 'config.json'));
		assert.equal((await stat(first.path)).mode & 0o777, 0o600);
		const second = loadConfig({cwd});
		assert.equal(second.clientUid, first.clientUid);
		assert.notEqual(loadConfig({cwd: fresh()}).clientUid, first.clientUid);
	});

	test('stored values are used; invalid ones fall back to defaults with a problem', async () => {
		const cwd = fresh();
		const {path: file, clientUid} = loadConfig({cwd});
		const stored = JSON.parse(await readFile(file, 'utf8'));
		await writeFile(
			file,
			JSON.stringify({...stored, concurrency: 8, showHidden: true, keymap: {quit: ['x']}}),
		);
		const good = loadConfig({cwd});
		assert.equal(good.concurrency, 8);
		assert.equal(good.showHidden, true);
		assert.deepEqual(good.keymap, {quit: ['x']});
		assert.equal(good.clientUid, clientUid);
		await writeFile(
			file,
			JSON.stringify({...stored, concurrency: 0, showHidden: 'yes', keymap: {quit: 'x'}}),
		);
		const bad = loadConfig({cwd});
		assert.equal(bad.concurrency, 4);
		assert.equal(bad.showHidden, false);
		assert.deepEqual(bad.keymap, {});
		assert.equal(bad.problems.length, 3);
		assert.match(bad.problems[0], /concurrency/);
	});

	test('a corrupt clientUid is replaced and kept', async () => {
		const cwd = fresh();
		const {path: file} = loadConfig({cwd});
		await writeFile(file, JSON.stringify({clientUid: 'not-a-uuid'}));
		const repaired = loadConfig({cwd});
		assert.notEqual(repaired.clientUid, 'not-a-uuid');
		assert.equal(loadConfig({cwd}).clientUid, repaired.clientUid);
	});

	test('--concurrency overrides at run time without writing; invalid values throw', async () => {
		const cwd = fresh();
		const config = loadConfig({cwd, overrides: {concurrency: '12'}});
		assert.equal(config.concurrency, 12);
		const stored = JSON.parse(await readFile(config.path, 'utf8'));
		assert.equal(stored.concurrency, undefined);
		assert.equal(loadConfig({cwd}).concurrency, 4);
		assert.throws(() => loadConfig({cwd, overrides: {concurrency: 'many'}}), ConfigError);
		assert.throws(() => loadConfig({cwd, overrides: {concurrency: 1000}}), /from 1 to 32/);
	});

	test('PDRIVE_TUI_CONFIG_DIR chooses the folder', () => {
		const dir = fresh();
		const saved = process.env.PDRIVE_TUI_CONFIG_DIR;
		process.env.PDRIVE_TUI_CONFIG_DIR = dir;
		try {
			assert.equal(loadConfig().path, path.join(dir, 'config.json'));
		} finally {
			if (saved === undefined) delete process.env.PDRIVE_TUI_CONFIG_DIR;
			else process.env.PDRIVE_TUI_CONFIG_DIR = saved;
		}
	});
});

test('checkConcurrency', () => {
	assert.deepEqual(checkConcurrency(3), {ok: true, value: 3});
	assert.deepEqual(checkConcurrency(' 5 '), {ok: true, value: 5});
	assert.equal(checkConcurrency(2.5).ok, false);
	assert.equal(checkConcurrency('').ok, false);
	assert.equal(checkConcurrency(33).ok, false);
});

describe('a config file broken by hand', () => {
	test('is kept as it is, and the error says where it is and what to do', async () => {
		const cwd = fresh();
		loadConfig({cwd});
		const file = path.join(cwd, 'config.json');
		const broken = '{"concurrency": 8,, "keymap": {}}';
		await writeFile(file, broken);
		assert.throws(
			() => loadConfig({cwd}),
			(error: unknown) =>
				error instanceof ConfigError &&
				error.message.includes(file) &&
				/not valid JSON/.test(error.message) &&
				/fix it or delete it/.test(error.message),
		);
		assert.equal(await readFile(file, 'utf8'), broken);
	});
});

describe('persist: false (the demo)', () => {
	test('reads the settings but writes no file, and the clientUid is a throw-away one', async () => {
		const cwd = fresh();
		const first = loadConfig({cwd, persist: false});
		await assert.rejects(stat(first.path), {code: 'ENOENT'});
		assert.notEqual(loadConfig({cwd, persist: false}).clientUid, first.clientUid);
		const kept = loadConfig({cwd});
		await writeFile(kept.path, JSON.stringify({clientUid: kept.clientUid, concurrency: 7}));
		const demo = loadConfig({cwd, persist: false});
		assert.equal(demo.clientUid, kept.clientUid);
		assert.equal(demo.concurrency, 7);
	});
});
