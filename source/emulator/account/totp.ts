import * as OTPAuth from 'otpauth';

// RFC 6238 TOTP as Proton uses it (auth.md §6.2): SHA1, 6 digits, 30 s; the emulator accepts the
// current step ±1 and refuses a step that was already used (replay).

const PERIOD = 30;

export type TotpCheck = {ok: true; step: number} | {ok: false; reason: 'wrong' | 'replayed'};

export function checkTotp(opts: {
	secretBase32: string;
	code: string;
	nowMs: number;
	lastUsedStep?: number;
	allowReplay?: boolean;
}): TotpCheck {
	const code = opts.code.replace(/\s+/g, '');
	if (!/^\d{6}$/.test(code)) return {ok: false, reason: 'wrong'};
	const delta = OTPAuth.TOTP.validate({
		token: code,
		secret: OTPAuth.Secret.fromBase32(opts.secretBase32),
		algorithm: 'SHA1',
		digits: 6,
		period: PERIOD,
		timestamp: opts.nowMs,
		window: 1,
	});
	if (delta === null) return {ok: false, reason: 'wrong'};
	const step = Math.floor(opts.nowMs / 1000 / PERIOD) + delta;
	if (!opts.allowReplay && opts.lastUsedStep !== undefined && step <= opts.lastUsedStep) {
		return {ok: false, reason: 'replayed'};
	}
	return {ok: true, step};
}

/** The current code (tests and the CLI banner use it). */
export function currentTotp(secretBase32: string, nowMs = Date.now()): string {
	return OTPAuth.TOTP.generate({secret: OTPAuth.Secret.fromBase32(secretBase32), timestamp: nowMs});
}
