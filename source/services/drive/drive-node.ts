import type {Author, DegradedNode, MaybeNode, NodeEntity, Revision} from '@protontech/drive-sdk';
import {invalidNameReason} from './node-name.js';

/** One file or folder as the UI sees it. Sizes are original (plaintext) sizes. */
export interface DriveNode {
	uid: string;
	parentUid?: string;
	name: string;
	type: 'file' | 'folder';
	/** Original size (the size the uploader claimed), never the encrypted storage size. */
	size?: number;
	modified?: Date;
	sha1?: string;
	mediaType?: string;
	trashed?: Date;
	/** Decrypt / verify problem; the node is still listed. */
	warning?: string;
}

function message(error: unknown): string {
	if (error instanceof Error) return error.message;
	if (typeof error === 'string') return error;
	if (error && typeof error === 'object' && 'error' in error) {
		return String((error as {error: unknown}).error);
	}
	return String(error);
}

function authorWarning(label: string, author: Author | undefined): string | undefined {
	if (!author || author.ok) return undefined;
	const claimed = author.error.claimedAuthor;
	const who = claimed ? ` (claimed author ${claimed})` : '';
	return `${label} signature could not be verified${who}: ${author.error.error}`;
}

/** Short, stable placeholder for a node whose name cannot be decrypted. */
export function undecryptableName(uid: string): string {
	const linkId = uid.includes('~') ? uid.slice(uid.lastIndexOf('~') + 1) : uid;
	return `⚠ undecryptable ${linkId.slice(0, 8)}`;
}

function mapType(type: string): 'file' | 'folder' {
	return type === 'folder' || type === 'album' ? 'folder' : 'file';
}

function revisionFields(revision: Revision | undefined): Partial<DriveNode> {
	if (!revision) return {};
	return {
		size: revision.claimedSize,
		modified: revision.claimedModificationTime,
		sha1: revision.claimedDigests?.sha1,
	};
}

function baseFields(node: NodeEntity | DegradedNode): DriveNode {
	const type = mapType(node.type);
	const out: DriveNode = {uid: node.uid, name: '', type};
	if (node.parentUid) out.parentUid = node.parentUid;
	if (node.mediaType && type === 'file') out.mediaType = node.mediaType;
	if (node.trashTime) out.trashed = node.trashTime;
	const folderTime = node.folder?.claimedModificationTime;
	if (type === 'folder') out.modified = folderTime ?? node.modificationTime;
	return out;
}

function withoutUndefined(node: DriveNode): DriveNode {
	for (const key of Object.keys(node) as (keyof DriveNode)[]) {
		if (node[key] === undefined) delete node[key];
	}
	return node;
}

/** Maps an SDK node (healthy or degraded) to a DriveNode; never throws for degraded nodes. */
export function toDriveNode(maybe: MaybeNode): DriveNode {
	const warnings: string[] = [];
	let node: DriveNode;
	if (maybe.ok) {
		const entity = maybe.value;
		node = baseFields(entity);
		node.name = entity.name;
		if (node.type === 'file') {
			Object.assign(node, revisionFields(entity.activeRevision));
			node.modified ??= entity.modificationTime;
		}
		warnings.push(
			...[
				authorWarning('Key', entity.keyAuthor),
				authorWarning('Name', entity.nameAuthor),
				authorWarning('Content', entity.activeRevision?.contentAuthor),
			].filter((w): w is string => w !== undefined),
		);
	} else {
		const degraded = maybe.error;
		node = baseFields(degraded);
		if (degraded.name.ok) {
			node.name = degraded.name.value;
		} else {
			const nameError = degraded.name.error;
			if (
				nameError &&
				typeof nameError === 'object' &&
				'name' in nameError &&
				!(nameError instanceof Error)
			) {
				// The name decrypted but is not a valid name (e.g. contains '/').
				node.name = nameError.name;
				warnings.push(`Invalid name: ${nameError.error}`);
			} else {
				node.name = undecryptableName(degraded.uid);
				warnings.push(`Name could not be decrypted: ${message(nameError)}`);
			}
		}
		if (node.type === 'file') {
			const revision = degraded.activeRevision;
			if (revision?.ok) {
				Object.assign(node, revisionFields(revision.value));
				warnings.push(
					...[authorWarning('Content', revision.value.contentAuthor)].filter(
						(w): w is string => w !== undefined,
					),
				);
			} else if (revision) {
				warnings.push(`File details could not be decrypted: ${message(revision.error)}`);
			}
			node.modified ??= degraded.modificationTime;
		}
		warnings.push(
			...[
				authorWarning('Key', degraded.keyAuthor),
				authorWarning('Name', degraded.nameAuthor),
			].filter((w): w is string => w !== undefined),
		);
		for (const error of degraded.errors ?? []) warnings.push(message(error));
		if (warnings.length === 0) warnings.push('Node could not be fully decrypted');
	}
	const invalid = invalidNameReason(node.name);
	if (invalid) warnings.push(`Invalid name: ${invalid}`);
	if (warnings.length > 0) node.warning = [...new Set(warnings)].join('; ');
	return withoutUndefined(node);
}
