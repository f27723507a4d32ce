import type {DriveNode} from '../drive/drive-node.js';
import type {TransferOptions} from '../drive/transfer-options.js';
import {listLocal, mkdirLocal, statLocal} from '../local/local-fs.js';
import type {LocalListing, RemoteListing, TransferExecutor} from './executor.js';

/** The part of DriveService transfers need (DriveService satisfies it). */
export interface DriveForTransfers {
	upload(
		localPath: string,
		parentUid: string,
		opts?: TransferOptions & {name?: string},
	): Promise<DriveNode>;
	download(
		uid: string,
		localDir: string,
		opts?: TransferOptions & {name?: string},
	): Promise<string>;
	createFolder(parentUid: string, name: string): Promise<DriveNode>;
	listFolder(uid: string, opts?: {signal?: AbortSignal}): AsyncIterable<DriveNode>;
}

/** The real executor: Drive calls through the Drive service, local calls through services/local. */
export function createTransferExecutor(drive: DriveForTransfers): TransferExecutor {
	return {
		upload: (localPath, parentUid, opts) => drive.upload(localPath, parentUid, opts),
		download: (uid, localDir, opts) => drive.download(uid, localDir, opts),
		async createRemoteFolder(parentUid, name) {
			const node = await drive.createFolder(parentUid, name);
			return {uid: node.uid};
		},
		createLocalFolder: (target) => mkdirLocal(target),
		async listLocal(dir) {
			const out: LocalListing[] = [];
			for await (const entry of listLocal(dir)) {
				const item: LocalListing = {name: entry.name, kind: entry.kind};
				if (entry.size !== undefined) item.size = entry.size;
				if (entry.link) item.link = true;
				if (entry.warning) item.warning = entry.warning;
				out.push(item);
			}
			return out;
		},
		async listRemote(uid) {
			const out: RemoteListing[] = [];
			for await (const node of drive.listFolder(uid)) {
				if (node.trashed) continue;
				const item: RemoteListing = {uid: node.uid, name: node.name, type: node.type};
				if (node.size !== undefined) item.size = node.size;
				out.push(item);
			}
			return out;
		},
		async statLocal(target) {
			const entry = await statLocal(target);
			return entry.size === undefined ? {kind: entry.kind} : {kind: entry.kind, size: entry.size};
		},
	};
}
