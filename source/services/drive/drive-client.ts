import type {ProtonDriveClient} from '@protontech/drive-sdk';

/**
 * The part of the SDK's ProtonDriveClient the Drive service uses. Tests may pass a fake that
 * implements just this.
 */
export type DriveClient = Pick<
	ProtonDriveClient,
	| 'getMyFilesRootFolder'
	| 'iterateFolderChildren'
	| 'iterateTrashedNodes'
	| 'getNode'
	| 'createFolder'
	| 'renameNode'
	| 'moveNodes'
	| 'trashNodes'
	| 'restoreNodes'
	| 'deleteNodes'
	| 'emptyTrash'
	| 'getFileUploader'
	| 'getFileDownloader'
>;
