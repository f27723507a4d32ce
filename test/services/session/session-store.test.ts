import assert from 'node:assert/strict';
import {mkdtemp, readFile, rm, stat} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, test} from 'node:test';
import {
	type StoredSession,
	createFileSessionStore,
	createMemorySessionStore,
} from '../../../source/services/session/session-store.js';

const sample: StoredSession = {
	apiBase: 'http://127.0.0.1:1234/',
	username: 'alice',
	uid: 'uid-1',
	accessToken: 'access-1',
	refreshToken: 'refresh-1',
	keyPassword: 'k'.repeat(31),
};

const dirs: string[] = [];
after(async () => {
	for (const dir of dirs) await rm(dir, {recursive: true, force: true});
});

async function tempDir(): Promise<string> {
	const dir = await mkdtemp(join(tmpdir(), 'pdrive-session-'));
	dirs.push(dir);
	return dir;
}

test('file store round-trips, writes mode 0600 and clears', async () => {
	const dir = await tempDir();
	const store = createFileSessionStore({cwd: dir});
	assert.equal(await store.load(), undefined);
	await store.save({...sample, password: 'must not be kept'} as StoredSession);
	assert.equal(store.path, join(dir, 'session.json'));
	assert.equal((await stat(store.path)).mode & 0o777, 0o600);
	const raw = await readFile(store.path, 'utf8');
	assert.doesNotMatch(raw, /must not be kept/);
	assert.deepEqual(await store.load(), sample);
	// A second instance (another process) sees the same data.
	assert.deepEqual(await createFileSessionStore({cwd: dir}).load(), sample);
	await store.clear();
	assert.equal(await store.load(), undefined);
	assert.equal(await createFileSessionStore({cwd: dir}).load(), undefined);
});

test('PDRIVE_TUI_CONFIG_DIR chooses the folder', async () => {
	const dir = await tempDir();
	const previous = process.env.PDRIVE_TUI_CONFIG_DIR;
	process.env.PDRIVE_TUI_CONFIG_DIR = dir;
	try {
		const store = createFileSessionStore();
		await store.save(sample);
		assert.equal(store.path, join(dir, 'session.json'));
		assert.equal((await stat(store.path)).mode & 0o777, 0o600);
	} finally {
		if (previous === undefined) delete process.env.PDRIVE_TUI_CONFIG_DIR;
		else process.env.PDRIVE_TUI_CONFIG_DIR = previous;
	}
});

test('the file lock serialises critical sections', async () => {
	const store = createFileSessionStore({cwd: await tempDir()});
	assert.ok(store.withLock);
	const events: string[] = [];
	const section = (name: string) =>
		store.withLock?.(async () => {
			events.push(`${name}:in`);
			await new Promise((resolve) => setTimeout(resolve, 30));
			events.push(`${name}:out`);
		});
	await Promise.all([section('a'), section('b')]);
	assert.deepEqual(
		events.map((e) => e.split(':')[1]),
		['in', 'out', 'in', 'out'],
	);
});

test('memory store keeps a copy and clears', async () => {
	const store = createMemorySessionStore();
	await store.save(sample);
	const loaded = await store.load();
	assert.deepEqual(loaded, sample);
	assert.ok(loaded);
	loaded.accessToken = 'changed';
	assert.equal((await store.load())?.accessToken, 'access-1');
	await store.clear();
	assert.equal(await store.load(), undefined);
});
