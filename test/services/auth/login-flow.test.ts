import assert from 'node:assert/strict';
import {after, before, describe, test} from 'node:test';
import * as OTPAuth from 'otpauth';
import {type RunningEmulator, startEmulator} from '../../../source/emulator/start-emulator.js';
import {ApiBaseRefusedError, resolveApiBase} from '../../../source/services/api/api-base.js';
import {LoginError} from '../../../source/services/auth/login-errors.js';
import {LoginFlow} from '../../../source/services/auth/login-flow.js';
import {createMemorySessionStore} from '../../../source/services/session/session-store.js';

const TOTP_SECRET = 'JBSWY3DPEHPK3PXP';
const accounts = [
	{username: 'plain@example.com', password: 'plain password'},
	{username: 'totp@example.com', password: 'totp password', totpSecret: TOTP_SECRET},
	{username: 'two@example.com', password: 'login password', mailboxPassword: 'mailbox password'},
	{username: 'unicode@example.com', password: 'pässwörd ✓ '},
];

function totp(offsetSeconds = 0): string {
	const generator = new OTPAuth.TOTP({
		secret: OTPAuth.Secret.fromBase32(TOTP_SECRET),
		digits: 6,
		period: 30,
		algorithm: 'SHA1',
	});
	return generator.generate({timestamp: Date.now() + offsetSeconds * 1000});
}

async function rejectsWith(promise: Promise<unknown>, kind: string): Promise<LoginError> {
	let caught: unknown;
	await assert.rejects(promise, (error: unknown) => {
		caught = error;
		return error instanceof LoginError && error.kind === kind;
	});
	return caught as LoginError;
}

describe('LoginFlow against the emulator', () => {
	let emulator: RunningEmulator;
	let apiBase: URL;

	before(async () => {
		emulator = await startEmulator({port: 0, accounts});
		apiBase = resolveApiBase(emulator.url);
	});

	after(async () => {
		await emulator?.stop();
	});

	test('plain account: ready in one step, session saved without the password', async () => {
		const store = createMemorySessionStore();
		const step = await new LoginFlow({apiBase, store}).begin('plain@example.com', 'plain password');
		assert.equal(step.step, 'ready');
		assert.ok(step.step === 'ready');
		assert.ok(step.session.account.userKeys.length > 0);
		assert.ok(step.session.account.addresses[0].keys[0].key.isDecrypted());
		const user = await step.session.request<{User: {Name?: string}}>({
			method: 'GET',
			path: '/core/v4/users',
		});
		assert.ok(user.User);
		const stored = await store.load();
		assert.ok(stored);
		assert.equal(stored.apiBase, apiBase.href);
		assert.equal(stored.keyPassword.length, 31);
		assert.doesNotMatch(JSON.stringify(stored), /plain password/);
	});

	test('wrong password: wrong-credentials, nothing saved', async () => {
		const store = createMemorySessionStore();
		const error = await rejectsWith(
			new LoginFlow({apiBase, store}).begin('plain@example.com', 'nope'),
			'wrong-credentials',
		);
		assert.match(error.message, /password/i);
		assert.equal(await store.load(), undefined);
	});

	test('TOTP account: a wrong code first, then the right one without retyping the password', async () => {
		const store = createMemorySessionStore();
		const flow = new LoginFlow({apiBase, store});
		assert.deepEqual(await flow.begin('totp@example.com', 'totp password'), {step: 'totp'});
		const error = await rejectsWith(flow.submitTotp(totp(-600)), 'wrong-totp');
		assert.match(error.message, /wrong, expired or already used/);
		const step = await flow.submitTotp(totp());
		assert.equal(step.step, 'ready');
		assert.ok(await store.load());
	});

	test('two-password account: a wrong mailbox password first, then the right one', async () => {
		const store = createMemorySessionStore();
		const flow = new LoginFlow({apiBase, store});
		assert.deepEqual(await flow.begin('two@example.com', 'login password'), {
			step: 'mailbox-password',
		});
		await rejectsWith(flow.submitMailboxPassword('login password'), 'wrong-mailbox-password');
		assert.equal(await store.load(), undefined);
		const step = await flow.submitMailboxPassword('mailbox password');
		assert.equal(step.step, 'ready');
		assert.ok(step.step === 'ready' && step.session.account.addresses.length > 0);
	});

	test('a non-ASCII password with a trailing space works exactly as typed', async () => {
		const store = createMemorySessionStore();
		await rejectsWith(
			new LoginFlow({apiBase, store}).begin('unicode@example.com', 'pässwörd ✓'),
			'wrong-credentials',
		);
		const step = await new LoginFlow({apiBase, store}).begin('unicode@example.com', 'pässwörd ✓ ');
		assert.equal(step.step, 'ready');
	});

	test('app version refused, rate limit and human verification give actionable errors', async () => {
		const store = createMemorySessionStore();
		emulator.controls.refuseAppVersions(['external-drive-pdrive_tui']);
		try {
			const e = await rejectsWith(
				new LoginFlow({apiBase, store}).begin('plain@example.com', 'plain password'),
				'app-version-refused',
			);
			assert.match(e.message, /update pdrive-tui/i);
		} finally {
			emulator.controls.refuseAppVersions([]);
		}
		emulator.controls.rateLimitNext(1, 7);
		const limited = await rejectsWith(
			new LoginFlow({apiBase, store}).begin('plain@example.com', 'plain password'),
			'rate-limited',
		);
		assert.equal(limited.retryAfterSeconds, 7);
		assert.match(limited.message, /retry in 7 s/);
		emulator.controls.requireHumanVerification(true);
		try {
			const hv = await rejectsWith(
				new LoginFlow({apiBase, store}).begin('plain@example.com', 'plain password'),
				'human-verification',
			);
			assert.ok(hv.webUrl);
			assert.ok(hv.message.includes(hv.webUrl));
		} finally {
			emulator.controls.requireHumanVerification(false);
		}
	});

	/** Real emulator, but the JSON answer of POST /auth/v4 is rewritten by `edit`. */
	function rewritingAuth(edit: (body: Record<string, unknown>) => void): typeof fetch {
		return async (input, init) => {
			const response = await fetch(input, init);
			if (!String(input).endsWith('/auth/v4') || init?.method !== 'POST') return response;
			const body = (await response.json()) as Record<string, unknown>;
			edit(body);
			return Response.json(body, {status: response.status});
		};
	}

	test('a wrong ServerProof is a server-identity error and the tokens are not kept', async () => {
		const store = createMemorySessionStore();
		const forged = rewritingAuth((body) => {
			const proof = Buffer.from(String(body.ServerProof), 'base64');
			proof[0] ^= 1;
			body.ServerProof = proof.toString('base64');
		});
		const e = await rejectsWith(
			new LoginFlow({apiBase, store, fetch: forged}).begin('plain@example.com', 'plain password'),
			'server-identity',
		);
		assert.match(e.message, /Unable to verify server identity/);
		assert.equal(await store.load(), undefined);
	});

	test('a FIDO2-only account is refused with a clear message and the half session is closed', async () => {
		const store = createMemorySessionStore();
		const before = emulator.controls.sessionsCount();
		const fido = rewritingAuth((body) => {
			body['2FA'] = {Enabled: 2, FIDO2: {AuthenticationOptions: {}, RegisteredKeys: []}};
		});
		const e = await rejectsWith(
			new LoginFlow({apiBase, store, fetch: fido}).begin('plain@example.com', 'plain password'),
			'fido2-only',
		);
		assert.match(e.message, /enable an authenticator app/i);
		assert.equal(await store.load(), undefined);
		assert.equal(emulator.controls.sessionsCount(), before);
	});

	test('a revoked session while waiting for the code tells the user to start again', async () => {
		const flow = new LoginFlow({apiBase, store: createMemorySessionStore()});
		assert.deepEqual(await flow.begin('totp@example.com', 'totp password'), {step: 'totp'});
		emulator.controls.revokeAllSessions();
		const e = await rejectsWith(flow.submitTotp(totp()), 'session-expired');
		assert.match(e.message, /Start the login again/);
	});

	test('a non-loopback API URL is refused before anything is sent', () => {
		assert.throws(() => resolveApiBase('https://example.com'), ApiBaseRefusedError);
		assert.throws(() => resolveApiBase('http://drive-api.proton.me'), ApiBaseRefusedError);
	});

	test('an unreachable API gives a network error naming the host', async () => {
		const dead = resolveApiBase('http://127.0.0.1:9');
		const e = await rejectsWith(
			new LoginFlow({apiBase: dead, store: createMemorySessionStore()}).begin('a', 'b'),
			'network',
		);
		assert.match(e.message, /Cannot reach 127\.0\.0\.1:9: .*Check your connection/);
	});
});
