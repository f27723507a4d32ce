import {test} from 'node:test';
import assert from 'node:assert/strict';
import {formatDuration, formatTime} from '../../../source/ui/text/format-time.js';

test('formatTime prints local date and minutes', () => {
	assert.equal(formatTime(new Date(2024, 4, 1, 9, 5)), '2024-05-01 09:05');
	assert.equal(formatTime(undefined), '');
	assert.equal(formatTime(new Date(Number.NaN)), '');
});

test('formatDuration', () => {
	assert.equal(formatDuration(0), '0s');
	assert.equal(formatDuration(42.4), '42s');
	assert.equal(formatDuration(185), '3m 05s');
	assert.equal(formatDuration(3720), '1h 02m');
	assert.equal(formatDuration(undefined), '');
	assert.equal(formatDuration(Number.POSITIVE_INFINITY), '');
});
