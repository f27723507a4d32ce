/**
 * Why a job failed, as the UI shows it. `kind` keeps the DriveError kind when there is one
 * ('name-exists', 'not-found', 'invalid-name', 'integrity', 'cancelled', 'network', 'other');
 * local file-system failures add 'permission', 'no-space' and 'unsupported'.
 */
export type TransferErrorKind =
	| 'name-exists'
	| 'not-found'
	| 'invalid-name'
	| 'integrity'
	| 'cancelled'
	| 'network'
	| 'permission'
	| 'no-space'
	| 'unsupported'
	| 'other'
	| (string & {});

export interface TransferError {
	kind: TransferErrorKind;
	message: string;
}

const ERRNO_KINDS: Record<string, TransferErrorKind> = {
	EEXIST: 'name-exists',
	ENOENT: 'not-found',
	EACCES: 'permission',
	EPERM: 'permission',
	EROFS: 'permission',
	ENOSPC: 'no-space',
	EDQUOT: 'no-space',
	ECONNRESET: 'network',
	ECONNREFUSED: 'network',
	ETIMEDOUT: 'network',
	EISDIR: 'unsupported',
	ENOTDIR: 'not-found',
};

/** Kinds used by other error classes that mean the same as ours. */
const KIND_ALIASES: Record<string, TransferErrorKind> = {exists: 'name-exists'};

function messageOf(error: unknown): string {
	if (error instanceof Error) return error.message;
	if (typeof error === 'string') return error;
	return String(error);
}

/** Types any thrown value; never throws. */
export function toTransferError(error: unknown): TransferError {
	const message = messageOf(error) || 'Unknown error';
	const kind = (error as {kind?: unknown})?.kind;
	if (typeof kind === 'string' && kind.length > 0)
		return {kind: KIND_ALIASES[kind] ?? kind, message};
	const name = error instanceof Error ? error.name : '';
	if (name === 'AbortError') return {kind: 'cancelled', message: 'Cancelled'};
	const code = (error as {code?: unknown})?.code;
	if (typeof code === 'string' && ERRNO_KINDS[code]) return {kind: ERRNO_KINDS[code], message};
	return {kind: 'other', message};
}
