import assert from 'node:assert/strict';
import {test} from 'node:test';
import {ApiError, NetworkError} from '../../../source/services/api/api-error.js';
import {LoginError, toLoginError} from '../../../source/services/auth/login-errors.js';
import {ServerIdentityError} from '../../../source/services/auth/srp/server-identity-error.js';

test('API and network failures map to actionable login errors', () => {
	const hv = toLoginError(
		new ApiError({status: 422, code: 9001, details: {WebUrl: 'https://verify.proton.me/?t=1'}}),
	);
	assert.equal(hv.kind, 'human-verification');
	assert.equal(hv.webUrl, 'https://verify.proton.me/?t=1');
	assert.match(hv.message, /CAPTCHA\). Open https:\/\/verify\.proton\.me\/\?t=1 .*retry later/);

	for (const code of [5003, 2028]) {
		const e = toLoginError(
			new ApiError({status: 422, code, message: 'This version of the app is no longer supported'}),
		);
		assert.equal(e.kind, 'app-version-refused');
		assert.match(e.message, /^Proton refused this app version .*update pdrive-tui/i);
	}

	const limited = toLoginError(new ApiError({status: 429, code: 0, retryAfterSeconds: 12}));
	assert.equal(limited.kind, 'rate-limited');
	assert.equal(limited.retryAfterSeconds, 12);
	assert.equal(limited.message, 'Too many attempts; retry in 12 s.');

	const network = toLoginError(new NetworkError('drive-api.proton.me', 'ENOTFOUND'));
	assert.equal(network.kind, 'network');
	assert.equal(
		network.message,
		'Cannot reach drive-api.proton.me: ENOTFOUND. Check your connection.',
	);

	assert.equal(toLoginError(new ServerIdentityError('bad signature')).kind, 'server-identity');
	assert.equal(toLoginError(new ApiError({status: 401, code: 0})).kind, 'session-expired');
	assert.equal(toLoginError(new ApiError({status: 422, code: 8100})).kind, 'unsupported');
	const same = new LoginError('wrong-totp', 'x');
	assert.equal(toLoginError(same), same);
});
