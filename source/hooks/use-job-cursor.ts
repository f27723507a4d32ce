import {useCallback, useRef} from 'react';
import type {TransferJob} from '../services/transfers/transfer-queue.js';
import {useSyncState} from './use-sync-reducer.js';

/** Where the cursor starts when the transfer list opens: the first running job, else the last
 * failed or cancelled one (the ones a person opens the list for), else the first job. */
export function initialJobIndex(jobs: readonly TransferJob[]): number {
	const running = jobs.findIndex((j) => j.state === 'running');
	if (running >= 0) return running;
	const stopped = jobs.findLastIndex((j) => j.state === 'failed' || j.state === 'cancelled');
	return Math.max(0, stopped);
}

export interface JobCursor {
	/** Index of the selected job in `jobs` (0 when the list is empty). */
	index: number;
	/** The selected job as of the latest key (not only the latest render). */
	selected(): TransferJob | undefined;
	reset(): void;
	move(delta: number): void;
	jump(to: 'start' | 'end'): void;
}

/** The transfer list's cursor: kept on a job id, so it stays on its job while others come and go. */
export function useJobCursor(jobs: readonly TransferJob[]): JobCursor {
	const [selectedId, setSelectedId, selectedRef] = useSyncState<string | undefined>(undefined);
	const jobsRef = useRef(jobs);
	jobsRef.current = jobs;
	const indexNow = useCallback(() => {
		const list = jobsRef.current;
		const i = list.findIndex((j) => j.id === selectedRef.current);
		return i >= 0 ? i : Math.min(initialJobIndex(list), Math.max(0, list.length - 1));
	}, [selectedRef]);
	const select = useCallback(
		(i: number) => {
			const list = jobsRef.current;
			if (list.length === 0) return;
			setSelectedId(list[Math.max(0, Math.min(list.length - 1, i))].id);
		},
		[setSelectedId],
	);
	const found = jobs.findIndex((j) => j.id === selectedId);
	return {
		index: found >= 0 ? found : Math.min(initialJobIndex(jobs), Math.max(0, jobs.length - 1)),
		selected: () => jobsRef.current[indexNow()],
		reset: () => setSelectedId(undefined),
		move: (delta) => select(indexNow() + delta),
		jump: (to) => select(to === 'start' ? 0 : jobsRef.current.length - 1),
	};
}
