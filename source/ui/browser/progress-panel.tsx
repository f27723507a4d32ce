import {Box, Text} from 'ink';
import type {TransferJob} from '../../services/transfers/transfer-queue.js';
import {summarize, type TransferSummary} from '../../services/transfers/transfer-job.js';
import {formatCount, formatSize} from '../text/format-size.js';
import {formatDuration} from '../text/format-time.js';
import {padCells, truncateSegments} from '../text/truncate-cells.js';
import {visibleName, visibleSegments} from '../text/visible-name.js';

/** "[██████░░░░]" of `cells` width for a 0..1 fraction. */
export function progressBar(fraction: number, cells: number): string {
	const f = Number.isFinite(fraction) ? Math.max(0, Math.min(1, fraction)) : 0;
	const filled = Math.round(f * cells);
	return '█'.repeat(filled) + '░'.repeat(cells - filled);
}

export function percentOf(job: Pick<TransferJob, 'bytesDone' | 'bytesTotal' | 'state'>): number {
	if (job.bytesTotal <= 0) return job.state === 'done' ? 100 : 0;
	return Math.min(100, Math.floor((job.bytesDone / job.bytesTotal) * 100));
}

/** The text after the bar: " 42%  3.1 MB/s  ETA 12s". */
export function jobStats(job: TransferJob): string {
	const pct = `${String(percentOf(job)).padStart(3)}%`;
	const speed = job.speed > 0 ? `${formatSize(job.speed)}/s` : '—';
	const eta = job.etaSeconds !== undefined ? `ETA ${formatDuration(job.etaSeconds)}` : '';
	return `${pct} ${speed.padStart(10)} ${eta}`.trimEnd();
}

export function summaryLine(c: TransferSummary): string {
	const cancelled = c.cancelled > 0 ? `, ${formatCount(c.cancelled)} cancelled` : '';
	return (
		`${formatCount(c.done)} done, ${formatCount(c.failed)} failed${cancelled}, ` +
		`${formatCount(c.running)} running, ${formatCount(c.queued)} queued — ` +
		`${formatSize(c.bytesDone)} of ${formatSize(c.bytesTotal)}`
	);
}

/** The text of a finished job: "4.2 MB in 3s, 1.4 MB/s" (or "skipped"). */
export function finishedStats(job: TransferJob): string {
	if (job.skipped) return 'skipped, already there';
	const seconds =
		job.startedAt !== undefined && job.finishedAt !== undefined
			? (job.finishedAt - job.startedAt) / 1000
			: undefined;
	const took =
		seconds === undefined ? '' : seconds < 1 ? ' in <1s' : ` in ${formatDuration(seconds)}`;
	const speed = job.speed > 0 ? `, ${formatSize(job.speed)}/s` : '';
	return `${formatSize(job.bytesTotal)}${took}${speed}`;
}

interface Props {
	jobs: readonly TransferJob[];
	width: number;
	/** Job rows shown at most (the summary line comes on top of these). */
	maxRows: number;
}

type Row =
	| {type: 'running'; job: TransferJob}
	| {type: 'more'; count: number}
	| {type: 'failed'; job: TransferJob}
	| {type: 'done'; job: TransferJob};

/**
 * Which rows fit in `maxRows`: running jobs first (the last row says how many more run), then the
 * latest failure, then the most recently finished jobs, newest first.
 */
export function panelRows(jobs: readonly TransferJob[], maxRows: number): Row[] {
	const rows: Row[] = [];
	const running = jobs.filter((j) => j.state === 'running');
	if (running.length > maxRows) {
		for (const job of running.slice(0, Math.max(0, maxRows - 1))) rows.push({type: 'running', job});
		if (maxRows > 0) rows.push({type: 'more', count: running.length - rows.length});
		return rows;
	}
	for (const job of running) rows.push({type: 'running', job});
	const lastFailure = jobs.findLast((j) => j.state === 'failed');
	if (lastFailure && rows.length < maxRows) rows.push({type: 'failed', job: lastFailure});
	const finished = jobs
		.filter((j) => j.state === 'done')
		.sort((a, b) => (b.finishedAt ?? 0) - (a.finishedAt ?? 0));
	for (const job of finished) {
		if (rows.length >= maxRows) break;
		rows.push({type: 'done', job});
	}
	return rows;
}

/** Running jobs with bar, percent, speed and ETA, the latest failure, recent finished jobs, and a summary line. */
export function ProgressPanel({jobs, width, maxRows}: Props) {
	const arrow = (j: TransferJob) => (j.direction === 'upload' ? '↑' : '↓');
	const barCells = width >= 100 ? 20 : 10;
	const statsCells = 28;
	const nameCells = Math.max(4, width - barCells - statsCells - 6);
	const nameText = (j: TransferJob, cells = nameCells) => {
		const segs = truncateSegments(visibleSegments(j.name), cells);
		return padCells(segs.map((s) => s.text).join(''), cells);
	};
	const renderRow = (row: Row) => {
		switch (row.type) {
			case 'running':
				return (
					<Text key={row.job.id} wrap="truncate">
						{arrow(row.job)} {nameText(row.job)}{' '}
						<Text color="green">{progressBar(percentOf(row.job) / 100, barCells)}</Text>{' '}
						{jobStats(row.job)}
					</Text>
				);
			case 'more':
				return (
					<Text key="more" dimColor>
						… and {formatCount(row.count)} more running
					</Text>
				);
			case 'failed':
				return (
					<Text key={row.job.id} color="red" wrap="truncate">
						✗ {nameText(row.job).trimEnd()}: {visibleName(row.job.error?.message ?? 'failed')}
					</Text>
				);
			case 'done':
				return (
					<Text key={row.job.id} wrap="truncate">
						<Text color="green">✓</Text> {nameText(row.job, nameCells + barCells + 1)}{' '}
						<Text dimColor>{finishedStats(row.job)}</Text>
					</Text>
				);
		}
	};
	return (
		<Box flexDirection="column" width={width}>
			<Text wrap="truncate" bold={jobs.length > 0} dimColor={jobs.length === 0}>
				{jobs.length === 0
					? 'No transfers. F5/c copies the highlighted entry to the other pane.'
					: summaryLine(summarize(jobs))}
			</Text>
			{panelRows(jobs, maxRows).map((row) => renderRow(row))}
		</Box>
	);
}
