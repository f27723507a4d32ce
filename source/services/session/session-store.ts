import {mkdirSync} from 'node:fs';
import {join} from 'node:path';
import Conf from 'conf';
import {withFileLock} from './file-lock.js';

/** What survives between runs. Never the login or mailbox password. */
export interface StoredSession {
	apiBase: string;
	username: string;
	uid: string;
	accessToken: string;
	refreshToken: string;
	/** Derived key passphrase (auth.md §5.1) needed to unlock the keys when resuming. */
	keyPassword: string;
}

export interface SessionStore {
	load(): Promise<StoredSession | undefined>;
	save(s: StoredSession): Promise<void>;
	clear(): Promise<void>;
	/** Runs `fn` while holding a lock shared by every process using the same store (refresh races). */
	withLock?<T>(fn: () => Promise<T>): Promise<T>;
}

const FIELDS = [
	'apiBase',
	'username',
	'uid',
	'accessToken',
	'refreshToken',
	'keyPassword',
] as const;

function isStoredSession(value: unknown): value is StoredSession {
	if (!value || typeof value !== 'object') {
		return false;
	}
	const record = value as Record<string, unknown>;
	return FIELDS.every((field) => typeof record[field] === 'string');
}

function pick(s: StoredSession): StoredSession {
	return {
		apiBase: s.apiBase,
		username: s.username,
		uid: s.uid,
		accessToken: s.accessToken,
		refreshToken: s.refreshToken,
		keyPassword: s.keyPassword,
	};
}

/**
 * File store on conf: `session.json` in `cwd` (or `PDRIVE_TUI_CONFIG_DIR`, or conf's per-user config
 * folder), mode 0600, folder 0700, written atomically. Not encrypted: conf's `encryptionKey` would need
 * the key next to the file, which only obfuscates; the file permissions are the protection.
 */
export function createFileSessionStore({cwd}: {cwd?: string} = {}): SessionStore & {path: string} {
	const folder = cwd ?? process.env.PDRIVE_TUI_CONFIG_DIR ?? undefined;
	if (folder) {
		mkdirSync(folder, {recursive: true, mode: 0o700});
	}
	const conf = new Conf<{session?: StoredSession}>({
		projectName: 'pdrive-tui',
		projectSuffix: '',
		configName: 'session',
		cwd: folder,
		configFileMode: 0o600,
		clearInvalidConfig: true,
	});
	const lockPath = join(conf.path, '..', 'session.lock');
	return {
		path: conf.path,
		async load() {
			const value = conf.get('session');
			return isStoredSession(value) ? pick(value) : undefined;
		},
		async save(s) {
			conf.set('session', pick(s));
		},
		async clear() {
			conf.delete('session');
		},
		withLock(fn) {
			return withFileLock(lockPath, fn);
		},
	};
}

/** In-memory store (demo mode, tests). */
export function createMemorySessionStore(initial?: StoredSession): SessionStore {
	let value = initial ? pick(initial) : undefined;
	let chain: Promise<unknown> = Promise.resolve();
	return {
		async load() {
			return value ? {...value} : undefined;
		},
		async save(s) {
			value = pick(s);
		},
		async clear() {
			value = undefined;
		},
		withLock<T>(fn: () => Promise<T>): Promise<T> {
			const run = chain.then(fn, fn);
			chain = run.catch(() => undefined);
			return run;
		},
	};
}
