import {randomBytes} from 'node:crypto';

/** What a storage token allows: uploading one block/thumbnail or downloading stored bytes. */
export type StorageGrant =
	| {
			kind: 'upload-block';
			slot: string;
			revisionId: string;
			index: number;
			hash: string;
			verifierToken: string | null;
			verificationCode: Uint8Array;
	  }
	| {kind: 'upload-thumbnail'; slot: string; revisionId: string; thumbnailId: string; hash: string}
	| {kind: 'download'; slot: string; storedId: string};

/** One-slot tokens with an expiry; expired entries are pruned as new ones are issued. */
export class StorageTokens {
	readonly #grants = new Map<string, {grant: StorageGrant; expires: number}>();

	constructor(readonly lifetimeSeconds: () => number) {}

	issue(grant: StorageGrant): string {
		if (this.#grants.size > 10_000) this.prune();
		const token = randomBytes(24).toString('base64url');
		this.#grants.set(token, {grant, expires: Date.now() + this.lifetimeSeconds() * 1000});
		return token;
	}

	/** The grant for this token and URL slot, or undefined (unknown, expired or other slot). */
	find(token: string | undefined, slot: string): StorageGrant | undefined {
		if (!token) return undefined;
		const entry = this.#grants.get(token);
		if (!entry || entry.grant.slot !== slot) return undefined;
		if (entry.expires < Date.now()) {
			this.#grants.delete(token);
			return undefined;
		}
		return entry.grant;
	}

	revoke(token: string): void {
		this.#grants.delete(token);
	}

	/** Expires every token now (test switch). */
	expireAll(): void {
		this.#grants.clear();
	}

	prune(): void {
		const now = Date.now();
		for (const [token, entry] of this.#grants) if (entry.expires < now) this.#grants.delete(token);
	}
}
