// Per-test switches of the account side. The object is shared (mutable state) between the
// middlewares, the handlers and the test that holds `RunningEmulator.controls`.

/** The token a "solved" human-verification challenge yields in the emulator. */
export const HUMAN_VERIFICATION_TOKEN = 'emulator-solved-captcha';

export interface AccountControls {
	/** Every access token issued so far answers 401 from now on (refresh tokens stay valid). */
	expireAccessTokens(): void;
	/** The next `count` requests (any path) answer 429 with `Retry-After: retryAfterSeconds`. */
	rateLimitNext(count: number, retryAfterSeconds: number): void;
	/** While on, `/auth/v4/info` and `/auth/v4` answer 422/9001 unless the request carries
	 * `x-pm-human-verification-token: HUMAN_VERIFICATION_TOKEN` (a wrong token gives 12087). */
	requireHumanVerification(on: boolean): void;
	/** App versions refused with 422/5003: full header values or bare client IDs (before `@`). */
	refuseAppVersions(list: string[]): void;
	/** Accept a TOTP code again within its time step (off by default: replays answer 8002). */
	allowTotpReplay(on: boolean): void;
	/** Moves the emulator's clock (token lifetime, scope windows, TOTP) forward. */
	advanceClock(seconds: number): void;
	/** Live sessions (including those waiting for the second factor). */
	sessionsCount(): number;
	/** Forgets every session (all later authenticated calls answer 401, refreshes 10013). */
	revokeAllSessions(): void;
}

export interface AccountSwitches {
	rateLimitRemaining: number;
	rateLimitRetryAfter: number;
	humanVerification: boolean;
	refusedAppVersions: string[];
	totpReplay: boolean;
	clockOffsetMs: number;
	now(): number;
}

export function createSwitches(): AccountSwitches {
	const s: AccountSwitches = {
		rateLimitRemaining: 0,
		rateLimitRetryAfter: 0,
		humanVerification: false,
		refusedAppVersions: [],
		totpReplay: false,
		clockOffsetMs: 0,
		now: () => Date.now() + s.clockOffsetMs,
	};
	return s;
}
