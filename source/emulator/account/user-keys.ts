import {randomBytes} from 'node:crypto';
import * as openpgp from 'openpgp';
import {computeKeyPassword} from '../../services/auth/srp/key-password.js';
import type {StoredAddress} from './account-model.js';

// Real OpenPGP keys for emulator users (auth.md §9.2): a Curve25519 user key locked with the
// bcrypt-derived key password, and per address a key locked with a random token that is encrypted
// to, and signed by, the user key.

const S2K = {s2kIterationCountByte: 96};

export function randomId(): string {
	return randomBytes(48).toString('base64url').slice(0, 64);
}

export interface GeneratedUserKeys {
	userKey: {id: string; privateKey: string; keySalt: string};
	addresses: StoredAddress[];
}

export async function generateUserKeys(opts: {
	name: string;
	email: string;
	/** The login password in one-password mode, the mailbox password in two-password mode. */
	keyPasswordSource: string;
}): Promise<GeneratedUserKeys> {
	const keySalt = randomBytes(16).toString('base64');
	const keyPassword = await computeKeyPassword(opts.keyPasswordSource, keySalt);
	const user = await openpgp.generateKey({
		type: 'ecc',
		curve: 'curve25519Legacy',
		userIDs: [{name: opts.name, email: opts.email}],
		format: 'object',
		config: S2K,
	});
	const unlockedUser = user.privateKey;
	const lockedUserArmored = await lockedArmor(unlockedUser, keyPassword);

	const token = randomBytes(32).toString('hex');
	const address = await openpgp.generateKey({
		type: 'ecc',
		curve: 'curve25519Legacy',
		userIDs: [{name: opts.email, email: opts.email}],
		passphrase: token,
		format: 'armored',
		config: S2K,
	});
	const tokenMessage = await openpgp.createMessage({text: token});
	const encryptedToken = await openpgp.encrypt({
		message: tokenMessage,
		encryptionKeys: unlockedUser.toPublic(),
		format: 'armored',
	});
	const signature = await openpgp.sign({
		message: await openpgp.createMessage({text: token}),
		signingKeys: unlockedUser,
		detached: true,
		format: 'armored',
	});
	return {
		userKey: {id: randomId(), privateKey: lockedUserArmored, keySalt},
		addresses: [
			{
				id: randomId(),
				email: opts.email,
				keys: [
					{
						id: randomId(),
						privateKey: address.privateKey,
						publicKey: address.publicKey,
						token: encryptedToken as string,
						signature: signature as string,
						primary: 1,
						flags: 3,
					},
				],
			},
		],
	};
}

/** Locks an unlocked key (iterated S2K, count byte 96) and armors it. */
async function lockedArmor(key: openpgp.PrivateKey, passphrase: string): Promise<string> {
	const locked = await openpgp.encryptKey({privateKey: key, passphrase, config: S2K});
	return locked.armor();
}
