/** A Proton error envelope `{Code, Error, Details}` (or a non-JSON error: Code 0). */
export class ApiError extends Error {
	readonly status: number;
	readonly code: number;
	readonly details: Record<string, unknown> | undefined;
	readonly retryAfterSeconds?: number;

	constructor(opts: {
		status: number;
		code: number;
		message?: string;
		details?: Record<string, unknown>;
		retryAfterSeconds?: number;
	}) {
		super(
			opts.message ||
				`The server answered HTTP ${opts.status}${opts.code ? ` (code ${opts.code})` : ''}`,
		);
		this.name = 'ApiError';
		this.status = opts.status;
		this.code = opts.code;
		this.details = opts.details;
		if (opts.retryAfterSeconds !== undefined) {
			this.retryAfterSeconds = opts.retryAfterSeconds;
		}
	}
}

/** The host could not be reached (DNS, refused connection, TLS, timeout). */
export class NetworkError extends Error {
	readonly host: string;
	readonly reason: string;

	constructor(host: string, reason: string, options?: {cause?: unknown}) {
		super(`Cannot reach ${host}: ${reason}. Check your connection.`, options);
		this.name = 'NetworkError';
		this.host = host;
		this.reason = reason;
	}
}

/** Retry-After as whole seconds (integer seconds or an HTTP date). */
export function parseRetryAfter(value: string | null): number | undefined {
	if (value === null || value.trim() === '') {
		return undefined;
	}
	if (/^\d+$/.test(value.trim())) {
		return Number(value.trim());
	}
	const date = Date.parse(value);
	if (Number.isNaN(date)) {
		return undefined;
	}
	return Math.max(0, Math.ceil((date - Date.now()) / 1000));
}
