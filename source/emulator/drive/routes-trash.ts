import {ApiFailure, invalid, ok} from '../http/replies.js';
import type {Router} from '../http/router.js';
import type {DriveContext} from './drive-context.js';
import {type LinkRecord, STATE_ACTIVE, STATE_TRASHED} from './drive-model.js';
import {nowSeconds} from './ids.js';
import {multiResponse} from './multi-response.js';

/** Trash, restore, permanent delete, trash listing and empty trash (drive.md §4.2, §4.6). */
export function registerTrashRoutes(router: Router, drive: DriveContext): void {
	const P = '/drive/v2/volumes/:volumeId';

	router.post(`${P}/trash_multiple`, async (ctx) => {
		const volume = await drive.volume(ctx, ctx.params.volumeId);
		return multiResponse(ctx.json?.LinkIDs, (id) => {
			const link = drive.link(volume, id);
			if (link.parentId === null)
				throw new ApiFailure(422, 2000, 'A root folder cannot be trashed');
			link.state = STATE_TRASHED;
			link.trashTime = nowSeconds();
			drive.emit(volume.id, 2, link);
		}).finally(() => drive.store.changed());
	});

	router.put(`${P}/trash/restore_multiple`, async (ctx) => {
		const volume = await drive.volume(ctx, ctx.params.volumeId);
		return multiResponse(ctx.json?.LinkIDs, (id) => {
			const link = drive.link(volume, id, [STATE_TRASHED]);
			const parent = link.parentId ? drive.data.links[link.parentId] : undefined;
			if (!parent || parent.state !== STATE_ACTIVE)
				throw new ApiFailure(422, 2000, 'The parent folder is not active');
			const taken = link.nameHash ? drive.nameTaken(parent.id, link.nameHash, link.id) : undefined;
			if (taken) throw drive.conflict(taken);
			link.state = STATE_ACTIVE;
			link.trashTime = null;
			drive.emit(volume.id, 2, link);
		}).finally(() => drive.store.changed());
	});

	router.post(`${P}/trash/delete_multiple`, async (ctx) => {
		const volume = await drive.volume(ctx, ctx.params.volumeId);
		return multiResponse(ctx.json?.LinkIDs, async (id) => {
			await drive.destroy(drive.link(volume, id, [STATE_TRASHED]));
		}).finally(() => drive.store.changed());
	});

	router.get('/drive/volumes/:volumeId/trash', async (ctx) => {
		const volume = await drive.volume(ctx, ctx.params.volumeId);
		const page = Number(ctx.query.get('Page') ?? 0);
		const pageSize = Number(ctx.query.get('PageSize') ?? drive.switches.trashPageSize);
		if (!Number.isInteger(page) || page < 0 || !Number.isInteger(pageSize) || pageSize < 1) {
			throw invalid('Invalid paging');
		}
		const trashed = trashedOf(drive, volume.id).slice(page * pageSize, (page + 1) * pageSize);
		return ok({
			Trash: [
				{
					ShareID: volume.shareId,
					LinkIDs: trashed.map((l) => l.id),
					ParentIDs: [...new Set(trashed.map((l) => l.parentId))],
				},
			],
		});
	});

	router.delete('/drive/volumes/:volumeId/trash', async (ctx) => {
		const volume = await drive.volume(ctx, ctx.params.volumeId);
		for (const link of trashedOf(drive, volume.id)) {
			if (drive.data.links[link.id]) await drive.destroy(link);
		}
		drive.store.changed();
		return ok();
	});
}

function trashedOf(drive: DriveContext, volumeId: string): LinkRecord[] {
	return Object.values(drive.data.links)
		.filter((l) => l.volumeId === volumeId && l.state === STATE_TRASHED)
		.sort((a, b) => (a.trashTime ?? 0) - (b.trashTime ?? 0) || a.id.localeCompare(b.id));
}
