import {DriveService} from '../../services/drive/drive-service.js';
import {createDrivePaneFs} from '../../services/panes/drive-pane-fs.js';
import {createLocalPaneFs} from '../../services/panes/local-pane-fs.js';
import type {ActiveSession} from '../../services/session/active-session.js';
import {createTransferExecutor} from '../../services/transfers/transfer-executor.js';
import {TransferQueue} from '../../services/transfers/transfer-queue.js';
import type {BrowserServices} from '../app.js';

/** Builds the two panes and the transfer queue for a signed-in session. */
export function openBrowserServices(
	session: ActiveSession,
	opts: {clientUid: string; concurrency: number; startDir?: string},
): BrowserServices & {queue: TransferQueue} {
	const drive = DriveService.create({session, clientUid: opts.clientUid});
	return {
		local: createLocalPaneFs({startDir: opts.startDir}),
		drive: createDrivePaneFs(drive),
		queue: new TransferQueue({
			executor: createTransferExecutor(drive),
			concurrency: opts.concurrency,
		}),
	};
}
