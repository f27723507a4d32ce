import {ok} from '../http/replies.js';
import type {Router} from '../http/router.js';
import type {DriveContext} from './drive-context.js';
import {newId} from './ids.js';

const EVENTS_PAGE = 50;

/** Volume events: latest ID and the log after a given ID (drive.md §4.7). */
export function registerEventRoutes(router: Router, drive: DriveContext): void {
	const logOf = (volumeId: string) => {
		drive.data.events[volumeId] ??= [];
		return drive.data.events[volumeId];
	};

	/** An empty log still needs a stable cursor: an anchor event is created lazily. */
	const latestId = (volumeId: string) => {
		const log = logOf(volumeId);
		if (log.length === 0) {
			log.push({
				id: newId(),
				type: 3,
				linkId: '',
				parentLinkId: null,
				isTrashed: false,
				createTime: 0,
			});
		}
		return (log.at(-1) as {id: string}).id;
	};

	router.get('/drive/volumes/:volumeId/events/latest', async (ctx) => {
		const volume = await drive.volume(ctx, ctx.params.volumeId);
		return ok({EventID: latestId(volume.id)});
	});

	const since = async (ctx: Parameters<Parameters<Router['get']>[1]>[0]) => {
		const volume = await drive.volume(ctx, ctx.params.volumeId);
		const log = logOf(volume.id);
		const at = log.findIndex((e) => e.id === ctx.params.eventId);
		if (at === -1)
			return ok({Events: [], EventID: latestId(volume.id), More: false, Refresh: true});
		const page = log.slice(at + 1, at + 1 + EVENTS_PAGE).filter((e) => e.linkId);
		const last = log[Math.min(at + EVENTS_PAGE, log.length - 1)] as {id: string};
		return ok({
			Events: page.map((e) => ({
				EventID: e.id,
				EventType: e.type,
				CreateTime: e.createTime,
				Link: {
					LinkID: e.linkId,
					ParentLinkID: e.parentLinkId,
					IsShared: false,
					IsTrashed: e.isTrashed,
				},
			})),
			EventID: last.id,
			More: at + 1 + EVENTS_PAGE < log.length,
			Refresh: false,
		});
	};
	router.get('/drive/v2/volumes/:volumeId/events/:eventId', since);
	router.get('/drive/volumes/:volumeId/events/:eventId', since);
}
