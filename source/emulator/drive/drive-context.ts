import {ApiFailure, notFound} from '../http/replies.js';
import type {RequestContext} from '../http/router.js';
import type {BlockStore} from './block-store.js';
import {
	type EventRecord,
	type LinkRecord,
	type RevisionRecord,
	STATE_ACTIVE,
	STATE_DRAFT,
	STATE_TRASHED,
	type VolumeRecord,
} from './drive-model.js';
import type {DriveStore} from './drive-store.js';
import {newId, nowSeconds} from './ids.js';
import type {StorageTokens} from './storage-tokens.js';

/** What the Drive side needs from the account side of the emulator. */
export interface DriveAccounts {
	/** Throws ApiFailure (401/403) for unauthenticated requests. */
	authenticate(
		ctx: RequestContext,
	): {uid: string; userId: string} | Promise<{uid: string; userId: string}>;
	addressesOf(
		userId: string,
	): {id: string; email: string}[] | Promise<{id: string; email: string}[]>;
	/** Armored public keys of an address (empty for unknown emails). */
	publicKeysForEmail(email: string): string[] | Promise<string[]>;
}

export interface DriveSwitches {
	/** Page size of children listings (the real API uses 150). */
	childrenPageSize: number;
	/** Page size of the trash listing. */
	trashPageSize: number;
	/** Lifetime of storage tokens in seconds. */
	storageTokenSeconds: number;
	/** Milliseconds every block upload and download waits before it is answered (slow storage). */
	storageDelayMs: number;
}

/** Shared state and helpers of all Drive route groups. */
export class DriveContext {
	/** Storage requests held by `storageDelayMs`; calling one lets its request go on at once. */
	readonly heldStorage = new Set<() => void>();

	constructor(
		readonly accounts: DriveAccounts,
		readonly store: DriveStore,
		readonly blocks: BlockStore,
		readonly tokens: StorageTokens,
		readonly switches: DriveSwitches,
		readonly publicUrl: () => string,
	) {}

	get data() {
		return this.store.data;
	}

	async user(ctx: RequestContext): Promise<{uid: string; userId: string}> {
		return this.accounts.authenticate(ctx);
	}

	volumeOfUser(userId: string): VolumeRecord | undefined {
		return Object.values(this.data.volumes).find((v) => v.userId === userId);
	}

	/** The caller's volume; `volumeId` (from the path) must be it. */
	async volume(ctx: RequestContext, volumeId?: string): Promise<VolumeRecord> {
		const {userId} = await this.user(ctx);
		const volume = this.volumeOfUser(userId);
		if (!volume || (volumeId !== undefined && volume.id !== volumeId))
			throw notFound('Volume does not exist');
		return volume;
	}

	/** A link of the volume in any of the given states, else 422/2501. */
	link(volume: VolumeRecord, linkId: unknown, states: number[] = [STATE_ACTIVE]): LinkRecord {
		const link = typeof linkId === 'string' ? this.data.links[linkId] : undefined;
		if (!link || link.volumeId !== volume.id || !states.includes(link.state))
			throw notFound('Link does not exist');
		return link;
	}

	folder(volume: VolumeRecord, linkId: unknown): LinkRecord {
		const link = this.link(volume, linkId);
		if (link.type !== 1) throw new ApiFailure(422, 2000, 'Parent is not a folder');
		return link;
	}

	revision(link: LinkRecord, revisionId: unknown, states: number[] = [0, 1, 2]): RevisionRecord {
		const revision = typeof revisionId === 'string' ? this.data.revisions[revisionId] : undefined;
		if (!revision || revision.linkId !== link.id || !states.includes(revision.state)) {
			throw notFound('Revision does not exist');
		}
		return revision;
	}

	children(parentId: string, states: number[]): LinkRecord[] {
		return Object.values(this.data.links).filter(
			(l) => l.parentId === parentId && states.includes(l.state),
		);
	}

	/** The active or draft sibling using this name hash (the uniqueness rule), if any. */
	nameTaken(parentId: string, hash: string, exceptLinkId?: string): LinkRecord | undefined {
		return this.children(parentId, [STATE_ACTIVE, STATE_DRAFT]).find(
			(l) => l.nameHash === hash && l.id !== exceptLinkId,
		);
	}

	/** 422/2500 with the details the SDK reads. */
	conflict(existing: LinkRecord): ApiFailure {
		const draft = this.draftRevisionOf(existing);
		return new ApiFailure(422, 2500, 'A file or folder with that name already exists', {
			ConflictLinkID: existing.id,
			ConflictRevisionID: existing.activeRevisionId ?? null,
			ConflictDraftRevisionID: draft?.id ?? null,
			ConflictDraftClientUID: draft?.clientUid ?? null,
			RevisionID: draft?.id ?? null,
		});
	}

	draftRevisionOf(link: LinkRecord): RevisionRecord | undefined {
		return (link.revisionIds ?? [])
			.map((id) => this.data.revisions[id])
			.find((r) => r?.state === STATE_DRAFT);
	}

	async emailsOf(userId: string): Promise<string[]> {
		return (await this.accounts.addressesOf(userId)).map((a) => a.email);
	}

	emit(volumeId: string, type: EventRecord['type'], link: LinkRecord): void {
		this.data.events[volumeId] ??= [];
		const log = this.data.events[volumeId];
		log.push({
			id: newId(),
			type,
			linkId: link.id,
			parentLinkId: link.parentId,
			isTrashed: link.state === STATE_TRASHED,
			createTime: nowSeconds(),
		});
		if (log.length > 5000) log.splice(0, log.length - 5000);
	}

	/** Removes a link, its subtree, revisions and stored bytes. */
	async destroy(link: LinkRecord): Promise<void> {
		for (const child of Object.values(this.data.links).filter((l) => l.parentId === link.id)) {
			await this.destroy(child);
		}
		for (const revisionId of link.revisionIds ?? []) await this.destroyRevision(revisionId);
		delete this.data.links[link.id];
		this.emit(link.volumeId, 0, link);
	}

	async destroyRevision(revisionId: string): Promise<void> {
		const revision = this.data.revisions[revisionId];
		if (!revision) return;
		for (const block of revision.blocks) await this.blocks.remove(block.storedId);
		for (const thumbnail of revision.thumbnails) await this.blocks.remove(thumbnail.storedId);
		delete this.data.revisions[revisionId];
		const link = this.data.links[revision.linkId];
		if (link?.revisionIds) link.revisionIds = link.revisionIds.filter((id) => id !== revisionId);
	}

	storageUrl(storageId: string): string {
		return `${this.publicUrl()}/storage/blocks/${storageId}`;
	}
}
