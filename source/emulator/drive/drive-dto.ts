import type {DriveContext} from './drive-context.js';
import type {LinkRecord, RevisionRecord, ShareRecord, VolumeRecord} from './drive-model.js';

/** Wire shapes of the v2 API (drive.md §3.3, §4.1). */

export function volumeDto(volume: VolumeRecord, usedSpace: number) {
	return {
		ID: volume.id,
		VolumeID: volume.id,
		CreateTime: volume.createTime,
		ModifyTime: volume.createTime,
		CreationTime: volume.createTime,
		UsedSpace: usedSpace,
		DownloadedBytes: 0,
		UploadedBytes: 0,
		State: 1,
		Type: 1,
		MaxSpace: 5 * 1024 ** 3,
		Share: {ShareID: volume.shareId, ID: volume.shareId, LinkID: volume.rootLinkId},
	};
}

export function shareDto(share: ShareRecord) {
	return {
		ShareID: share.id,
		ID: share.id,
		VolumeID: share.volumeId,
		Type: 1,
		State: 1,
		VolumeType: 1,
		Creator: share.creatorEmail,
		CreatorEmail: share.creatorEmail,
		Locked: false,
		CreateTime: share.createTime,
		ModifyTime: share.createTime,
		CreationTime: share.createTime,
		LinkID: share.rootLinkId,
		LinkType: 1,
		Key: share.key,
		Passphrase: share.passphrase,
		PassphraseSignature: share.passphraseSignature,
		AddressID: share.addressId,
		AddressKeyID: share.addressKeyId,
		Memberships: [],
		PermissionsMask: 0,
		Flags: 1,
		BlockSize: 4 * 1024 * 1024,
		VolumeSoftDeleted: false,
		PossibleKeyPackets: [],
	};
}

export function linkDto(link: LinkRecord) {
	return {
		LinkID: link.id,
		Type: link.type,
		ParentLinkID: link.parentId,
		State: link.state,
		CreateTime: link.createTime,
		ModifyTime: link.modifyTime,
		TrashTime: link.trashTime,
		Name: link.name,
		NameHash: link.nameHash,
		NodeKey: link.nodeKey,
		NodePassphrase: link.nodePassphrase,
		NodePassphraseSignature: link.nodePassphraseSignature,
		SignatureEmail: link.signatureEmail,
		NameSignatureEmail: link.nameSignatureEmail,
		DirectPermissions: null,
	};
}

function thumbnailsDto(revision: RevisionRecord, sizeField: 'EncryptedSize' | 'Size') {
	return revision.thumbnails
		.filter((t) => t.storedId)
		.map((t) => ({ThumbnailID: t.id, Type: t.type, Hash: t.hash, [sizeField]: t.size}));
}

export function linkDetailsDto(drive: DriveContext, link: LinkRecord) {
	let file = null;
	if (link.type === 2) {
		const active = link.activeRevisionId ? drive.data.revisions[link.activeRevisionId] : undefined;
		const total = (link.revisionIds ?? [])
			.map((id) => drive.data.revisions[id])
			.filter((r) => r && r.state !== 0)
			.reduce((sum, r) => sum + (r?.size ?? 0), 0);
		file = {
			ActiveRevision: active
				? {
						RevisionID: active.id,
						CreateTime: active.createTime,
						EncryptedSize: active.size,
						ManifestSignature: active.manifestSignature,
						XAttr: active.xattr,
						SignatureEmail: active.signatureEmail,
						Thumbnails: thumbnailsDto(active, 'EncryptedSize'),
						Photo: null,
					}
				: null,
			TotalEncryptedSize: total,
			ContentKeyPacket: link.contentKeyPacket,
			ContentKeyPacketSignature: link.contentKeyPacketSignature ?? null,
			MediaType: link.mediaType ?? null,
		};
	}
	return {
		Link: linkDto(link),
		Folder:
			link.type === 1 ? {NodeHashKey: link.nodeHashKey, XAttr: link.folderXAttr ?? null} : null,
		File: file,
		Album: null,
		Sharing: link.shareId ? {ShareID: link.shareId, ShareURLID: null} : null,
		Membership: null,
	};
}

export function revisionDto(revision: RevisionRecord) {
	return {
		ID: revision.id,
		State: revision.state,
		Size: revision.size,
		ManifestSignature: revision.manifestSignature,
		XAttr: revision.xattr,
		SignatureEmail: revision.signatureEmail,
		SignatureAddress: revision.signatureEmail,
		CreateTime: revision.createTime,
		ClientUID: revision.clientUid,
		Thumbnail: revision.thumbnails.some((t) => t.storedId) ? 1 : 0,
		ThumbnailHash: null,
		ThumbnailSize: 0,
		Thumbnails: thumbnailsDto(revision, 'Size'),
		Photo: null,
	};
}
