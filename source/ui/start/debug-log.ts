import {appendFileSync, mkdirSync} from 'node:fs';
import path from 'node:path';

export type DebugLog = ((line: string) => void) & {path?: string};

/**
 * --debug: appends timestamped lines to `file` (mode 0600). Callers pass events and error
 * messages only — never passwords, tokens, key passwords or keys.
 */
export function createDebugLog(file: string | undefined): DebugLog {
	if (!file) return Object.assign(() => {}, {path: undefined});
	mkdirSync(path.dirname(file), {recursive: true, mode: 0o700});
	const log = (line: string) => {
		try {
			appendFileSync(file, `${new Date().toISOString()} ${line}\n`, {mode: 0o600});
		} catch {
			// logging must never break the app
		}
	};
	return Object.assign(log, {path: file});
}
