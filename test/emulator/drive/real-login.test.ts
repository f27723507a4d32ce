import assert from 'node:assert/strict';
import {after, before, describe, test} from 'node:test';
import {type RunningEmulator, startEmulator} from '../../../source/emulator/start-emulator.js';
import {LoginFlow} from '../../../source/services/auth/login-flow.js';
import {createDriveClient} from '../../../source/services/drive/create-drive-client.js';
import type {ActiveSession} from '../../../source/services/session/active-session.js';
import {createMemorySessionStore} from '../../../source/services/session/session-store.js';
import {independentLogin} from '../../independent-client/independent-client.js';
import {downloadBytes, randomBytesOf, rootOf, uploadBytes} from './drive-harness.js';
import {foreignDriveClient} from './foreign/foreign-client.js';

// The whole chain as the app runs it: emulator (accounts + drive) ← our LoginFlow/ActiveSession ← our SDK
// plumbing; and the other half of issue 3: what we uploaded, a foreign client reads with every signature valid.
describe('our Drive client after a real login against the emulator', () => {
	let emu: RunningEmulator;
	let session: ActiveSession;
	before(async () => {
		emu = await startEmulator({
			port: 0,
			accounts: [{username: 'plain@example.com', password: 'pw one'}],
		});
		const step = await new LoginFlow({
			apiBase: new URL(emu.url),
			store: createMemorySessionStore(),
		}).begin('plain@example.com', 'pw one');
		assert.equal(step.step, 'ready');
		session = (step as {session: ActiveSession}).session;
	});
	after(async () => {
		await emu.stop();
	});

	test('upload + download survive an access-token expiry (the session refreshes under the SDK)', async () => {
		const client = createDriveClient({session, clientUid: 'ours'});
		const root = await rootOf(client);
		const docs = await client.createFolder(root.uid, 'Docs');
		assert.ok(docs.ok);
		emu.controls.expireAccessTokens();
		const bytes = randomBytesOf(4 * 1024 * 1024 + 1000);
		const {nodeUid} = await uploadBytes(client, docs.value.uid, 'ours.bin', bytes);
		emu.controls.expireAccessTokens();
		const back = await downloadBytes(createDriveClient({session, clientUid: 'ours'}), nodeUid);
		assert.equal(Buffer.compare(back, Buffer.from(bytes)), 0);

		// A foreign client (independent login, its own SDK host) reads what we wrote, all signatures valid.
		const foreign = foreignDriveClient(
			emu.url,
			await independentLogin(emu.url, 'plain@example.com', 'pw one'),
		);
		const node = await foreign.getNode(nodeUid);
		assert.ok(node.ok);
		assert.equal(node.value.name, 'ours.bin');
		assert.ok(node.value.keyAuthor.ok, 'key author verified');
		assert.ok(node.value.nameAuthor.ok, 'name author verified');
		assert.ok(node.value.activeRevision?.contentAuthor.ok, 'content author verified');
		const theirs = await downloadBytes(foreign, nodeUid);
		assert.equal(Buffer.compare(theirs, Buffer.from(bytes)), 0);
	});
});
