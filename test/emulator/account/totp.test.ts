import assert from 'node:assert/strict';
import {test} from 'node:test';
import * as OTPAuth from 'otpauth';
import {checkTotp} from '../../../source/emulator/account/totp.js';

const secret = 'JBSWY3DPEHPK3PXP';
const at = (ms: number) =>
	OTPAuth.TOTP.generate({secret: OTPAuth.Secret.fromBase32(secret), timestamp: ms});
const now = 1_700_000_000_000;
const step = Math.floor(now / 30_000);

test('accepts the current step and ±1, refuses ±2', () => {
	assert.deepEqual(checkTotp({secretBase32: secret, code: at(now), nowMs: now}), {ok: true, step});
	assert.deepEqual(checkTotp({secretBase32: secret, code: at(now - 30_000), nowMs: now}), {
		ok: true,
		step: step - 1,
	});
	assert.deepEqual(checkTotp({secretBase32: secret, code: at(now + 30_000), nowMs: now}), {
		ok: true,
		step: step + 1,
	});
	assert.deepEqual(checkTotp({secretBase32: secret, code: at(now + 60_000), nowMs: now}), {
		ok: false,
		reason: 'wrong',
	});
	assert.deepEqual(checkTotp({secretBase32: secret, code: at(now - 60_000), nowMs: now}), {
		ok: false,
		reason: 'wrong',
	});
});

test('refuses a step already used, unless replay is allowed; strips whitespace', () => {
	const code = at(now);
	assert.deepEqual(checkTotp({secretBase32: secret, code, nowMs: now, lastUsedStep: step}), {
		ok: false,
		reason: 'replayed',
	});
	assert.deepEqual(
		checkTotp({secretBase32: secret, code: at(now - 30_000), nowMs: now, lastUsedStep: step}),
		{
			ok: false,
			reason: 'replayed',
		},
	);
	assert.equal(
		checkTotp({secretBase32: secret, code, nowMs: now, lastUsedStep: step, allowReplay: true}).ok,
		true,
	);
	assert.equal(
		checkTotp({secretBase32: secret, code: ` ${code.slice(0, 3)} ${code.slice(3)} `, nowMs: now})
			.ok,
		true,
	);
	assert.equal(checkTotp({secretBase32: secret, code: 'abcdef', nowMs: now}).ok, false);
});
