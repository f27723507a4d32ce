import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {
	etaSeconds,
	SPEED_WINDOW_MS,
	SpeedMeter,
} from '../../../source/services/transfers/speed-meter.js';

describe('SpeedMeter', () => {
	test('is 0 before any sample and right after start', () => {
		const meter = new SpeedMeter();
		assert.equal(meter.speed(1000), 0);
		meter.start(1000);
		assert.equal(meter.speed(1000), 0);
	});

	test('a steady rate reads as that rate', () => {
		const meter = new SpeedMeter();
		meter.start(0);
		for (let t = 500; t <= 10_000; t += 500) meter.add(t, t * 2); // 2000 B/s
		assert.equal(meter.speed(10_000), 2000);
	});

	test('averages over the last ~3 s only: an old burst does not count', () => {
		const meter = new SpeedMeter();
		meter.start(0);
		meter.add(1000, 1_000_000); // 1 MB in the first second
		for (let t = 2000; t <= 10_000; t += 1000) meter.add(t, 1_000_000 + ((t - 1000) / 1000) * 10); // then 10 B/s
		assert.equal(meter.speed(10_000), 10);
		assert.equal(SPEED_WINDOW_MS, 3000);
	});

	test('a stalled transfer decays to 0', () => {
		const meter = new SpeedMeter();
		meter.start(0);
		meter.add(1000, 1000);
		assert.equal(meter.speed(1000), 1000);
		assert.ok(meter.speed(2000) < 1000, 'slower while nothing arrives');
		assert.equal(meter.speed(1000 + SPEED_WINDOW_MS + 1), 0);
	});

	test('start() forgets earlier samples (retry or keep-both restart)', () => {
		const meter = new SpeedMeter();
		meter.start(0);
		meter.add(1000, 5000);
		meter.start(2000);
		assert.equal(meter.speed(2000), 0);
		meter.add(3000, 100);
		assert.equal(meter.speed(3000), 100);
	});

	test('keeps a bounded number of samples however long the transfer runs', () => {
		const meter = new SpeedMeter(1000);
		meter.start(0);
		for (let t = 1; t <= 100_000; t++) meter.add(t, t);
		assert.equal(meter.speed(100_000), 1000);
	});

	test('never reports a negative speed (bytes going backwards after a restart)', () => {
		const meter = new SpeedMeter();
		meter.start(0, 500);
		meter.add(1000, 0);
		assert.equal(meter.speed(1000), 0);
	});
});

describe('etaSeconds', () => {
	test('is the bytes left divided by the speed', () => {
		assert.equal(etaSeconds(250, 1250, 100), 10);
		assert.equal(etaSeconds(1250, 1250, 100), 0);
	});

	test('is undefined while the speed or the size is unknown', () => {
		assert.equal(etaSeconds(0, 1000, 0), undefined);
		assert.equal(etaSeconds(0, 1000, Number.NaN), undefined);
		assert.equal(etaSeconds(0, 0, 100), undefined);
	});

	test('is never negative when more bytes than expected arrived', () => {
		assert.equal(etaSeconds(2000, 1000, 100), 0);
	});
});
