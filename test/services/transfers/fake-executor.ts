import path from 'node:path';
import type {
	ExecutorTransferOptions,
	LocalListing,
	RemoteListing,
	TransferExecutor,
} from '../../../source/services/transfers/executor.js';

export interface PendingTransfer {
	op: 'upload' | 'download';
	source: string;
	target: string;
	name: string;
	opts: ExecutorTransferOptions;
	resolve(): void;
	reject(error: unknown): void;
}

interface RemoteNode {
	uid: string;
	parentUid?: string;
	name: string;
	type: 'file' | 'folder';
	size?: number;
}

function nameExists(name: string): Error {
	return Object.assign(new Error(`An item named '${name}' already exists`), {kind: 'name-exists'});
}

/**
 * An in-memory local tree and Drive. In manual mode transfers wait until the test resolves them;
 * otherwise they finish on the next tick. Every call is logged in order.
 */
export class FakeExecutor implements TransferExecutor {
	readonly log: string[] = [];
	readonly local = new Map<
		string,
		{kind: 'file' | 'folder' | 'other'; size?: number; link?: boolean}
	>();
	readonly remote = new Map<string, RemoteNode>();
	readonly pending: PendingTransfer[] = [];
	running = 0;
	maxRunning = 0;
	/** Errors to throw from the next transfer calls of a source (consumed in order). */
	readonly failures = new Map<string, unknown[]>();
	/** When false, transfers ignore their abort signal (like a slow SDK call). */
	honourAbort = true;
	#uid = 0;

	constructor(readonly manual = false) {
		this.remote.set('root', {uid: 'root', name: '', type: 'folder'});
	}

	addLocal(p: string, kind: 'file' | 'folder' | 'other', size?: number, link?: boolean): void {
		this.local.set(p, {kind, size, link});
	}

	addRemote(node: Omit<RemoteNode, 'uid'> & {uid?: string}): string {
		const uid = node.uid ?? `n${++this.#uid}`;
		this.remote.set(uid, {...node, uid});
		return uid;
	}

	childrenOf(uid: string): RemoteNode[] {
		return [...this.remote.values()].filter((n) => n.parentUid === uid);
	}

	/** Drive path of a remote node, for assertions. */
	remotePath(uid: string): string {
		const names: string[] = [];
		let node = this.remote.get(uid);
		while (node && node.uid !== 'root') {
			names.unshift(node.name);
			node = this.remote.get(node.parentUid ?? '');
		}
		return `/${names.join('/')}`;
	}

	#transfer(
		op: 'upload' | 'download',
		source: string,
		target: string,
		opts: ExecutorTransferOptions,
		finish: () => void,
	) {
		const name = opts.name ?? path.basename(source);
		this.log.push(`${op} ${source} -> ${target} as ${name}`);
		this.running++;
		this.maxRunning = Math.max(this.maxRunning, this.running);
		const failure = this.failures.get(source)?.shift();
		return new Promise<void>((resolve, reject) => {
			const done = (error?: unknown) => {
				this.running--;
				const at = this.pending.indexOf(entry);
				if (at >= 0) this.pending.splice(at, 1);
				if (error) reject(error);
				else {
					try {
						finish();
						resolve();
					} catch (e) {
						reject(e);
					}
				}
			};
			const entry: PendingTransfer = {
				op,
				source,
				target,
				name,
				opts,
				resolve: () => done(),
				reject: (e) => done(e),
			};
			if (this.honourAbort) {
				opts.signal?.addEventListener('abort', () =>
					done(Object.assign(new Error('aborted'), {name: 'AbortError'})),
				);
			}
			if (failure) {
				queueMicrotask(() => done(failure));
				return;
			}
			this.pending.push(entry);
			if (!this.manual) setImmediate(() => entry.resolve());
		});
	}

	upload(localPath: string, parentUid: string, opts: ExecutorTransferOptions) {
		const name = opts.name ?? path.basename(localPath);
		return this.#transfer('upload', localPath, parentUid, opts, () => {
			if (!this.remote.has(parentUid)) throw new Error(`parent ${parentUid} does not exist`);
			if (this.childrenOf(parentUid).some((n) => n.name === name)) throw nameExists(name);
			const size = this.local.get(localPath)?.size ?? 0;
			opts.onProgress?.(size, size);
			this.addRemote({parentUid, name, type: 'file', size});
		});
	}

	download(uid: string, localDir: string, opts: ExecutorTransferOptions) {
		const node = this.remote.get(uid);
		const name = opts.name ?? node?.name ?? uid;
		return this.#transfer('download', uid, localDir, opts, () => {
			if (!this.local.has(localDir)) throw Object.assign(new Error('no dir'), {code: 'ENOENT'});
			const target = path.join(localDir, name);
			if (this.local.has(target)) throw nameExists(name);
			opts.onProgress?.(node?.size ?? 0, node?.size ?? 0);
			this.addLocal(target, 'file', node?.size);
		});
	}

	async createRemoteFolder(parentUid: string, name: string) {
		await Promise.resolve();
		this.log.push(`mkdir-remote ${this.remotePath(parentUid)}/${name}`.replace('//', '/'));
		if (this.childrenOf(parentUid).some((n) => n.name === name)) throw nameExists(name);
		return {uid: this.addRemote({parentUid, name, type: 'folder'})};
	}

	async createLocalFolder(p: string) {
		await Promise.resolve();
		this.log.push(`mkdir-local ${p}`);
		const existing = this.local.get(p);
		if (existing?.kind === 'folder') return;
		if (existing) throw Object.assign(new Error(`${p} exists`), {kind: 'exists'});
		if (!this.local.has(path.dirname(p)))
			throw Object.assign(new Error('no parent'), {code: 'ENOENT'});
		this.addLocal(p, 'folder');
	}

	async listLocal(dir: string): Promise<LocalListing[]> {
		await Promise.resolve();
		if (this.local.get(dir)?.kind !== 'folder')
			throw Object.assign(new Error('ENOENT'), {code: 'ENOENT'});
		const out: LocalListing[] = [];
		for (const [p, info] of this.local) {
			if (path.dirname(p) === dir && p !== dir) {
				const item: LocalListing = {name: path.basename(p), kind: info.kind};
				if (info.size !== undefined) item.size = info.size;
				if (info.link) item.link = true;
				out.push(item);
			}
		}
		return out;
	}

	async listRemote(uid: string): Promise<RemoteListing[]> {
		await Promise.resolve();
		return this.childrenOf(uid).map(({uid: id, name, type, size}) => ({uid: id, name, type, size}));
	}

	async statLocal(p: string) {
		await Promise.resolve();
		const info = this.local.get(p);
		if (!info) throw Object.assign(new Error(`${p} does not exist`), {code: 'ENOENT'});
		return {kind: info.kind, size: info.size};
	}
}

/** Lets queued promise callbacks and setImmediate-based fakes run. */
export async function settle(rounds = 5): Promise<void> {
	for (let i = 0; i < rounds; i++) await new Promise((r) => setImmediate(r));
}
