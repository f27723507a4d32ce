import assert from 'node:assert/strict';
import {test} from 'node:test';
import {initialJobIndex} from '../../source/hooks/use-job-cursor.js';
import {job} from '../ui/browser/fakes.js';

test('the transfer list opens on the first running job, else the last failed or cancelled one', () => {
	assert.equal(initialJobIndex([]), 0);
	const done = job({id: 'a', state: 'done'});
	const failed = job({id: 'b', state: 'failed'});
	const cancelled = job({id: 'c', state: 'cancelled'});
	const running = job({id: 'd', state: 'running'});
	assert.equal(initialJobIndex([done, failed, running, cancelled]), 2);
	assert.equal(initialJobIndex([done, failed, done, cancelled, done]), 3);
	assert.equal(initialJobIndex([done, done]), 0);
});
