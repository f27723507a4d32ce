import * as openpgp from 'openpgp';
import type {RevisionRecord} from './drive-model.js';

/** Manifest = SHA-256 digests of thumbnails (by Type) then of blocks (by Index), concatenated (drive.md §2.11). */
export function manifestOf(revision: RevisionRecord): Uint8Array {
	const thumbnails = [...revision.thumbnails]
		.filter((t) => t.storedId)
		.sort((a, b) => a.type - b.type);
	const blocks = [...revision.blocks].sort((a, b) => a.index - b.index);
	const parts = [...thumbnails, ...blocks].map((item) => Buffer.from(item.hash, 'base64'));
	return new Uint8Array(Buffer.concat(parts));
}

/** True when the armored detached signature over the manifest verifies with one of the armored public keys. */
export async function manifestSignatureValid(
	revision: RevisionRecord,
	armoredSignature: string,
	armoredKeys: string[],
): Promise<boolean> {
	try {
		const signature = await openpgp.readSignature({armoredSignature});
		const verificationKeys = await Promise.all(
			armoredKeys.map((armoredKey) => openpgp.readKey({armoredKey})),
		);
		if (verificationKeys.length === 0) return false;
		const message = await openpgp.createMessage({binary: manifestOf(revision)});
		const result = await openpgp.verify({
			message,
			signature,
			verificationKeys,
			config: {knownNotations: ['context@proton.ch']},
		});
		for (const sig of result.signatures) {
			try {
				await sig.verified;
				return true;
			} catch {
				// try the next signature
			}
		}
		return false;
	} catch {
		return false;
	}
}
