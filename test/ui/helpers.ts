import {setTimeout as sleep} from 'node:timers/promises';

/** Lets effects, promises and Ink's render run. */
export async function settle(ms = 30): Promise<void> {
	await sleep(ms);
}

/** Waits until `check` passes (or throws its last error after `timeoutMs`). */
export async function eventually(check: () => void, timeoutMs = 2000): Promise<void> {
	const start = Date.now();
	for (;;) {
		try {
			check();
			return;
		} catch (error) {
			if (Date.now() - start > timeoutMs) throw error;
			await sleep(10);
		}
	}
}

export const KEYS = {
	enter: '\r',
	tab: '\t',
	backspace: '\x7f',
	escape: '\x1b',
	up: '\x1b[A',
	down: '\x1b[B',
	f1: '\x1bOP',
	f5: '\x1b[15~',
	f10: '\x1b[21~',
	ctrlC: '\x03',
};
