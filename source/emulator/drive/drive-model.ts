/** The emulator's Drive records (plain JSON so the whole state can be persisted). */

export const LINK_FOLDER = 1;
export const LINK_FILE = 2;
export const STATE_DRAFT = 0;
export const STATE_ACTIVE = 1;
export const STATE_TRASHED = 2;
export const REVISION_OBSOLETE = 2;

export interface VolumeRecord {
	id: string;
	userId: string;
	shareId: string;
	rootLinkId: string;
	createTime: number;
}

export interface ShareRecord {
	id: string;
	volumeId: string;
	rootLinkId: string;
	addressId: string;
	addressKeyId: string;
	creatorEmail: string;
	key: string;
	passphrase: string;
	passphraseSignature: string;
	createTime: number;
}

export interface LinkRecord {
	id: string;
	volumeId: string;
	type: 1 | 2;
	parentId: string | null;
	state: 0 | 1 | 2;
	createTime: number;
	modifyTime: number;
	trashTime: number | null;
	name: string;
	nameHash: string | null;
	nodeKey: string;
	nodePassphrase: string;
	nodePassphraseSignature: string;
	signatureEmail: string | null;
	nameSignatureEmail: string | null;
	/** Set on a share's root link. */
	shareId?: string;
	nodeHashKey?: string;
	folderXAttr?: string | null;
	contentKeyPacket?: string;
	contentKeyPacketSignature?: string | null;
	mediaType?: string | null;
	activeRevisionId?: string | null;
	revisionIds?: string[];
}

export interface BlockRecord {
	index: number;
	hash: string;
	size: number;
	encSignature: string | null;
	signatureEmail: string | null;
	verifierToken: string | null;
	/** Storage id (file name in the block store); set once the bytes arrived. */
	storedId: string | null;
}

export interface ThumbnailRecord {
	id: string;
	type: number;
	hash: string;
	size: number;
	storedId: string | null;
}

export interface RevisionRecord {
	id: string;
	linkId: string;
	state: 0 | 1 | 2;
	createTime: number;
	size: number;
	manifestSignature: string | null;
	xattr: string | null;
	signatureEmail: string | null;
	clientUid: string | null;
	blocks: BlockRecord[];
	thumbnails: ThumbnailRecord[];
}

export interface EventRecord {
	id: string;
	type: 0 | 1 | 2 | 3;
	linkId: string;
	parentLinkId: string | null;
	isTrashed: boolean;
	createTime: number;
}

export interface DriveData {
	volumes: Record<string, VolumeRecord>;
	shares: Record<string, ShareRecord>;
	links: Record<string, LinkRecord>;
	revisions: Record<string, RevisionRecord>;
	/** Event log per volume, oldest first. */
	events: Record<string, EventRecord[]>;
}

export function emptyDriveData(): DriveData {
	return {volumes: {}, shares: {}, links: {}, revisions: {}, events: {}};
}
