import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {COMMANDS, COMMAND_IDS} from '../../../source/services/keys/commands.js';
import {parseKeySpec} from '../../../source/services/keys/key-spec.js';
import {
	DEFAULT_KEYMAP,
	keymapProblems,
	mergeKeymap,
	resolveCommand,
} from '../../../source/services/keys/keymap.js';
import {parseKeys} from '../../../source/services/keys/parse-keys.js';

function commandFor(raw: string, keymap = DEFAULT_KEYMAP) {
	const keys = parseKeys(raw);
	assert.equal(keys.length, 1);
	return resolveCommand(keymap, keys[0]);
}

describe('default keymap', () => {
	const cases: [string, string, string | undefined][] = [
		['down arrow', '\x1b[B', 'cursor.down'],
		['down arrow SS3', '\x1bOB', 'cursor.down'],
		['j', 'j', 'cursor.down'],
		['k', 'k', 'cursor.up'],
		['page down', '\x1b[6~', 'cursor.pageDown'],
		['page up', '\x1b[5~', 'cursor.pageUp'],
		['home (linux)', '\x1b[1~', 'cursor.top'],
		['g', 'g', 'cursor.top'],
		['G', 'G', 'cursor.bottom'],
		['end (xterm)', '\x1b[F', 'cursor.bottom'],
		['enter', '\r', 'folder.open'],
		['right', '\x1b[C', 'folder.open'],
		['l', 'l', 'folder.open'],
		['backspace', '\x7f', 'folder.parent'],
		['h', 'h', 'folder.parent'],
		['tab', '\t', 'pane.switch'],
		['shift-tab is not tab', '\x1b[Z', undefined],
		['F5 xterm', '\x1b[15~', 'copy'],
		['c', 'c', 'copy'],
		['C (shift) is not c', 'C', undefined],
		['ctrl+c quits at once (it is not copy)', '\x03', 'quit.now'],
		['F1 xterm', '\x1bOP', 'help'],
		['F1 linux console', '\x1b[[A', 'help'],
		['F1 vt220', '\x1b[11~', 'help'],
		['?', '?', 'help'],
		['F10', '\x1b[21~', 'quit'],
		['q', 'q', 'quit'],
		['escape', '\x1b', 'listing.cancel'],
		['ctrl+r', '\x12', 'listing.refresh'],
		['F7', '\x1b[18~', 'mkdir'],
		['F6', '\x1b[17~', 'rename.move'],
		['F8', '\x1b[19~', 'trash'],
		['x cancels a transfer', 'x', 'transfer.cancel'],
		['Delete cancels a transfer', '\x1b[3~', 'transfer.cancel'],
		['w shows the transfers', 'w', 'transfers.show'],
		['r retries', 'r', 'transfer.retry'],
		['unbound z', 'z', undefined],
		['alt+q is not q', '\x1bq', undefined],
	];
	for (const [label, raw, expected] of cases) {
		test(label, () => assert.equal(commandFor(raw), expected));
	}

	test('every command has keys, every key is valid and no key is bound twice', () => {
		const seen = new Map<string, string>();
		for (const id of COMMAND_IDS) {
			const keys = DEFAULT_KEYMAP[id];
			assert.ok(keys.length > 0, id);
			for (const key of keys) {
				const spec = parseKeySpec(key);
				assert.ok(spec, `${id}: ${key}`);
				const canonical = JSON.stringify(spec);
				assert.equal(seen.get(canonical), undefined, `${key} bound twice`);
				seen.set(canonical, id);
			}
		}
		assert.deepEqual(Object.keys(DEFAULT_KEYMAP).sort(), Object.keys(COMMANDS).sort());
	});
});

describe('mergeKeymap', () => {
	test('override replaces a command list and steals the key from other commands', () => {
		const merged = mergeKeymap(DEFAULT_KEYMAP, {'cursor.down': ['n', 'down'], copy: ['j']});
		assert.deepEqual(merged['cursor.down'], ['n', 'down']);
		assert.deepEqual(merged.copy, ['j']);
		assert.equal(resolveCommand(merged, parseKeys('j')[0]), 'copy');
		assert.equal(resolveCommand(merged, parseKeys('n')[0]), 'cursor.down');
		// f5 no longer copies: the override replaced the list
		assert.equal(resolveCommand(merged, parseKeys('\x1b[15~')[0]), undefined);
	});

	test('unknown commands and malformed keys are ignored but reported', () => {
		const overrides = {'no.such': ['x'], quit: ['ctrl+x', 'hyper+x', 5]};
		const merged = mergeKeymap(DEFAULT_KEYMAP, overrides);
		assert.deepEqual(merged.quit, ['ctrl+x']);
		assert.equal('no.such' in merged, false);
		const problems = keymapProblems(overrides);
		assert.equal(problems.length, 3);
		assert.match(problems[0], /Unknown command 'no\.such'/);
	});

	test('defaults are not mutated', () => {
		mergeKeymap(DEFAULT_KEYMAP, {quit: ['x']});
		assert.deepEqual(DEFAULT_KEYMAP.quit, ['f10', 'q']);
	});
});

describe('parseKeySpec', () => {
	test('modifiers, aliases, shifted letters', () => {
		assert.deepEqual(parseKeySpec('ctrl+r'), {name: 'r', ctrl: true, meta: false, shift: false});
		assert.deepEqual(parseKeySpec('G'), {name: 'g', ctrl: false, meta: false, shift: true});
		assert.deepEqual(parseKeySpec('alt+shift+up'), {
			name: 'up',
			ctrl: false,
			meta: true,
			shift: true,
		});
		assert.deepEqual(parseKeySpec('esc'), {name: 'escape', ctrl: false, meta: false, shift: false});
		assert.deepEqual(parseKeySpec('ctrl++'), {name: '+', ctrl: true, meta: false, shift: false});
		assert.equal(parseKeySpec(''), undefined);
		assert.equal(parseKeySpec('super+x'), undefined);
	});
});
