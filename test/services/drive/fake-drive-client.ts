// A small in-memory stand-in for the SDK's ProtonDriveClient, for unit tests of the Drive service.
// It models only what the service calls and counts calls so tests can assert "no API call".
import {createHash} from 'node:crypto';
import {
	type MaybeNode,
	NodeWithSameNameExistsValidationError,
	type NodeResult,
	type UploadMetadata,
} from '@protontech/drive-sdk';
import type {DriveClient} from '../../../source/services/drive/drive-client.js';

export interface FakeNode {
	uid: string;
	parentUid?: string;
	name: string;
	type: 'file' | 'folder';
	content?: Uint8Array;
	modified?: Date;
	mediaType?: string;
	trashTime?: Date;
	/** 'name': name undecryptable; 'signature': name signature invalid. */
	corrupt?: 'name' | 'signature';
	/** Lie about the SHA-1 in the metadata (to test our own verification). */
	claimedSha1?: string;
}

const ok = {ok: true as const, value: 'demo@example.com'};

export class FakeDriveClient {
	readonly nodes = new Map<string, FakeNode>();
	readonly calls: string[] = [];
	/** Delay per downloaded chunk, to abort mid-download. */
	downloadChunkDelayMs = 0;
	downloadChunkBytes = 64 * 1024;
	#next = 1;

	constructor() {
		this.nodes.set('vol~root', {uid: 'vol~root', name: 'root', type: 'folder'});
	}

	asClient(): DriveClient {
		return this as unknown as DriveClient;
	}

	add(node: Omit<FakeNode, 'uid'> & {uid?: string}): FakeNode {
		const full = {...node, uid: node.uid ?? `vol~n${this.#next++}`};
		this.nodes.set(full.uid, full);
		return full;
	}

	toMaybe(node: FakeNode): MaybeNode {
		const content = node.content ?? new Uint8Array();
		const base = {
			uid: node.uid,
			parentUid: node.parentUid,
			keyAuthor: ok,
			nameAuthor:
				node.corrupt === 'signature'
					? {
							ok: false as const,
							error: {claimedAuthor: 'demo@example.com', error: 'Signature verification failed'},
						}
					: ok,
			directRole: 'admin',
			type: node.type,
			mediaType: node.mediaType,
			isShared: false,
			isSharedPublicly: false,
			creationTime: new Date(0),
			modificationTime: new Date(1000),
			trashTime: node.trashTime,
			treeEventScopeId: 'vol',
			activeRevision:
				node.type === 'file'
					? {
							uid: `${node.uid}~r1`,
							state: 'active',
							creationTime: new Date(0),
							contentAuthor: ok,
							storageSize: content.length + 1000,
							claimedSize: content.length,
							claimedModificationTime: node.modified,
							claimedDigests: {
								sha1: node.claimedSha1 ?? createHash('sha1').update(content).digest('hex'),
							},
						}
					: undefined,
		};
		const revision = base.activeRevision ? {ok: true, value: base.activeRevision} : undefined;
		if (node.corrupt === 'name') {
			const name = {ok: false, error: new Error('Failed to decrypt name')};
			return {ok: false, error: {...base, activeRevision: revision, name} as never};
		}
		if (node.corrupt === 'signature') {
			return {
				ok: false,
				error: {...base, activeRevision: revision, name: {ok: true, value: node.name}} as never,
			};
		}
		return {ok: true, value: {...base, name: node.name} as never};
	}

	#get(uid: string): FakeNode {
		const node = this.nodes.get(uid);
		if (!node) {
			throw Object.assign(new Error('Link does not exist'), {name: 'NotFoundAPIError', code: 2501});
		}
		return node;
	}

	#assertFree(parentUid: string, name: string): void {
		for (const n of this.nodes.values()) {
			if (n.parentUid === parentUid && n.name === name && !n.trashTime) {
				throw new NodeWithSameNameExistsValidationError(
					'A file or folder with that name already exists',
					2500,
					n.uid,
				);
			}
		}
	}

	async getMyFilesRootFolder(): Promise<MaybeNode> {
		this.calls.push('root');
		return this.toMaybe(this.#get('vol~root'));
	}

	async *iterateFolderChildren(
		uid: string,
		_filter?: unknown,
		signal?: AbortSignal,
	): AsyncGenerator<MaybeNode> {
		this.calls.push(`list ${uid}`);
		for (const node of [...this.nodes.values()]) {
			if (signal?.aborted) throw Object.assign(new Error('aborted'), {name: 'AbortError'});
			if (node.parentUid === uid && !node.trashTime) {
				await new Promise((r) => setImmediate(r));
				yield this.toMaybe(node);
			}
		}
	}

	async *iterateTrashedNodes(): AsyncGenerator<MaybeNode> {
		this.calls.push('list trash');
		for (const node of this.nodes.values()) if (node.trashTime) yield this.toMaybe(node);
	}

	async getNode(uid: string): Promise<MaybeNode> {
		this.calls.push(`get ${uid}`);
		return this.toMaybe(this.#get(uid));
	}

	async createFolder(parentUid: string, name: string): Promise<MaybeNode> {
		this.calls.push(`mkdir ${name}`);
		if (name.includes('/')) {
			throw Object.assign(new Error("Name must not contain the character '/'"), {
				name: 'ValidationError',
			});
		}
		this.#assertFree(parentUid, name);
		return this.toMaybe(this.add({parentUid, name, type: 'folder'}));
	}

	async renameNode(uid: string, name: string): Promise<MaybeNode> {
		this.calls.push(`rename ${uid}`);
		const node = this.#get(uid);
		this.#assertFree(node.parentUid ?? '', name);
		node.name = name;
		return this.toMaybe(node);
	}

	async *#each(
		uids: string[],
		op: string,
		fn: (n: FakeNode) => string | undefined,
	): AsyncGenerator<NodeResult> {
		this.calls.push(op);
		for (const uid of uids) {
			const node = this.nodes.get(uid);
			const error = node ? fn(node) : 'Link does not exist';
			yield error ? {uid, ok: false, error} : {uid, ok: true};
		}
	}

	moveNodes(uids: string[], parentUid: string): AsyncGenerator<NodeResult> {
		return this.#each(uids, 'move', (n) => {
			for (const o of this.nodes.values()) {
				if (o.parentUid === parentUid && o.name === n.name && !o.trashTime)
					return 'A file or folder with that name already exists';
			}
			n.parentUid = parentUid;
			return undefined;
		});
	}

	trashNodes(uids: string[]): AsyncGenerator<NodeResult> {
		return this.#each(uids, 'trash', (n) => {
			n.trashTime = new Date();
			return undefined;
		});
	}

	restoreNodes(uids: string[]): AsyncGenerator<NodeResult> {
		return this.#each(uids, 'restore', (n) => {
			n.trashTime = undefined;
			return undefined;
		});
	}

	deleteNodes(uids: string[]): AsyncGenerator<NodeResult> {
		return this.#each(uids, 'delete', (n) => {
			if (!n.trashTime) return 'Only trashed items can be deleted';
			this.nodes.delete(n.uid);
			return undefined;
		});
	}

	async emptyTrash(): Promise<void> {
		this.calls.push('empty trash');
		for (const n of [...this.nodes.values()]) if (n.trashTime) this.nodes.delete(n.uid);
	}

	async getFileUploader(
		parentUid: string,
		name: string,
		metadata: UploadMetadata,
		signal?: AbortSignal,
	) {
		this.calls.push(`upload ${name}`);
		this.#assertFree(parentUid, name);
		return {
			uploadFromStream: async (
				stream: ReadableStream<Uint8Array>,
				_t: unknown[],
				onProgress?: (n: number) => void,
			) => {
				const chunks: Uint8Array[] = [];
				let total = 0;
				const completion = (async () => {
					for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) {
						if (signal?.aborted) throw Object.assign(new Error('aborted'), {name: 'AbortError'});
						chunks.push(chunk);
						total += chunk.length;
						onProgress?.(total);
					}
					if (total !== metadata.expectedSize) {
						throw Object.assign(new Error('Some file bytes failed to upload'), {
							name: 'IntegrityError',
						});
					}
					const content = Buffer.concat(chunks);
					const node = this.add({
						parentUid,
						name,
						type: 'file',
						content,
						modified: metadata.modificationTime,
						mediaType: metadata.mediaType,
					});
					return {nodeUid: node.uid, nodeRevisionUid: `${node.uid}~r1`};
				})();
				return {pause() {}, resume() {}, completion: () => completion};
			},
		};
	}

	async getFileDownloader(uid: string, signal?: AbortSignal) {
		this.calls.push(`download ${uid}`);
		const node = this.#get(uid);
		const content = node.content ?? new Uint8Array();
		return {
			getClaimedSizeInBytes: () => content.length,
			downloadToStream: (stream: WritableStream<Uint8Array>, onProgress?: (n: number) => void) => {
				const promise = (async () => {
					const writer = stream.getWriter();
					for (let offset = 0; offset < content.length; offset += this.downloadChunkBytes) {
						if (this.downloadChunkDelayMs)
							await new Promise((r) => setTimeout(r, this.downloadChunkDelayMs));
						if (signal?.aborted) throw Object.assign(new Error('aborted'), {name: 'AbortError'});
						const chunk = content.slice(offset, offset + this.downloadChunkBytes);
						await writer.write(chunk);
						onProgress?.(offset + chunk.length);
					}
					writer.releaseLock();
				})();
				return {
					pause() {},
					resume() {},
					completion: () => promise,
					isDownloadCompleteWithSignatureIssues: () => false,
				};
			},
		};
	}
}
