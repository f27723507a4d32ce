import {test} from 'node:test';
import assert from 'node:assert/strict';
import {visibleName, visibleSegments} from '../../../source/ui/text/visible-name.js';

test('plain names pass through unchanged (CJK, emoji, combining marks)', () => {
	for (const name of ['report.pdf', '日本語のファイル.txt', 'family 👨‍👩‍👧.jpg', 'cafe\u0301.md']) {
		assert.equal(visibleName(name), name);
		assert.deepEqual(visibleSegments(name), [{text: name, special: false}]);
	}
});

test('ESC and other C0 controls become control pictures', () => {
	assert.equal(visibleName('a\x1b[31mred'), 'a␛[31mred');
	assert.equal(visibleName('line\nbreak\ttab\r'), 'line␊break␉tab␍');
	assert.equal(visibleName('nul\0'), 'nul␀');
	assert.equal(visibleName('del\x7f'), 'del␡');
});

test('C1 controls and bidi overrides become code point labels', () => {
	assert.equal(visibleName('x\u009b31m'), 'x<U+009B>31m');
	assert.equal(visibleName('invoice\u202Efdp.exe'), 'invoice<U+202E>fdp.exe');
	assert.equal(visibleName('\u2066a\u2069'), '<U+2066>a<U+2069>');
	assert.equal(visibleName('a\u2028b'), 'a<U+2028>b');
});

test('segments mark placeholders as special so they can be coloured', () => {
	assert.deepEqual(visibleSegments('ab\u202Ecd'), [
		{text: 'ab', special: false},
		{text: '<U+202E>', special: true},
		{text: 'cd', special: false},
	]);
});

test('no output ever contains a raw control character', () => {
	let all = '';
	for (let cp = 0; cp < 0xa0; cp++) all += String.fromCodePoint(cp);
	const out = visibleName(all + '\u202E\u200F\uFEFF');
	assert.doesNotMatch(
		out,
		/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200e\u200f\ufeff]/,
	);
});
