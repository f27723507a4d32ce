import type {ProtonDriveAccount, ProtonDriveAccountAddress} from '@protontech/drive-sdk';
import * as openpgp from 'openpgp';
import type {SdkAddress, SdkSession} from './sdk-session.js';

type SdkPublicKey = Awaited<ReturnType<ProtonDriveAccount['getPublicKeys']>>[number];

/** Public keys of an email from the API: `GET core/v4/keys/all?Email=` → `Address.Keys[].PublicKey`. */
export async function fetchPublicKeys(
	session: SdkSession,
	email: string,
): Promise<openpgp.PublicKey[]> {
	const base = session.apiBase.href.endsWith('/')
		? session.apiBase.href
		: `${session.apiBase.href}/`;
	const url = new URL(`core/v4/keys/all?Email=${encodeURIComponent(email)}`, base);
	const response = await session.fetch(url, {
		method: 'GET',
		headers: {accept: 'application/vnd.protonmail.v1+json'},
	});
	const body = (await response.json().catch(() => ({}))) as {
		Code?: number;
		Address?: {Keys?: {PublicKey?: string}[]};
	};
	if (!response.ok || (body.Code !== 1000 && body.Code !== undefined)) {
		// Unknown / external addresses have no keys; only transport-level failures are errors.
		if (response.status === 422) return [];
		throw new Error(`Public key lookup failed with HTTP ${response.status}`);
	}
	const armored = (body.Address?.Keys ?? [])
		.map((k) => k.PublicKey)
		.filter((k): k is string => !!k);
	const keys = await Promise.all(
		armored.map((armoredKey) => openpgp.readKey({armoredKey}).catch(() => undefined)),
	);
	return keys.filter((k): k is openpgp.PublicKey => !!k);
}

function toSdkAddress(address: SdkAddress): ProtonDriveAccountAddress {
	return {
		email: address.email,
		addressId: address.id,
		primaryKeyIndex: address.primaryKeyIndex,
		keys: address.keys as unknown as ProtonDriveAccountAddress['keys'],
	};
}

/**
 * The SDK's `ProtonDriveAccount` over the unlocked account: own addresses with their unlocked keys, and public
 * keys by email (own addresses answered locally, others looked up once per email through the API).
 */
export function createSdkAccount(
	session: SdkSession,
	lookup: (email: string) => Promise<openpgp.PublicKey[]> = (email) =>
		fetchPublicKeys(session, email),
): ProtonDriveAccount {
	const addresses = () => session.account.addresses;
	const cache = new Map<string, Promise<openpgp.PublicKey[]>>();
	const own = (emailOrId: string) => {
		const wanted = emailOrId.toLowerCase();
		return addresses().find((a) => a.id === emailOrId || a.email.toLowerCase() === wanted);
	};
	return {
		async getOwnPrimaryAddress() {
			const primary = addresses()[0];
			if (!primary) throw new Error('The account has no address');
			return toSdkAddress(primary);
		},
		async getOwnAddresses() {
			if (addresses().length === 0) throw new Error('The account has no address');
			return addresses().map(toSdkAddress);
		},
		async getOwnAddress(emailOrAddressId: string) {
			const address = own(emailOrAddressId);
			if (!address) throw new Error('No such own address');
			return toSdkAddress(address);
		},
		async hasProtonAccount(email: string) {
			return (await this.getPublicKeys(email)).length > 0;
		},
		async getPublicKeys(email: string) {
			const mine = own(email);
			if (mine) return mine.keys.map((k) => k.key.toPublic()) as unknown as SdkPublicKey[];
			const key = email.toLowerCase();
			let pending = cache.get(key);
			if (!pending) {
				pending = lookup(email);
				cache.set(key, pending);
				pending.catch(() => cache.delete(key));
			}
			return (await pending) as unknown as SdkPublicKey[];
		},
	};
}
