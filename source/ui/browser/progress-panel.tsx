import {Box, Text} from 'ink';
import type {TransferJob} from '../../services/transfers/transfer-queue.js';
import {formatCount, formatSize} from '../text/format-size.js';
import {formatDuration} from '../text/format-time.js';
import {padCells, truncateSegments} from '../text/truncate-cells.js';
import {visibleSegments} from '../text/visible-name.js';

export interface JobCounts {
	running: number;
	queued: number;
	done: number;
	failed: number;
	cancelled: number;
	bytesDone: number;
	bytesTotal: number;
}

export function countJobs(jobs: readonly TransferJob[]): JobCounts {
	const c: JobCounts = {
		running: 0,
		queued: 0,
		done: 0,
		failed: 0,
		cancelled: 0,
		bytesDone: 0,
		bytesTotal: 0,
	};
	for (const j of jobs) {
		c[j.state]++;
		c.bytesDone += j.bytesDone;
		c.bytesTotal += j.bytesTotal;
	}
	return c;
}

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

export function summaryLine(c: JobCounts): string {
	return (
		`${formatCount(c.done)} done, ${formatCount(c.failed)} failed, ${formatCount(c.running)} running, ` +
		`${formatCount(c.queued)} queued — ${formatSize(c.bytesDone)} of ${formatSize(c.bytesTotal)}`
	);
}

interface Props {
	jobs: readonly TransferJob[];
	width: number;
	/** Job rows shown at most (the summary line comes on top of these). */
	maxRows: number;
}

/** Running jobs with bar, percent, speed and ETA, plus the latest failure, and a summary line. */
export function ProgressPanel({jobs, width, maxRows}: Props) {
	const counts = countJobs(jobs);
	const running = jobs.filter((j) => j.state === 'running');
	const failed = jobs.filter((j) => j.state === 'failed');
	const shown = running.slice(0, Math.max(0, maxRows));
	const lastFailure = failed.at(-1);
	const rowsLeft = maxRows - shown.length;
	const arrow = (j: TransferJob) => (j.direction === 'upload' ? '↑' : '↓');
	const barCells = width >= 100 ? 20 : 10;
	const statsCells = 28;
	const nameCells = Math.max(4, width - barCells - statsCells - 6);
	const nameText = (j: TransferJob) => {
		const segs = truncateSegments(visibleSegments(j.name), nameCells);
		return padCells(segs.map((s) => s.text).join(''), nameCells);
	};
	return (
		<Box flexDirection="column" width={width}>
			<Text wrap="truncate" bold={jobs.length > 0} dimColor={jobs.length === 0}>
				{jobs.length === 0
					? 'No transfers. F5/c copies the highlighted entry to the other pane.'
					: summaryLine(counts)}
			</Text>
			{shown.map((j) => (
				<Text key={j.id} wrap="truncate">
					{arrow(j)} {nameText(j)}{' '}
					<Text color="green">{progressBar(percentOf(j) / 100, barCells)}</Text> {jobStats(j)}
				</Text>
			))}
			{running.length > shown.length ? (
				<Text dimColor>… and {formatCount(running.length - shown.length)} more running</Text>
			) : null}
			{lastFailure && rowsLeft > 0 ? (
				<Text color="red" wrap="truncate">
					✗ {nameText(lastFailure).trimEnd()}: {lastFailure.error?.message ?? 'failed'}
				</Text>
			) : null}
		</Box>
	);
}
