/** Options the queue hands to every transfer. */
export interface ExecutorTransferOptions {
	onProgress?: (bytesDone: number, bytesTotal: number) => void;
	signal?: AbortSignal;
	/** Name to give the result (the source's name unless a conflict policy chose another). */
	name?: string;
}

export interface LocalListing {
	name: string;
	kind: 'file' | 'folder' | 'other';
	size?: number;
	/** A symbolic link (kind/size are its target's); links to folders are not followed in a walk. */
	link?: boolean;
	warning?: string;
}

export interface RemoteListing {
	uid: string;
	name: string;
	type: 'file' | 'folder';
	size?: number;
}

/** The Drive service + local file system behind an interface, fakeable in tests. */
export interface TransferExecutor {
	upload(localPath: string, parentUid: string, opts: ExecutorTransferOptions): Promise<unknown>;
	download(uid: string, localDir: string, opts: ExecutorTransferOptions): Promise<unknown>;
	createRemoteFolder(parentUid: string, name: string): Promise<{uid: string}>;
	createLocalFolder(path: string): Promise<void>;
	listLocal(dir: string): Promise<LocalListing[]>;
	listRemote(uid: string): Promise<RemoteListing[]>;
	/** Optional: what a local path is; without it the queue looks the path up in its parent listing. */
	statLocal?(path: string): Promise<{kind: 'file' | 'folder' | 'other'; size?: number}>;
}
