import {ApiFailure, invalid, ok} from '../http/replies.js';
import type {Reply} from '../http/router.js';

/** Runs `action` per link ID and answers `Code 1001` with a per-ID `Responses` list (drive.md §3.2). */
export async function multiResponse(
	ids: unknown,
	action: (id: string) => Promise<void> | void,
): Promise<Reply> {
	if (!Array.isArray(ids) || ids.length > 100 || ids.some((id) => typeof id !== 'string')) {
		throw invalid('LinkIDs must be a list of at most 100 IDs');
	}
	const responses = [];
	for (const id of ids as string[]) {
		try {
			await action(id);
			responses.push({LinkID: id, Response: {Code: 1000}});
		} catch (error) {
			if (!(error instanceof ApiFailure)) throw error;
			responses.push({LinkID: id, Response: {Code: error.code, Error: error.message}});
		}
	}
	return ok({Responses: responses}, 1001);
}
