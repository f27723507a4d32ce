import {createHash, randomBytes} from 'node:crypto';
import {constants} from 'node:fs';
import {access, link, open, rename, unlink, utimes} from 'node:fs/promises';
import path from 'node:path';
import type {DriveClient} from './drive-client.js';
import {cancelledError, DriveError, toDriveError} from './drive-error.js';
import type {DriveNode} from './drive-node.js';
import {childPath, toSafeLocalName} from './safe-name.js';
import type {TransferOptions} from './transfer-options.js';

const PARTIAL_MARK = '.pdrive-partial-';

/** Hidden temporary name next to the final file; short enough for any file system. */
export function partialName(finalName: string): string {
	let stem = [...finalName];
	while (stem.length > 0 && Buffer.byteLength(stem.join('')) > 180) stem = stem.slice(0, -1);
	return `.${stem.join('')}${PARTIAL_MARK}${randomBytes(6).toString('hex')}`;
}

export function isPartialName(name: string): boolean {
	return name.startsWith('.') && name.includes(PARTIAL_MARK);
}

async function exists(file: string): Promise<boolean> {
	try {
		await access(file, constants.F_OK);
		return true;
	} catch {
		return false;
	}
}

/** Puts the finished temp file under its final name without ever replacing an existing file. */
async function publish(tempPath: string, finalPath: string): Promise<void> {
	try {
		await link(tempPath, finalPath); // fails with EEXIST instead of overwriting
		await unlink(tempPath);
	} catch (error) {
		const code = (error as {code?: string}).code;
		if (code === 'EEXIST') throw error;
		// File systems without hard links: check, then rename (small race accepted).
		if (await exists(finalPath)) throw Object.assign(new Error('exists'), {code: 'EEXIST'});
		await rename(tempPath, finalPath);
	}
}

async function syncDir(dir: string): Promise<void> {
	try {
		const handle = await open(dir, 'r');
		try {
			await handle.sync();
		} finally {
			await handle.close();
		}
	} catch {
		// Not supported everywhere (e.g. some platforms refuse fsync on directories).
	}
}

/**
 * Downloads `node` into `localDir`: writes a hidden temp file, checks the byte count and SHA-1
 * against what the uploader claimed (the SDK verifies blocks and manifest), applies the stored
 * modification time, fsyncs and only then gives it its final name. On any failure or abort the
 * temp file is removed, so no partial file ever carries the final name.
 */
export async function downloadFile(
	client: Pick<DriveClient, 'getFileDownloader'>,
	node: DriveNode,
	localDir: string,
	opts: TransferOptions & {name?: string} = {},
): Promise<string> {
	const name = toSafeLocalName(opts.name ?? node.name);
	const what = `Could not download '${name}'`;
	if (node.type !== 'file') throw new DriveError('other', `${what}: it is a folder.`);
	if (opts.signal?.aborted) throw cancelledError(what);
	const dir = path.resolve(localDir);
	const finalPath = childPath(dir, name);
	if (await exists(finalPath)) {
		throw new DriveError(
			'name-exists',
			`${what}: ${finalPath} already exists. Choose another name or remove it.`,
		);
	}
	const tempPath = childPath(dir, partialName(name));
	let handle: Awaited<ReturnType<typeof open>> | undefined;
	let closed = false;
	try {
		handle = await open(tempPath, 'wx');
		const fileHandle = handle;
		const sha1 = createHash('sha1');
		let written = 0;
		const sink = new WritableStream<Uint8Array>(
			{
				async write(chunk) {
					if (closed || opts.signal?.aborted) throw new DOMException('Aborted', 'AbortError');
					let offset = 0;
					while (offset < chunk.length) {
						const {bytesWritten} = await fileHandle.write(chunk, offset, chunk.length - offset);
						offset += bytesWritten;
					}
					sha1.update(chunk);
					written += chunk.length;
				},
			},
			{highWaterMark: 1},
		);
		const downloader = await client.getFileDownloader(node.uid, opts.signal);
		const total = node.size ?? downloader.getClaimedSizeInBytes() ?? 0;
		opts.onProgress?.(0, total);
		const controller = downloader.downloadToStream(sink, (done) => opts.onProgress?.(done, total));
		await untilDoneOrAborted(controller.completion(), opts.signal);
		closed = true;
		const claimedSize = node.size ?? downloader.getClaimedSizeInBytes();
		if (claimedSize !== undefined && claimedSize !== written) {
			throw new DriveError(
				'integrity',
				`${what}: received ${written} bytes but the file should have ${claimedSize}. Nothing was saved; try again.`,
			);
		}
		const digest = sha1.digest('hex');
		if (node.sha1 && node.sha1.toLowerCase() !== digest) {
			throw new DriveError(
				'integrity',
				`${what}: the SHA-1 of the received data does not match the one stored with the file. Nothing was saved.`,
			);
		}
		await fileHandle.sync();
		await fileHandle.close();
		handle = undefined;
		if (node.modified) await utimes(tempPath, new Date(), node.modified);
		try {
			await publish(tempPath, finalPath);
		} catch (error) {
			if ((error as {code?: string}).code === 'EEXIST') {
				throw new DriveError(
					'name-exists',
					`${what}: ${finalPath} appeared meanwhile. Nothing was overwritten.`,
				);
			}
			throw error;
		}
		await syncDir(dir);
		opts.onProgress?.(written, total || written);
		return finalPath;
	} catch (error) {
		closed = true;
		await handle?.close().catch(() => {});
		await unlink(tempPath).catch(() => {});
		if (opts.signal?.aborted) throw cancelledError(what);
		throw toDriveError(error, what);
	}
}

async function untilDoneOrAborted(done: Promise<void>, signal?: AbortSignal): Promise<void> {
	if (!signal) return done;
	done.catch(() => {});
	let onAbort = () => {};
	const aborted = new Promise<never>((_resolve, reject) => {
		onAbort = () => reject(signal.reason ?? new DOMException('Aborted', 'AbortError'));
		if (signal.aborted) onAbort();
		else signal.addEventListener('abort', onAbort, {once: true});
	});
	aborted.catch(() => {});
	try {
		await Promise.race([done, aborted]);
	} finally {
		signal.removeEventListener('abort', onAbort);
	}
}
