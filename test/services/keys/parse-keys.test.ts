import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {parseKeys} from '../../../source/services/keys/parse-keys.js';

type Expect = {name: string; ctrl?: boolean; meta?: boolean; shift?: boolean};

function one(input: string): Expect & {sequence: string} {
	const keys = parseKeys(input);
	assert.equal(
		keys.length,
		1,
		`expected one key for ${JSON.stringify(input)}, got ${JSON.stringify(keys)}`,
	);
	const {name, ctrl, meta, shift, sequence} = keys[0];
	return {name, ctrl, meta, shift, sequence};
}

function check(input: string, expected: Expect): void {
	const got = one(input);
	assert.deepEqual(
		got,
		{ctrl: false, meta: false, shift: false, ...expected, sequence: input},
		`input ${JSON.stringify(input)}`,
	);
}

const table: [string, string, Expect][] = [
	['enter', '\r', {name: 'enter'}],
	['enter (LF)', '\n', {name: 'enter'}],
	['tab', '\t', {name: 'tab'}],
	['shift-tab', '\x1b[Z', {name: 'tab', shift: true}],
	['backspace DEL', '\x7f', {name: 'backspace'}],
	['backspace BS', '\b', {name: 'backspace'}],
	['escape', '\x1b', {name: 'escape'}],
	['space', ' ', {name: 'space'}],
	['up CSI', '\x1b[A', {name: 'up'}],
	['down CSI', '\x1b[B', {name: 'down'}],
	['right CSI', '\x1b[C', {name: 'right'}],
	['left CSI', '\x1b[D', {name: 'left'}],
	['up SS3', '\x1bOA', {name: 'up'}],
	['down SS3', '\x1bOB', {name: 'down'}],
	['right SS3', '\x1bOC', {name: 'right'}],
	['left SS3', '\x1bOD', {name: 'left'}],
	['home CSI H', '\x1b[H', {name: 'home'}],
	['end CSI F', '\x1b[F', {name: 'end'}],
	['home 1~', '\x1b[1~', {name: 'home'}],
	['end 4~', '\x1b[4~', {name: 'end'}],
	['home rxvt 7~', '\x1b[7~', {name: 'home'}],
	['end rxvt 8~', '\x1b[8~', {name: 'end'}],
	['home SS3', '\x1bOH', {name: 'home'}],
	['end SS3', '\x1bOF', {name: 'end'}],
	['pageup', '\x1b[5~', {name: 'pageup'}],
	['pagedown', '\x1b[6~', {name: 'pagedown'}],
	['insert', '\x1b[2~', {name: 'insert'}],
	['delete', '\x1b[3~', {name: 'delete'}],
	['F1 xterm', '\x1bOP', {name: 'f1'}],
	['F2 xterm', '\x1bOQ', {name: 'f2'}],
	['F3 xterm', '\x1bOR', {name: 'f3'}],
	['F4 xterm', '\x1bOS', {name: 'f4'}],
	['F1 vt220', '\x1b[11~', {name: 'f1'}],
	['F2 vt220', '\x1b[12~', {name: 'f2'}],
	['F3 vt220', '\x1b[13~', {name: 'f3'}],
	['F4 vt220', '\x1b[14~', {name: 'f4'}],
	['F5', '\x1b[15~', {name: 'f5'}],
	['F6', '\x1b[17~', {name: 'f6'}],
	['F7', '\x1b[18~', {name: 'f7'}],
	['F8', '\x1b[19~', {name: 'f8'}],
	['F9', '\x1b[20~', {name: 'f9'}],
	['F10', '\x1b[21~', {name: 'f10'}],
	['F11', '\x1b[23~', {name: 'f11'}],
	['F12', '\x1b[24~', {name: 'f12'}],
	['F1 linux', '\x1b[[A', {name: 'f1'}],
	['F2 linux', '\x1b[[B', {name: 'f2'}],
	['F3 linux', '\x1b[[C', {name: 'f3'}],
	['F4 linux', '\x1b[[D', {name: 'f4'}],
	['F5 linux', '\x1b[[E', {name: 'f5'}],
	['shift+F1 xterm', '\x1b[1;2P', {name: 'f1', shift: true}],
	['ctrl+F5', '\x1b[15;5~', {name: 'f5', ctrl: true}],
	['ctrl+up', '\x1b[1;5A', {name: 'up', ctrl: true}],
	['shift+down', '\x1b[1;2B', {name: 'down', shift: true}],
	['alt+left', '\x1b[1;3D', {name: 'left', meta: true}],
	['ctrl+shift+right', '\x1b[1;6C', {name: 'right', ctrl: true, shift: true}],
	['shift+delete', '\x1b[3;2~', {name: 'delete', shift: true}],
	['rxvt shift+up', '\x1b[a', {name: 'up', shift: true}],
	['rxvt ctrl+up', '\x1bOa', {name: 'up', ctrl: true}],
	['rxvt shift+F5', '\x1b[15$', {name: 'f5', shift: true}],
	['rxvt ctrl+pagedown', '\x1b[6^', {name: 'pagedown', ctrl: true}],
	['ctrl+c', '\x03', {name: 'c', ctrl: true}],
	['ctrl+a', '\x01', {name: 'a', ctrl: true}],
	['ctrl+r', '\x12', {name: 'r', ctrl: true}],
	['ctrl+z', '\x1a', {name: 'z', ctrl: true}],
	['ctrl+space', '\x00', {name: 'space', ctrl: true}],
	['alt+x', '\x1bx', {name: 'x', meta: true}],
	['alt+X', '\x1bX', {name: 'x', meta: true, shift: true}],
	['alt+enter', '\x1b\r', {name: 'enter', meta: true}],
	['alt+backspace', '\x1b\x7f', {name: 'backspace', meta: true}],
	['alt+up (ESC ESC)', '\x1b\x1b[A', {name: 'up', meta: true}],
	['kitty shift+enter', '\x1b[13;2u', {name: 'enter', shift: true}],
	['kitty ctrl+a', '\x1b[97;5u', {name: 'a', ctrl: true}],
	['letter', 'j', {name: 'j'}],
	['upper-case letter', 'G', {name: 'g', shift: true}],
	['question mark', '?', {name: '?'}],
	['digit', '7', {name: '7'}],
	['accented letter', 'é', {name: 'é'}],
	['upper-case accented letter', 'É', {name: 'é', shift: true}],
	['CJK', '漢', {name: '漢'}],
	['emoji (surrogate pair)', '😀', {name: '😀'}],
	['emoji with skin tone', '👍🏽', {name: '👍🏽'}],
	['ZWJ family emoji', '👨‍👩‍👧', {name: '👨‍👩‍👧'}],
];

describe('parseKeys: one key per real byte sequence', () => {
	for (const [label, input, expected] of table) {
		test(label, () => check(input, expected));
	}
});

describe('parseKeys: chunks with several keys', () => {
	test('text then arrows then enter', () => {
		const names = parseKeys('ab\x1b[A\x1bOB\r').map((k) => k.name);
		assert.deepEqual(names, ['a', 'b', 'up', 'down', 'enter']);
	});

	test('repeated arrow presses arriving in one chunk', () => {
		const keys = parseKeys('\x1b[B\x1b[B\x1b[B');
		assert.equal(keys.length, 3);
		assert.ok(keys.every((k) => k.name === 'down' && k.sequence === '\x1b[B'));
	});

	test('function keys of different encodings in one chunk', () => {
		const names = parseKeys('\x1bOP\x1b[15~\x1b[[E\x1b[21~').map((k) => k.name);
		assert.deepEqual(names, ['f1', 'f5', 'f5', 'f10']);
	});

	test('CRLF counts as one enter', () => {
		assert.deepEqual(
			parseKeys('x\r\ny').map((k) => k.name),
			['x', 'enter', 'y'],
		);
	});

	test('emoji in between text stays one key each', () => {
		const keys = parseKeys('a😀b');
		assert.deepEqual(
			keys.map((k) => k.sequence),
			['a', '😀', 'b'],
		);
		assert.ok(keys.every((k) => k.insertable));
	});

	test('printable keys are insertable, named keys are not', () => {
		const [a, up] = parseKeys('a\x1b[A');
		assert.equal(a.insertable, true);
		assert.equal(up.insertable, undefined);
	});

	test('unknown escape sequence is reported, not dropped, and does not swallow the next key', () => {
		const keys = parseKeys('\x1b[99zq');
		assert.equal(keys[0].name, 'unknown');
		assert.equal(keys[0].sequence, '\x1b[99z');
		assert.equal(keys[1].name, 'q');
	});

	test('empty input gives no keys', () => {
		assert.deepEqual(parseKeys(''), []);
	});
});

describe('parseKeys: bracketed paste', () => {
	test('paste passes text through as one key, escape bytes included', () => {
		const keys = parseKeys('\x1b[200~hello\x1b[Aworld\r\n\x1b[201~');
		assert.equal(keys.length, 1);
		assert.equal(keys[0].name, 'paste');
		assert.equal(keys[0].sequence, 'hello\x1b[Aworld\r\n');
		assert.equal(keys[0].insertable, true);
	});

	test('keys before and after a paste are parsed normally', () => {
		const keys = parseKeys('a\x1b[200~xyz\x1b[201~\r');
		assert.deepEqual(
			keys.map((k) => [k.name, k.sequence]),
			[
				['a', 'a'],
				['paste', 'xyz'],
				['enter', '\r'],
			],
		);
	});

	test('paste without end marker takes the rest of the chunk', () => {
		const keys = parseKeys('\x1b[200~partial');
		assert.deepEqual(
			keys.map((k) => [k.name, k.sequence]),
			[['paste', 'partial']],
		);
	});
});
