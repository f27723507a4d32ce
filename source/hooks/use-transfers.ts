import {useEffect, useMemo, useRef} from 'react';
import type {TransferJob, TransferQueue} from '../services/transfers/transfer-queue.js';
import {useThrottledSubscription} from './use-throttled-subscription.js';

/** What the UI needs of the TransferQueue (a fake in tests). */
export type TransferQueueLike = Pick<
	TransferQueue,
	'jobs' | 'subscribe' | 'copyToDrive' | 'copyToLocal' | 'cancel' | 'retry'
>;

/** Redraws at most 10 times a second however fast bytes flow. */
export const TRANSFER_REDRAW_MS = 100;

/**
 * Jobs of the queue, refreshed at most every TRANSFER_REDRAW_MS. `onFinished` is called with the
 * jobs that reached done or failed (once each), and with an empty list when the queue goes idle,
 * so panes can show what arrived.
 */
export function useTransfers(
	queue: TransferQueueLike | undefined,
	onFinished?: (finished: TransferJob[], idle: boolean) => void,
): TransferJob[] {
	const tick = useThrottledSubscription(
		useMemo(() => (queue ? (l: () => void) => queue.subscribe(l) : undefined), [queue]),
		TRANSFER_REDRAW_MS,
	);
	// biome-ignore lint/correctness/useExhaustiveDependencies: tick is the change signal
	const jobs = useMemo(() => (queue ? [...queue.jobs()] : []), [queue, tick]);
	const seen = useRef(new Set<string>());
	const wasBusy = useRef(false);
	const onFinishedRef = useRef(onFinished);
	onFinishedRef.current = onFinished;
	useEffect(() => {
		// Failed jobs count too: a folder upload that failed may still have created the folder.
		const fresh = jobs.filter(
			(j) => (j.state === 'done' || j.state === 'failed') && !seen.current.has(j.id),
		);
		for (const j of fresh) seen.current.add(j.id);
		const busy = jobs.some((j) => j.state === 'running' || j.state === 'queued');
		const becameIdle = wasBusy.current && !busy;
		wasBusy.current = busy;
		if (fresh.length > 0 || becameIdle) onFinishedRef.current?.(fresh, !busy);
	}, [jobs]);
	return jobs;
}
