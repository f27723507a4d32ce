import {randomBytes} from 'node:crypto';
import {mkdirSync, readFileSync, renameSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import type {StoredSession, StoredUser} from './account-model.js';

interface StoreFile {
	version: 1;
	/** Secret used to derive decoy salts for unknown usernames (no account enumeration). */
	decoySecret: string;
	users: StoredUser[];
	sessions: StoredSession[];
}

/**
 * Users and sessions, in memory, mirrored to `<dataDir>/accounts.json` (temp file + rename, 0600)
 * after every change when a data directory is given.
 */
export class AccountStore {
	readonly users = new Map<string, StoredUser>();
	readonly sessions = new Map<string, StoredSession>();
	readonly decoySecret: Buffer;
	readonly #file?: string;

	constructor(dataDir?: string) {
		let decoy: string | undefined;
		if (dataDir) {
			mkdirSync(dataDir, {recursive: true});
			this.#file = path.join(dataDir, 'accounts.json');
			const loaded = readStore(this.#file);
			if (loaded) {
				for (const u of loaded.users) this.users.set(u.id, u);
				for (const s of loaded.sessions) this.sessions.set(s.uid, s);
				decoy = loaded.decoySecret;
			}
		}
		this.decoySecret = decoy ? Buffer.from(decoy, 'base64') : randomBytes(32);
	}

	findUser(name: string): StoredUser | undefined {
		const wanted = name.trim().toLowerCase();
		if (!wanted) return undefined;
		for (const u of this.users.values()) {
			if (u.username.toLowerCase() === wanted) return u;
			if (u.addresses.some((a) => a.email.toLowerCase() === wanted)) return u;
		}
		return undefined;
	}

	save(): void {
		if (!this.#file) return;
		const data: StoreFile = {
			version: 1,
			decoySecret: this.decoySecret.toString('base64'),
			users: [...this.users.values()],
			sessions: [...this.sessions.values()],
		};
		const tmp = `${this.#file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
		writeFileSync(tmp, JSON.stringify(data), {mode: 0o600});
		renameSync(tmp, this.#file);
	}
}

function readStore(file: string): StoreFile | undefined {
	let text: string;
	try {
		text = readFileSync(file, 'utf8');
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
		throw error;
	}
	const data = JSON.parse(text) as StoreFile;
	if (data.version !== 1) throw new Error(`Unsupported emulator account store version in ${file}`);
	return data;
}
