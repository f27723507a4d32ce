import assert from 'node:assert/strict';
import {test} from 'node:test';
import {checkNodeVersion, MIN_NODE_MAJOR} from '../../../source/ui/start/node-version.js';

test('Node 22 and newer pass; older ones get a sentence that says what to do', () => {
	assert.equal(MIN_NODE_MAJOR, 22);
	assert.equal(checkNodeVersion('22.0.0'), undefined);
	assert.equal(checkNodeVersion('24.3.1'), undefined);
	assert.equal(checkNodeVersion(process.versions.node), undefined);
	assert.match(
		checkNodeVersion('20.20.2') ?? '',
		/needs Node\.js 22 or newer, this is Node\.js 20\.20\.2/,
	);
	assert.match(checkNodeVersion('18.19.0') ?? '', /Install a current Node\.js/);
	assert.ok(checkNodeVersion('garbage'));
});
