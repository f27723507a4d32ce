import {
	type PrivateKey,
	decrypt,
	decryptKey,
	readMessage,
	readPrivateKey,
	readSignature,
} from 'openpgp';
import type {ApiAddress, ApiKeySalt, ApiUser, ApiUserKey} from './api-types.js';
import {computeKeyPassword} from './srp/key-password.js';

export interface UnlockedAddress {
	id: string;
	email: string;
	primaryKeyIndex: number;
	keys: {id: string; key: PrivateKey}[];
}

export interface UnlockedAccount {
	userKeys: PrivateKey[];
	addresses: UnlockedAddress[];
	/** Keys that could not be unlocked (ids and reasons, no secrets), for diagnostics. */
	skipped?: {id: string; reason: string}[];
}

/** The user keys could not be unlocked with this key password. */
export class KeyPasswordError extends Error {
	constructor() {
		super('None of the user keys could be unlocked with this password');
		this.name = 'KeyPasswordError';
	}
}

/** Keys exist but no address key could be unlocked. */
export class NoAddressKeysError extends Error {
	constructor() {
		super('None of the address keys could be unlocked');
		this.name = 'NoAddressKeysError';
	}
}

function activeKeys<T extends {Active?: number}>(keys: T[] | undefined): T[] {
	return (keys ?? []).filter((k) => k.Active === undefined || k.Active === 1);
}

export function primaryUserKey(user: ApiUser): ApiUserKey | undefined {
	const keys = activeKeys(user.Keys);
	return keys.find((k) => k.Primary === 1) ?? keys[0];
}

/** Key password from the primary user key's salt (auth.md §5.1, §5.2); matched by key ID. */
export async function deriveKeyPassword(
	user: ApiUser,
	salts: ApiKeySalt[],
	password: string,
): Promise<string> {
	const primary = primaryUserKey(user);
	if (!primary) {
		return computeKeyPassword(password, null);
	}
	const salt = salts.find((s) => s.ID === primary.ID)?.KeySalt;
	return computeKeyPassword(password, salt);
}

function reasonOf(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

async function unlockUserKeys(
	user: ApiUser,
	keyPassword: string,
	skipped: {id: string; reason: string}[],
): Promise<PrivateKey[]> {
	const unlocked: PrivateKey[] = [];
	const keys = activeKeys(user.Keys);
	// Primary first, so the SDK's "first key" is the primary one.
	keys.sort((a, b) => (b.Primary ?? 0) - (a.Primary ?? 0));
	for (const k of keys) {
		try {
			const privateKey = await readPrivateKey({armoredKey: k.PrivateKey});
			unlocked.push(await decryptKey({privateKey, passphrase: keyPassword}));
		} catch (error) {
			skipped.push({id: k.ID, reason: reasonOf(error)});
		}
	}
	if (keys.length > 0 && unlocked.length === 0) {
		throw new KeyPasswordError();
	}
	return unlocked;
}

async function addressKeyPassphrase(
	key: {Token?: string | null; Signature?: string | null},
	userKeys: PrivateKey[],
	keyPassword: string,
): Promise<string> {
	if (!key.Token) {
		return keyPassword; // legacy, non-migrated account (§5.3 case 4)
	}
	if (!key.Signature) {
		throw new Error('token without signature (organisation key) is not supported');
	}
	const {data} = await decrypt({
		message: await readMessage({armoredMessage: key.Token}),
		decryptionKeys: userKeys,
		verificationKeys: userKeys.map((k) => k.toPublic()),
		signature: await readSignature({armoredSignature: key.Signature}),
		expectSigned: true,
	});
	return String(data);
}

/** Unlocks user keys, then address keys (Token + Signature, or the key password for legacy keys). */
export async function unlockAccount(opts: {
	user: ApiUser;
	addresses: ApiAddress[];
	keyPassword: string;
}): Promise<UnlockedAccount> {
	const skipped: {id: string; reason: string}[] = [];
	const userKeys = await unlockUserKeys(opts.user, opts.keyPassword, skipped);
	const addresses: UnlockedAddress[] = [];
	let addressKeyCount = 0;
	const ordered = [...opts.addresses].sort(
		(a, b) => (a.Priority ?? a.Order ?? 0) - (b.Priority ?? b.Order ?? 0),
	);
	for (const address of ordered) {
		const keys: UnlockedAddress['keys'] = [];
		let primaryKeyIndex = 0;
		for (const k of activeKeys(address.Keys)) {
			addressKeyCount++;
			try {
				const passphrase = await addressKeyPassphrase(k, userKeys, opts.keyPassword);
				const privateKey = await readPrivateKey({armoredKey: k.PrivateKey});
				const key = await decryptKey({privateKey, passphrase});
				if (k.Primary === 1) {
					primaryKeyIndex = keys.length;
				}
				keys.push({id: k.ID, key});
			} catch (error) {
				skipped.push({id: k.ID, reason: reasonOf(error)});
			}
		}
		if (keys.length > 0) {
			addresses.push({id: address.ID, email: address.Email, primaryKeyIndex, keys});
		}
	}
	if (addressKeyCount > 0 && addresses.length === 0) {
		throw new NoAddressKeysError();
	}
	return {userKeys, addresses, skipped};
}
