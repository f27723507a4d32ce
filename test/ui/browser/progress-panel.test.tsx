import {afterEach, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {cleanup, render} from 'ink-testing-library';
import {
	countJobs,
	jobStats,
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
		const counts = countJobs(jobs);
		assert.equal(summaryLine(counts), '2 done, 1 failed, 1 running, 1 queued — 3.3 kB of 4.5 kB');
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
		assert.equal((frame.match(/↑ j\d/g) ?? []).length, 3);
		assert.match(frame, /… and 5 more running/);
	});

	test('hostile job names are shown visibly', () => {
		const {lastFrame} = render(
			<ProgressPanel jobs={[job({id: 'x', name: 'a\x1b]0;pwned\x07b'})]} width={100} maxRows={3} />,
		);
		const frame = lastFrame() ?? '';
		assert.ok(!frame.includes('\x1b]0;'));
		assert.match(frame, /a␛\]0;pwned␇b/);
	});
});
