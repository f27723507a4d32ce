// Child process for the session tests: resumes the stored session from PDRIVE_TUI_CONFIG_DIR and calls
// /core/v4/users, optionally after waiting for a line on stdin (so two children hit 401 together).
import {once} from 'node:events';
import {createInterface} from 'node:readline';
import {resolveApiBase} from '../../../source/services/api/api-base.js';
import {
	AuthenticatedSession,
	resumeSession,
} from '../../../source/services/session/active-session.js';
import {createFileSessionStore} from '../../../source/services/session/session-store.js';

const apiBase = resolveApiBase(process.env.TEST_API_BASE);
let refreshCalls = 0;
const countingFetch: typeof fetch = (input, init) => {
	if (String(input instanceof Request ? input.url : input).endsWith('/auth/v4/refresh'))
		refreshCalls++;
	return fetch(input, init);
};
const session = await resumeSession({
	apiBase,
	store: createFileSessionStore(),
	fetch: countingFetch,
});
if (!session) {
	console.log(JSON.stringify({ok: false, error: 'no session'}));
	process.exit(1);
}
if (process.env.TEST_WAIT_FOR_GO) {
	console.log(JSON.stringify({ready: true}));
	const lines = createInterface({input: process.stdin});
	await once(lines, 'line');
	lines.close();
}
try {
	const body = await session.request<{User: {ID: string}}>({method: 'GET', path: '/core/v4/users'});
	const refreshCount = session instanceof AuthenticatedSession ? session.refreshCount : -1;
	console.log(JSON.stringify({ok: true, userId: body.User.ID, refreshCalls, refreshCount}));
} catch (error) {
	console.log(
		JSON.stringify({
			ok: false,
			error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
		}),
	);
	process.exitCode = 1;
}
