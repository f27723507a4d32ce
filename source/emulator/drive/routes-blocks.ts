import {createHash} from 'node:crypto';
import {ApiFailure, apiError, invalid, ok} from '../http/replies.js';
import type {RequestContext, Router} from '../http/router.js';
import type {DriveContext} from './drive-context.js';
import {type BlockRecord, STATE_ACTIVE, STATE_DRAFT, type ThumbnailRecord} from './drive-model.js';
import {newId} from './ids.js';
import {verificationCodeOf} from './routes-files.js';

const MAX_BLOCK = 4 * 1024 * 1024 + 64 * 1024;
const MAX_THUMBNAIL = 1024 * 1024 + 64 * 1024;
const BASE64_SHA256 = /^[A-Za-z0-9+/]{43}=$/;

/** Waits as long as the test switch for slow storage says (never keeps the process alive). */
async function slowStorage(drive: DriveContext): Promise<void> {
	const ms = drive.switches.storageDelayMs;
	if (ms <= 0) return;
	await new Promise<void>((resolve) => {
		const release = () => {
			clearTimeout(timer);
			drive.heldStorage.delete(release);
			resolve();
		};
		const timer = setTimeout(release, ms);
		timer.unref();
		drive.heldStorage.add(release);
	});
}

/** `POST drive/blocks`, the storage endpoints and thumbnail links (drive.md §4.4, §4.5). */
export function registerBlockRoutes(router: Router, drive: DriveContext): void {
	router.post('/drive/blocks', async (ctx) => {
		const body = ctx.json ?? {};
		const volume = await drive.volume(ctx, body.VolumeID);
		const link = drive.link(volume, body.LinkID, [STATE_DRAFT, STATE_ACTIVE]);
		const revision = drive.revision(link, body.RevisionID, [STATE_DRAFT]);
		if (body.AddressID !== null) {
			const {userId} = await drive.user(ctx);
			const own = (await drive.accounts.addressesOf(userId)).some((a) => a.id === body.AddressID);
			if (!own) throw invalid('AddressID is not an address of this user');
		}
		const blockList: unknown[] = Array.isArray(body.BlockList) ? body.BlockList : [];
		const thumbnailList: unknown[] = Array.isArray(body.ThumbnailList) ? body.ThumbnailList : [];
		const code = verificationCodeOf(link);
		const uploadLinks = [];
		for (const raw of blockList) {
			const item = raw as Record<string, any>;
			const index = Number(item.Index);
			if (!Number.isInteger(index) || index < 1) throw invalid('Block Index must start at 1');
			checkHashAndSize(item.Hash, item.Size, MAX_BLOCK);
			const token = item.Verifier?.Token;
			if (typeof token !== 'string' || Buffer.from(token, 'base64').length !== code.length) {
				throw new ApiFailure(422, 200501, 'Operation failed: Please retry');
			}
			const existing = revision.blocks.find((b) => b.index === index);
			if (existing) await drive.blocks.remove(existing.storedId);
			const block: BlockRecord = {
				index,
				hash: item.Hash,
				size: item.Size,
				encSignature: typeof item.EncSignature === 'string' ? item.EncSignature : null,
				signatureEmail: null,
				verifierToken: token,
				storedId: null,
			};
			revision.blocks = [...revision.blocks.filter((b) => b.index !== index), block];
			const slot = newId();
			const storageToken = drive.tokens.issue({
				kind: 'upload-block',
				slot,
				revisionId: revision.id,
				index,
				hash: block.hash,
				verifierToken: token,
				verificationCode: code,
			});
			const url = drive.storageUrl(slot);
			uploadLinks.push({Index: index, BareURL: url, Token: storageToken, URL: url});
		}
		const thumbnailLinks = [];
		for (const raw of thumbnailList) {
			const item = raw as Record<string, any>;
			const type = Number(item.Type);
			if (![1, 2, 3].includes(type)) throw invalid('Unknown thumbnail type');
			checkHashAndSize(item.Hash, item.Size, type === 2 ? MAX_THUMBNAIL : 65536);
			for (const old of revision.thumbnails.filter((t) => t.type === type))
				await drive.blocks.remove(old.storedId);
			const thumbnail: ThumbnailRecord = {
				id: newId(),
				type,
				hash: item.Hash,
				size: item.Size,
				storedId: null,
			};
			revision.thumbnails = [...revision.thumbnails.filter((t) => t.type !== type), thumbnail];
			const slot = newId();
			const storageToken = drive.tokens.issue({
				kind: 'upload-thumbnail',
				slot,
				revisionId: revision.id,
				thumbnailId: thumbnail.id,
				hash: thumbnail.hash,
			});
			const url = drive.storageUrl(slot);
			thumbnailLinks.push({ThumbnailType: type, BareURL: url, Token: storageToken, URL: url});
		}
		drive.store.changed();
		return ok({UploadLinks: uploadLinks, ThumbnailLinks: thumbnailLinks});
	});

	router.post('/storage/blocks/:slot', async (ctx) => {
		const token = header(ctx, 'pm-storage-token');
		const grant = drive.tokens.find(token, ctx.params.slot ?? '');
		if (!grant || grant.kind === 'download')
			return apiError(404, 2501, 'Unknown or expired storage token');
		const bytes = await blockFromMultipart(ctx);
		await slowStorage(drive);
		const hash = createHash('sha256').update(bytes).digest('base64');
		if (hash !== grant.hash) throw new ApiFailure(422, 200501, 'Operation failed: Please retry');
		const revision = drive.data.revisions[grant.revisionId];
		if (!revision || revision.state !== STATE_DRAFT) return apiError(404, 2501, 'Revision is gone');
		if (grant.kind === 'upload-block') {
			if (grant.verifierToken !== expectedToken(grant.verificationCode, bytes)) {
				throw new ApiFailure(422, 200501, 'Operation failed: Please retry');
			}
			const block = revision.blocks.find((b) => b.index === grant.index && b.hash === grant.hash);
			if (!block || bytes.length !== block.size)
				throw new ApiFailure(422, 200501, 'Operation failed: Please retry');
			await drive.blocks.remove(block.storedId);
			block.storedId = await drive.blocks.put(bytes);
		} else {
			const thumbnail = revision.thumbnails.find((t) => t.id === grant.thumbnailId);
			if (!thumbnail || bytes.length !== thumbnail.size) {
				throw new ApiFailure(422, 200501, 'Operation failed: Please retry');
			}
			await drive.blocks.remove(thumbnail.storedId);
			thumbnail.storedId = await drive.blocks.put(bytes);
		}
		if (token) drive.tokens.revoke(token);
		drive.store.changed();
		return ok();
	});

	router.get('/storage/blocks/:slot', async (ctx) => {
		const grant = drive.tokens.find(header(ctx, 'pm-storage-token'), ctx.params.slot ?? '');
		if (grant?.kind !== 'download') return apiError(404, 2501, 'Unknown or expired storage token');
		await slowStorage(drive);
		try {
			return {status: 200, bytes: await drive.blocks.get(grant.storedId)};
		} catch {
			return apiError(404, 2501, 'Block is gone');
		}
	});

	router.post('/drive/volumes/:volumeId/thumbnails', async (ctx) => {
		const volume = await drive.volume(ctx, ctx.params.volumeId);
		const ids: unknown = ctx.json?.ThumbnailIDs;
		if (!Array.isArray(ids) || ids.length > 30)
			throw invalid('ThumbnailIDs must be a list of at most 30 IDs');
		const thumbnails = [];
		const errors = [];
		for (const id of ids) {
			const found = findThumbnail(drive, volume.id, id);
			if (!found?.storedId) {
				errors.push({ThumbnailID: id, Error: 'Thumbnail does not exist', Code: 2501});
				continue;
			}
			const slot = newId();
			const token = drive.tokens.issue({kind: 'download', slot, storedId: found.storedId});
			thumbnails.push({ThumbnailID: id, BareURL: drive.storageUrl(slot), Token: token});
		}
		return ok({Thumbnails: thumbnails, Errors: errors});
	});
}

function findThumbnail(
	drive: DriveContext,
	volumeId: string,
	id: unknown,
): ThumbnailRecord | undefined {
	for (const revision of Object.values(drive.data.revisions)) {
		if (revision.state === STATE_DRAFT || drive.data.links[revision.linkId]?.volumeId !== volumeId)
			continue;
		const thumbnail = revision.thumbnails.find((t) => t.id === id);
		if (thumbnail) return thumbnail;
	}
	return undefined;
}

function checkHashAndSize(hash: unknown, size: unknown, max: number) {
	if (typeof hash !== 'string' || !BASE64_SHA256.test(hash))
		throw invalid('Hash must be a base64 SHA-256');
	if (typeof size !== 'number' || !Number.isInteger(size) || size <= 0 || size > max)
		throw invalid('Invalid Size');
}

/** Token = VerificationCode XOR the first bytes of the encrypted block, zero-padded (drive.md §2.10). */
export function expectedToken(code: Uint8Array, block: Uint8Array): string {
	const out = Buffer.alloc(code.length);
	for (let i = 0; i < code.length; i++) out[i] = (code[i] as number) ^ (block[i] ?? 0);
	return out.toString('base64');
}

function header(ctx: RequestContext, name: string): string | undefined {
	const value = ctx.headers[name];
	return Array.isArray(value) ? value[0] : value;
}

async function blockFromMultipart(ctx: RequestContext): Promise<Uint8Array> {
	const contentType = header(ctx, 'content-type') ?? '';
	if (!contentType.startsWith('multipart/form-data')) throw invalid('Expected multipart/form-data');
	let form: FormData;
	try {
		form = await new Response(new Uint8Array(ctx.body), {
			headers: {'content-type': contentType},
		}).formData();
	} catch {
		throw invalid('Malformed multipart body');
	}
	const block = form.get('Block');
	if (!block || typeof block === 'string') throw invalid('Missing Block field');
	return new Uint8Array(await block.arrayBuffer());
}
