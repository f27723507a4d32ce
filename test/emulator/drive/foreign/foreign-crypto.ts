// A minimal OpenPGPCryptoProxy written for the foreign-client test only, independent of
// source/services/drive/crypto-proxy.ts: a second, separately written reading of the SDK's crypto contract.
import type {OpenPGPCryptoProxy} from '@protontech/drive-sdk';
import * as openpgp from 'openpgp';

const arr = (x: any) => (x === undefined || x === null ? [] : Array.isArray(x) ? x : [x]);
const cfg = {knownNotations: ['context@proton.ch']};

async function status(signatures: {verified: Promise<unknown>}[]) {
	if (!signatures.length) return {verificationStatus: 0, errors: undefined as Error[] | undefined};
	const outcomes = await Promise.allSettled(signatures.map((s) => s.verified));
	if (outcomes.some((o) => o.status === 'fulfilled'))
		return {verificationStatus: 1, errors: undefined};
	return {
		verificationStatus: 2,
		errors: outcomes.map((o) => (o as PromiseRejectedResult).reason as Error),
	};
}

const message = (o: any) =>
	o.armoredMessage
		? openpgp.readMessage({armoredMessage: o.armoredMessage})
		: openpgp.readMessage({binaryMessage: o.binaryMessage});
const signature = (o: any) =>
	o.armoredSignature
		? openpgp.readSignature({armoredSignature: o.armoredSignature})
		: o.binarySignature
			? openpgp.readSignature({binarySignature: o.binarySignature})
			: Promise.resolve(undefined);

export const foreignCryptoProxy = {
	generateKey: async (o: any) =>
		(
			await openpgp.generateKey({
				userIDs: o.userIDs,
				type: 'ecc',
				curve: 'ed25519Legacy',
				format: 'object',
			})
		).privateKey,
	exportPrivateKey: async (o: any) =>
		o.passphrase === null
			? o.privateKey.armor()
			: (
					await openpgp.encryptKey({
						privateKey: o.privateKey,
						passphrase: o.passphrase,
						config: {s2kIterationCountByte: 96},
					})
				).armor(),
	importPrivateKey: async (o: any) => {
		const key = await openpgp.readPrivateKey({armoredKey: o.armoredKey});
		return o.passphrase === null || key.isDecrypted()
			? key
			: openpgp.decryptKey({privateKey: key, passphrase: o.passphrase});
	},
	generateSessionKey: (o: any) =>
		openpgp.generateSessionKey({encryptionKeys: arr(o.recipientKeys)}),
	encryptSessionKey: (o: any) =>
		openpgp.encryptSessionKey({
			data: o.data,
			algorithm: o.algorithm,
			aeadAlgorithm: o.aeadAlgorithm,
			encryptionKeys: arr(o.encryptionKeys).length ? arr(o.encryptionKeys) : undefined,
			passwords: o.passwords,
			format: 'binary',
		}),
	decryptSessionKey: async (o: any) =>
		(
			await openpgp.decryptSessionKeys({
				message: await message(o),
				decryptionKeys: arr(o.decryptionKeys),
			})
		)[0],
	encryptMessage: async (o: any) => {
		const format = o.format ?? 'armored';
		const msg = await openpgp.createMessage({binary: o.binaryData});
		const keys = arr(o.encryptionKeys);
		const common: any = {
			message: msg,
			encryptionKeys: keys.length ? keys : undefined,
			sessionKey: o.sessionKey,
			format,
			config: o.compress
				? {preferredCompressionAlgorithm: openpgp.enums.compression.zlib}
				: undefined,
		};
		if (!o.detached)
			return {
				message: await openpgp.encrypt({
					...common,
					signingKeys: o.signingKeys ? arr(o.signingKeys) : undefined,
				}),
			};
		const sig = await openpgp.sign({
			message: msg,
			signingKeys: arr(o.signingKeys),
			detached: true,
			format,
		});
		return {message: await openpgp.encrypt(common), signature: sig};
	},
	decryptMessage: async (o: any) => {
		const result = await openpgp.decrypt({
			message: await message(o),
			signature: await signature(o),
			sessionKeys: o.sessionKeys,
			passwords: o.passwords,
			decryptionKeys: arr(o.decryptionKeys).length ? arr(o.decryptionKeys) : undefined,
			verificationKeys: arr(o.verificationKeys),
			format: o.format,
			config: cfg,
		} as any);
		const s = await status(result.signatures as any);
		return {
			data: result.data,
			verificationStatus: s.verificationStatus,
			verificationErrors: s.errors,
		};
	},
	signMessage: async (o: any) =>
		openpgp.sign({
			message: await openpgp.createMessage({binary: o.binaryData}),
			signingKeys: arr(o.signingKeys),
			detached: o.detached,
			format: o.format,
			signatureNotations: o.signatureContext
				? [
						{
							name: 'context@proton.ch',
							value: new TextEncoder().encode(o.signatureContext.value),
							humanReadable: true,
							critical: o.signatureContext.critical,
						},
					]
				: undefined,
		} as any),
	verifyMessage: async (o: any) => {
		const result = await openpgp.verify({
			message: await openpgp.createMessage({binary: o.binaryData}),
			signature: (await signature(o)) as openpgp.Signature,
			verificationKeys: arr(o.verificationKeys),
			config: cfg,
		});
		const s = await status(result.signatures as any);
		return {verificationStatus: s.verificationStatus, errors: s.errors};
	},
} as unknown as OpenPGPCryptoProxy;
