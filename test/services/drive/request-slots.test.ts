import assert from 'node:assert/strict';
import {test} from 'node:test';
import {createRequestSlots} from '../../../source/services/drive/request-slots.js';

const tick = () => new Promise((resolve) => setImmediate(resolve));

test('at most `limit` holders; waiters are served first come, first served', async () => {
	const slots = createRequestSlots(2);
	const order: string[] = [];
	const a = await slots.acquire();
	const b = await slots.acquire();
	const c = slots.acquire().then((release) => {
		order.push('c');
		return release;
	});
	const d = slots.acquire().then((release) => {
		order.push('d');
		return release;
	});
	await tick();
	assert.equal(slots.active(), 2);
	assert.deepEqual(order, []);
	a();
	a(); // a second release changes nothing
	await tick();
	assert.deepEqual(order, ['c']);
	assert.equal(slots.active(), 2);
	b();
	await tick();
	assert.deepEqual(order, ['c', 'd']);
	(await c)();
	(await d)();
	assert.equal(slots.active(), 0);
});

test('aborting while waiting rejects with the reason and gives the place up', async () => {
	const slots = createRequestSlots(1);
	const held = await slots.acquire();
	const controller = new AbortController();
	const waiting = slots.acquire(controller.signal);
	const next = slots.acquire();
	controller.abort(new Error('stop'));
	await assert.rejects(waiting, /stop/);
	held();
	const release = await next;
	assert.equal(slots.active(), 1);
	release();
	await assert.rejects(slots.acquire(AbortSignal.abort(new Error('early'))), /early/);
	assert.equal(slots.active(), 0);
});

test('the limit must be a positive integer', () => {
	for (const bad of [0, -1, 1.5, Number.NaN])
		assert.throws(() => createRequestSlots(bad), RangeError);
});
