import {ApiFailure, invalid, ok} from '../http/replies.js';
import type {Router} from '../http/router.js';
import type {DriveContext} from './drive-context.js';
import {revisionDto} from './drive-dto.js';
import {
	type LinkRecord,
	REVISION_OBSOLETE,
	type RevisionRecord,
	STATE_ACTIVE,
	STATE_DRAFT,
	STATE_TRASHED,
} from './drive-model.js';
import {newId, nowSeconds} from './ids.js';
import {manifestSignatureValid} from './manifest-check.js';
import {multiResponse} from './multi-response.js';
import {newLinkFields, requireArmored, requireHash, requireOwnEmail} from './routes-links.js';

/** File drafts, revisions (create, verify, commit, read, delete) — drive.md §4.3–4.5. */
export function registerFileRoutes(router: Router, drive: DriveContext): void {
	const P = '/drive/v2/volumes/:volumeId';

	const newRevision = (link: LinkRecord, clientUid: unknown): RevisionRecord => {
		const revision: RevisionRecord = {
			id: newId(),
			linkId: link.id,
			state: STATE_DRAFT,
			createTime: nowSeconds(),
			size: 0,
			manifestSignature: null,
			xattr: null,
			signatureEmail: null,
			clientUid: typeof clientUid === 'string' ? clientUid : null,
			blocks: [],
			thumbnails: [],
		};
		drive.data.revisions[revision.id] = revision;
		link.revisionIds = [...(link.revisionIds ?? []), revision.id];
		return revision;
	};

	router.post(`${P}/files`, async (ctx) => {
		const volume = await drive.volume(ctx, ctx.params.volumeId);
		const body = ctx.json ?? {};
		const parent = drive.folder(volume, body.ParentLinkID);
		const hash = requireHash(body.Hash);
		const email = await requireOwnEmail(drive, ctx, body.SignatureAddress);
		const taken = drive.nameTaken(parent.id, hash);
		if (taken) throw drive.conflict(taken);
		if (
			typeof body.ContentKeyPacket !== 'string' ||
			Buffer.from(body.ContentKeyPacket, 'base64').length < 32
		) {
			throw invalid('ContentKeyPacket is invalid');
		}
		const link: LinkRecord = {
			...newLinkFields(body, {volumeId: volume.id, parentId: parent.id, hash, email}),
			type: 2,
			state: STATE_DRAFT,
			contentKeyPacket: body.ContentKeyPacket,
			contentKeyPacketSignature:
				typeof body.ContentKeyPacketSignature === 'string' ? body.ContentKeyPacketSignature : null,
			mediaType: typeof body.MIMEType === 'string' ? body.MIMEType : null,
			activeRevisionId: null,
			revisionIds: [],
		};
		drive.data.links[link.id] = link;
		const revision = newRevision(link, body.ClientUID);
		drive.store.changed();
		return ok({File: {ID: link.id, RevisionID: revision.id, ClientUID: revision.clientUid}});
	});

	router.post(`${P}/files/:linkId/revisions`, async (ctx) => {
		const volume = await drive.volume(ctx, ctx.params.volumeId);
		const link = drive.link(volume, ctx.params.linkId);
		if (link.type !== 2) throw new ApiFailure(422, 2511, 'Only files have revisions');
		const body = ctx.json ?? {};
		if (body.CurrentRevisionID !== link.activeRevisionId) {
			throw new ApiFailure(422, 2000, 'CurrentRevisionID is not the active revision');
		}
		const draft = drive.draftRevisionOf(link);
		if (draft) {
			throw new ApiFailure(409, 2500, 'A draft revision already exists', {
				ConflictLinkID: link.id,
				ConflictRevisionID: link.activeRevisionId,
				ConflictDraftRevisionID: draft.id,
				ConflictDraftClientUID: draft.clientUid,
			});
		}
		const revision = newRevision(link, body.ClientUID);
		drive.store.changed();
		return ok({Revision: {ID: revision.id}});
	});

	router.get(`${P}/links/:linkId/revisions/:revisionId/verification`, async (ctx) => {
		const volume = await drive.volume(ctx, ctx.params.volumeId);
		const link = drive.link(volume, ctx.params.linkId, [STATE_DRAFT, STATE_ACTIVE]);
		drive.revision(link, ctx.params.revisionId, [STATE_DRAFT]);
		return ok({
			VerificationCode: verificationCodeOf(link).toString('base64'),
			ContentKeyPacket: link.contentKeyPacket,
		});
	});

	router.get(`${P}/files/:linkId/revisions`, async (ctx) => {
		const volume = await drive.volume(ctx, ctx.params.volumeId);
		const link = drive.link(volume, ctx.params.linkId, [STATE_ACTIVE, STATE_TRASHED]);
		const revisions = (link.revisionIds ?? [])
			.map((id) => drive.data.revisions[id])
			.filter((r): r is RevisionRecord => !!r && r.state !== STATE_DRAFT);
		return ok({Revisions: revisions.map(revisionDto)});
	});

	router.get(`${P}/files/:linkId/revisions/:revisionId`, async (ctx) => {
		const volume = await drive.volume(ctx, ctx.params.volumeId);
		const link = drive.link(volume, ctx.params.linkId, [STATE_DRAFT, STATE_ACTIVE, STATE_TRASHED]);
		const revision = drive.revision(link, ctx.params.revisionId);
		const from = Math.max(1, Number(ctx.query.get('FromBlockIndex') ?? 1) || 1);
		const pageSize = Math.min(Math.max(1, Number(ctx.query.get('PageSize') ?? 20) || 20), 1000);
		const noUrls = ctx.query.get('NoBlockUrls') === 'true' || ctx.query.get('NoBlockUrls') === '1';
		const blocks = noUrls
			? []
			: revision.blocks
					.filter((b) => b.storedId && b.index >= from)
					.sort((a, b) => a.index - b.index)
					.slice(0, pageSize)
					.map((b) => {
						const slot = newId();
						const token = drive.tokens.issue({
							kind: 'download',
							slot,
							storedId: b.storedId as string,
						});
						const url = drive.storageUrl(slot);
						return {
							Index: b.index,
							Hash: b.hash,
							Token: token,
							BareURL: url,
							URL: url,
							EncSignature: b.encSignature,
							SignatureEmail: b.signatureEmail,
						};
					});
		return ok({Revision: {...revisionDto(revision), Blocks: blocks}});
	});

	router.put(`${P}/files/:linkId/revisions/:revisionId`, async (ctx) => {
		const volume = await drive.volume(ctx, ctx.params.volumeId);
		const link = drive.link(volume, ctx.params.linkId, [STATE_DRAFT, STATE_ACTIVE]);
		const revision = drive.revision(link, ctx.params.revisionId, [STATE_DRAFT]);
		const body = ctx.json ?? {};
		const email = await requireOwnEmail(drive, ctx, body.SignatureAddress);
		const signature = requireArmored(body.ManifestSignature, 'ManifestSignature');
		const missing = revision.blocks.filter((b) => !b.storedId);
		const indices = revision.blocks.map((b) => b.index).sort((a, b) => a - b);
		if (missing.length > 0 || indices.some((index, i) => index !== i + 1)) {
			throw new ApiFailure(422, 2000, 'Not all blocks were uploaded');
		}
		revision.thumbnails = revision.thumbnails.filter((t) => t.storedId);
		const keys = await drive.accounts.publicKeysForEmail(email);
		if (!(await manifestSignatureValid(revision, signature, keys))) {
			throw invalid('Invalid manifest signature');
		}
		revision.manifestSignature = signature;
		revision.signatureEmail = email;
		revision.xattr = typeof body.XAttr === 'string' ? body.XAttr : null;
		revision.size = [...revision.blocks, ...revision.thumbnails].reduce(
			(sum, b) => sum + b.size,
			0,
		);
		revision.state = STATE_ACTIVE;
		const previous = link.activeRevisionId
			? drive.data.revisions[link.activeRevisionId]
			: undefined;
		if (previous) previous.state = REVISION_OBSOLETE;
		link.activeRevisionId = revision.id;
		link.modifyTime = nowSeconds();
		const created = link.state === STATE_DRAFT;
		link.state = STATE_ACTIVE;
		drive.emit(volume.id, created ? 1 : 2, link);
		drive.store.changed();
		return ok();
	});

	router.delete(`${P}/files/:linkId/revisions/:revisionId`, async (ctx) => {
		const volume = await drive.volume(ctx, ctx.params.volumeId);
		const link = drive.link(volume, ctx.params.linkId, [STATE_DRAFT, STATE_ACTIVE, STATE_TRASHED]);
		const revision = drive.revision(link, ctx.params.revisionId);
		if (revision.state === STATE_ACTIVE)
			throw new ApiFailure(422, 2511, 'The active revision cannot be deleted');
		await drive.destroyRevision(revision.id);
		drive.store.changed();
		return ok();
	});

	router.post(`${P}/delete_multiple`, async (ctx) => {
		const volume = await drive.volume(ctx, ctx.params.volumeId);
		return multiResponse(ctx.json?.LinkIDs, async (id) => {
			const link = drive.link(volume, id, [STATE_DRAFT]);
			await drive.destroy(link);
		}).finally(() => drive.store.changed());
	});
}

/** VerificationCode = last 32 bytes of the binary ContentKeyPacket (drive.md §2.10). */
export function verificationCodeOf(link: LinkRecord): Buffer {
	const packet = Buffer.from(link.contentKeyPacket ?? '', 'base64');
	return packet.subarray(Math.max(0, packet.length - 32));
}
