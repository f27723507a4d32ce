import type {TransferError} from './transfer-error.js';

export type JobState = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

/** One transfer as the UI sees it (a snapshot; the queue owns the live record). */
export interface TransferJob {
	id: string;
	direction: 'upload' | 'download';
	/** 'folder' jobs only appear when creating or listing a folder failed (retry re-walks it). */
	kind: 'file' | 'folder';
	name: string;
	/** Upload: local path. Download: node uid. */
	source: string;
	/** Upload: parent folder uid. Download: local folder. */
	target: string;
	/** Where it goes, for people: Drive path for uploads, local folder for downloads. */
	targetLabel: string;
	state: JobState;
	bytesDone: number;
	bytesTotal: number;
	/** Bytes per second (moving average over ~3 s; average over the whole job once done). */
	speed: number;
	etaSeconds?: number;
	error?: TransferError;
	/** Set when the conflict policy skipped the job (state 'done', nothing transferred). */
	skipped?: boolean;
	startedAt?: number;
	finishedAt?: number;
}

export interface TransferSummary {
	done: number;
	failed: number;
	cancelled: number;
	queued: number;
	running: number;
	/** Over jobs queued, running or done (not failed, cancelled or skipped). */
	bytesDone: number;
	bytesTotal: number;
}

const TRANSITIONS: Record<JobState, readonly JobState[]> = {
	queued: ['running', 'cancelled'],
	running: ['done', 'failed', 'cancelled'],
	done: [],
	failed: ['queued'],
	cancelled: ['queued'],
};

export function canTransition(from: JobState, to: JobState): boolean {
	return TRANSITIONS[from].includes(to);
}

export function isFinished(state: JobState): boolean {
	return state === 'done' || state === 'failed' || state === 'cancelled';
}

export function isRetryable(state: JobState): boolean {
	return canTransition(state, 'queued');
}

export function emptySummary(): TransferSummary {
	return {done: 0, failed: 0, cancelled: 0, queued: 0, running: 0, bytesDone: 0, bytesTotal: 0};
}

export function summarize(jobs: Iterable<TransferJob>): TransferSummary {
	const summary = emptySummary();
	for (const job of jobs) {
		summary[job.state]++;
		// Bytes count for what is done or still to do: not for failed or cancelled jobs (a retry
		// counts them again) nor skipped ones (the target already had the name).
		if (job.state === 'cancelled' || job.state === 'failed' || job.skipped) continue;
		summary.bytesDone += job.bytesDone;
		summary.bytesTotal += job.bytesTotal;
	}
	return summary;
}
