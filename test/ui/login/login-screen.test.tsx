import {afterEach, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {cleanup, render} from 'ink-testing-library';
import type {LoginFlowLike} from '../../../source/hooks/use-login.js';
import {LoginScreen} from '../../../source/ui/login/login-screen.js';
import {eventually, settle} from '../helpers.js';

class FakeLoginError extends Error {
	constructor(
		readonly kind: string,
		message: string,
	) {
		super(message);
	}
}

interface FakeOpts {
	needsTotp?: boolean;
	needsMailbox?: boolean;
	code?: string;
	password?: string;
}

function fakeFlow(opts: FakeOpts, calls: string[][]) {
	const session = {username: 'alice'} as never;
	return (): LoginFlowLike => ({
		async begin(username, password) {
			calls.push(['begin', username, password]);
			if (password !== (opts.password ?? 'pw')) {
				throw new FakeLoginError('wrong-credentials', 'Wrong username or password.');
			}
			if (opts.needsTotp) return {step: 'totp'};
			if (opts.needsMailbox) return {step: 'mailbox-password'};
			return {step: 'ready', session};
		},
		async submitTotp(code) {
			calls.push(['totp', code]);
			if (code !== (opts.code ?? '123456')) {
				throw new FakeLoginError(
					'wrong-totp',
					'That code is wrong or expired. Enter the current code.',
				);
			}
			return opts.needsMailbox ? {step: 'mailbox-password'} : {step: 'ready', session};
		},
		async submitMailboxPassword(p) {
			calls.push(['mailbox', p]);
			return {step: 'ready', session};
		},
	});
}

afterEach(() => cleanup());

describe('login screen', () => {
	test('shows the third-party notice and no 2FA prompt before it is needed', async () => {
		const {lastFrame} = render(<LoginScreen createFlow={fakeFlow({}, [])} onSession={() => {}} />);
		await settle();
		const frame = lastFrame() ?? '';
		assert.match(frame, /unofficial, third-party app/);
		assert.match(frame, /sent to Proton only and are never stored/);
		assert.match(frame, /Username:/);
		assert.match(frame, /Password:/);
		assert.doesNotMatch(frame, /2FA code/);
		assert.doesNotMatch(frame, /Mailbox password/);
	});

	test('typed text + Enter in one chunk signs in; the password is exact and masked', async () => {
		const calls: string[][] = [];
		let session: unknown;
		const {stdin, lastFrame} = render(
			<LoginScreen
				createFlow={fakeFlow({password: ' p w '}, calls)}
				onSession={(s) => (session = s)}
			/>,
		);
		await settle();
		stdin.write('alice\r');
		await settle();
		stdin.write(' p w ');
		await settle();
		assert.match(lastFrame() ?? '', /Password: •••••/);
		assert.doesNotMatch(lastFrame() ?? '', / p w /);
		stdin.write('\r');
		await eventually(() => assert.ok(session));
		assert.deepEqual(calls, [['begin', 'alice', ' p w ']]);
	});

	test('the 2FA prompt appears only when asked for; a wrong code keeps you on it', async () => {
		const calls: string[][] = [];
		let session: unknown;
		const {stdin, lastFrame} = render(
			<LoginScreen
				createFlow={fakeFlow({needsTotp: true}, calls)}
				onSession={(s) => (session = s)}
				initialUsername="alice"
			/>,
		);
		await settle();
		stdin.write('pw\r');
		await eventually(() => assert.match(lastFrame() ?? '', /2FA code:/));
		stdin.write('000000\r');
		await eventually(() => assert.match(lastFrame() ?? '', /wrong or expired/));
		assert.match(lastFrame() ?? '', /2FA code:/);
		assert.doesNotMatch(lastFrame() ?? '', /Password:/);
		stdin.write('123456\r');
		await eventually(() => assert.ok(session));
		assert.deepEqual(calls, [
			['begin', 'alice', 'pw'],
			['totp', '000000'],
			['totp', '123456'],
		]);
	});

	test('wrong credentials show the message and keep the username', async () => {
		const calls: string[][] = [];
		const {stdin, lastFrame} = render(
			<LoginScreen createFlow={fakeFlow({}, calls)} onSession={() => {}} />,
		);
		await settle();
		stdin.write('bob\r');
		await settle();
		stdin.write('nope\r');
		await eventually(() => assert.match(lastFrame() ?? '', /Wrong username or password\./));
		assert.match(lastFrame() ?? '', /Username: bob/);
		stdin.write('pw\r');
		await eventually(() => assert.equal(calls.length, 2));
		assert.deepEqual(calls[1], ['begin', 'bob', 'pw']);
	});

	test('mailbox password prompt only for two-password accounts', async () => {
		const calls: string[][] = [];
		let session: unknown;
		const {stdin, lastFrame} = render(
			<LoginScreen
				createFlow={fakeFlow({needsMailbox: true}, calls)}
				onSession={(s) => (session = s)}
				initialUsername="alice"
			/>,
		);
		await settle();
		stdin.write('pw\r');
		await eventually(() => assert.match(lastFrame() ?? '', /Mailbox password:/));
		assert.doesNotMatch(lastFrame() ?? '', /2FA code/);
		stdin.write('second\r');
		await eventually(() => assert.ok(session));
		assert.deepEqual(calls.at(-1), ['mailbox', 'second']);
	});

	test('a resume error is shown on the login screen; demo credentials with a live code', async () => {
		const {lastFrame} = render(
			<LoginScreen
				createFlow={fakeFlow({}, [])}
				onSession={() => {}}
				initialError="Your saved session has expired. Please sign in again."
				demo={{
					username: 'demo@example.com',
					password: 'correct horse',
					totpSecret: 'JBSWY3DPEHPK3PXP',
				}}
			/>,
		);
		await settle();
		const frame = lastFrame() ?? '';
		assert.match(frame, /saved session has expired/);
		assert.match(frame, /demo@example\.com/);
		assert.match(frame, /correct horse/);
		assert.match(frame, /2FA code: \d{6}/);
		// The demo's notice says where the credentials really go.
		assert.match(frame, /unofficial, third-party app/);
		assert.match(frame, /goes to the built-in emulator on this machine only/);
		assert.doesNotMatch(frame, /sent to Proton only/);
	});
});
