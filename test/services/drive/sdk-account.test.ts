import assert from 'node:assert/strict';
import {before, describe, test} from 'node:test';
import * as openpgp from 'openpgp';
import {createSdkAccount, fetchPublicKeys} from '../../../source/services/drive/sdk-account.js';
import type {SdkSession} from '../../../source/services/drive/sdk-session.js';

const newKey = async (email: string) =>
	(
		await openpgp.generateKey({
			type: 'ecc',
			curve: 'ed25519Legacy',
			userIDs: [{email}],
			format: 'object',
		})
	).privateKey;

describe('SDK account over the unlocked account', () => {
	let session: SdkSession;
	let foreign: openpgp.PrivateKey;
	const calls: string[] = [];
	before(async () => {
		foreign = await newKey('bob@example.com');
		session = {
			apiBase: new URL('http://127.0.0.1:9/api'),
			account: {
				userKeys: [],
				addresses: [
					{
						id: 'a1',
						email: 'me@example.com',
						primaryKeyIndex: 0,
						keys: [{id: 'k1', key: await newKey('me@example.com')}],
					},
					{
						id: 'a2',
						email: 'alias@example.com',
						primaryKeyIndex: 0,
						keys: [{id: 'k2', key: await newKey('alias@example.com')}],
					},
				],
			},
			async fetch(url) {
				calls.push(String(url));
				const email = new URL(String(url)).searchParams.get('Email');
				const keys = email === 'bob@example.com' ? [{PublicKey: foreign.toPublic().armor()}] : [];
				return Response.json({Code: 1000, Address: {Keys: keys}});
			},
		};
	});

	test('own addresses by email (any case) or id; unknown throws', async () => {
		const account = createSdkAccount(session);
		assert.equal((await account.getOwnPrimaryAddress()).addressId, 'a1');
		assert.equal((await account.getOwnAddresses()).length, 2);
		assert.equal((await account.getOwnAddress('ALIAS@example.com')).addressId, 'a2');
		assert.equal((await account.getOwnAddress('a2')).email, 'alias@example.com');
		const address = await account.getOwnAddress('a1');
		assert.equal(address.keys[0]?.id, 'k1');
		await assert.rejects(account.getOwnAddress('stranger@example.com'));
	});

	test('public keys: own answered locally, others looked up once under the API base path', async () => {
		calls.length = 0;
		const account = createSdkAccount(session);
		const mine = await account.getPublicKeys('me@example.com');
		assert.equal(mine.length, 1);
		assert.equal(calls.length, 0);
		const bob = (await account.getPublicKeys('bob@example.com')) as unknown as openpgp.PublicKey[];
		assert.equal(bob[0]?.getFingerprint(), foreign.getFingerprint());
		await account.getPublicKeys('bob@example.com');
		assert.equal(calls.length, 1, 'cached per email');
		assert.equal(calls[0], 'http://127.0.0.1:9/api/core/v4/keys/all?Email=bob%40example.com');
		assert.deepEqual(await account.getPublicKeys('nobody@example.com'), []);
		assert.equal(await account.hasProtonAccount('bob@example.com'), true);
	});

	test('a failing lookup throws (the SDK reports it) and is not cached', async () => {
		let fail = true;
		const flaky: SdkSession = {
			...session,
			fetch: async () =>
				fail
					? new Response('down', {status: 503})
					: Response.json({Code: 1000, Address: {Keys: []}}),
		};
		await assert.rejects(fetchPublicKeys(flaky, 'x@example.com'));
		const account = createSdkAccount(flaky);
		await assert.rejects(account.getPublicKeys('x@example.com'));
		fail = false;
		assert.deepEqual(await account.getPublicKeys('x@example.com'), []);
	});
});
