import type {DriveNode} from '../drive/drive-node.js';

/** The part of DriveService the Drive pane needs (DriveService satisfies it; tests fake it). */
export interface DriveLike {
	root(): Promise<DriveNode>;
	listFolder(uid: string, opts?: {signal?: AbortSignal}): AsyncIterable<DriveNode>;
	cachedChildren(uid: string): DriveNode[] | undefined;
	getNode(uid: string): Promise<DriveNode>;
	pathOf(uid: string): string[] | undefined;
}
