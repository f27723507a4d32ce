export const DEFAULT_API_BASE = 'https://drive-api.proton.me';

export class ApiBaseRefusedError extends Error {
	constructor(raw: string, reason: string) {
		super(
			`Refusing API URL "${raw}": ${reason}. Only a loopback address (127.0.0.0/8, localhost, [::1]) may replace Proton's API host ${DEFAULT_API_BASE}, e.g. a local emulator.`,
		);
		this.name = 'ApiBaseRefusedError';
	}
}

function isLoopbackIPv4(host: string): boolean {
	const parts = host.split('.');
	if (parts.length !== 4 || parts[0] !== '127') {
		return false;
	}
	return parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255);
}

/** True for 127.0.0.0/8, `localhost` and `[::1]`. */
export function isLoopback(url: URL): boolean {
	const host = url.hostname.toLowerCase();
	return host === 'localhost' || host === '[::1]' || isLoopbackIPv4(host);
}

/**
 * The API base to use: Proton's when `raw` is undefined or empty, a loopback http(s) URL otherwise.
 * Anything else throws ApiBaseRefusedError.
 */
export function resolveApiBase(raw?: string): URL {
	if (raw === undefined || raw.trim() === '') {
		return new URL(DEFAULT_API_BASE);
	}
	let url: URL;
	try {
		url = new URL(raw.trim());
	} catch {
		throw new ApiBaseRefusedError(raw, 'it is not a valid URL');
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:') {
		throw new ApiBaseRefusedError(raw, 'only http and https are supported');
	}
	if (url.username || url.password) {
		throw new ApiBaseRefusedError(raw, 'credentials in the URL are not allowed');
	}
	if (url.search || url.hash) {
		throw new ApiBaseRefusedError(raw, 'a query or fragment is not allowed');
	}
	if (
		url.protocol === 'https:' &&
		url.host === new URL(DEFAULT_API_BASE).host &&
		(url.pathname === '/' || url.pathname === '')
	) {
		return new URL(DEFAULT_API_BASE);
	}
	if (!isLoopback(url)) {
		throw new ApiBaseRefusedError(raw, `${url.hostname} is not a loopback address`);
	}
	return url;
}

/** Joins an API path (`/auth/v4/info`, may carry a query) onto the base, keeping the base's path prefix. */
export function apiUrl(base: URL, path: string): URL {
	const prefix = base.pathname.replace(/\/+$/, '');
	const rel = path.startsWith('/') ? path : `/${path}`;
	return new URL(`${base.origin}${prefix}${rel}`);
}
