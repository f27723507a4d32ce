import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {
	canTransition,
	emptySummary,
	isFinished,
	isRetryable,
	type JobState,
	summarize,
	type TransferJob,
} from '../../../source/services/transfers/transfer-job.js';

const STATES: JobState[] = ['queued', 'running', 'done', 'failed', 'cancelled'];

function job(state: JobState, bytesDone: number, bytesTotal: number): TransferJob {
	return {
		id: `j-${state}-${bytesDone}`,
		direction: 'upload',
		kind: 'file',
		name: 'f',
		source: '/f',
		target: 'root',
		targetLabel: '/',
		state,
		bytesDone,
		bytesTotal,
		speed: 0,
	};
}

describe('job state transitions', () => {
	test('allows exactly queued→running/cancelled, running→done/failed/cancelled, failed/cancelled→queued', () => {
		const allowed = new Set([
			'queued>running',
			'queued>cancelled',
			'running>done',
			'running>failed',
			'running>cancelled',
			'failed>queued',
			'cancelled>queued',
		]);
		for (const from of STATES) {
			for (const to of STATES) {
				assert.equal(canTransition(from, to), allowed.has(`${from}>${to}`), `${from} → ${to}`);
			}
		}
	});

	test('done is terminal: it never goes back to queued or anywhere else', () => {
		for (const to of STATES) assert.equal(canTransition('done', to), false);
		assert.equal(isRetryable('done'), false);
	});

	test('finished and retryable states', () => {
		assert.deepEqual(STATES.filter(isFinished), ['done', 'failed', 'cancelled']);
		assert.deepEqual(STATES.filter(isRetryable), ['failed', 'cancelled']);
	});
});

describe('summarize', () => {
	test('an empty queue has an all-zero summary', () => {
		assert.deepEqual(summarize([]), emptySummary());
		assert.deepEqual(emptySummary(), {
			done: 0,
			failed: 0,
			cancelled: 0,
			queued: 0,
			running: 0,
			bytesDone: 0,
			bytesTotal: 0,
		});
	});

	test('counts jobs per state and sums bytes over jobs queued, running or done', () => {
		const summary = summarize([
			job('queued', 0, 100),
			job('queued', 0, 50),
			job('running', 30, 200),
			job('done', 400, 400),
			job('failed', 10, 1000),
			job('cancelled', 70, 5000),
		]);
		assert.deepEqual(summary, {
			done: 1,
			failed: 1,
			cancelled: 1,
			queued: 2,
			running: 1,
			bytesDone: 30 + 400,
			bytesTotal: 100 + 50 + 200 + 400,
		});
	});

	test('a skipped job counts as done but adds no bytes', () => {
		const skipped = {...job('done', 0, 700), skipped: true};
		const summary = summarize([job('done', 400, 400), skipped]);
		assert.equal(summary.done, 2);
		assert.deepEqual([summary.bytesDone, summary.bytesTotal], [400, 400]);
	});

	test('emptySummary returns a fresh object each time', () => {
		const a = emptySummary();
		a.done = 5;
		assert.equal(emptySummary().done, 0);
	});
});
