export type DriveErrorKind =
	| 'name-exists'
	| 'not-found'
	| 'invalid-name'
	| 'integrity'
	| 'cancelled'
	| 'network'
	| 'other';

/** A Drive failure the UI can show as is: `message` says what happened and what to do. */
export class DriveError extends Error {
	override name = 'DriveError';
	readonly kind: DriveErrorKind;
	/** For 'name-exists': the node that already holds the name, when known. */
	readonly existingUid?: string;

	constructor(
		kind: DriveErrorKind,
		message: string,
		opts: {cause?: unknown; existingUid?: string} = {},
	) {
		super(message, {cause: opts.cause});
		this.kind = kind;
		this.existingUid = opts.existingUid;
	}
}

const NOT_EXISTS = 2501;
const ALREADY_EXISTS = 2500;

function describe(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

/**
 * Maps any error thrown by the SDK (or by our own transfer code) to a DriveError.
 * `what` names the operation for the message, e.g. "Could not rename 'a.txt'".
 */
export function toDriveError(error: unknown, what: string): DriveError {
	if (error instanceof DriveError) return error;
	const name = error instanceof Error ? error.name : '';
	const code = (error as {code?: unknown})?.code;
	const detail = describe(error);
	if (name === 'AbortError') {
		return new DriveError('cancelled', `${what}: cancelled.`, {cause: error});
	}
	if (name === 'NodeWithSameNameExistsValidationError' || code === ALREADY_EXISTS) {
		const existingUid = (error as {existingNodeUid?: string}).existingNodeUid;
		return new DriveError(
			'name-exists',
			`${what}: an item with that name already exists there. Choose another name.`,
			{cause: error, existingUid},
		);
	}
	if (name === 'NotFoundAPIError' || code === NOT_EXISTS) {
		return new DriveError(
			'not-found',
			`${what}: the item no longer exists (moved or deleted elsewhere?). Refresh the listing.`,
			{cause: error},
		);
	}
	if (name === 'ValidationError' && /name/i.test(detail)) {
		return new DriveError('invalid-name', `${what}: ${detail}.`, {cause: error});
	}
	if (name === 'IntegrityError' || name === 'DecryptionError') {
		return new DriveError(
			'integrity',
			`${what}: the data failed an integrity check (${detail}). Nothing was written under the final name; try again.`,
			{cause: error},
		);
	}
	if (
		name === 'ConnectionError' ||
		name === 'NetworkError' ||
		name === 'TimeoutError' ||
		name === 'OfflineError' ||
		name === 'RateLimitedError' ||
		name === 'ServerError' ||
		name === 'APIHTTPError'
	) {
		return new DriveError(
			'network',
			`${what}: Proton Drive could not be reached or answered with an error (${detail}). Check the connection and retry.`,
			{cause: error},
		);
	}
	return new DriveError('other', `${what}: ${detail}`, {cause: error});
}

export function cancelledError(what: string): DriveError {
	return new DriveError('cancelled', `${what}: cancelled.`);
}
