import assert from 'node:assert/strict';
import {mkdtempSync, readdirSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, before, describe, test} from 'node:test';
import {
	NodeWithSameNameExistsValidationError,
	type ProtonDriveHTTPClient,
} from '@protontech/drive-sdk';
import * as openpgp from 'openpgp';
import {createDriveClient} from '../../../source/services/drive/create-drive-client.js';
import {createSdkHttpClient} from '../../../source/services/drive/sdk-http-client.js';
import {
	type DriveHarness,
	downloadBytes,
	randomBytesOf,
	rootOf,
	startDriveHarness,
	uploadBytes,
} from './drive-harness.js';

/** An http client that lets a test tamper with requests on their way out. */
function tampering(
	inner: ProtonDriveHTTPClient,
	hooks: {
		json?: (
			req: Parameters<ProtonDriveHTTPClient['fetchJson']>[0],
		) => Promise<Response | undefined> | undefined;
		blob?: (req: Parameters<ProtonDriveHTTPClient['fetchBlob']>[0]) => Promise<void> | void;
	},
): ProtonDriveHTTPClient {
	return {
		async fetchJson(req) {
			return (await hooks.json?.(req)) ?? inner.fetchJson(req);
		},
		async fetchBlob(req) {
			await hooks.blob?.(req);
			return inner.fetchBlob(req);
		},
	};
}

function failingStream(bytes: Uint8Array): ReadableStream<Uint8Array> {
	return new ReadableStream({
		pull(controller) {
			controller.enqueue(bytes);
			controller.error(new Error('disk went away'));
		},
	});
}

describe('emulator Drive checks a real server makes', () => {
	let h: DriveHarness;
	before(async () => {
		h = await startDriveHarness();
	});
	after(async () => {
		await h.stop();
	});

	const api = async (user: string, method: string, path: string, json?: unknown) => {
		const response = await fetch(`${h.url}/${path}`, {
			method,
			headers: {authorization: `Bearer t-${user}`, 'content-type': 'application/json'},
			body: json === undefined ? undefined : JSON.stringify(json),
		});
		return {status: response.status, body: (await response.json()) as Record<string, any>};
	};

	test('requests without a session are refused; unknown links answer 422/2501', async () => {
		const client = await h.client({user: 'carol'});
		const root = await rootOf(client);
		const volumeId = root.uid.split('~')[0];
		const anonymous = await fetch(`${h.url}/drive/v2/shares/my-files`);
		assert.equal(anonymous.status, 401);
		const unknown = await api('carol', 'GET', `drive/v2/volumes/${volumeId}/folders/nope/children`);
		assert.deepEqual([unknown.status, unknown.body.Code], [422, 2501]);
		// Another user's volume does not exist for this user.
		await rootOf(await h.client({user: 'dave'}));
		const foreign = await api(
			'dave',
			'GET',
			`drive/v2/volumes/${volumeId}/folders/${root.uid.split('~')[1]}/children`,
		);
		assert.deepEqual([foreign.status, foreign.body.Code], [422, 2501]);
		const badToken = await fetch(`${h.url}/storage/blocks/abc`, {
			headers: {'pm-storage-token': 'nope'},
		});
		assert.equal(badToken.status, 404);
	});

	test('a leftover draft: foreign client gets an unfinished-upload conflict, own client cleans it up', async () => {
		const session = await h.sessionFor('erin');
		const inner = createSdkHttpClient(session);
		// The SDK deletes its draft after a failed upload; drop that call so the draft stays behind.
		const leaky = tampering(inner, {
			json: (req) =>
				req.url.endsWith('/delete_multiple')
					? Promise.resolve(Response.json({Code: 2000}, {status: 422}))
					: undefined,
		});
		const first = createDriveClient({session, clientUid: 'laptop', httpClient: leaky});
		const root = await rootOf(first);
		const uploader = await first.getFileUploader(root.uid, 'draft.bin', {
			mediaType: 'application/octet-stream',
			expectedSize: 10,
		});
		const ctrl = await uploader.uploadFromStream(failingStream(new Uint8Array(5)), []);
		await assert.rejects(ctrl.completion());
		assert.equal(h.drive.controls.stats().drafts, 1);

		const other = createDriveClient({session, clientUid: 'desktop'});
		await assert.rejects(
			uploadBytes(other, root.uid, 'draft.bin', new Uint8Array(3)),
			(error: unknown) => {
				assert.ok(error instanceof NodeWithSameNameExistsValidationError);
				assert.equal(error.isUnfinishedUpload, true);
				return true;
			},
		);

		const same = createDriveClient({session, clientUid: 'laptop'});
		const bytes = randomBytesOf(3000);
		const {nodeUid} = await uploadBytes(same, root.uid, 'draft.bin', bytes);
		assert.equal(h.drive.controls.stats().drafts, 0);
		assert.equal(Buffer.compare(await downloadBytes(same, nodeUid), Buffer.from(bytes)), 0);
	});

	test('storage rejects bytes whose SHA-256 differs from the declared hash; the SDK retries and succeeds', async () => {
		const session = await h.sessionFor('frank');
		let flipped = 0;
		const http = tampering(createSdkHttpClient(session), {
			async blob(req) {
				if (req.method !== 'POST' || flipped > 0 || !(req.body instanceof FormData)) return;
				flipped++;
				const block = req.body.get('Block') as Blob;
				const bytes = new Uint8Array(await block.arrayBuffer());
				bytes[bytes.length - 1] = (bytes[bytes.length - 1] as number) ^ 1;
				req.body.set('Block', new Blob([bytes]), 'blob');
			},
		});
		const client = createDriveClient({session, clientUid: 'c', httpClient: http});
		const root = await rootOf(client);
		h.requests.length = 0;
		const bytes = randomBytesOf(5000);
		const {nodeUid} = await uploadBytes(client, root.uid, 'retried.bin', bytes);
		assert.equal(flipped, 1);
		assert.ok(h.requests.some((r) => r.startsWith('POST /storage/blocks/') && r.endsWith(' 422')));
		assert.equal(
			Buffer.compare(
				await downloadBytes(await h.client({user: 'frank'}), nodeUid),
				Buffer.from(bytes),
			),
			0,
		);
	});

	test('storage rejects a block whose verifier token does not match (422/200501): upload fails', async () => {
		const session = await h.sessionFor('gina');
		const http = tampering(createSdkHttpClient(session), {
			json(req) {
				const body = req.json as {BlockList?: {Verifier: {Token: string}}[]} | undefined;
				if (!req.url.endsWith('/drive/blocks') || !body?.BlockList) return undefined;
				for (const block of body.BlockList) {
					const token = Buffer.from(block.Verifier.Token, 'base64');
					token[0] = (token[0] as number) ^ 0xff;
					block.Verifier.Token = token.toString('base64');
				}
				return undefined;
			},
		});
		const client = createDriveClient({session, clientUid: 'c', httpClient: http});
		const root = await rootOf(client);
		h.requests.length = 0;
		await assert.rejects(uploadBytes(client, root.uid, 'unverified.bin', randomBytesOf(100)));
		assert.ok(h.requests.some((r) => r.startsWith('POST /storage/blocks/') && r.endsWith(' 422')));
	});

	test('a commit whose manifest signature does not verify with the address keys is rejected', async () => {
		const session = await h.sessionFor('henry');
		const {privateKey} = await openpgp.generateKey({
			type: 'ecc',
			curve: 'ed25519Legacy',
			userIDs: [{email: 'henry@example.com'}],
			format: 'object',
		});
		const address = session.account.addresses[0];
		assert.ok(address);
		address.keys = [{id: 'rogue', key: privateKey}];
		const client = createDriveClient({session, clientUid: 'c'});
		const root = await rootOf(client);
		h.requests.length = 0;
		await assert.rejects(uploadBytes(client, root.uid, 'forged.bin', randomBytesOf(10)));
		assert.ok(h.requests.some((r) => /^PUT \/drive\/v2\/volumes\/.+\/revisions\/.+ 422$/.test(r)));
	});

	test('corrupted name / signatures: the node is degraded or its author unverified', async () => {
		const client = await h.client({user: 'ivy'});
		const root = await rootOf(client);
		const made = await Promise.all(
			['broken', 'forged-name', 'forged-key'].map((n) => client.createFolder(root.uid, n)),
		);
		const [broken, forgedName, forgedKey] = made.map((m) => (m.ok ? m.value.uid : ''));
		await h.drive.controls.corruptNodeName(broken as string);
		h.drive.controls.corruptNodeNameSignature(forgedName as string);
		await h.drive.controls.corruptNodePassphraseSignature(forgedKey as string);
		const byUid = new Map<string, Awaited<ReturnType<typeof client.getNode>>>();
		for await (const child of (await h.client({user: 'ivy'})).iterateFolderChildren(root.uid)) {
			byUid.set(child.ok ? child.value.uid : child.error.uid, child);
		}
		assert.equal(byUid.size, 3, 'every node is still listed');
		assert.equal(byUid.get(broken as string)?.ok, false, 'undecryptable name → degraded node');
		const nameNode = byUid.get(forgedName as string);
		assert.ok(nameNode?.ok);
		assert.equal(nameNode.value.name, 'forged-name');
		assert.equal(nameNode.value.nameAuthor.ok, false);
		const keyNode = byUid.get(forgedKey as string);
		assert.ok(keyNode?.ok);
		assert.equal(keyNode.value.keyAuthor.ok, false);
	});

	test('events: creates are logged after the latest id; unknown ids ask for a refresh', async () => {
		const client = await h.client({user: 'jack'});
		const root = await rootOf(client);
		const volumeId = root.uid.split('~')[0];
		const latest = await api('jack', 'GET', `drive/volumes/${volumeId}/events/latest`);
		assert.equal(latest.status, 200);
		const made = await client.createFolder(root.uid, 'evented');
		assert.ok(made.ok);
		const events = await api(
			'jack',
			'GET',
			`drive/v2/volumes/${volumeId}/events/${latest.body.EventID}`,
		);
		assert.equal(events.body.Refresh, false);
		assert.deepEqual(
			events.body.Events.map((e: any) => [e.EventType, `${volumeId}~${e.Link.LinkID}`]),
			[[1, made.value.uid]],
		);
		const unknown = await api('jack', 'GET', `drive/v2/volumes/${volumeId}/events/nope`);
		assert.equal(unknown.body.Refresh, true);
	});
});

describe('emulator Drive persistence under dataDir', () => {
	const dataDir = mkdtempSync(join(tmpdir(), 'pdrive-drive-data-'));
	after(() => rmSync(dataDir, {recursive: true, force: true}));

	test('metadata and blocks survive a restart; blocks are files on disk', async () => {
		const first = await startDriveHarness({dataDir});
		const client = await first.client();
		const root = await rootOf(client);
		const bytes = randomBytesOf(4 * 1024 * 1024 + 5);
		const {nodeUid} = await uploadBytes(client, root.uid, 'kept.bin', bytes);
		await first.stop();
		assert.equal(readdirSync(join(dataDir, 'blocks')).length, 2);
		const second = await startDriveHarness({dataDir});
		try {
			const back = await downloadBytes(await second.client(), nodeUid);
			assert.equal(Buffer.compare(back, Buffer.from(bytes)), 0);
		} finally {
			await second.stop();
		}
	});
});
