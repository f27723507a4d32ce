import assert from 'node:assert/strict';
import path from 'node:path';
import {describe, test} from 'node:test';
import {childPath, toSafeLocalName} from '../../../source/services/drive/safe-name.js';

describe('toSafeLocalName', () => {
	const dir = path.resolve('/tmp/target');
	const hostile = [
		'../x',
		'a/b',
		'..',
		'.',
		'...',
		'',
		'a\\b',
		'x\u0000y',
		'line\nbreak',
		'/etc/passwd',
		'\u001b[31mred',
		'../../../../etc/cron.d/x',
	];
	for (const name of hostile) {
		test(`keeps ${JSON.stringify(name)} inside the folder`, () => {
			const safe = toSafeLocalName(name);
			assert.ok(safe.length > 0);
			assert.ok(!safe.includes('/') && !safe.includes('\\') && !safe.includes('\u0000'));
			assert.ok(!/[\u0000-\u001f\u007f]/.test(safe));
			assert.notEqual(safe, '.');
			assert.notEqual(safe, '..');
			assert.equal(path.dirname(path.resolve(dir, safe)), dir);
			assert.equal(childPath(dir, safe), path.join(dir, safe));
		});
	}

	test('leaves ordinary and non-ASCII names alone', () => {
		assert.equal(toSafeLocalName('Résumé – 履歴書.txt'), 'Résumé – 履歴書.txt');
		assert.equal(toSafeLocalName('.bashrc'), '.bashrc');
		assert.equal(toSafeLocalName('a..b'), 'a..b');
	});

	test('escapes rather than drops, so different hostile names stay distinguishable', () => {
		assert.equal(toSafeLocalName('a/b'), 'a_b');
		assert.equal(toSafeLocalName('..'), '_..');
		assert.equal(toSafeLocalName('../x'), '.._x');
	});

	test('shortens overlong names to 255 UTF-8 bytes, keeping the extension', () => {
		const safe = toSafeLocalName(`${'履'.repeat(200)}.txt`);
		assert.ok(Buffer.byteLength(safe) <= 255);
		assert.ok(safe.endsWith('.txt'));
	});

	test('childPath refuses names that would leave the folder', () => {
		assert.throws(() => childPath(dir, '../x'));
		assert.throws(() => childPath(dir, 'a/b'));
		assert.throws(() => childPath(dir, '..'));
		assert.throws(() => childPath(dir, '.'));
		assert.throws(() => childPath(dir, '/etc/passwd'));
	});
});
