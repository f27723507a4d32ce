import type {OpenPGPCryptoProxy} from '@protontech/drive-sdk';
import * as openpgp from 'openpgp';

/**
 * The SDK's `OpenPGPCryptoProxy` on upstream openpgp v6 (sdk-node-harness.md §4).
 * Key and session-key objects are passed through to the SDK unchanged (it treats them as opaque).
 */

/** Proton's clients lock keys with iteration byte 96 (65,536 bytes hashed), not openpgp's 224. */
export const S2K_ITERATION_COUNT_BYTE = 96;
const CONTEXT_NOTATION = 'context@proton.ch';
const VERIFY_CONFIG = {knownNotations: [CONTEXT_NOTATION]};

type AnyKey = openpgp.PublicKey | openpgp.PrivateKey;
type Status = 0 | 1 | 2;

function list<T>(value: T | T[] | undefined): T[] {
	if (value === undefined) return [];
	return Array.isArray(value) ? value : [value];
}

// The SDK's key types are opaque markers; at runtime they are openpgp objects.
const asKeys = (keys: unknown): AnyKey[] => list(keys as AnyKey | AnyKey[] | undefined);
const asPrivateKeys = (keys: unknown): openpgp.PrivateKey[] =>
	list(keys as openpgp.PrivateKey | openpgp.PrivateKey[] | undefined);

async function readAnyMessage(opts: {armoredMessage?: string; binaryMessage?: Uint8Array}) {
	if (opts.armoredMessage !== undefined)
		return openpgp.readMessage({armoredMessage: opts.armoredMessage});
	if (opts.binaryMessage !== undefined)
		return openpgp.readMessage({binaryMessage: opts.binaryMessage});
	throw new Error('No message given');
}

async function readAnySignature(opts: {armoredSignature?: string; binarySignature?: Uint8Array}) {
	if (opts.armoredSignature !== undefined)
		return openpgp.readSignature({armoredSignature: opts.armoredSignature});
	if (opts.binarySignature !== undefined)
		return openpgp.readSignature({binarySignature: opts.binarySignature});
	return undefined;
}

interface SignatureResult {
	verified: Promise<boolean>;
	signature: Promise<openpgp.Signature>;
}

/** Awaits every `verified` promise: 0 none, 1 at least one valid, 2 otherwise (with the errors). */
async function verificationOf(
	signatures: SignatureResult[],
	context?: {value: string},
): Promise<{status: Status; errors?: Error[]}> {
	if (signatures.length === 0) return {status: 0};
	const errors: Error[] = [];
	let valid = false;
	for (const sig of signatures) {
		try {
			await sig.verified;
			if (context) await checkContext(await sig.signature, context.value);
			valid = true;
		} catch (error) {
			errors.push(error instanceof Error ? error : new Error(String(error)));
		}
	}
	return valid ? {status: 1} : {status: 2, errors};
}

/** A different signature context is invalid; a missing one is accepted (pmcrypto semantics). */
async function checkContext(signature: openpgp.Signature, expected: string) {
	const decoder = new TextDecoder();
	for (const packet of signature.packets) {
		const notations =
			(packet as unknown as {rawNotations?: {name: string; value: Uint8Array}[]}).rawNotations ??
			[];
		for (const notation of notations) {
			if (notation.name === CONTEXT_NOTATION && decoder.decode(notation.value) !== expected) {
				throw new Error('Signature context mismatch');
			}
		}
	}
}

function contextNotations(context?: {critical: boolean; value: string}) {
	if (!context) return undefined;
	return [
		{
			name: CONTEXT_NOTATION,
			value: new TextEncoder().encode(context.value),
			humanReadable: true,
			critical: context.critical,
		},
	];
}

export function createCryptoProxy(): OpenPGPCryptoProxy {
	const proxy = {
		async generateKey(options: {userIDs: {name: string}[]; type: 'ecc'; curve: 'ed25519Legacy'}) {
			const {privateKey} = await openpgp.generateKey({
				userIDs: options.userIDs,
				type: options.type,
				curve: options.curve,
				format: 'object',
			});
			return privateKey;
		},

		async exportPrivateKey(options: {privateKey: unknown; passphrase: string | null}) {
			const privateKey = options.privateKey as openpgp.PrivateKey;
			if (options.passphrase === null) return privateKey.armor();
			const locked = await openpgp.encryptKey({
				privateKey,
				passphrase: options.passphrase,
				config: {s2kIterationCountByte: S2K_ITERATION_COUNT_BYTE},
			});
			return locked.armor();
		},

		async importPrivateKey(options: {armoredKey: string; passphrase: string | null}) {
			const privateKey = await openpgp.readPrivateKey({armoredKey: options.armoredKey});
			if (options.passphrase === null || privateKey.isDecrypted()) return privateKey;
			return openpgp.decryptKey({privateKey, passphrase: options.passphrase});
		},

		async generateSessionKey(options: {recipientKeys: unknown}) {
			return openpgp.generateSessionKey({encryptionKeys: asKeys(options.recipientKeys)});
		},

		async encryptSessionKey(options: {
			data: Uint8Array;
			algorithm?: string;
			aeadAlgorithm?: string;
			encryptionKeys?: unknown;
			passwords?: string[];
		}) {
			const keys = asKeys(options.encryptionKeys);
			return openpgp.encryptSessionKey({
				data: options.data,
				algorithm: (options.algorithm ?? 'aes256') as openpgp.enums.symmetricNames,
				aeadAlgorithm: options.aeadAlgorithm as openpgp.enums.aeadNames | undefined,
				encryptionKeys: keys.length > 0 ? keys : undefined,
				passwords: options.passwords,
				format: 'binary',
			});
		},

		async decryptSessionKey(options: {
			armoredMessage?: string;
			binaryMessage?: Uint8Array;
			decryptionKeys: unknown;
		}) {
			const message = await readAnyMessage(options);
			const keys = await openpgp.decryptSessionKeys({
				message,
				decryptionKeys: asPrivateKeys(options.decryptionKeys),
			});
			return keys[0];
		},

		async encryptMessage(options: {
			format?: 'armored' | 'binary';
			binaryData: Uint8Array;
			sessionKey?: openpgp.SessionKey;
			encryptionKeys: unknown;
			signingKeys?: unknown;
			detached?: boolean;
			compress?: boolean;
		}) {
			const format = options.format ?? 'armored';
			const message = await openpgp.createMessage({binary: options.binaryData});
			const encryptionKeys = asKeys(options.encryptionKeys);
			const signingKeys = asPrivateKeys(options.signingKeys);
			const config = options.compress
				? {preferredCompressionAlgorithm: openpgp.enums.compression.zlib}
				: undefined;
			const base = {
				message,
				encryptionKeys: encryptionKeys.length > 0 ? encryptionKeys : undefined,
				sessionKey: options.sessionKey,
				config,
			};
			if (options.detached) {
				const signature = await openpgp.sign({
					message,
					signingKeys,
					detached: true,
					format: format as 'armored',
				});
				const encrypted = await openpgp.encrypt({...base, format: format as 'armored'});
				return {message: encrypted, signature};
			}
			const encrypted = await openpgp.encrypt({
				...base,
				signingKeys: signingKeys.length > 0 ? signingKeys : undefined,
				format: format as 'armored',
			});
			return {message: encrypted};
		},

		async decryptMessage(options: {
			format: 'utf8' | 'binary';
			armoredMessage?: string;
			binaryMessage?: Uint8Array;
			armoredSignature?: string;
			binarySignature?: Uint8Array;
			sessionKeys?: openpgp.SessionKey;
			passwords?: string[];
			decryptionKeys?: unknown;
			verificationKeys?: unknown;
		}) {
			const message = await readAnyMessage(options);
			const signature = await readAnySignature(options);
			const decryptionKeys = asPrivateKeys(options.decryptionKeys);
			const verificationKeys = asKeys(options.verificationKeys);
			const result = await openpgp.decrypt({
				message,
				signature,
				sessionKeys: options.sessionKeys,
				passwords: options.passwords,
				decryptionKeys: decryptionKeys.length > 0 ? decryptionKeys : undefined,
				verificationKeys,
				format: options.format as 'binary',
				config: VERIFY_CONFIG,
			});
			const {status, errors} = await verificationOf(result.signatures as SignatureResult[]);
			return {data: result.data, verificationStatus: status, verificationErrors: errors};
		},

		async signMessage(options: {
			format: 'binary' | 'armored';
			binaryData: Uint8Array;
			signingKeys: unknown;
			detached: boolean;
			signatureContext?: {critical: boolean; value: string};
		}) {
			const message = await openpgp.createMessage({binary: options.binaryData});
			return openpgp.sign({
				message,
				signingKeys: asPrivateKeys(options.signingKeys),
				detached: options.detached,
				format: options.format as 'armored',
				signatureNotations: contextNotations(options.signatureContext),
			});
		},

		async verifyMessage(options: {
			binaryData: Uint8Array;
			armoredSignature?: string;
			binarySignature?: Uint8Array;
			verificationKeys: unknown;
			signatureContext?: {critical: boolean; value: string};
		}) {
			const signature = await readAnySignature(options);
			if (!signature) throw new Error('No signature given');
			const message = await openpgp.createMessage({binary: options.binaryData});
			const result = await openpgp.verify({
				message,
				signature,
				verificationKeys: asKeys(options.verificationKeys),
				config: VERIFY_CONFIG,
			});
			const {status, errors} = await verificationOf(
				result.signatures as SignatureResult[],
				options.signatureContext,
			);
			return {verificationStatus: status, errors};
		},
	};
	return proxy as unknown as OpenPGPCryptoProxy;
}
