import {ApiFailure, invalid, ok} from '../http/replies.js';
import type {RequestContext, Router} from '../http/router.js';
import type {DriveContext} from './drive-context.js';
import {linkDetailsDto} from './drive-dto.js';
import {type LinkRecord, STATE_ACTIVE, STATE_DRAFT, type VolumeRecord} from './drive-model.js';
import {newId, nowSeconds} from './ids.js';

const HASH = /^[0-9a-f]{64}$/;

export function requireHash(value: unknown, field = 'Hash'): string {
	if (typeof value !== 'string' || !HASH.test(value))
		throw invalid(`${field} must be a 64-char hex name hash`);
	return value;
}

export function requireArmored(value: unknown, field: string): string {
	if (typeof value !== 'string' || !value.includes('-----BEGIN PGP'))
		throw invalid(`${field} must be armored`);
	return value;
}

/** The signer email must be one of the caller's addresses (the real API answers 2001 otherwise). */
export async function requireOwnEmail(
	drive: DriveContext,
	ctx: RequestContext,
	email: unknown,
): Promise<string> {
	const {userId} = await drive.user(ctx);
	if (typeof email !== 'string' || !(await drive.emailsOf(userId)).includes(email)) {
		throw invalid('Signature email is not an address of this user');
	}
	return email;
}

/** Batch load, children listing, folder creation, available hashes, rename and move (drive.md §4.2–4.6). */
/** The fields every new link takes from a create request (folder or file draft). */
export function newLinkFields(
	body: Record<string, any>,
	where: {volumeId: string; parentId: string; hash: string; email: string},
): Omit<LinkRecord, 'type' | 'state'> {
	const now = nowSeconds();
	return {
		id: newId(),
		volumeId: where.volumeId,
		parentId: where.parentId,
		createTime: now,
		modifyTime: now,
		trashTime: null,
		name: requireArmored(body.Name, 'Name'),
		nameHash: where.hash,
		nodeKey: requireArmored(body.NodeKey, 'NodeKey'),
		nodePassphrase: requireArmored(body.NodePassphrase, 'NodePassphrase'),
		nodePassphraseSignature: requireArmored(
			body.NodePassphraseSignature,
			'NodePassphraseSignature',
		),
		signatureEmail: where.email,
		nameSignatureEmail: where.email,
	};
}

export function registerLinkRoutes(router: Router, drive: DriveContext): void {
	const P = '/drive/v2/volumes/:volumeId';

	router.post(`${P}/links`, async (ctx) => {
		const volume = await drive.volume(ctx, ctx.params.volumeId);
		const ids: unknown = ctx.json?.LinkIDs;
		if (!Array.isArray(ids) || ids.length > 100)
			throw invalid('LinkIDs must be a list of at most 100 IDs');
		const links = ids
			.map((id) => (typeof id === 'string' ? drive.data.links[id] : undefined))
			// Drafts are never returned: SDK 0.9.9 cannot load a file without an active revision.
			.filter((l): l is LinkRecord => !!l && l.volumeId === volume.id && l.state !== STATE_DRAFT);
		return ok({Links: links.map((l) => linkDetailsDto(drive, l))});
	});

	router.get(`${P}/folders/:linkId/children`, async (ctx) => {
		const volume = await drive.volume(ctx, ctx.params.volumeId);
		const folder = drive.folder(volume, ctx.params.linkId);
		const foldersOnly = ctx.query.get('FoldersOnly') === '1';
		const anchor = ctx.query.get('AnchorID');
		const all = drive
			.children(folder.id, [STATE_ACTIVE])
			.filter((l) => !foldersOnly || l.type === 1)
			.map((l) => l.id)
			.sort();
		const from = anchor ? all.filter((id) => id > anchor) : all;
		const page = from.slice(0, drive.switches.childrenPageSize);
		const more = from.length > page.length;
		return ok({LinkIDs: page, More: more, AnchorID: more ? (page.at(-1) ?? null) : null});
	});

	router.post(`${P}/folders`, async (ctx) => {
		const volume = await drive.volume(ctx, ctx.params.volumeId);
		const body = ctx.json ?? {};
		const parent = drive.folder(volume, body.ParentLinkID);
		const hash = requireHash(body.Hash);
		const email = await requireOwnEmail(drive, ctx, body.SignatureEmail);
		const taken = drive.nameTaken(parent.id, hash);
		if (taken) throw drive.conflict(taken);
		const link: LinkRecord = {
			...newLinkFields(body, {volumeId: volume.id, parentId: parent.id, hash, email}),
			type: 1,
			state: STATE_ACTIVE,
			nodeHashKey: requireArmored(body.NodeHashKey, 'NodeHashKey'),
			folderXAttr: typeof body.XAttr === 'string' ? body.XAttr : null,
		};
		drive.data.links[link.id] = link;
		drive.emit(volume.id, 1, link);
		drive.store.changed();
		return ok({Folder: {ID: link.id}});
	});

	router.post(`${P}/links/:linkId/checkAvailableHashes`, async (ctx) => {
		const volume = await drive.volume(ctx, ctx.params.volumeId);
		const folder = drive.folder(volume, ctx.params.linkId);
		const hashes: unknown = ctx.json?.Hashes;
		if (!Array.isArray(hashes)) throw invalid('Hashes must be a list');
		const ownClients: unknown[] = Array.isArray(ctx.json?.ClientUID) ? ctx.json.ClientUID : [];
		const siblings = drive.children(folder.id, [STATE_ACTIVE, STATE_DRAFT]);
		const byHash = new Map(siblings.map((l) => [l.nameHash, l]));
		const pending = [];
		for (const hash of hashes) {
			const link = byHash.get(hash);
			const draft = link && link.state === STATE_DRAFT ? drive.draftRevisionOf(link) : undefined;
			if (link && draft && !ownClients.includes(draft.clientUid)) {
				pending.push({
					Hash: hash,
					RevisionID: draft.id,
					LinkID: link.id,
					ClientUID: draft.clientUid,
				});
			}
		}
		return ok({AvailableHashes: hashes.filter((h) => !byHash.has(h)), PendingHashes: pending});
	});

	router.put(`${P}/links/:linkId/rename`, async (ctx) => {
		const volume = await drive.volume(ctx, ctx.params.volumeId);
		const link = drive.link(volume, ctx.params.linkId);
		const body = ctx.json ?? {};
		const email = await requireOwnEmail(drive, ctx, body.NameSignatureEmail);
		const name = requireArmored(body.Name, 'Name');
		if (link.parentId === null) {
			applyName(link, name, null, email);
		} else {
			checkOriginalHash(link, body.OriginalHash);
			const hash = requireHash(body.Hash);
			const taken = drive.nameTaken(link.parentId, hash, link.id);
			if (taken) throw drive.conflict(taken);
			applyName(link, name, hash, email);
		}
		drive.emit(volume.id, 2, link);
		drive.store.changed();
		return ok();
	});

	router.put(`${P}/links/:linkId/move`, async (ctx) => {
		const volume = await drive.volume(ctx, ctx.params.volumeId);
		const link = drive.link(volume, ctx.params.linkId);
		const body = ctx.json ?? {};
		if (link.parentId === null) throw new ApiFailure(422, 2000, 'A root folder cannot be moved');
		const parent = drive.folder(volume, body.ParentLinkID);
		if (isInside(drive, volume, parent, link.id))
			throw new ApiFailure(422, 2000, 'Cannot move a folder into itself');
		checkOriginalHash(link, body.OriginalHash);
		const email = await requireOwnEmail(drive, ctx, body.NameSignatureEmail);
		const hash = requireHash(body.Hash);
		const taken = drive.nameTaken(parent.id, hash, link.id);
		if (taken) throw drive.conflict(taken);
		link.parentId = parent.id;
		link.nodePassphrase = requireArmored(body.NodePassphrase, 'NodePassphrase');
		if (typeof body.NodePassphraseSignature === 'string') {
			link.nodePassphraseSignature = body.NodePassphraseSignature;
			link.signatureEmail =
				typeof body.SignatureEmail === 'string' ? body.SignatureEmail : link.signatureEmail;
		}
		applyName(link, requireArmored(body.Name, 'Name'), hash, email);
		drive.emit(volume.id, 2, link);
		drive.store.changed();
		return ok();
	});
}

function applyName(link: LinkRecord, name: string, hash: string | null, email: string) {
	link.name = name;
	link.nameHash = hash;
	link.nameSignatureEmail = email;
	link.modifyTime = nowSeconds();
}

/** Rename/move carry the hash the client believes current; a mismatch means it is out of sync (2000). */
function checkOriginalHash(link: LinkRecord, originalHash: unknown) {
	if (originalHash !== null && originalHash !== undefined && originalHash !== link.nameHash) {
		throw new ApiFailure(422, 2000, 'The link was changed in the meantime');
	}
}

function isInside(
	drive: DriveContext,
	volume: VolumeRecord,
	folder: LinkRecord,
	ancestorId: string,
): boolean {
	let current: LinkRecord | undefined = folder;
	while (current) {
		if (current.id === ancestorId) return true;
		current = current.parentId ? drive.data.links[current.parentId] : undefined;
		if (current && current.volumeId !== volume.id) return false;
	}
	return false;
}
