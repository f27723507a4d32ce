import assert from 'node:assert/strict';
import {type ChildProcess, spawn} from 'node:child_process';
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {createInterface} from 'node:readline';
import {after, before, describe, test} from 'node:test';
import {fileURLToPath} from 'node:url';
import {type RunningEmulator, startEmulator} from '../../../source/emulator/start-emulator.js';
import {resolveApiBase} from '../../../source/services/api/api-base.js';
import {APP_VERSION} from '../../../source/services/api/app-version.js';
import {LoginError} from '../../../source/services/auth/login-errors.js';
import {LoginFlow} from '../../../source/services/auth/login-flow.js';
import {
	AuthenticatedSession,
	resumeSession,
} from '../../../source/services/session/active-session.js';
import {
	type SessionStore,
	createFileSessionStore,
	createMemorySessionStore,
} from '../../../source/services/session/session-store.js';

const account = {username: 'alice@example.com', password: 'alice password'};
const childScript = fileURLToPath(new URL('./resume-child.ts', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

function countingFetch() {
	const counts = {refresh: 0, total: 0};
	const fn: typeof fetch = (input, init) => {
		counts.total++;
		if (String(input).endsWith('/auth/v4/refresh')) counts.refresh++;
		return fetch(input, init);
	};
	return {fn, counts};
}

type ChildResult = {ok: boolean; userId?: string; refreshCalls?: number; error?: string};

function spawnChild(env: Record<string, string>): {
	child: ChildProcess;
	ready: Promise<void>;
	result: Promise<ChildResult>;
} {
	const child = spawn(process.execPath, ['--import', 'tsx', childScript], {
		cwd: repoRoot,
		env: {...process.env, ...env},
		stdio: ['pipe', 'pipe', 'pipe'],
	});
	let stderr = '';
	child.stderr?.on('data', (chunk) => {
		stderr += String(chunk);
	});
	const lines = createInterface({input: child.stdout as NodeJS.ReadableStream});
	let markReady: () => void = () => {};
	const ready = new Promise<void>((resolve) => {
		markReady = resolve;
	});
	const result = new Promise<ChildResult>((resolve, reject) => {
		let last: ChildResult | undefined;
		lines.on('line', (line) => {
			const parsed = JSON.parse(line) as ChildResult & {ready?: boolean};
			if (parsed.ready) markReady();
			else last = parsed;
		});
		child.on('close', (code) => {
			if (last) resolve(last);
			else reject(new Error(`child exited ${code} without a result: ${stderr}`));
		});
	});
	return {child, ready, result};
}

async function rawUsers(base: URL, tokens: {uid: string; accessToken: string}): Promise<number> {
	const response = await fetch(new URL('/core/v4/users', base), {
		headers: {
			'x-pm-appversion': APP_VERSION,
			'x-pm-uid': tokens.uid,
			authorization: `Bearer ${tokens.accessToken}`,
		},
	});
	await response.body?.cancel();
	return response.status;
}

describe('ActiveSession against the emulator', () => {
	let emulator: RunningEmulator;
	let apiBase: URL;
	const dirs: string[] = [];

	before(async () => {
		emulator = await startEmulator({port: 0, accounts: [account]});
		apiBase = resolveApiBase(emulator.url);
	});

	after(async () => {
		await emulator?.stop();
		for (const dir of dirs) await rm(dir, {recursive: true, force: true});
	});

	async function login(store: SessionStore, fetchFn?: typeof fetch): Promise<AuthenticatedSession> {
		const step = await new LoginFlow({apiBase, store, fetch: fetchFn}).begin(
			account.username,
			account.password,
		);
		assert.ok(step.step === 'ready');
		assert.ok(step.session instanceof AuthenticatedSession);
		return step.session;
	}

	async function fileStoreDir(): Promise<string> {
		const dir = await mkdtemp(join(tmpdir(), 'pdrive-active-'));
		dirs.push(dir);
		return dir;
	}

	test('an access token that expires mid-use is refreshed once and the calls succeed', async () => {
		const store = createMemorySessionStore();
		const {fn, counts} = countingFetch();
		const session = await login(store, fn);
		const before = await store.load();
		emulator.controls.expireAccessTokens();
		// Three concurrent calls hit 401 together: one refresh serves them all.
		const results = await Promise.all([
			session.request<{User: {ID: string}}>({method: 'GET', path: '/core/v4/users'}),
			session.request<{Addresses: unknown[]}>({method: 'GET', path: '/core/v4/addresses'}),
			session.fetch('/core/v4/users').then((r) => r.status),
		]);
		assert.ok(results[0].User.ID);
		assert.ok(results[1].Addresses.length > 0);
		assert.equal(results[2], 200);
		assert.equal(counts.refresh, 1);
		const afterRefresh = await store.load();
		assert.ok(before && afterRefresh);
		assert.notEqual(afterRefresh.accessToken, before.accessToken);
		assert.notEqual(afterRefresh.refreshToken, before.refreshToken);
		assert.equal(afterRefresh.keyPassword, before.keyPassword);
		assert.equal(await rawUsers(apiBase, before), 401);
	});

	test('a dead refresh token ends the session: session-expired and the store is cleared', async () => {
		const store = createMemorySessionStore();
		const session = await login(store);
		emulator.controls.revokeAllSessions();
		await assert.rejects(
			session.request({method: 'GET', path: '/core/v4/users'}),
			(error: unknown) => {
				return error instanceof LoginError && error.kind === 'session-expired';
			},
		);
		assert.equal(await store.load(), undefined);
	});

	test('a network failure during refresh keeps the stored session', async () => {
		const store = createMemorySessionStore();
		let refreshOffline = false;
		const flaky: typeof fetch = (input, init) => {
			if (refreshOffline && String(input).endsWith('/auth/v4/refresh')) {
				return Promise.reject(new TypeError('fetch failed'));
			}
			return fetch(input, init);
		};
		const session = await login(store, flaky);
		const saved = await store.load();
		refreshOffline = true;
		emulator.controls.expireAccessTokens();
		await assert.rejects(session.request({method: 'GET', path: '/core/v4/users'}), /Cannot reach/);
		assert.deepEqual(await store.load(), saved);
		// Back online: the same session recovers.
		refreshOffline = false;
		const body = await session.request<{User: {ID: string}}>({
			method: 'GET',
			path: '/core/v4/users',
		});
		assert.ok(body.User.ID);
	});

	test('logout revokes on the server and clears the store', async () => {
		const store = createMemorySessionStore();
		const session = await login(store);
		const tokens = await store.load();
		assert.ok(tokens);
		assert.equal(await rawUsers(apiBase, tokens), 200);
		await session.logout();
		assert.equal(await store.load(), undefined);
		assert.equal(await rawUsers(apiBase, tokens), 401);
		// Logging out twice (server says 401) is fine.
		await session.logout();
	});

	test('logout with the server unreachable still clears locally and says so', async () => {
		const store = createMemorySessionStore();
		await login(store);
		const saved = await store.load();
		assert.ok(saved);
		const offline = new AuthenticatedSession({
			apiBase: resolveApiBase('http://127.0.0.1:9'),
			store,
			stored: saved,
		});
		await assert.rejects(offline.logout(), (error: unknown) => {
			return (
				error instanceof LoginError &&
				error.kind === 'network' &&
				/Signed out on this computer/.test(error.message)
			);
		});
		assert.equal(await store.load(), undefined);
	});

	test('resumeSession: nothing stored → undefined; other API base → undefined', async () => {
		assert.equal(await resumeSession({apiBase, store: createMemorySessionStore()}), undefined);
		const store = createMemorySessionStore();
		await login(store);
		assert.equal(
			await resumeSession({apiBase: resolveApiBase('http://127.0.0.2:1'), store}),
			undefined,
		);
		const resumed = await resumeSession({apiBase, store});
		assert.ok(resumed);
		assert.ok(resumed.account.addresses[0].keys[0].key.isDecrypted());
	});

	test('a session resumes in a new process from the same config folder', async () => {
		const dir = await fileStoreDir();
		await login(createFileSessionStore({cwd: dir}));
		const {result} = spawnChild({PDRIVE_TUI_CONFIG_DIR: dir, TEST_API_BASE: emulator.url});
		const outcome = await result;
		assert.equal(outcome.ok, true, outcome.error);
		assert.ok(outcome.userId);
		assert.equal(outcome.refreshCalls, 0);
	});

	test('two processes sharing one store survive a token expiry together', async () => {
		const dir = await fileStoreDir();
		const store = createFileSessionStore({cwd: dir});
		await login(store);
		const original = await store.load();
		assert.ok(original);
		const env = {PDRIVE_TUI_CONFIG_DIR: dir, TEST_API_BASE: emulator.url, TEST_WAIT_FOR_GO: '1'};
		const a = spawnChild(env);
		const b = spawnChild(env);
		await Promise.all([a.ready, b.ready]);
		emulator.controls.expireAccessTokens();
		a.child.stdin?.end('go\n');
		b.child.stdin?.end('go\n');
		const [ra, rb] = await Promise.all([a.result, b.result]);
		assert.equal(ra.ok, true, ra.error);
		assert.equal(rb.ok, true, rb.error);
		// Exactly one of them spent the refresh token; the other adopted the new pair from the store.
		assert.equal((ra.refreshCalls ?? 0) + (rb.refreshCalls ?? 0), 1);
		const after = await store.load();
		assert.ok(after);
		assert.notEqual(after.accessToken, original.accessToken);
		assert.equal(await rawUsers(apiBase, after), 200);
		// The stored refresh token works too.
		const resumed = await resumeSession({apiBase, store});
		emulator.controls.expireAccessTokens();
		assert.ok(resumed);
		await resumed.request({method: 'GET', path: '/core/v4/users'});
	});
});
