import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {helpRows, keyLabel, renderKeyTableMarkdown} from '../../../source/services/keys/help.js';
import {DEFAULT_KEYMAP, mergeKeymap} from '../../../source/services/keys/keymap.js';

describe('keyLabel', () => {
	const cases: [string, string][] = [
		['f5', 'F5'],
		['c', 'c'],
		['G', 'G'],
		['ctrl+r', 'Ctrl-R'],
		['shift+tab', 'Shift-Tab'],
		['down', '↓'],
		['pagedown', 'PgDn'],
		['escape', 'Esc'],
		['?', '?'],
	];
	for (const [spec, label] of cases)
		test(`${spec} → ${label}`, () => assert.equal(keyLabel(spec), label));
});

describe('help rows', () => {
	test('rows join key labels and skip unimplemented commands', () => {
		const rows = helpRows();
		const copy = rows.find((r) => r.command === 'copy');
		assert.deepEqual(copy, {
			command: 'copy',
			group: 'Files',
			keys: 'F5 / c',
			description: 'Copy the entry under the cursor to the other pane',
		});
		assert.equal(
			rows.some((r) => r.command === 'mkdir' || r.command === 'trash'),
			false,
		);
		assert.equal(rows.find((r) => r.command === 'cursor.bottom')?.keys, 'End / G');
	});

	test('rows follow the keymap in use', () => {
		const rows = helpRows(mergeKeymap(DEFAULT_KEYMAP, {quit: ['ctrl+q']}));
		assert.equal(rows.find((r) => r.command === 'quit')?.keys, 'Ctrl-Q');
	});

	test('groups appear in a stable order', () => {
		const groups = [...new Set(helpRows().map((r) => r.group))];
		assert.deepEqual(groups, ['Navigation', 'Panes', 'Files', 'Transfers', 'General']);
	});
});

describe('renderKeyTableMarkdown', () => {
	test('is a markdown table with one line per help row', () => {
		const md = renderKeyTableMarkdown();
		const lines = md.trimEnd().split('\n');
		assert.equal(lines[0], '| Keys | Action |');
		assert.equal(lines[1], '| --- | --- |');
		assert.equal(lines.length, 2 + helpRows().length);
		assert.ok(lines.includes('| `F5` / `c` | Copy the entry under the cursor to the other pane |'));
		assert.ok(lines.includes('| `F10` / `q` | Quit (asks first while transfers run) |'));
		assert.ok(lines.includes('| `Ctrl-C` | Quit at once |'));
	});
});
