import {
	MemoryCache,
	OpenPGPCryptoWithCryptoProxy,
	type ProtonDriveAccount,
	type ProtonDriveCache,
	ProtonDriveClient,
	type ProtonDriveHTTPClient,
} from '@protontech/drive-sdk';
import {createCryptoProxy} from './crypto-proxy.js';
import {liveListingCache} from './live-listing-cache.js';
import {createSdkAccount} from './sdk-account.js';
import {createSdkHttpClient} from './sdk-http-client.js';
import type {SdkSession} from './sdk-session.js';
import {createSdkTelemetry} from './sdk-telemetry.js';

type ClientOptions = ConstructorParameters<typeof ProtonDriveClient>[0];

export interface CreateDriveClientOptions {
	session: SdkSession;
	/** Stable per installation (config.clientUid): lets the SDK clean up our own interrupted uploads. */
	clientUid: string;
	/** Decrypted-entity cache (strings); injectable for a persistent cache later. Default: memory. */
	entitiesCache?: ProtonDriveCache<string>;
	/** Holds live key objects; keep it in memory. Default: memory. */
	cryptoCache?: ClientOptions['cryptoCache'];
	/** Default: a quiet telemetry (nothing on the console). */
	telemetry?: ClientOptions['telemetry'];
	language?: string;
	latestEventIdProvider?: ClientOptions['latestEventIdProvider'];
	/** Test seams. */
	httpClient?: ProtonDriveHTTPClient;
	account?: ProtonDriveAccount;
}

/** SDK `config.baseUrl`: host[:port][/path] of the API base, without scheme or trailing slash. */
export function sdkBaseUrl(apiBase: URL): string {
	return `${apiBase.host}${apiBase.pathname}`.replace(/\/+$/, '');
}

/** Public-link / password-share SRP is not used by core Drive operations; refuse loudly if ever reached. */
const unsupportedSrp: ClientOptions['srpModule'] = {
	getSrp: () => Promise.reject(new Error('SRP for public links is not supported')),
	getSrpVerifier: () => Promise.reject(new Error('SRP for public links is not supported')),
	computeKeyPassword: () => Promise.reject(new Error('SRP for public links is not supported')),
};

export function createDriveClient(opts: CreateDriveClientOptions): ProtonDriveClient {
	return new ProtonDriveClient({
		httpClient: opts.httpClient ?? createSdkHttpClient(opts.session),
		account: opts.account ?? createSdkAccount(opts.session),
		openPGPCryptoModule: new OpenPGPCryptoWithCryptoProxy(createCryptoProxy()),
		srpModule: unsupportedSrp,
		entitiesCache: liveListingCache(opts.entitiesCache ?? new MemoryCache<string>()),
		cryptoCache: opts.cryptoCache ?? new MemoryCache(),
		telemetry: opts.telemetry ?? createSdkTelemetry(),
		latestEventIdProvider: opts.latestEventIdProvider,
		config: {
			baseUrl: sdkBaseUrl(opts.session.apiBase),
			language: opts.language ?? 'en',
			clientUid: opts.clientUid,
		},
	});
}
