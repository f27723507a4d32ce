import {cleanUsername} from './hash-password.js';

export interface AuthVersionChoice {
	version: number;
	/** True when this is the last version worth trying (a wrong-password answer is final). */
	done: boolean;
}

/**
 * Picks the hash version to try (auth.md §4.5). `apiVersion` is what /auth/v4/info said; `lastTried`
 * the version that just failed with 422/8002 (undefined on the first try).
 */
export function chooseAuthVersion(
	apiVersion: number,
	username: string,
	lastTried?: number | null,
): AuthVersionChoice {
	if (apiVersion !== 0) {
		return {version: apiVersion, done: true};
	}
	if (lastTried === undefined || lastTried === null) {
		return {version: 2, done: false};
	}
	if (lastTried === 2) {
		if (cleanUsername(username) !== username.toLowerCase()) {
			return {version: 1, done: false};
		}
		return {version: 0, done: true};
	}
	if (lastTried === 1) {
		return {version: 0, done: true};
	}
	throw new Error('Can not provide any other auth version');
}
