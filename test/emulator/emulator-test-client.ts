// Raw HTTP helpers for the emulator tests (no error mapping: tests look at status, Code, headers).
import {srpClientProofs} from '../../source/services/auth/srp/client-proofs.js';

export const APP_VERSION = 'external-drive-pdrive_tui@0.1.0';

export interface RawReply {
	status: number;
	body: any;
	headers: Headers;
}

export interface Auth {
	uid: string;
	accessToken: string;
}

export async function api(
	url: string,
	method: string,
	path: string,
	opts: {
		json?: unknown;
		auth?: Auth;
		headers?: Record<string, string>;
		appVersion?: string | null;
	} = {},
): Promise<RawReply> {
	const headers: Record<string, string> = {...opts.headers};
	if (opts.appVersion !== null) headers['x-pm-appversion'] = opts.appVersion ?? APP_VERSION;
	if (opts.json !== undefined) headers['content-type'] = 'application/json';
	if (opts.auth) {
		headers['x-pm-uid'] = opts.auth.uid;
		headers.authorization = `Bearer ${opts.auth.accessToken}`;
	}
	const response = await fetch(new URL(path, url), {
		method,
		headers,
		body: opts.json === undefined ? undefined : JSON.stringify(opts.json),
	});
	return {status: response.status, body: await response.json(), headers: response.headers};
}

/** /auth/v4/info + /auth/v4 with our services' SRP client; returns the raw /auth/v4 reply. */
export async function srpLogin(
	url: string,
	username: string,
	password: string,
	opts: {headers?: Record<string, string>; prefix?: string} = {},
): Promise<RawReply & {expectedServerProof?: string}> {
	const prefix = opts.prefix ?? '/auth/v4';
	const info = await api(url, 'POST', `${prefix}/info`, {
		json: {Username: username},
		headers: opts.headers,
	});
	if (info.status !== 200) return info;
	const proofs = await srpClientProofs({
		version: info.body.Version,
		username,
		password,
		salt: b(info.body.Salt),
		signedModulus: info.body.Modulus,
		serverEphemeral: b(info.body.ServerEphemeral),
	});
	const reply = await api(url, 'POST', prefix, {
		headers: opts.headers,
		json: {
			Username: username,
			ClientEphemeral: s(proofs.clientEphemeral),
			ClientProof: s(proofs.clientProof),
			SRPSession: info.body.SRPSession,
			PersistentCookies: 0,
		},
	});
	return {...reply, expectedServerProof: s(proofs.expectedServerProof)};
}

export function authOf(reply: RawReply): Auth {
	return {uid: reply.body.UID, accessToken: reply.body.AccessToken};
}

const b = (x: string) => new Uint8Array(Buffer.from(x, 'base64'));
const s = (x: Uint8Array) => Buffer.from(x).toString('base64');
