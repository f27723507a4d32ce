import type {JobCursor} from '../../hooks/use-job-cursor.js';
import type {TransferQueueLike} from '../../hooks/use-transfers.js';
import type {CommandId} from '../../services/keys/commands.js';

export interface TransferCommandContext {
	queue?: Pick<TransferQueueLike, 'cancel' | 'retry'>;
	cursor: JobCursor;
	/** Rows one page moves. */
	pageRows: number;
	setStatus(text: string): void;
	/** Back to the panes. */
	close(): void;
	help(): void;
	quit(): void;
}

/** A key while the transfer list covers the panes: move, cancel, retry, leave. */
export function runTransferCommand(command: CommandId | undefined, ctx: TransferCommandContext) {
	const {cursor, queue} = ctx;
	const job = cursor.selected();
	switch (command) {
		case 'cursor.down':
			return cursor.move(1);
		case 'cursor.up':
			return cursor.move(-1);
		case 'cursor.pageDown':
			return cursor.move(ctx.pageRows);
		case 'cursor.pageUp':
			return cursor.move(-ctx.pageRows);
		case 'cursor.top':
			return cursor.jump('start');
		case 'cursor.bottom':
			return cursor.jump('end');
		case 'transfer.cancel':
			if (!queue || !job) return;
			if (job.state !== 'queued' && job.state !== 'running')
				return ctx.setStatus(`${job.name} is not running.`);
			queue.cancel(job.id);
			return ctx.setStatus(`Cancelled ${job.name}.`);
		case 'transfer.retry':
			if (!queue || !job) return;
			if (job.state !== 'failed' && job.state !== 'cancelled')
				return ctx.setStatus('Only failed or cancelled transfers can be retried.');
			if (job.error?.kind === 'unsupported') return ctx.setStatus(job.error.message);
			queue.retry(job.id);
			return ctx.setStatus(`Retrying ${job.name}.`);
		case 'listing.cancel':
		case 'transfers.show':
		case 'pane.switch':
		case 'folder.parent':
			return ctx.close();
		case 'help':
			return ctx.help();
		case 'quit':
			return ctx.quit();
		default:
			return;
	}
}
