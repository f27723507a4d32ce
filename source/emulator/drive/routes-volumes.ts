import {ApiFailure, invalid, notFound, ok} from '../http/replies.js';
import type {Router} from '../http/router.js';
import type {DriveContext} from './drive-context.js';
import {linkDetailsDto, shareDto, volumeDto} from './drive-dto.js';
import type {LinkRecord, ShareRecord, VolumeRecord} from './drive-model.js';
import {newId, nowSeconds} from './ids.js';

/** Volume bootstrap, my-files, volume and share lookups (drive.md §4.1). */
export function registerVolumeRoutes(router: Router, drive: DriveContext): void {
	const usedSpace = (volume: VolumeRecord) =>
		Object.values(drive.data.revisions)
			.filter((r) => r.state !== 0 && drive.data.links[r.linkId]?.volumeId === volume.id)
			.reduce((sum, r) => sum + r.size, 0);

	router.get('/drive/v2/shares/my-files', async (ctx) => {
		const {userId} = await drive.user(ctx);
		const volume = drive.volumeOfUser(userId);
		// "No volume yet" must be 422 + 2501 (never HTTP 404), so the SDK bootstraps one.
		if (!volume) throw notFound('Volume does not exist');
		const share = drive.data.shares[volume.shareId] as ShareRecord;
		const root = drive.data.links[volume.rootLinkId] as LinkRecord;
		return ok({
			Volume: {VolumeID: volume.id, UsedSpace: usedSpace(volume)},
			Share: {
				ShareID: share.id,
				CreatorEmail: share.creatorEmail,
				Key: share.key,
				Passphrase: share.passphrase,
				PassphraseSignature: share.passphraseSignature,
				AddressID: share.addressId,
			},
			Link: linkDetailsDto(drive, root),
		});
	});

	router.post('/drive/volumes', async (ctx) => {
		const {userId} = await drive.user(ctx);
		if (drive.volumeOfUser(userId)) throw new ApiFailure(422, 2500, 'A volume is already active');
		const body = ctx.json ?? {};
		const address = (await drive.accounts.addressesOf(userId)).find((a) => a.id === body.AddressID);
		if (!address) throw invalid('Unknown address');
		for (const field of [
			'ShareKey',
			'SharePassphrase',
			'SharePassphraseSignature',
			'FolderName',
			'FolderKey',
			'FolderPassphrase',
			'FolderPassphraseSignature',
			'FolderHashKey',
		]) {
			if (typeof body[field] !== 'string' || !body[field]) throw invalid(`${field} is required`);
		}
		const now = nowSeconds();
		const volume: VolumeRecord = {
			id: newId(),
			userId,
			shareId: newId(),
			rootLinkId: newId(),
			createTime: now,
		};
		drive.data.volumes[volume.id] = volume;
		drive.data.shares[volume.shareId] = {
			id: volume.shareId,
			volumeId: volume.id,
			rootLinkId: volume.rootLinkId,
			addressId: address.id,
			addressKeyId: String(body.AddressKeyID ?? ''),
			creatorEmail: address.email,
			key: body.ShareKey,
			passphrase: body.SharePassphrase,
			passphraseSignature: body.SharePassphraseSignature,
			createTime: now,
		};
		drive.data.links[volume.rootLinkId] = {
			id: volume.rootLinkId,
			volumeId: volume.id,
			type: 1,
			parentId: null,
			state: 1,
			createTime: now,
			modifyTime: now,
			trashTime: null,
			name: body.FolderName,
			nameHash: null,
			nodeKey: body.FolderKey,
			nodePassphrase: body.FolderPassphrase,
			nodePassphraseSignature: body.FolderPassphraseSignature,
			// The request carries no email for the root: the server fills in the address's.
			signatureEmail: address.email,
			nameSignatureEmail: address.email,
			shareId: volume.shareId,
			nodeHashKey: body.FolderHashKey,
			folderXAttr: null,
		};
		drive.data.events[volume.id] = [];
		drive.store.changed();
		return ok({Volume: volumeDto(volume, 0)});
	});

	router.get('/drive/volumes', async (ctx) => {
		const {userId} = await drive.user(ctx);
		const volume = drive.volumeOfUser(userId);
		return ok({Volumes: volume ? [volumeDto(volume, usedSpace(volume))] : []});
	});

	router.get('/drive/volumes/:volumeId', async (ctx) => {
		const volume = await drive.volume(ctx, ctx.params.volumeId);
		return ok({Volume: volumeDto(volume, usedSpace(volume))});
	});

	router.get('/drive/shares/:shareId', async (ctx) => {
		const volume = await drive.volume(ctx);
		const share = drive.data.shares[ctx.params.shareId ?? ''];
		if (!share || share.volumeId !== volume.id) throw notFound('Share does not exist');
		return ok(shareDto(share));
	});
}
