import assert from 'node:assert/strict';
import {test} from 'node:test';
import {
	ApiBaseRefusedError,
	DEFAULT_API_BASE,
	apiUrl,
	isLoopback,
	resolveApiBase,
} from '../../../source/services/api/api-base.js';

test('default base when nothing is configured', () => {
	assert.equal(resolveApiBase().href, `${DEFAULT_API_BASE}/`);
	assert.equal(resolveApiBase('').href, `${DEFAULT_API_BASE}/`);
	assert.equal(resolveApiBase('https://drive-api.proton.me/').href, `${DEFAULT_API_BASE}/`);
});

test('loopback URLs are accepted, with http too', () => {
	for (const raw of [
		'http://127.0.0.1:8080',
		'http://127.1.2.3',
		'http://localhost:3000/api',
		'http://[::1]:9000',
		'https://localhost',
	]) {
		const url = resolveApiBase(raw);
		assert.ok(isLoopback(url), raw);
	}
});

test('anything else is refused with a clear message', () => {
	for (const raw of [
		'http://drive-api.proton.me',
		'https://mail.proton.me/api',
		'https://evil.example',
		'http://128.0.0.1',
		'http://127.0.0.1.evil.example',
		'http://0.0.0.0',
		'ftp://127.0.0.1',
		'not a url',
		'http://user:pw@127.0.0.1',
		'http://[::2]',
	]) {
		assert.throws(
			() => resolveApiBase(raw),
			(error: unknown) => {
				assert.ok(error instanceof ApiBaseRefusedError, raw);
				assert.match(error.message, /only a loopback address/i);
				return true;
			},
		);
	}
});

test('apiUrl keeps the base path prefix', () => {
	assert.equal(
		apiUrl(new URL('http://127.0.0.1:1/api/'), '/auth/v4').href,
		'http://127.0.0.1:1/api/auth/v4',
	);
	assert.equal(
		apiUrl(new URL('http://127.0.0.1:1'), '/core/v4/users?x=1').href,
		'http://127.0.0.1:1/core/v4/users?x=1',
	);
});
