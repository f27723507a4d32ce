import {resumeSession} from '../../services/session/active-session.js';
import type {SessionStore} from '../../services/session/session-store.js';

/** --logout: revokes the saved session on the server when possible and erases it. Returns what happened. */
export async function logoutSaved(opts: {apiBase: URL; store: SessionStore}): Promise<string> {
	const stored = await opts.store.load();
	if (!stored) return 'No saved session; nothing to do.';
	try {
		const session = await resumeSession(opts);
		if (session) {
			await session.logout();
			return `Signed out ${stored.username}: the session was revoked and erased.`;
		}
	} catch (error) {
		await opts.store.clear();
		const why = error instanceof Error ? error.message : String(error);
		return `Erased the saved session of ${stored.username} (it could not be revoked on the server: ${why}).`;
	}
	await opts.store.clear();
	return `Erased the saved session of ${stored.username} (it belonged to another API host, ${stored.apiBase}).`;
}
