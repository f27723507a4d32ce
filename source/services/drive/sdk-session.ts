import type {PrivateKey} from 'openpgp';

/**
 * The part of `ActiveSession` (services/session/active-session.ts) the SDK plumbing needs. Kept structural so
 * the plumbing can be tested with a minimal session and never imports the session module's internals.
 */
export interface SdkAddress {
	id: string;
	email: string;
	primaryKeyIndex: number;
	keys: {id: string; key: PrivateKey}[];
}

export interface SdkSession {
	apiBase: URL;
	account: {userKeys: PrivateKey[]; addresses: SdkAddress[]};
	/** Authenticated fetch on the API (adds app version + auth headers, refreshes on 401). */
	fetch(url: string | URL, init?: RequestInit): Promise<Response>;
}
