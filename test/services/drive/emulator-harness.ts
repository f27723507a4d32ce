// Shared setup for Drive service tests against the in-process emulator with a real login.
import {mkdtemp, rm} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {loginDemo} from '../../../source/emulator/seed/demo-seed.js';
import {type RunningEmulator, startEmulator} from '../../../source/emulator/start-emulator.js';
import {createDriveClient} from '../../../source/services/drive/create-drive-client.js';
import {DriveService} from '../../../source/services/drive/drive-service.js';
import type {ActiveSession} from '../../../source/services/session/active-session.js';

export interface Harness {
	emulator: RunningEmulator;
	session: ActiveSession;
	drive: DriveService;
	/** A second service with its own SDK client (no shared caches): sees only what the server has. */
	freshDrive(): DriveService;
	/** `METHOD /path status` of every request the emulator answered, in order; tests may reset it. */
	requests: string[];
	tmp: string;
	stop(): Promise<void>;
}

export async function startHarness(opts: {seed?: 'demo'} = {}): Promise<Harness> {
	const requests: string[] = [];
	const emulator = await startEmulator({
		port: 0,
		seed: opts.seed,
		log: (line) => requests.push(line),
	});
	const session = await loginDemo(emulator.url);
	const tmp = await mkdtemp(path.join(os.tmpdir(), 'pdrive-drive-it-'));
	let n = 0;
	const freshDrive = () => DriveService.create({session, clientUid: `pdrive-test-${++n}`});
	return {
		emulator,
		session,
		drive: freshDrive(),
		freshDrive,
		requests,
		tmp,
		async stop() {
			await emulator.stop();
			await rm(tmp, {recursive: true, force: true});
		},
	};
}

/**
 * Stores 3-byte files under `names` through the raw SDK (another client): our service refuses
 * names such as '../x' or 'a/b', the SDK does not, so tests can meet them in listings.
 */
export async function storeRawNames(
	session: ActiveSession,
	folderUid: string,
	names: readonly string[],
	clientUid: string,
): Promise<void> {
	const raw = createDriveClient({session, clientUid});
	for (const name of names) {
		const uploader = await raw.getFileUploader(folderUid, name, {
			mediaType: 'text/plain',
			expectedSize: 3,
		});
		const stream = new ReadableStream<Uint8Array>({
			start(c) {
				c.enqueue(new Uint8Array([1, 2, 3]));
				c.close();
			},
		});
		await (await uploader.uploadFromStream(stream, [])).completion();
	}
}
