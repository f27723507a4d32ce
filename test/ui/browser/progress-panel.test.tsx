import {afterEach, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {cleanup, render} from 'ink-testing-library';
import {summarize} from '../../../source/services/transfers/transfer-job.js';
import {
	finishedStats,
	jobStats,
	panelRows,
	progressBar,
	ProgressPanel,
	summaryLine,
} from '../../../source/ui/browser/progress-panel.js';
import {job} from './fakes.js';

afterEach(() => cleanup());

describe('progress panel', () => {
	test('bar, percent, speed and ETA of a running job', () => {
		const j = job({
			id: 'a',
			name: 'video.mp4',
			bytesDone: 42_000_000,
			bytesTotal: 100_000_000,
			speed: 3_100_000,
			etaSeconds: 19,
		});
		assert.equal(progressBar(0.42, 10), '████░░░░░░');
		assert.equal(progressBar(2, 4), '████');
		assert.equal(jobStats(j), ' 42%   3.1 MB/s ETA 19s');
		const {lastFrame} = render(<ProgressPanel jobs={[j]} width={100} maxRows={3} />);
		const frame = lastFrame() ?? '';
		assert.match(frame, /↑ video\.mp4/);
		assert.match(frame, /████████░{12}/);
		assert.match(frame, /42%/);
		assert.match(frame, /3\.1 MB\/s/);
		assert.match(frame, /ETA 19s/);
	});

	test('summary line counts every state and bytes', () => {
		const jobs = [
			job({id: 'a', state: 'done', bytesDone: 1000, bytesTotal: 1000}),
			job({id: 'b', state: 'done', bytesDone: 2000, bytesTotal: 2000}),
			job({id: 'c', state: 'failed', bytesTotal: 500, error: {message: 'Quota exceeded'} as never}),
			job({id: 'd', state: 'queued', bytesTotal: 500}),
			job({id: 'e', state: 'running', bytesDone: 250, bytesTotal: 500}),
		];
		const counts = summarize(jobs);
		assert.equal(summaryLine(counts), '2 done, 1 failed, 1 running, 1 queued — 3.3 kB of 4.0 kB');
		const {lastFrame} = render(<ProgressPanel jobs={jobs} width={100} maxRows={3} />);
		const frame = lastFrame() ?? '';
		assert.match(frame, /2 done, 1 failed, 1 running, 1 queued/);
		assert.match(frame, /✗ c: Quota exceeded/);
		assert.doesNotMatch(frame, /↑ d /); // queued jobs are in the summary, not as rows
	});

	test('only maxRows running jobs are drawn', () => {
		const jobs = Array.from({length: 8}, (_, i) =>
			job({id: `j${i}`, bytesTotal: 10, bytesDone: i}),
		);
		const {lastFrame} = render(<ProgressPanel jobs={jobs} width={100} maxRows={3} />);
		const frame = lastFrame() ?? '';
		// Two job rows and the "more" row: never more rows than the panel has.
		assert.equal((frame.match(/↑ j\d/g) ?? []).length, 2);
		assert.match(frame, /… and 6 more running/);
		assert.equal(frame.split('\n').length, 1 + 3);
	});

	test('hostile job names are shown visibly', () => {
		const {lastFrame} = render(
			<ProgressPanel jobs={[job({id: 'x', name: 'a\x1b]0;pwned\x07b'})]} width={100} maxRows={3} />,
		);
		const frame = lastFrame() ?? '';
		assert.ok(!frame.includes('\x1b]0;'));
		assert.match(frame, /a␛\]0;pwned␇b/);
	});

	test('finished jobs fill the free rows, newest first, with size, time and average speed', () => {
		const jobs = [
			job({
				id: 'old.txt',
				state: 'done',
				bytesDone: 10,
				bytesTotal: 10,
				startedAt: 0,
				finishedAt: 1000,
				speed: 10,
			}),
			job({
				id: 'new.bin',
				state: 'done',
				bytesDone: 4_200_000,
				bytesTotal: 4_200_000,
				startedAt: 1000,
				finishedAt: 4000,
				speed: 1_400_000,
			}),
			job({id: 'skip.txt', state: 'done', skipped: true, startedAt: 0, finishedAt: 500}),
			job({id: 'live', bytesDone: 5, bytesTotal: 10}),
		];
		assert.equal(finishedStats(jobs[1]), '4.2 MB in 3s, 1.4 MB/s');
		assert.equal(finishedStats(jobs[2]), 'skipped, already there');
		assert.equal(finishedStats({...jobs[0], finishedAt: 400}), '10 B in <1s, 10 B/s');
		assert.deepEqual(
			panelRows(jobs, 3).map((r) => (r.type === 'more' ? r.type : `${r.type} ${r.job.id}`)),
			['running live', 'done new.bin', 'done old.txt'],
		);
		const {lastFrame} = render(<ProgressPanel jobs={jobs} width={100} maxRows={3} />);
		const frame = lastFrame() ?? '';
		assert.match(frame, /✓ new\.bin\s+4\.2 MB in 3s, 1\.4 MB\/s/);
		assert.match(frame, /✓ old\.txt/);
		assert.doesNotMatch(frame, /skip\.txt/);
	});

	test('cancelled jobs are counted in the summary but not their bytes', () => {
		const jobs = [
			job({id: 'a', state: 'done', bytesDone: 1000, bytesTotal: 1000}),
			job({id: 'b', state: 'cancelled', bytesDone: 10, bytesTotal: 5000}),
		];
		assert.equal(
			summaryLine(summarize(jobs)),
			'1 done, 0 failed, 1 cancelled, 0 running, 0 queued — 1.0 kB of 1.0 kB',
		);
	});
});
