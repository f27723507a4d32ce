import {test} from 'node:test';
import assert from 'node:assert/strict';
import {formatCount, formatSize} from '../../../source/ui/text/format-size.js';

test('formatSize uses decimal units', () => {
	assert.equal(formatSize(0), '0 B');
	assert.equal(formatSize(999), '999 B');
	assert.equal(formatSize(1000), '1.0 kB');
	assert.equal(formatSize(3_200_000), '3.2 MB');
	assert.equal(formatSize(12_400_000_000), '12 GB');
	assert.equal(formatSize(999_960), '1.0 MB');
	assert.equal(formatSize(undefined), '');
	assert.equal(formatSize(-1), '');
});

test('formatCount groups thousands', () => {
	assert.equal(formatCount(0), '0');
	assert.equal(formatCount(999), '999');
	assert.equal(formatCount(1240), '1,240');
	assert.equal(formatCount(10_000_000), '10,000,000');
});
