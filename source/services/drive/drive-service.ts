import type {NodeResult} from '@protontech/drive-sdk';
import type {ActiveSession} from '../session/active-session.js';
import {createDriveClient} from './create-drive-client.js';
import type {DriveClient} from './drive-client.js';
import {cancelledError, DriveError, type DriveErrorKind, toDriveError} from './drive-error.js';
import {type DriveNode, toDriveNode} from './drive-node.js';
import {downloadFile} from './download-file.js';
import type {TransferOptions} from './transfer-options.js';
import {MemoryTreeCache, type TreeCache} from './tree-cache.js';
import {uploadFile} from './upload-file.js';

export type {DriveNode} from './drive-node.js';
export type {TransferOptions} from './transfer-options.js';
export {DriveError, type DriveErrorKind} from './drive-error.js';

function kindOfResultError(text: string): DriveErrorKind {
	if (/already exists|same name/i.test(text)) return 'name-exists';
	if (/not (exist|found)|does not exist|no longer/i.test(text)) return 'not-found';
	if (/name/i.test(text) && /invalid|empty|long|contain/i.test(text)) return 'invalid-name';
	return 'other';
}

/** The UI's only door to Drive: SDK calls, typed errors and the cached link tree. */
export class DriveService {
	readonly #client: DriveClient;
	readonly #cache: TreeCache;
	readonly #trashed = new Map<string, DriveNode>();
	#root?: Promise<DriveNode>;
	#rootUid?: string;

	constructor(client: DriveClient, opts: {cache?: TreeCache} = {}) {
		this.#client = client;
		this.#cache = opts.cache ?? new MemoryTreeCache();
	}

	static create(opts: {
		session: ActiveSession;
		clientUid: string;
		cache?: TreeCache;
	}): DriveService {
		const client = createDriveClient({session: opts.session, clientUid: opts.clientUid});
		return new DriveService(client, {cache: opts.cache});
	}

	static fromClient(client: DriveClient, opts: {cache?: TreeCache} = {}): DriveService {
		return new DriveService(client, opts);
	}

	root(): Promise<DriveNode> {
		this.#root ??= (async () => {
			try {
				const node = toDriveNode(await this.#client.getMyFilesRootFolder());
				node.name = '';
				this.#rootUid = node.uid;
				this.#cache.put(node);
				return node;
			} catch (error) {
				this.#root = undefined;
				throw toDriveError(error, 'Could not open My files');
			}
		})();
		return this.#root;
	}

	/** Children as they decrypt; undecryptable / unverifiable ones come with `warning`. */
	async *listFolder(uid: string, opts: {signal?: AbortSignal} = {}): AsyncIterable<DriveNode> {
		const what = 'Could not list the folder';
		const {signal} = opts;
		if (signal?.aborted) throw cancelledError(what);
		const children: DriveNode[] = [];
		const iterator = this.#client
			.iterateFolderChildren(uid, undefined, signal)
			[Symbol.asyncIterator]();
		while (true) {
			let step: IteratorResult<Parameters<typeof toDriveNode>[0]>;
			try {
				step = await iterator.next();
			} catch (error) {
				if (signal?.aborted) throw cancelledError(what);
				throw toDriveError(error, what);
			}
			if (step.done) break;
			if (signal?.aborted) {
				await iterator.return?.(undefined);
				throw cancelledError(what);
			}
			const node = toDriveNode(step.value);
			node.parentUid ??= uid;
			children.push(node);
			yield node;
		}
		if (signal?.aborted) throw cancelledError(what);
		this.#cache.setChildren(uid, children);
	}

	cachedChildren(uid: string): DriveNode[] | undefined {
		return this.#cache.children(uid);
	}

	async getNode(uid: string): Promise<DriveNode> {
		try {
			const node = toDriveNode(await this.#client.getNode(uid));
			if (node.uid === this.#rootUid) node.name = '';
			if (!node.trashed) this.#cache.put(node);
			return node;
		} catch (error) {
			throw toDriveError(error, 'Could not read the item');
		}
	}

	/** '/a/b' from the My files root; uses cached listings and lists only folders not seen yet. */
	async resolvePath(drivePath: string): Promise<DriveNode> {
		const segments = drivePath.split('/').filter((s) => s.length > 0 && s !== '.');
		let current = await this.root();
		const walked: string[] = [];
		for (const segment of segments) {
			if (segment === '..') {
				throw new DriveError('invalid-name', `'..' is not allowed in a Drive path (${drivePath}).`);
			}
			if (current.type !== 'folder') {
				throw new DriveError('not-found', `/${walked.join('/')} is a file, not a folder.`);
			}
			const child = await this.#findChild(current.uid, segment);
			if (!child) {
				throw new DriveError('not-found', `There is no '${segment}' in /${walked.join('/')}.`);
			}
			walked.push(segment);
			current = child;
		}
		return current;
	}

	async #findChild(folderUid: string, name: string): Promise<DriveNode | undefined> {
		const cached = this.#cache.children(folderUid);
		const hit = cached?.find((n) => n.name === name);
		if (hit) return hit;
		// Not cached, or cached without it (created elsewhere since): list once.
		for await (const _ of this.listFolder(folderUid)) {
			// draining fills the cache
		}
		return this.#cache.children(folderUid)?.find((n) => n.name === name);
	}

	/** Names from the root to `uid` (root itself → []), from the cache only. */
	pathOf(uid: string): string[] | undefined {
		if (!this.#rootUid) return undefined;
		const names: string[] = [];
		let current = uid;
		for (let depth = 0; current !== this.#rootUid; depth++) {
			const node = this.#cache.get(current);
			if (!node?.parentUid || depth > 10_000) return undefined;
			names.unshift(node.name);
			current = node.parentUid;
		}
		return names;
	}

	async createFolder(parentUid: string, name: string): Promise<DriveNode> {
		try {
			const node = toDriveNode(await this.#client.createFolder(parentUid, name));
			node.parentUid ??= parentUid;
			this.#cache.put(node);
			this.#cache.setChildren(node.uid, []);
			return node;
		} catch (error) {
			throw toDriveError(error, `Could not create the folder '${name}'`);
		}
	}

	async rename(uid: string, name: string): Promise<DriveNode> {
		try {
			const node = toDriveNode(await this.#client.renameNode(uid, name));
			node.parentUid ??= this.#cache.get(uid)?.parentUid;
			node.name = name;
			this.#cache.put(node);
			return node;
		} catch (error) {
			throw toDriveError(error, `Could not rename to '${name}'`);
		}
	}

	async move(uid: string, newParentUid: string): Promise<DriveNode> {
		const what = 'Could not move the item';
		let results: NodeResult[];
		try {
			results = await collect(this.#client.moveNodes([uid], newParentUid));
		} catch (error) {
			throw toDriveError(error, what);
		}
		this.#throwFailures(results, what);
		const known = this.#cache.get(uid) ?? (await this.getNode(uid));
		const moved = {...known, parentUid: newParentUid};
		this.#cache.put(moved);
		return moved;
	}

	async trash(uids: string[]): Promise<void> {
		const what = 'Could not move to trash';
		let results: NodeResult[];
		try {
			results = await collect(this.#client.trashNodes(uids));
		} catch (error) {
			throw toDriveError(error, what);
		}
		for (const result of results) {
			if (!result.ok) continue;
			const node = this.#cache.get(result.uid);
			if (node) this.#trashed.set(node.uid, {...node, trashed: new Date()});
			this.#cache.remove(result.uid);
		}
		this.#throwFailures(results, what);
	}

	async restore(uids: string[]): Promise<void> {
		const what = 'Could not restore from trash';
		let results: NodeResult[];
		try {
			results = await collect(this.#client.restoreNodes(uids));
		} catch (error) {
			throw toDriveError(error, what);
		}
		for (const result of results) {
			if (!result.ok) continue;
			const known = this.#trashed.get(result.uid);
			this.#trashed.delete(result.uid);
			if (known) {
				const {trashed: _trashed, ...restored} = known;
				this.#cache.put(restored);
			} else {
				await this.getNode(result.uid).catch(() => undefined);
			}
		}
		this.#throwFailures(results, what);
	}

	/** Deletes trashed nodes for good (the server refuses nodes that are not in the trash). */
	async deletePermanently(uids: string[]): Promise<void> {
		const what = 'Could not delete permanently';
		let results: NodeResult[];
		try {
			results = await collect(this.#client.deleteNodes(uids));
		} catch (error) {
			throw toDriveError(error, what);
		}
		for (const result of results) {
			if (!result.ok) continue;
			this.#trashed.delete(result.uid);
			this.#cache.remove(result.uid);
		}
		this.#throwFailures(results, what);
	}

	async *listTrash(opts: {signal?: AbortSignal} = {}): AsyncIterable<DriveNode> {
		const what = 'Could not list the trash';
		try {
			for await (const maybe of this.#client.iterateTrashedNodes(opts.signal)) {
				const node = toDriveNode(maybe);
				node.trashed ??= new Date(0);
				this.#trashed.set(node.uid, node);
				yield node;
			}
		} catch (error) {
			if (opts.signal?.aborted) throw cancelledError(what);
			throw toDriveError(error, what);
		}
	}

	async emptyTrash(): Promise<void> {
		try {
			await this.#client.emptyTrash();
			this.#trashed.clear();
		} catch (error) {
			throw toDriveError(error, 'Could not empty the trash');
		}
	}

	async upload(
		localPath: string,
		parentUid: string,
		opts: TransferOptions & {name?: string} = {},
	): Promise<DriveNode> {
		const node = await uploadFile(this.#client, localPath, parentUid, opts);
		this.#cache.put(node);
		return node;
	}

	async download(
		uid: string,
		localDir: string,
		opts: TransferOptions & {name?: string} = {},
	): Promise<string> {
		const node = await this.getNode(uid);
		return downloadFile(this.#client, node, localDir, opts);
	}

	#throwFailures(results: NodeResult[], what: string): void {
		const failures = results.filter((r): r is Extract<NodeResult, {ok: false}> => !r.ok);
		if (failures.length === 0) return;
		const first = failures[0];
		const count = failures.length > 1 ? ` (${failures.length} items failed)` : '';
		throw new DriveError(kindOfResultError(first.error), `${what}: ${first.error}${count}`);
	}
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
	const out: T[] = [];
	for await (const item of iterable) out.push(item);
	return out;
}
