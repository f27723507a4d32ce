import assert from 'node:assert/strict';
import {test} from 'node:test';
import type {PaneEntry} from '../../../source/services/panes/pane-fs.js';
import {sortEntries} from '../../../source/services/panes/sort-entries.js';

function e(name: string, kind: PaneEntry['kind'] = 'file'): PaneEntry {
	return {id: name, name, kind};
}

test('folders first, then names with numbers in numeric order, case-insensitive', () => {
	const input = [
		e('b.txt'),
		e('file10'),
		e('Zeta', 'folder'),
		e('file2'),
		e('alpha', 'folder'),
		e('A.txt'),
		e('sock', 'other'),
	];
	assert.deepEqual(
		sortEntries(input).map((x) => x.name),
		['alpha', 'Zeta', 'A.txt', 'b.txt', 'file2', 'file10', 'sock'],
	);
});

test('does not mutate its input and is deterministic for names equal under the collator', () => {
	const input = [e('a'), e('A')];
	const first = sortEntries(input).map((x) => x.name);
	const second = sortEntries([...input].reverse()).map((x) => x.name);
	assert.deepEqual(first, second);
	assert.deepEqual(
		input.map((x) => x.name),
		['a', 'A'],
	);
});
