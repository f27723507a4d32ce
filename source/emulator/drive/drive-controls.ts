import * as openpgp from 'openpgp';
import type {DriveContext} from './drive-context.js';
import type {LinkRecord} from './drive-model.js';

/** Test switches for the Drive side (exposed as `EmulatorDrive.controls`). */
export interface DriveControls {
	/** Children page size (the real API uses 150). */
	setChildrenPageSize(size: number): void;
	/** Flips a byte inside the encrypted name: the SDK cannot decrypt it and reports a degraded node. */
	corruptNodeName(linkId: string): Promise<void>;
	/** Claims another signer for the name: the name still decrypts but its signature does not verify. */
	corruptNodeNameSignature(linkId: string): void;
	/** Flips a byte of the detached node passphrase signature: the key author becomes unverified. */
	corruptNodePassphraseSignature(linkId: string): Promise<void>;
	/** Every storage token issued so far stops working (the SDK must re-request them). */
	expireStorageTokens(): void;
	/** Block uploads and downloads are answered only after `ms`, e.g. to cancel one mid-way;
	 * 0 answers at once, also the ones held so far. */
	delayStorage(ms: number): void;
	/** Counts, for tests that check cleanup. */
	stats(): {links: number; drafts: number; revisions: number; storedBlocks: number};
}

export function createDriveControls(drive: DriveContext): DriveControls {
	const linkOf = (linkId: string): LinkRecord => {
		const link = drive.data.links[linkId.includes('~') ? (linkId.split('~')[1] as string) : linkId];
		if (!link) throw new Error(`No link ${linkId}`);
		return link;
	};
	return {
		setChildrenPageSize(size) {
			drive.switches.childrenPageSize = size;
		},
		async corruptNodeName(linkId) {
			const link = linkOf(linkId);
			const message = await openpgp.readMessage({armoredMessage: link.name});
			const bytes = message.write() as Uint8Array;
			bytes[bytes.length - 5] = (bytes[bytes.length - 5] as number) ^ 0xff;
			link.name = (await openpgp.readMessage({binaryMessage: bytes})).armor();
			drive.store.changed();
		},
		corruptNodeNameSignature(linkId) {
			linkOf(linkId).nameSignatureEmail = 'forger@example.invalid';
			drive.store.changed();
		},
		async corruptNodePassphraseSignature(linkId) {
			const link = linkOf(linkId);
			const signature = await openpgp.readSignature({
				armoredSignature: link.nodePassphraseSignature,
			});
			const bytes = signature.write() as Uint8Array;
			bytes[bytes.length - 2] = (bytes[bytes.length - 2] as number) ^ 0x55;
			link.nodePassphraseSignature = (
				await openpgp.readSignature({binarySignature: bytes})
			).armor();
			drive.store.changed();
		},
		expireStorageTokens() {
			drive.tokens.expireAll();
		},
		delayStorage(ms) {
			drive.switches.storageDelayMs = Math.max(0, ms);
			if (ms <= 0) for (const release of [...drive.heldStorage]) release();
		},
		stats() {
			const links = Object.values(drive.data.links);
			const revisions = Object.values(drive.data.revisions);
			return {
				links: links.length,
				drafts: links.filter((l) => l.state === 0).length,
				revisions: revisions.length,
				storedBlocks: revisions.reduce((n, r) => n + r.blocks.filter((b) => b.storedId).length, 0),
			};
		},
	};
}
