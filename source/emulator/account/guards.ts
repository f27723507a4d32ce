import {ApiFailure} from '../http/replies.js';
import type {RequestContext} from '../http/router.js';
import type {Middleware} from '../http/server.js';
import {type AccountSwitches, HUMAN_VERIFICATION_TOKEN} from './controls.js';
import {header} from './sessions.js';

// Checks that run before routing (rate limit, app version) and the human-verification gate of the
// login calls. Statuses and codes follow auth.md §8.

/** `<clientID>@<major.minor.patch>[-channel][+build]` (auth.md §1.3). */
const APP_VERSION_FORMAT =
	/^([a-z0-9][a-z0-9_-]*)@\d+\.\d+\.\d+(?:-[0-9a-z.-]+)?(?:\+[0-9a-z.-]+)?$/i;

/** The next N requests answer 429 + Retry-After (Code 429 is the emulator's choice; the real code is unknown). */
export function rateLimitGuard(switches: AccountSwitches): Middleware {
	return () => {
		if (switches.rateLimitRemaining <= 0) return;
		switches.rateLimitRemaining--;
		throw new ApiFailure(429, 429, 'Too many recent API requests', undefined, {
			'retry-after': String(switches.rateLimitRetryAfter),
		});
	};
}

/** Missing `x-pm-appversion` → 400/5001; malformed or refused → 422/5003. */
export function appVersionGuard(switches: AccountSwitches): Middleware {
	return (ctx: RequestContext) => {
		const version = header(ctx, 'x-pm-appversion')?.trim();
		if (!version) throw new ApiFailure(400, 5001, 'Missing x-pm-appversion header');
		const match = APP_VERSION_FORMAT.exec(version);
		const clientId = match?.[1];
		if (!match || switches.refusedAppVersions.some((r) => r === version || r === clientId)) {
			throw new ApiFailure(
				422,
				5003,
				'This version of the app is no longer supported. Please update.',
			);
		}
	};
}

/** 422/9001 while human verification is switched on and the request carries no solved token. */
export function checkHumanVerification(ctx: RequestContext, switches: AccountSwitches): void {
	if (!switches.humanVerification) return;
	const given = header(ctx, 'x-pm-human-verification-token');
	if (given === HUMAN_VERIFICATION_TOKEN) return;
	if (given) throw new ApiFailure(422, 12087, 'Invalid verification token');
	const challenge = 'emulator-hv-challenge';
	throw new ApiFailure(422, 9001, 'Human verification required', {
		HumanVerificationToken: challenge,
		HumanVerificationMethods: ['captcha'],
		WebUrl: `https://verify.proton.me/?methods=captcha&token=${challenge}`,
		Title: 'Human verification',
		ExpiresAt: Math.floor(switches.now() / 1000) + 600,
	});
}
