import type {Dirent, Stats} from 'node:fs';
import {lstat, mkdir, opendir, stat} from 'node:fs/promises';
import path from 'node:path';

export type LocalKind = 'file' | 'folder' | 'other';

export interface LocalEntry {
	name: string;
	/** Absolute path. */
	path: string;
	/** Symbolic links are followed: a link to a folder is a 'folder'; a broken one is 'other'. */
	kind: LocalKind;
	size?: number;
	modified?: Date;
	/** True when the entry is a symbolic link (its kind and size are the target's). */
	link?: boolean;
	/** Why the entry could not be fully read (still listed). */
	warning?: string;
}

/** How many stat calls run at once while listing; keeps 10,000-entry folders fast without EMFILE. */
const STAT_BATCH = 64;

function errorCode(error: unknown): string | undefined {
	const code = (error as {code?: unknown})?.code;
	return typeof code === 'string' ? code : undefined;
}

function kindOf(stats: Stats | Dirent): LocalKind {
	if (stats.isDirectory()) return 'folder';
	if (stats.isFile()) return 'file';
	return 'other';
}

function describeStatError(error: unknown): string {
	const code = errorCode(error);
	if (code === 'EACCES' || code === 'EPERM') return 'Permission denied';
	if (code === 'ENOENT') return 'Vanished while listing';
	if (code === 'ELOOP') return 'Symbolic link loop';
	return error instanceof Error ? error.message : String(error);
}

function fromStats(name: string, full: string, stats: Stats, link: boolean): LocalEntry {
	const entry: LocalEntry = {name, path: full, kind: kindOf(stats), modified: stats.mtime};
	if (entry.kind === 'file') entry.size = stats.size;
	if (link) entry.link = true;
	if (entry.kind === 'other') {
		entry.warning = stats.isSymbolicLink() ? 'Symbolic link' : 'Not a regular file or folder';
	}
	return entry;
}

/** Stats one path without throwing: links are followed, broken or unreadable entries get a warning. */
async function describeEntry(name: string, full: string, dirent?: Dirent): Promise<LocalEntry> {
	const isLink = dirent
		? dirent.isSymbolicLink()
		: (await lstatOrUndefined(full))?.isSymbolicLink() === true;
	try {
		return fromStats(name, full, await stat(full), isLink);
	} catch (error) {
		if (isLink) {
			return {
				name,
				path: full,
				kind: 'other',
				link: true,
				warning: `Broken symbolic link (${describeStatError(error)})`,
			};
		}
		const entry: LocalEntry = {name, path: full, kind: dirent ? kindOf(dirent) : 'other'};
		entry.warning = describeStatError(error);
		return entry;
	}
}

async function lstatOrUndefined(full: string): Promise<Stats | undefined> {
	try {
		return await lstat(full);
	} catch {
		return undefined;
	}
}

function abortError(signal: AbortSignal): Error {
	return signal.reason instanceof Error
		? signal.reason
		: new DOMException('Listing cancelled', 'AbortError');
}

/**
 * Lists a folder as it is read: opendir plus batched stat calls, so the first entries arrive at
 * once even for huge folders. Unreadable entries are listed with a warning; an unreadable folder
 * throws. Order is the file system's (sort in the caller).
 */
export async function* listLocal(
	dir: string,
	opts: {signal?: AbortSignal} = {},
): AsyncIterable<LocalEntry> {
	const {signal} = opts;
	if (signal?.aborted) throw abortError(signal);
	const absolute = path.resolve(dir);
	const handle = await opendir(absolute, {bufferSize: STAT_BATCH});
	let batch: Dirent[] = [];
	const flush = async () => {
		const entries = await Promise.all(
			batch.map((d) => describeEntry(d.name, path.join(absolute, d.name), d)),
		);
		batch = [];
		return entries;
	};
	try {
		for await (const dirent of handle) {
			if (signal?.aborted) throw abortError(signal);
			batch.push(dirent);
			if (batch.length >= STAT_BATCH) yield* await flush();
		}
		if (signal?.aborted) throw abortError(signal);
		if (batch.length > 0) yield* await flush();
	} finally {
		// for-await closes the handle on normal end / throw; closing twice throws, so guard.
		await handle.close().catch(() => {});
	}
}

/** Stats one path (links followed); throws when the path does not exist. */
export async function statLocal(target: string): Promise<LocalEntry> {
	const absolute = path.resolve(target);
	await lstat(absolute); // throws ENOENT for a missing path
	return describeEntry(path.basename(absolute) || absolute, absolute);
}

export class LocalFsError extends Error {
	override name = 'LocalFsError';
	constructor(
		readonly kind: 'exists' | 'not-found' | 'permission' | 'other',
		message: string,
		opts: {cause?: unknown} = {},
	) {
		super(message, opts);
	}
}

/**
 * Creates one folder (not its parents). An existing folder is fine (copying into it merges);
 * an existing file of that name is an error.
 */
export async function mkdirLocal(target: string): Promise<void> {
	const absolute = path.resolve(target);
	try {
		await mkdir(absolute, {recursive: false});
	} catch (error) {
		const code = errorCode(error);
		if (code === 'EEXIST') {
			const existing = await stat(absolute).catch(() => undefined);
			if (existing?.isDirectory()) return;
			throw new LocalFsError(
				'exists',
				`'${path.basename(absolute)}' already exists in ${path.dirname(absolute)} and is not a folder; rename or delete it first`,
				{cause: error},
			);
		}
		if (code === 'ENOENT') {
			throw new LocalFsError('not-found', `The folder ${path.dirname(absolute)} does not exist`, {
				cause: error,
			});
		}
		if (code === 'EACCES' || code === 'EPERM') {
			throw new LocalFsError('permission', `Permission denied creating ${absolute}`, {
				cause: error,
			});
		}
		throw error;
	}
}
