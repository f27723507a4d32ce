import type {ProtonDriveClient} from '@protontech/drive-sdk';
import * as openpgp from 'openpgp';
import {
	createEmulatorDrive,
	type EmulatorDrive,
} from '../../../source/emulator/drive/drive-emulator.js';
import {ApiFailure, ok} from '../../../source/emulator/http/replies.js';
import {Router} from '../../../source/emulator/http/router.js';
import {type RunningHttpServer, startHttpServer} from '../../../source/emulator/http/server.js';
import {createDriveClient} from '../../../source/services/drive/create-drive-client.js';
import type {SdkSession} from '../../../source/services/drive/sdk-session.js';

/**
 * Emulator Drive routes on a loopback server with a fake account side: bearer token `t-<userId>` authenticates
 * that user, who owns one address with a locally generated key. Independent of the account emulator.
 */
export interface DriveHarness {
	url: string;
	drive: EmulatorDrive;
	/** Requests the server answered, as `METHOD /path status`. */
	requests: string[];
	sessionFor(user?: string): Promise<SdkSession>;
	client(opts?: {user?: string; clientUid?: string}): Promise<ProtonDriveClient>;
	stop(): Promise<void>;
}

const keyCache = new Map<string, Promise<openpgp.PrivateKey>>();

function addressKey(email: string) {
	let key = keyCache.get(email);
	if (!key) {
		key = openpgp
			.generateKey({type: 'ecc', curve: 'ed25519Legacy', userIDs: [{email}], format: 'object'})
			.then((k) => k.privateKey);
		keyCache.set(email, key);
	}
	return key;
}

export async function startDriveHarness(
	opts: {childrenPageSize?: number; dataDir?: string} = {},
): Promise<DriveHarness> {
	const emailOf = (userId: string) => `${userId}@example.com`;
	const accounts = {
		authenticate(ctx: {headers: Record<string, string | string[] | undefined>}) {
			const auth = String(ctx.headers.authorization ?? '');
			const userId = auth.startsWith('Bearer t-') ? auth.slice('Bearer t-'.length) : '';
			if (!userId) throw new ApiFailure(401, 401, 'Invalid access token');
			return {uid: `uid-${userId}`, userId};
		},
		addressesOf: (userId: string) => [{id: `addr-${userId}`, email: emailOf(userId)}],
		async publicKeysForEmail(email: string) {
			if (!email.endsWith('@example.com')) return [];
			return [(await addressKey(email)).toPublic().armor()];
		},
	};
	let url = '';
	const drive = await createEmulatorDrive({
		accounts,
		dataDir: opts.dataDir,
		publicUrl: () => url,
		childrenPageSize: opts.childrenPageSize,
	});
	const router = new Router();
	drive.registerRoutes(router);
	// The account emulator's public key lookup, as the SDK account provider uses it.
	router.get('/core/v4/keys/all', async (ctx) => {
		accounts.authenticate(ctx);
		const keys = await accounts.publicKeysForEmail(ctx.query.get('Email') ?? '');
		return ok({Address: {Keys: keys.map((PublicKey) => ({PublicKey, Flags: 3}))}});
	});
	const requests: string[] = [];
	const server: RunningHttpServer = await startHttpServer({
		port: 0,
		router,
		onRequest: (r) => requests.push(`${r.method} ${r.path} ${r.status}`),
	});
	url = server.url;

	const sessionFor = async (user = 'alice'): Promise<SdkSession> => {
		const email = emailOf(user);
		const key = await addressKey(email);
		return {
			apiBase: new URL(url),
			account: {
				userKeys: [],
				addresses: [
					{id: `addr-${user}`, email, primaryKeyIndex: 0, keys: [{id: `key-${user}`, key}]},
				],
			},
			fetch(target, init) {
				const headers = new Headers(init?.headers);
				headers.set('authorization', `Bearer t-${user}`);
				return fetch(target, {...init, headers});
			},
		};
	};

	return {
		url,
		drive,
		requests,
		sessionFor,
		async client({user, clientUid} = {}) {
			return createDriveClient({
				session: await sessionFor(user),
				clientUid: clientUid ?? 'test-client',
			});
		},
		async stop() {
			await server.stop();
			await drive.close();
		},
	};
}

export async function rootOf(client: ProtonDriveClient) {
	const root = await client.getMyFilesRootFolder();
	if (!root.ok) throw new Error('root is degraded');
	return root.value;
}

export async function uploadBytes(
	client: ProtonDriveClient,
	parentUid: string,
	name: string,
	bytes: Uint8Array,
	metadata: {overrideExistingDraftByOtherClient?: boolean} = {},
) {
	const uploader = await client.getFileUploader(parentUid, name, {
		mediaType: 'application/octet-stream',
		expectedSize: bytes.length,
		modificationTime: new Date('2024-05-01T10:00:00Z'),
		...metadata,
	});
	const stream = new ReadableStream<Uint8Array>({
		start(controller) {
			for (let i = 0; i < bytes.length; i += 1024 * 1024)
				controller.enqueue(bytes.subarray(i, i + 1024 * 1024));
			controller.close();
		},
	});
	const controller = await uploader.uploadFromStream(stream, []);
	return controller.completion();
}

export async function downloadBytes(client: ProtonDriveClient, nodeUid: string): Promise<Buffer> {
	const downloader = await client.getFileDownloader(nodeUid);
	const chunks: Uint8Array[] = [];
	const controller = downloader.downloadToStream(
		new WritableStream<Uint8Array>({
			write(chunk) {
				chunks.push(chunk);
			},
		}),
	);
	await controller.completion();
	return Buffer.concat(chunks);
}

export async function namesOf(client: ProtonDriveClient, folderUid: string): Promise<string[]> {
	const names: string[] = [];
	for await (const child of client.iterateFolderChildren(folderUid)) {
		names.push(child.ok ? child.value.name : `!${child.error.uid}`);
	}
	return names.sort();
}

export function randomBytesOf(size: number): Uint8Array {
	const out = new Uint8Array(size);
	for (let i = 0; i < size; i += 65536)
		crypto.getRandomValues(out.subarray(i, Math.min(size, i + 65536)));
	return out;
}
