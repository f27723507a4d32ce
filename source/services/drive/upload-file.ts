import {createHash} from 'node:crypto';
import {open, stat as statPath} from 'node:fs/promises';
import path from 'node:path';
import type {DriveClient} from './drive-client.js';
import {cancelledError, DriveError, toDriveError} from './drive-error.js';
import type {DriveNode} from './drive-node.js';
import {fileReadStream} from './file-read-stream.js';
import {guessMediaType} from './media-type.js';
import {invalidNameReason} from './node-name.js';
import type {TransferOptions} from './transfer-options.js';

/**
 * Uploads one local file as a new file in `parentUid`, streaming it from disk (bounded memory).
 * The SDK stores size, mtime, block sizes and SHA-1 in the encrypted XAttr; we compute the SHA-1
 * while streaming too, so the returned node is complete without another request.
 */
export async function uploadFile(
	client: Pick<DriveClient, 'getFileUploader'>,
	localPath: string,
	parentUid: string,
	opts: TransferOptions & {name?: string} = {},
): Promise<DriveNode> {
	const name = opts.name ?? path.basename(localPath);
	const what = `Could not upload '${name}'`;
	if (opts.signal?.aborted) throw cancelledError(what);
	const invalid = invalidNameReason(name);
	if (invalid) throw new DriveError('invalid-name', `${what}: ${invalid}. Choose another name.`);
	let handle: Awaited<ReturnType<typeof open>> | undefined;
	let startedWith: {size: number; mtimeMs: number} | undefined;
	try {
		handle = await open(localPath, 'r');
		const stat = await handle.stat();
		if (!stat.isFile()) {
			throw new DriveError('other', `${what}: it is not a regular file.`);
		}
		const size = stat.size;
		startedWith = {size, mtimeMs: stat.mtimeMs};
		const mediaType = guessMediaType(name);
		const sha1 = createHash('sha1');
		const stream = fileReadStream(handle, size, {
			signal: opts.signal,
			onChunk: (chunk) => sha1.update(chunk),
		});
		const uploader = await client.getFileUploader(
			parentUid,
			name,
			{mediaType, expectedSize: size, modificationTime: stat.mtime},
			opts.signal,
		);
		opts.onProgress?.(0, size);
		const controller = await uploader.uploadFromStream(stream, [], (done) => {
			opts.onProgress?.(Math.max(0, Math.min(done, size)), size);
		});
		const {nodeUid} = await controller.completion();
		opts.onProgress?.(size, size);
		return {
			uid: nodeUid,
			parentUid,
			name,
			type: 'file',
			size,
			modified: stat.mtime,
			sha1: sha1.digest('hex'),
			mediaType,
		};
	} catch (error) {
		if (opts.signal?.aborted) throw cancelledError(what);
		if ((error as {code?: string}).code === 'ENOENT') {
			throw new DriveError('not-found', `${what}: the local file does not exist.`, {cause: error});
		}
		const changed = startedWith && (await changedSince(localPath, startedWith));
		if (changed) {
			throw new DriveError(
				'other',
				`${what}: the file changed while it was being uploaded (${changed}). Upload it again once it is complete.`,
				{cause: error},
			);
		}
		throw toDriveError(error, what);
	} finally {
		await handle?.close().catch(() => {});
	}
}

/** How the file differs from when the upload started ("size 300 MB → 10 MB"), or undefined. */
async function changedSince(
	localPath: string,
	before: {size: number; mtimeMs: number},
): Promise<string | undefined> {
	try {
		const now = await statPath(localPath);
		if (now.size !== before.size) return `size ${before.size} → ${now.size} bytes`;
		if (now.mtimeMs !== before.mtimeMs) return 'modified meanwhile';
		return undefined;
	} catch {
		return 'deleted meanwhile';
	}
}
