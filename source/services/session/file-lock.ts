import {open, rm, stat} from 'node:fs/promises';
import {setTimeout as sleep} from 'node:timers/promises';

/** A lock older than this is considered left behind by a crashed process. */
const STALE_MS = 30_000;
const WAIT_MS = 60_000;

/**
 * Cross-process mutual exclusion with an exclusive-create lock file. Used around token refresh so two
 * processes sharing one session store never spend the same refresh token twice.
 */
export async function withFileLock<T>(path: string, fn: () => Promise<T>): Promise<T> {
	const deadline = Date.now() + WAIT_MS;
	let delay = 10;
	for (;;) {
		try {
			const handle = await open(path, 'wx', 0o600);
			await handle.writeFile(String(process.pid));
			await handle.close();
			break;
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
				throw error;
			}
			try {
				const info = await stat(path);
				if (Date.now() - info.mtimeMs > STALE_MS) {
					await rm(path, {force: true});
					continue;
				}
			} catch {
				continue; // released meanwhile
			}
			if (Date.now() > deadline) {
				throw new Error(`Timed out waiting for the session lock ${path}`);
			}
			await sleep(delay);
			delay = Math.min(delay * 2, 200);
		}
	}
	try {
		return await fn();
	} finally {
		await rm(path, {force: true});
	}
}
