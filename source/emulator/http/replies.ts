import type {Reply} from './router.js';

/** Success envelope: HTTP 200 with `Code: 1000` and the call's fields. */
export function ok(fields: Record<string, unknown> = {}, code = 1000): Reply {
	return {status: code === 1002 ? 202 : 200, json: {Code: code, ...fields}};
}

/** Proton error envelope: `{Code, Error, Details?}` with the given HTTP status. */
export function apiError(
	status: number,
	code: number,
	message: string,
	details?: Record<string, unknown>,
	headers?: Record<string, string>,
): Reply {
	const json: Record<string, unknown> = {Code: code, Error: message};
	if (details) json.Details = details;
	return {status, json, headers};
}

/** Thrown from deep inside a handler to answer with a Proton error. */
export class ApiFailure extends Error {
	constructor(
		readonly status: number,
		readonly code: number,
		message: string,
		readonly details?: Record<string, unknown>,
		readonly headers?: Record<string, string>,
	) {
		super(message);
		this.name = 'ApiFailure';
	}

	toReply(): Reply {
		return apiError(this.status, this.code, this.message, this.details, this.headers);
	}
}

/** 422 + 2501: the real server's "does not exist" (never HTTP 404 for business errors). */
export function notFound(what = 'The requested item does not exist'): ApiFailure {
	return new ApiFailure(422, 2501, what);
}

/** 422 + 2001: invalid input. */
export function invalid(message: string, details?: Record<string, unknown>): ApiFailure {
	return new ApiFailure(422, 2001, message, details);
}
