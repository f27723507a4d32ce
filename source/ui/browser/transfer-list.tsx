import os from 'node:os';
import {Box, Text} from 'ink';
import {displayPath} from '../../services/panes/local-pane-fs.js';
import type {TransferJob} from '../../services/transfers/transfer-queue.js';
import {formatCount} from '../text/format-size.js';
import {padCells, truncateCells, truncateSegments} from '../text/truncate-cells.js';
import {visibleName, visibleSegments} from '../text/visible-name.js';
import {OverlayFrame} from './overlay-frame.js';
import {finishedStats, jobStats, percentOf, progressBar} from './progress-panel.js';

interface Props {
	jobs: readonly TransferJob[];
	/** Index of the selected job. */
	cursor: number;
	width: number;
	height: number;
}

const STATE_MARK: Record<TransferJob['state'], string> = {
	queued: '·',
	running: '▶',
	done: '✓',
	failed: '✗',
	cancelled: '–',
};

const STATE_COLOR: Partial<Record<TransferJob['state'], string>> = {
	running: 'cyan',
	done: 'green',
	failed: 'red',
	cancelled: 'gray',
};

/** First row of the window of `rows` rows that keeps `cursor` in view (centred when it can). */
export function windowStart(count: number, cursor: number, rows: number): number {
	if (count <= rows) return 0;
	const start = cursor - Math.floor(rows / 2);
	return Math.max(0, Math.min(start, count - rows));
}

/** What a row says after the name: a bar while running, the outcome once finished. */
export function jobDetail(job: TransferJob, barCells: number): string {
	switch (job.state) {
		case 'running':
			return `${progressBar(percentOf(job) / 100, barCells)} ${jobStats(job)}`;
		case 'queued':
			return 'queued';
		case 'done':
			return finishedStats(job);
		case 'cancelled':
			return 'cancelled — r retries';
		case 'failed':
			return `${job.error?.message ?? 'failed'}${job.error?.kind === 'unsupported' ? '' : ' — r retries'}`;
	}
}

/** Lines under the list that tell the selected job's whole story (paths, the full error). */
const DETAIL_ROWS = 4;

/** Where the selected job goes, for people: "↑ ~/a.txt → Drive /Docs" (home shown as ~). */
export function jobRoute(job: TransferJob, home = os.homedir()): string {
	return job.direction === 'upload'
		? `↑ ${displayPath(job.source, home)} → Drive ${job.targetLabel}`
		: `↓ Drive ${job.name} → ${displayPath(job.targetLabel, home)}`;
}

/** Every job of the queue, one per row, with a cursor: x cancels, r retries (the browser's keys). */
export function TransferList({jobs, cursor, width, height}: Props) {
	const inner = Math.max(10, width - 4);
	const withDetails = height - 3 - DETAIL_ROWS >= 3;
	const rows = Math.max(1, height - 3 - (withDetails ? DETAIL_ROWS : 0));
	const start = windowStart(jobs.length, cursor, rows);
	const shown = jobs.slice(start, start + rows);
	const nameCells = Math.max(8, Math.floor(inner * 0.4));
	const detailCells = Math.max(1, inner - nameCells - 5);
	const barCells = detailCells >= 60 ? 20 : 10;
	return (
		<OverlayFrame
			title={`Transfers (${formatCount(jobs.length)}) — x cancel · r retry · Esc back`}
			width={width}
			height={height}
		>
			{jobs.length === 0 ? <Text dimColor>No transfers yet.</Text> : null}
			{shown.map((job, i) => {
				const selected = start + i === cursor;
				const name = truncateSegments(visibleSegments(job.name), nameCells)
					.map((s) => s.text)
					.join('');
				return (
					<Text key={job.id} inverse={selected} wrap="truncate">
						<Text color={STATE_COLOR[job.state]}>{STATE_MARK[job.state]}</Text>
						{` ${job.direction === 'upload' ? '↑' : '↓'} ${padCells(name, nameCells)} `}
						<Text
							color={job.state === 'failed' ? 'red' : undefined}
							dimColor={job.state === 'done'}
						>
							{truncateCells(visibleName(jobDetail(job, barCells)), detailCells)}
						</Text>
					</Text>
				);
			})}
			<Box flexGrow={1} />
			{withDetails && jobs[cursor] ? <JobDetails job={jobs[cursor]} width={inner} /> : null}
		</OverlayFrame>
	);
}

/** The selected job in full: its route, then its error (wrapped) or its state. */
function JobDetails({job, width}: {job: TransferJob; width: number}) {
	const route = visibleSegments(jobRoute(job))
		.map((s) => s.text)
		.join('');
	const message = job.error?.message ?? '';
	return (
		<Box flexDirection="column" height={DETAIL_ROWS} width={width}>
			<Text dimColor wrap="truncate-middle">
				{route}
			</Text>
			{message ? (
				<Box height={DETAIL_ROWS - 1} overflow="hidden">
					<Text color="red" wrap="wrap">
						{visibleSegments(message)
							.map((s) => s.text)
							.join('')}
					</Text>
				</Box>
			) : null}
		</Box>
	);
}
