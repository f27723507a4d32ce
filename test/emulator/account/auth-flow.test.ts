import assert from 'node:assert/strict';
import {after, before, describe, test} from 'node:test';
import * as OTPAuth from 'otpauth';
import {
	HUMAN_VERIFICATION_TOKEN,
	type RunningEmulator,
	startEmulator,
} from '../../../source/emulator/start-emulator.js';
import {api, authOf, srpLogin} from '../emulator-test-client.js';

const TOTP_SECRET = 'JBSWY3DPEHPK3PXP';
const totpAt = (ms: number) =>
	OTPAuth.TOTP.generate({secret: OTPAuth.Secret.fromBase32(TOTP_SECRET), timestamp: ms});

describe('emulator account endpoints', () => {
	let emu: RunningEmulator;
	let url: string;
	before(async () => {
		emu = await startEmulator({
			port: 0,
			accounts: [
				{username: 'plain', password: 'plain pw'},
				{username: 'tfa@example.com', password: 'tfa pw', totpSecret: TOTP_SECRET},
				{username: 'twopw', password: 'login pw', mailboxPassword: 'mailbox pw'},
			],
		});
		url = emu.url;
	});
	after(() => emu.stop());

	test('SRP login answers the server proof, full scopes and the password window scopes', async () => {
		const r = await srpLogin(url, 'plain', 'plain pw');
		assert.equal(r.status, 200);
		assert.equal(r.body.Code, 1000);
		assert.equal(r.body.ServerProof, r.expectedServerProof);
		assert.equal(r.body.PasswordMode, 1);
		assert.deepEqual(r.body['2FA'], {
			Enabled: 0,
			FIDO2: {AuthenticationOptions: null, RegisteredKeys: []},
			TOTP: 0,
		});
		for (const s of ['full', 'locked', 'password']) assert.ok(r.body.Scopes.includes(s), s);
		const users = await api(url, 'GET', '/core/v4/users', {auth: authOf(r)});
		assert.equal(users.body.User.Name, 'plain');
		assert.equal(users.body.User.Email, 'plain@example.com');
		const salts = await api(url, 'GET', '/core/v4/keys/salts', {auth: authOf(r)});
		assert.equal(salts.body.KeySalts[0].ID, users.body.User.Keys[0].ID);
		assert.equal(Buffer.from(salts.body.KeySalts[0].KeySalt, 'base64').length, 16);
	});

	test('the /core/v4/auth aliases work too', async () => {
		const r = await srpLogin(url, 'plain', 'plain pw', {prefix: '/core/v4/auth'});
		assert.equal(r.status, 200);
		assert.equal(r.body.ServerProof, r.expectedServerProof);
	});

	test('wrong password → 422/8002 with the real message; unknown user looks the same', async () => {
		const wrong = await srpLogin(url, 'plain', 'nope');
		assert.equal(wrong.status, 422);
		assert.equal(wrong.body.Code, 8002);
		assert.equal(wrong.body.Error, 'Incorrect login credentials. Please try again.');
		const info1 = await api(url, 'POST', '/auth/v4/info', {json: {Username: 'ghost'}});
		const info2 = await api(url, 'POST', '/auth/v4/info', {json: {Username: 'ghost'}});
		assert.equal(info1.status, 200);
		assert.equal(info1.body.Salt, info2.body.Salt, 'decoy salt is stable per name');
		assert.equal(Buffer.from(info1.body.Salt, 'base64').length, 10);
		const ghost = await srpLogin(url, 'ghost', 'whatever');
		assert.equal(ghost.status, 422);
		assert.equal(ghost.body.Code, 8002);
	});

	test('an SRPSession is single use', async () => {
		const info = await api(url, 'POST', '/auth/v4/info', {json: {Username: 'plain'}});
		const body = {
			Username: 'plain',
			ClientEphemeral: 'AA==',
			ClientProof: 'AA==',
			SRPSession: info.body.SRPSession,
		};
		assert.equal((await api(url, 'POST', '/auth/v4', {json: body})).body.Code, 8002);
		const again = await api(url, 'POST', '/auth/v4', {json: body});
		assert.equal(again.status, 422);
		assert.notEqual(again.body.Code, 1000);
	});

	test('2FA: twofactor scope only, 403 9100 elsewhere, wrong code 8002 then right code', async () => {
		const r = await srpLogin(url, 'tfa@example.com', 'tfa pw');
		assert.equal(r.status, 200);
		assert.deepEqual(r.body.Scopes, ['twofactor']);
		assert.equal(r.body['2FA'].Enabled, 1);
		assert.equal(r.body['2FA'].TOTP, 1);
		const auth = authOf(r);
		const blocked = await api(url, 'GET', '/core/v4/users', {auth});
		assert.equal(blocked.status, 403);
		assert.equal(blocked.body.Code, 9100);
		assert.deepEqual(blocked.body.Details.MissingScopes, ['full']);
		assert.deepEqual((await api(url, 'GET', '/auth/v4/scopes', {auth})).body.Scopes, ['twofactor']);

		const now = Date.now();
		const wrongCode = totpAt(now + 10 * 60_000);
		const wrong = await api(url, 'POST', '/auth/v4/2fa', {auth, json: {TwoFactorCode: wrongCode}});
		assert.equal(wrong.status, 422);
		assert.equal(wrong.body.Code, 8002);
		const right = await api(url, 'POST', '/auth/v4/2fa', {
			auth,
			json: {TwoFactorCode: totpAt(now)},
		});
		assert.equal(right.status, 200);
		assert.ok(right.body.Scopes.includes('full'));
		assert.equal((await api(url, 'GET', '/core/v4/users', {auth})).status, 200);
		const addresses = await api(url, 'GET', '/core/v4/addresses', {auth});
		assert.equal(addresses.body.Addresses[0].Email, 'tfa@example.com');
		const key = addresses.body.Addresses[0].Keys[0];
		assert.match(key.Token, /BEGIN PGP MESSAGE/);
		assert.match(key.Signature, /BEGIN PGP SIGNATURE/);
		const one = await api(url, 'GET', `/core/v4/addresses/${addresses.body.Addresses[0].ID}`, {
			auth,
		});
		assert.equal(one.body.Address.ID, addresses.body.Addresses[0].ID);

		// The same code again on a new session is a replay.
		const r2 = await srpLogin(url, 'tfa@example.com', 'tfa pw');
		const replay = await api(url, 'POST', '/auth/v4/2fa', {
			auth: authOf(r2),
			json: {TwoFactorCode: totpAt(now)},
		});
		assert.equal(replay.status, 422);
		assert.match(replay.body.Error, /already used/);
	});

	test('2FA: five wrong codes revoke the session', async () => {
		const r = await srpLogin(url, 'tfa@example.com', 'tfa pw');
		const auth = authOf(r);
		const bad = totpAt(Date.now() + 10 * 60_000);
		for (let i = 0; i < 5; i++) {
			const w = await api(url, 'POST', '/auth/v4/2fa', {auth, json: {TwoFactorCode: bad}});
			assert.equal(w.body.Code, 8002);
		}
		assert.equal((await api(url, 'GET', '/auth/v4/scopes', {auth})).status, 401);
	});

	test('salts need the locked scope, which lapses after 10 minutes', async () => {
		const r = await srpLogin(url, 'plain', 'plain pw');
		emu.controls.advanceClock(11 * 60);
		try {
			const salts = await api(url, 'GET', '/core/v4/keys/salts', {auth: authOf(r)});
			assert.equal(salts.status, 403);
			assert.deepEqual(salts.body.Details.MissingScopes, ['locked']);
			assert.equal((await api(url, 'GET', '/core/v4/users', {auth: authOf(r)})).status, 200);
		} finally {
			emu.controls.advanceClock(-11 * 60);
		}
	});

	test('refresh rotates both tokens; the old refresh token is dead (10013); UID from header or body', async () => {
		const r = await srpLogin(url, 'plain', 'plain pw');
		const first = await api(url, 'POST', '/auth/v4/refresh', {
			headers: {'x-pm-uid': r.body.UID},
			json: {
				ResponseType: 'token',
				GrantType: 'refresh_token',
				RefreshToken: r.body.RefreshToken,
				RedirectURI: 'https://protonmail.ch',
			},
		});
		assert.equal(first.status, 200);
		assert.notEqual(first.body.AccessToken, r.body.AccessToken);
		assert.notEqual(first.body.RefreshToken, r.body.RefreshToken);
		assert.equal(first.body.UID, r.body.UID);
		assert.equal(
			(await api(url, 'GET', '/core/v4/users', {auth: authOf(r)})).status,
			401,
			'old access token',
		);
		assert.equal((await api(url, 'GET', '/core/v4/users', {auth: authOf(first)})).status, 200);
		const reuse = await api(url, 'POST', '/auth/v4/refresh', {
			headers: {'x-pm-uid': r.body.UID},
			json: {RefreshToken: r.body.RefreshToken},
		});
		assert.equal(reuse.status, 422);
		assert.equal(reuse.body.Code, 10013);
		const viaBody = await api(url, 'POST', '/auth/v4/refresh', {
			json: {UID: r.body.UID, RefreshToken: first.body.RefreshToken},
		});
		assert.equal(viaBody.status, 200);
		assert.equal(viaBody.body.RefreshCounter, 2);
	});

	test('expired access tokens answer 401; refresh still works', async () => {
		const r = await srpLogin(url, 'plain', 'plain pw');
		emu.controls.expireAccessTokens();
		const expired = await api(url, 'GET', '/core/v4/users', {auth: authOf(r)});
		assert.equal(expired.status, 401);
		const refreshed = await api(url, 'POST', '/auth/v4/refresh', {
			headers: {'x-pm-uid': r.body.UID},
			json: {RefreshToken: r.body.RefreshToken},
		});
		assert.equal((await api(url, 'GET', '/core/v4/users', {auth: authOf(refreshed)})).status, 200);
	});

	test('logout revokes the session', async () => {
		const r = await srpLogin(url, 'plain', 'plain pw');
		const before = emu.controls.sessionsCount();
		assert.equal((await api(url, 'DELETE', '/auth/v4', {auth: authOf(r)})).status, 200);
		assert.equal(emu.controls.sessionsCount(), before - 1);
		assert.equal((await api(url, 'GET', '/core/v4/users', {auth: authOf(r)})).status, 401);
		assert.equal((await api(url, 'DELETE', '/auth/v4', {auth: authOf(r)})).status, 401);
	});

	test('429 with Retry-After for the next N requests', async () => {
		emu.controls.rateLimitNext(2, 7);
		for (let i = 0; i < 2; i++) {
			const r = await api(url, 'POST', '/auth/v4/info', {json: {Username: 'plain'}});
			assert.equal(r.status, 429);
			assert.equal(r.headers.get('retry-after'), '7');
		}
		assert.equal(
			(await api(url, 'POST', '/auth/v4/info', {json: {Username: 'plain'}})).status,
			200,
		);
	});

	test('9001 human verification shape; the solved token passes, a bad one gives 12087', async () => {
		emu.controls.requireHumanVerification(true);
		try {
			const r = await srpLogin(url, 'plain', 'plain pw');
			assert.equal(r.status, 422);
			assert.equal(r.body.Code, 9001);
			assert.equal(typeof r.body.Details.HumanVerificationToken, 'string');
			assert.deepEqual(r.body.Details.HumanVerificationMethods, ['captcha']);
			assert.match(r.body.Details.WebUrl, /^https:\/\/verify\.proton\.me\//);
			const bad = await srpLogin(url, 'plain', 'plain pw', {
				headers: {
					'x-pm-human-verification-token': 'nope',
					'x-pm-human-verification-token-type': 'captcha',
				},
			});
			assert.equal(bad.body.Code, 12087);
			const solved = await srpLogin(url, 'plain', 'plain pw', {
				headers: {
					'x-pm-human-verification-token': HUMAN_VERIFICATION_TOKEN,
					'x-pm-human-verification-token-type': 'captcha',
				},
			});
			assert.equal(solved.status, 200);
		} finally {
			emu.controls.requireHumanVerification(false);
		}
	});

	test('app version: missing → 400/5001, malformed or refused → 422/5003', async () => {
		const missing = await api(url, 'POST', '/auth/v4/info', {
			json: {Username: 'plain'},
			appVersion: null,
		});
		assert.equal(missing.status, 400);
		assert.equal(missing.body.Code, 5001);
		const malformed = await api(url, 'POST', '/auth/v4/info', {
			json: {Username: 'plain'},
			appVersion: 'pdrive',
		});
		assert.equal(malformed.body.Code, 5003);
		assert.equal(
			(
				await api(url, 'POST', '/auth/v4/info', {
					json: {Username: 'plain'},
					appVersion: 'web-drive@5.0.0',
				})
			).status,
			200,
		);
		emu.controls.refuseAppVersions(['external-drive-old_app', 'web-drive@5.0.0']);
		try {
			const refused = await api(url, 'POST', '/auth/v4/info', {
				json: {Username: 'plain'},
				appVersion: 'external-drive-old_app@1.2.3-stable',
			});
			assert.equal(refused.status, 422);
			assert.equal(refused.body.Code, 5003);
			assert.equal(
				(
					await api(url, 'POST', '/auth/v4/info', {
						json: {Username: 'plain'},
						appVersion: 'web-drive@5.0.0',
					})
				).body.Code,
				5003,
			);
			assert.equal(
				(await api(url, 'POST', '/auth/v4/info', {json: {Username: 'plain'}})).status,
				200,
			);
		} finally {
			emu.controls.refuseAppVersions([]);
		}
	});

	test('two-password mode: PasswordMode 2', async () => {
		const r = await srpLogin(url, 'twopw', 'login pw');
		assert.equal(r.status, 200);
		assert.equal(r.body.PasswordMode, 2);
	});

	test('modulus endpoint serves a signed modulus with an id', async () => {
		const r = await api(url, 'GET', '/auth/v4/modulus');
		assert.match(r.body.Modulus, /^-----BEGIN PGP SIGNED MESSAGE-----/);
		assert.equal(typeof r.body.ModulusID, 'string');
	});
});
