import assert from 'node:assert/strict';
import {before, describe, test} from 'node:test';
import * as openpgp from 'openpgp';
import {createCryptoProxy} from '../../../source/services/drive/crypto-proxy.js';

const proxy = createCryptoProxy();
const bytes = (text: string) => new TextEncoder().encode(text);
type AnyProxyKey = Parameters<typeof proxy.generateSessionKey>[0]['recipientKeys'][number];

describe('crypto proxy (OpenPGPCryptoProxy on openpgp v6)', () => {
	let key: openpgp.PrivateKey;
	let other: openpgp.PrivateKey;
	let k: AnyProxyKey;
	before(async () => {
		key = (await proxy.generateKey({
			userIDs: [{name: 'Drive key'}],
			type: 'ecc',
			curve: 'ed25519Legacy',
		})) as never;
		other = (await proxy.generateKey({
			userIDs: [{name: 'Drive key'}],
			type: 'ecc',
			curve: 'ed25519Legacy',
		})) as never;
		k = key as unknown as AnyProxyKey;
	});

	test('generates v4 ed25519 keys with userID "Drive key"', () => {
		assert.equal(key.getAlgorithmInfo().algorithm, 'eddsaLegacy');
		assert.equal(key.keyPacket.version, 4);
		assert.deepEqual(key.getUserIDs(), ['Drive key']);
	});

	test('export locks with iterated S2K byte 96; import unlocks; wrong passphrase fails', async () => {
		const armored = await proxy.exportPrivateKey({
			privateKey: k as never,
			passphrase: 'pass phrase',
		});
		const locked = await openpgp.readPrivateKey({armoredKey: armored});
		const s2k = (locked.keyPacket as unknown as {s2k: {type: string; c: number}}).s2k;
		assert.equal(s2k.type, 'iterated');
		assert.equal(s2k.c, 96);
		const imported = (await proxy.importPrivateKey({
			armoredKey: armored,
			passphrase: 'pass phrase',
		})) as never as openpgp.PrivateKey;
		assert.ok(imported.isDecrypted());
		assert.equal(imported.getFingerprint(), key.getFingerprint());
		await assert.rejects(proxy.importPrivateKey({armoredKey: armored, passphrase: 'nope'}));
		// The original object stays usable (encryptKey works on a clone).
		assert.ok(key.isDecrypted());
		const unlocked = await proxy.exportPrivateKey({privateKey: k as never, passphrase: null});
		assert.ok((await openpgp.readPrivateKey({armoredKey: unlocked})).isDecrypted());
	});

	test('session key: encrypt to a key, bare PKESK decrypts back to the same key', async () => {
		const sessionKey = await proxy.generateSessionKey({recipientKeys: [k]});
		assert.equal(sessionKey.data.length, 32);
		const packet = await proxy.encryptSessionKey({
			...sessionKey,
			format: 'binary',
			encryptionKeys: [k],
		});
		const back = await proxy.decryptSessionKey({
			binaryMessage: packet,
			decryptionKeys: [k as never],
		});
		assert.deepEqual(back?.data, sessionKey.data);
		await assert.rejects(
			proxy.decryptSessionKey({binaryMessage: packet, decryptionKeys: [other as never]}),
		);
	});

	test('inline-signed message: status 1 with the signer key, 2 with another, 0 when unsigned', async () => {
		const {message} = await proxy.encryptMessage({
			binaryData: bytes('name.txt'),
			encryptionKeys: [k],
			signingKeys: k as never,
		});
		const valid = await proxy.decryptMessage({
			format: 'utf8',
			armoredMessage: message,
			decryptionKeys: k as never,
			verificationKeys: [k],
		});
		assert.equal(valid.data, 'name.txt');
		assert.equal(valid.verificationStatus, 1);
		const wrong = await proxy.decryptMessage({
			format: 'utf8',
			armoredMessage: message,
			decryptionKeys: k as never,
			verificationKeys: [other as never],
		});
		assert.equal(wrong.verificationStatus, 2);
		assert.ok((wrong.verificationErrors ?? []).length > 0);
		const {message: plain} = await proxy.encryptMessage({
			binaryData: bytes('x'),
			encryptionKeys: [k],
		});
		const unsigned = await proxy.decryptMessage({
			format: 'utf8',
			armoredMessage: plain,
			decryptionKeys: k as never,
			verificationKeys: [k],
		});
		assert.equal(unsigned.verificationStatus, 0);
	});

	test('detached binary encryption with only a session key (a block) + detached signature', async () => {
		const sessionKey = await proxy.generateSessionKey({recipientKeys: [k]});
		const data = crypto.getRandomValues(new Uint8Array(5000));
		const {message, signature} = await proxy.encryptMessage({
			format: 'binary',
			binaryData: data,
			sessionKey,
			encryptionKeys: [],
			signingKeys: k as never,
			detached: true,
		});
		// Bare SEIPD: decrypts with the session key only.
		const out = await proxy.decryptMessage({
			format: 'binary',
			binaryMessage: message,
			sessionKeys: sessionKey,
		});
		assert.deepEqual(out.data, data);
		const verified = await proxy.verifyMessage({
			binaryData: data,
			binarySignature: signature,
			verificationKeys: [k],
		});
		assert.equal(verified.verificationStatus, 1);
		const tampered = data.slice();
		tampered[0] = (tampered[0] as number) ^ 1;
		const bad = await proxy.verifyMessage({
			binaryData: tampered,
			binarySignature: signature,
			verificationKeys: [k],
		});
		assert.equal(bad.verificationStatus, 2);
	});

	test('armored detached signature verifies against the decrypted data', async () => {
		const data = bytes('manifest');
		const signature = await proxy.signMessage({
			format: 'armored',
			binaryData: data,
			signingKeys: k as never,
			detached: true,
		});
		assert.match(signature, /BEGIN PGP SIGNATURE/);
		const ok = await proxy.verifyMessage({
			binaryData: data,
			armoredSignature: signature,
			verificationKeys: [k],
		});
		assert.equal(ok.verificationStatus, 1);
		const {message} = await proxy.encryptMessage({binaryData: data, encryptionKeys: [k]});
		const withSig = await proxy.decryptMessage({
			format: 'binary',
			armoredMessage: message,
			armoredSignature: signature,
			decryptionKeys: k as never,
			verificationKeys: [k],
		});
		assert.equal(withSig.verificationStatus, 1);
	});

	test('signature context: critical notation accepted with knownNotations; a different context is invalid', async () => {
		const data = bytes('member');
		const signature = await proxy.signMessage({
			format: 'armored',
			binaryData: data,
			signingKeys: k as never,
			detached: true,
			signatureContext: {critical: true, value: 'drive.share-member.member'},
		});
		const same = await proxy.verifyMessage({
			binaryData: data,
			armoredSignature: signature,
			verificationKeys: [k],
			signatureContext: {critical: true, value: 'drive.share-member.member'},
		});
		assert.equal(same.verificationStatus, 1);
		const different = await proxy.verifyMessage({
			binaryData: data,
			armoredSignature: signature,
			verificationKeys: [k],
			signatureContext: {critical: true, value: 'drive.share-member.inviter'},
		});
		assert.equal(different.verificationStatus, 2);
	});

	test('compressed (XAttr-style) messages round-trip', async () => {
		const json = JSON.stringify({Common: {Size: 1}}).repeat(20);
		const {message} = await proxy.encryptMessage({
			binaryData: bytes(json),
			encryptionKeys: [k],
			signingKeys: k as never,
			compress: true,
		});
		const parsed = await openpgp.readMessage({armoredMessage: message});
		const decrypted = await parsed.decrypt([key]);
		assert.ok(decrypted.packets.findPacket(openpgp.enums.packet.compressedData), 'zlib compressed');
		const out = await proxy.decryptMessage({
			format: 'utf8',
			armoredMessage: message,
			decryptionKeys: k as never,
			verificationKeys: [k],
		});
		assert.equal(out.data, json);
		assert.equal(out.verificationStatus, 1);
	});
});
