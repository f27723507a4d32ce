import assert from 'node:assert/strict';
import {test} from 'node:test';
import {stopTransfers} from '../../../source/ui/start/stop-transfers.js';

test('stopping cancels every transfer and waits until the queue is idle', async () => {
	const calls: string[] = [];
	let finish = () => {};
	const idle = new Promise<void>((resolve) => {
		finish = resolve;
	});
	const queue = {
		cancelAll: () => calls.push('cancelAll'),
		idle: () => {
			calls.push('idle');
			return idle;
		},
	};
	const stopped = stopTransfers(queue, 2000);
	setTimeout(() => {
		calls.push('wound down');
		finish();
	}, 50);
	assert.equal(await stopped, true);
	assert.deepEqual(calls, ['cancelAll', 'idle', 'wound down']);
});

test('a queue that does not wind down in time does not hold the exit', async () => {
	const start = Date.now();
	const result = await stopTransfers(
		{cancelAll() {}, idle: () => new Promise<void>(() => {})},
		100,
	);
	assert.equal(result, false);
	assert.ok(Date.now() - start < 1000);
	assert.equal(await stopTransfers(undefined), true);
});
