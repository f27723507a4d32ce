import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {
	type Conflict,
	conflictMessage,
	FOLDER_CONFLICT,
	failOnConflict,
	fixedPolicy,
	keepBothName,
} from '../../../source/services/transfers/conflict-policy.js';

const conflict: Conflict = {
	direction: 'upload',
	kind: 'file',
	name: 'a.txt',
	targetLabel: '/Docs',
	attempt: 0,
};

describe('conflict policies', () => {
	test('the default policy fails', () => {
		assert.equal(failOnConflict.resolve(conflict), 'fail');
	});

	test('a fixed policy always answers the same', () => {
		for (const r of ['fail', 'skip', 'keep-both', 'replace'] as const) {
			const policy = fixedPolicy(r);
			assert.equal(policy.resolve(conflict), r);
			assert.equal(policy.resolve({...conflict, attempt: 7, direction: 'download'}), r);
		}
	});

	test('folders merge', () => {
		assert.equal(FOLDER_CONFLICT, 'merge');
	});

	test('the conflict message names the item and the place and says what to do', () => {
		const message = conflictMessage('a.txt', '/Docs');
		assert.match(message, /'a\.txt'/);
		assert.match(message, /\/Docs/);
		assert.match(message, /rename or delete/);
	});
});

describe('keepBothName', () => {
	test('puts the number before the extension', () => {
		assert.equal(keepBothName('report.pdf', 1), 'report (1).pdf');
		assert.equal(keepBothName('report.pdf', 12), 'report (12).pdf');
		assert.equal(keepBothName('a.b.c', 1), 'a.b (1).c');
	});

	test('keeps .tar.* double extensions together', () => {
		assert.equal(keepBothName('archive.tar.gz', 1), 'archive (1).tar.gz');
		assert.equal(keepBothName('backup.tar.zst', 2), 'backup (2).tar.zst');
	});

	test('names without an extension and dot files get the number at the end', () => {
		assert.equal(keepBothName('Makefile', 1), 'Makefile (1)');
		assert.equal(keepBothName('.env', 1), '.env (1)');
		assert.equal(keepBothName('photos', 3), 'photos (3)');
	});

	test('successive attempts give distinct names', () => {
		const names = new Set([1, 2, 3, 4, 5].map((n) => keepBothName('x.txt', n)));
		assert.equal(names.size, 5);
		assert.ok(!names.has('x.txt'));
	});
});
