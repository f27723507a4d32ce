// A minimal SDK host written for the foreign-client test only: it imports nothing from source/services.
// Login comes from the independent SRP client; HTTP is plain global fetch.
import {
	MemoryCache,
	OpenPGPCryptoWithCryptoProxy,
	type ProtonDriveAccount,
	ProtonDriveClient,
	type ProtonDriveHTTPClient,
} from '@protontech/drive-sdk';
import * as openpgp from 'openpgp';
import {
	INDEPENDENT_APP_VERSION,
	type IndependentSession,
} from '../../../independent-client/independent-client.js';
import {foreignCryptoProxy} from './foreign-crypto.js';

export function foreignHttpClient(
	baseUrl: string,
	session: IndependentSession,
): ProtonDriveHTTPClient {
	const base = new URL(baseUrl);
	const send = async (
		req: {url: string; method: string; headers: Headers; timeoutMs: number; signal?: AbortSignal},
		body?: BodyInit,
	) => {
		const url = req.url.replace(`https://${base.host}/`, `http://${base.host}/`);
		const headers = new Headers(req.headers);
		headers.set('x-pm-appversion', INDEPENDENT_APP_VERSION);
		if (url.startsWith(`http://${base.host}/`) && !url.includes('/storage/')) {
			headers.set('x-pm-uid', session.uid);
			headers.set('authorization', `Bearer ${session.accessToken}`);
		}
		const timeout = AbortSignal.timeout(req.timeoutMs);
		return fetch(url, {
			method: req.method,
			headers,
			body,
			signal: req.signal ? AbortSignal.any([req.signal, timeout]) : timeout,
		});
	};
	return {
		fetchJson: (req) => send(req, req.json === undefined ? undefined : JSON.stringify(req.json)),
		fetchBlob: (req) => send(req, req.body as BodyInit | undefined),
	};
}

export function foreignAccount(baseUrl: string, session: IndependentSession): ProtonDriveAccount {
	const addresses = session.addresses.map((a) => ({
		email: a.email,
		addressId: a.id,
		primaryKeyIndex: Math.max(
			0,
			a.keys.findIndex((k) => k.primary),
		),
		keys: a.keys.map((k) => ({id: k.id, key: k.key as any})),
	}));
	const find = (x: string) => addresses.find((a) => a.email === x || a.addressId === x);
	return {
		getOwnPrimaryAddress: async () => addresses[0] as (typeof addresses)[number],
		getOwnAddresses: async () => addresses,
		getOwnAddress: async (x) => {
			const a = find(x);
			if (!a) throw new Error('unknown address');
			return a;
		},
		hasProtonAccount: async () => true,
		getPublicKeys: async (email) => {
			const response = await fetch(
				new URL(`/core/v4/keys/all?Email=${encodeURIComponent(email)}`, baseUrl),
				{
					headers: {
						'x-pm-appversion': INDEPENDENT_APP_VERSION,
						'x-pm-uid': session.uid,
						authorization: `Bearer ${session.accessToken}`,
					},
				},
			);
			const body = (await response.json()) as {Address?: {Keys?: {PublicKey: string}[]}};
			return Promise.all(
				(body.Address?.Keys ?? []).map((k) => openpgp.readKey({armoredKey: k.PublicKey}) as any),
			);
		},
	};
}

export function foreignDriveClient(
	baseUrl: string,
	session: IndependentSession,
): ProtonDriveClient {
	const quiet = {debug() {}, info() {}, warn() {}, error() {}};
	return new ProtonDriveClient({
		httpClient: foreignHttpClient(baseUrl, session),
		account: foreignAccount(baseUrl, session),
		openPGPCryptoModule: new OpenPGPCryptoWithCryptoProxy(foreignCryptoProxy),
		srpModule: {
			getSrp: () => Promise.reject(new Error('unused')),
			getSrpVerifier: () => Promise.reject(new Error('unused')),
			computeKeyPassword: () => Promise.reject(new Error('unused')),
		},
		entitiesCache: new MemoryCache(),
		cryptoCache: new MemoryCache(),
		telemetry: {getLogger: () => quiet, recordMetric() {}},
		config: {baseUrl: `${new URL(baseUrl).host}`, clientUid: 'foreign-client'},
	});
}
