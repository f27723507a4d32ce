import {ApiError, NetworkError} from '../api/api-error.js';
import {ServerIdentityError} from './srp/server-identity-error.js';

export type LoginErrorKind =
	| 'wrong-credentials'
	| 'wrong-totp'
	| 'wrong-mailbox-password'
	| 'human-verification'
	| 'app-version-refused'
	| 'rate-limited'
	| 'network'
	| 'server-identity'
	| 'fido2-only'
	| 'session-expired'
	| 'unsupported';

export class LoginError extends Error {
	readonly kind: LoginErrorKind;
	retryAfterSeconds?: number;
	webUrl?: string;

	constructor(
		kind: LoginErrorKind,
		message: string,
		extra: {retryAfterSeconds?: number; webUrl?: string; cause?: unknown} = {},
	) {
		super(message, extra.cause === undefined ? undefined : {cause: extra.cause});
		this.name = 'LoginError';
		this.kind = kind;
		if (extra.retryAfterSeconds !== undefined) {
			this.retryAfterSeconds = extra.retryAfterSeconds;
		}
		if (extra.webUrl !== undefined) {
			this.webUrl = extra.webUrl;
		}
	}
}

export const messages = {
	wrongCredentials: 'Wrong username or password. Check both and try again.',
	wrongTotp:
		'The code is wrong, expired or already used; wait for the next code from your authenticator app and enter it.',
	wrongMailboxPassword:
		'The mailbox password is wrong. Enter your second (mailbox) password again.',
	sessionExpired: 'Your session has ended (signed out or expired). Start the login again.',
	totpSessionRevoked:
		'Proton ended this login attempt after too many wrong codes. Start the login again with your password.',
	fido2Only:
		'This account only has a security key (FIDO2) as second factor, which pdrive-tui cannot use. Enable an authenticator app (TOTP) in your Proton account settings, then log in again.',
	appVersionRefused: (detail: string) =>
		`Proton refused this app version (${detail}). Update pdrive-tui to the latest release and try again.`,
	rateLimited: (seconds: number) => `Too many attempts; retry in ${seconds} s.`,
	humanVerification: (webUrl?: string) =>
		webUrl
			? `Proton asks for a human verification (CAPTCHA). Open ${webUrl} in a browser to solve it, or log in once at https://account.proton.me in a browser and retry later.`
			: 'Proton asks for a human verification (CAPTCHA). Log in once at https://account.proton.me in a browser and retry later.',
};

function apiMessage(error: ApiError): string {
	return error.message.replace(/[.\s]+$/, '');
}

/** Maps transport/API/SRP failures to a LoginError with a message the user can act on. */
export function toLoginError(error: unknown): LoginError {
	if (error instanceof LoginError) {
		return error;
	}
	if (error instanceof NetworkError) {
		return new LoginError('network', error.message, {cause: error});
	}
	if (error instanceof ServerIdentityError) {
		return new LoginError(
			'server-identity',
			`${error.message}. The server is not Proton or the connection is being tampered with; do not enter your password again on this network.`,
			{cause: error},
		);
	}
	if (error instanceof ApiError) {
		if (error.code === 9001) {
			const webUrl = typeof error.details?.WebUrl === 'string' ? error.details.WebUrl : undefined;
			return new LoginError('human-verification', messages.humanVerification(webUrl), {
				webUrl,
				cause: error,
			});
		}
		if (error.code === 5003 || error.code === 2028 || error.code === 5001) {
			return new LoginError('app-version-refused', messages.appVersionRefused(apiMessage(error)), {
				cause: error,
			});
		}
		if (error.status === 429 || error.status === 503) {
			const seconds = error.retryAfterSeconds ?? 10;
			return new LoginError('rate-limited', messages.rateLimited(seconds), {
				retryAfterSeconds: seconds,
				cause: error,
			});
		}
		if (error.code === 8100) {
			return new LoginError(
				'unsupported',
				'This account signs in with SSO, which pdrive-tui does not support.',
				{cause: error},
			);
		}
		if (error.code === 9002) {
			return new LoginError(
				'unsupported',
				'Proton asks for a device verification, which pdrive-tui cannot do. Log in once in a browser and retry later.',
				{cause: error},
			);
		}
		if (error.status === 401) {
			return new LoginError('session-expired', messages.sessionExpired, {cause: error});
		}
		return new LoginError(
			'unsupported',
			`Proton refused the login: ${apiMessage(error)} (HTTP ${error.status}, code ${error.code}).`,
			{cause: error},
		);
	}
	const message = error instanceof Error ? error.message : String(error);
	return new LoginError('unsupported', `Login failed unexpectedly: ${message}`, {cause: error});
}
