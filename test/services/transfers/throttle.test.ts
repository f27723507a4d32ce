import assert from 'node:assert/strict';
import {afterEach, beforeEach, describe, mock, test} from 'node:test';
import {throttle} from '../../../source/services/transfers/throttle.js';

describe('throttle', () => {
	beforeEach(() => {
		mock.timers.enable({apis: ['setTimeout', 'Date'], now: 1_000_000});
	});
	afterEach(() => {
		mock.timers.reset();
	});

	test('the first call runs at once', () => {
		let calls = 0;
		const t = throttle(() => calls++, 100);
		t();
		assert.equal(calls, 1);
	});

	test('calls within the interval fold into one trailing call at the end of it', () => {
		let calls = 0;
		const t = throttle(() => calls++, 100);
		t();
		mock.timers.tick(10);
		t();
		t();
		t();
		assert.equal(calls, 1);
		mock.timers.tick(89);
		assert.equal(calls, 1);
		mock.timers.tick(1);
		assert.equal(calls, 2);
		mock.timers.tick(1000);
		assert.equal(calls, 2, 'no further call without a new request');
	});

	test('never more than one run per interval under a steady stream of calls', () => {
		let calls = 0;
		const t = throttle(() => calls++, 100);
		for (let ms = 0; ms < 1000; ms += 5) {
			t();
			mock.timers.tick(5);
		}
		mock.timers.tick(100);
		assert.ok(calls >= 10 && calls <= 11, `${calls} runs in 1 s at 10 Hz`);
	});

	test('a call after a quiet interval runs at once again', () => {
		let calls = 0;
		const t = throttle(() => calls++, 100);
		t();
		mock.timers.tick(150);
		t();
		assert.equal(calls, 2);
	});

	test('cancel drops a pending trailing call', () => {
		let calls = 0;
		const t = throttle(() => calls++, 100);
		t();
		t();
		t.cancel();
		mock.timers.tick(500);
		assert.equal(calls, 1);
		t();
		assert.equal(calls, 2, 'still usable after cancel');
	});

	test('defaults to 100 ms (10 Hz)', () => {
		let calls = 0;
		const t = throttle(() => calls++);
		t();
		t();
		mock.timers.tick(99);
		assert.equal(calls, 1);
		mock.timers.tick(1);
		assert.equal(calls, 2);
	});
});
