import {test} from 'node:test';
import assert from 'node:assert/strict';
import {
	cellWidth,
	padCells,
	padCellsStart,
	truncateCells,
	truncateCellsStart,
	truncateSegments,
} from '../../../source/ui/text/truncate-cells.js';

test('short text is untouched', () => {
	assert.equal(truncateCells('abc', 5), 'abc');
	assert.equal(truncateCells('abcde', 5), 'abcde');
});

test('ASCII is cut with an ellipsis to exactly the budget', () => {
	assert.equal(truncateCells('abcdefgh', 5), 'abcd…');
	assert.equal(cellWidth(truncateCells('abcdefgh', 5)), 5);
});

test('CJK characters count two cells and are never split', () => {
	const name = '日本語のファイル名.txt';
	const cut = truncateCells(name, 8);
	assert.equal(cut, '日本語…');
	assert.ok(cellWidth(cut) <= 8);
	const odd = truncateCells(name, 7);
	assert.equal(odd, '日本語…');
	assert.equal(cellWidth(odd), 7);
});

test('emoji ZWJ sequences stay whole', () => {
	const name = '👨‍👩‍👧👨‍👩‍👧👨‍👩‍👧 photos';
	const cut = truncateCells(name, 5);
	assert.equal(cut, '👨‍👩‍👧👨‍👩‍👧…');
	assert.ok(cellWidth(cut) <= 5);
});

test('combining marks stay attached to their base', () => {
	const name = 'e\u0301e\u0301e\u0301e\u0301e\u0301';
	assert.equal(cellWidth(name), 5);
	const cut = truncateCells(name, 3);
	assert.equal(cut, 'e\u0301e\u0301…');
});

test('truncateCellsStart keeps the tail of a path', () => {
	assert.equal(truncateCellsStart('/home/user/projects/deep', 10), '…ects/deep');
	assert.equal(truncateCellsStart('/短い', 10), '/短い');
	assert.equal(truncateCellsStart('/フォルダ/写真', 6), '…/写真');
	assert.equal(truncateCellsStart('/フォルダ/写真', 5), '…写真');
});

test('padding is by cells', () => {
	assert.equal(padCells('日本', 6), '日本  ');
	assert.equal(padCellsStart('1 kB', 6), '  1 kB');
});

test('segments: placeholders are kept whole or dropped', () => {
	const segs = [
		{text: 'abc', special: false},
		{text: '<U+202E>', special: true},
		{text: 'def', special: false},
	];
	assert.deepEqual(truncateSegments(segs, 20), segs);
	assert.deepEqual(truncateSegments(segs, 8), [
		{text: 'abc', special: false},
		{text: '…', special: false},
	]);
	const cut = truncateSegments(segs, 13);
	assert.deepEqual(cut, [
		{text: 'abc', special: false},
		{text: '<U+202E>', special: true},
		{text: 'd', special: false},
		{text: '…', special: false},
	]);
});
