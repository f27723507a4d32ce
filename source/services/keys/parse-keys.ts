import type {KeyPress} from './key-press.js';

export type {KeyPress} from './key-press.js';

const ESC = '\x1b';
const PASTE_START = '\x1b[200~';
const PASTE_END = '\x1b[201~';

/** Final letter of a CSI / SS3 sequence → key name (xterm, VT220, rxvt, linux console). */
const LETTER_KEYS: Record<string, string> = {
	A: 'up',
	B: 'down',
	C: 'right',
	D: 'left',
	E: 'clear',
	F: 'end',
	H: 'home',
	P: 'f1',
	Q: 'f2',
	R: 'f3',
	S: 'f4',
};

/** rxvt sends lower-case letters for shifted (CSI) or ctrl (SS3) arrows. */
const RXVT_ARROWS: Record<string, string> = {a: 'up', b: 'down', c: 'right', d: 'left', e: 'clear'};

/** Number of a `CSI <n> ~` sequence → key name. */
const TILDE_KEYS: Record<number, string> = {
	1: 'home',
	2: 'insert',
	3: 'delete',
	4: 'end',
	5: 'pageup',
	6: 'pagedown',
	7: 'home',
	8: 'end',
	11: 'f1',
	12: 'f2',
	13: 'f3',
	14: 'f4',
	15: 'f5',
	17: 'f6',
	18: 'f7',
	19: 'f8',
	20: 'f9',
	21: 'f10',
	23: 'f11',
	24: 'f12',
};

/** Linux console F1–F5: `ESC [ [ A` .. `ESC [ [ E`. */
const LINUX_F_KEYS: Record<string, string> = {A: 'f1', B: 'f2', C: 'f3', D: 'f4', E: 'f5'};

/** Kitty / CSI-u key codes that are not printable text. */
const CSI_U_KEYS: Record<number, string> = {
	9: 'tab',
	13: 'enter',
	27: 'escape',
	32: 'space',
	127: 'backspace',
};

const segmenter = new Intl.Segmenter(undefined, {granularity: 'grapheme'});

function key(name: string, sequence: string, mods: Partial<KeyPress> = {}): KeyPress {
	return {name, ctrl: false, meta: false, shift: false, sequence, ...mods};
}

/** xterm modifier parameter: 1 + (shift 1 | alt 2 | ctrl 4 | meta 8). */
function applyModifier(press: KeyPress, param: number | undefined): KeyPress {
	if (param === undefined || !Number.isFinite(param) || param < 2) return press;
	const bits = param - 1;
	if (bits & 1) press.shift = true;
	if (bits & 2) press.meta = true;
	if (bits & 4) press.ctrl = true;
	if (bits & 8) press.meta = true;
	return press;
}

/** A single control character (or DEL) → key. */
function controlKey(ch: string): KeyPress {
	const code = ch.charCodeAt(0);
	if (ch === '\r' || ch === '\n') return key('enter', ch);
	if (ch === '\t') return key('tab', ch);
	if (ch === '\x7f' || ch === '\b') return key('backspace', ch);
	if (ch === ESC) return key('escape', ch);
	if (code === 0) return key('space', ch, {ctrl: true});
	if (code >= 1 && code <= 26) return key(String.fromCharCode(code + 96), ch, {ctrl: true});
	// 0x1c..0x1f: ctrl+\ ctrl+] ctrl+^ ctrl+_
	return key(String.fromCharCode(code + 64), ch, {ctrl: true});
}

function isControl(ch: string): boolean {
	const code = ch.charCodeAt(0);
	return code < 0x20 || code === 0x7f;
}

/** Printable text → one key per grapheme (so an emoji with modifiers is one key). */
function textKeys(text: string, out: KeyPress[]): void {
	for (const {segment} of segmenter.segment(text)) {
		if (segment === ' ') {
			out.push({...key('space', segment), insertable: true});
			continue;
		}
		const lower = segment.toLowerCase();
		const isLetter = segment.length === 1 && lower !== segment.toUpperCase();
		const shift = isLetter && segment !== lower;
		out.push({...key(isLetter ? lower : segment, segment, {shift}), insertable: true});
	}
}

interface Parsed {
	press: KeyPress;
	length: number;
}

/** Parses a CSI sequence starting at `start` (which points at ESC '['). */
function parseCsi(input: string, start: number): Parsed {
	let i = start + 2;
	// Linux console function keys: ESC [ [ A..E
	if (input[i] === '[') {
		const letter = input[i + 1];
		const name = letter ? LINUX_F_KEYS[letter] : undefined;
		const length = letter ? 4 : 3;
		const sequence = input.slice(start, start + length);
		return {press: key(name ?? 'unknown', sequence), length};
	}
	while (i < input.length && /[0-9;:<=>?]/.test(input[i])) i++;
	// Intermediate bytes; '$' is rxvt's shift marker, so it ends the sequence instead.
	while (i < input.length && /[ -#%-/]/.test(input[i])) i++;
	const final = input[i];
	if (final === undefined) {
		const sequence = input.slice(start);
		return {press: key('unknown', sequence), length: sequence.length};
	}
	const sequence = input.slice(start, i + 1);
	const length = sequence.length;
	const params = input
		.slice(start + 2, i)
		.split(';')
		.map((p) => (p === '' ? undefined : Number.parseInt(p, 10)));
	if (final === '~' || final === '$' || final === '^' || final === '@') {
		const name = TILDE_KEYS[params[0] ?? -1] ?? 'unknown';
		const press = applyModifier(key(name, sequence), params[1]);
		if (final === '$') press.shift = true;
		if (final === '^') press.ctrl = true;
		if (final === '@') {
			press.ctrl = true;
			press.shift = true;
		}
		return {press, length};
	}
	if (final === 'Z')
		return {press: applyModifier(key('tab', sequence, {shift: true}), params[1]), length};
	if (final === 'u') {
		const code = params[0] ?? 0;
		const named = CSI_U_KEYS[code];
		const press = named
			? key(named, sequence)
			: key(String.fromCodePoint(code).toLowerCase(), sequence);
		return {press: applyModifier(press, params[1]), length};
	}
	if (RXVT_ARROWS[final]) return {press: key(RXVT_ARROWS[final], sequence, {shift: true}), length};
	const name = LETTER_KEYS[final];
	if (name) return {press: applyModifier(key(name, sequence), params[1]), length};
	return {press: key('unknown', sequence), length};
}

/** Parses an SS3 sequence (ESC 'O' ...), with an optional modifier digit (ESC O 5 P). */
function parseSs3(input: string, start: number): Parsed {
	let i = start + 2;
	let modifier: number | undefined;
	while (i < input.length && /[0-9;]/.test(input[i])) i++;
	if (i > start + 2)
		modifier = Number.parseInt(
			input
				.slice(start + 2, i)
				.split(';')
				.pop() ?? '',
			10,
		);
	const final = input[i];
	if (final === undefined) {
		const sequence = input.slice(start);
		return {press: key('unknown', sequence), length: sequence.length};
	}
	const sequence = input.slice(start, i + 1);
	if (RXVT_ARROWS[final]) {
		return {press: key(RXVT_ARROWS[final], sequence, {ctrl: true}), length: sequence.length};
	}
	if (final === 'M')
		return {press: applyModifier(key('enter', sequence), modifier), length: sequence.length};
	const name = LETTER_KEYS[final] ?? 'unknown';
	return {press: applyModifier(key(name, sequence), modifier), length: sequence.length};
}

/** Parses whatever starts with ESC at `start`. */
function parseEscape(input: string, start: number): Parsed {
	const next = input[start + 1];
	if (next === undefined) return {press: key('escape', ESC), length: 1};
	if (next === '[') return parseCsi(input, start);
	if (next === 'O' && start + 2 < input.length) return parseSs3(input, start);
	if (next === ESC) {
		// ESC ESC [ A (alt+up in some terminals) or a double Escape.
		const after = input[start + 2];
		if (after === '[' || after === 'O') {
			const inner = parseEscape(input, start + 1);
			return {
				press: {...inner.press, meta: true, sequence: ESC + inner.press.sequence},
				length: inner.length + 1,
			};
		}
		return {press: key('escape', ESC + ESC, {meta: true}), length: 2};
	}
	// Alt + key: ESC followed by one key.
	if (isControl(next)) {
		const inner = controlKey(next);
		return {press: {...inner, meta: true, sequence: ESC + next}, length: 2};
	}
	const [first] = segmenter.segment(input.slice(start + 1, start + 16));
	const inner: KeyPress[] = [];
	textKeys(first.segment, inner);
	const press = inner[0];
	delete press.insertable;
	return {
		press: {...press, meta: true, sequence: ESC + first.segment},
		length: 1 + first.segment.length,
	};
}

/**
 * Turns one chunk of raw terminal input (which may hold several keys) into key presses.
 * Pure: no state between calls. Bracketed paste becomes one 'paste' key with the text as its
 * sequence (a paste without its end marker takes the rest of the chunk).
 */
export function parseKeys(input: string): KeyPress[] {
	const out: KeyPress[] = [];
	let i = 0;
	let textStart = -1;
	const flushText = (end: number) => {
		if (textStart >= 0) {
			textKeys(input.slice(textStart, end), out);
			textStart = -1;
		}
	};
	while (i < input.length) {
		const ch = input[i];
		if (input.startsWith(PASTE_START, i)) {
			flushText(i);
			const bodyStart = i + PASTE_START.length;
			const end = input.indexOf(PASTE_END, bodyStart);
			const body = input.slice(bodyStart, end === -1 ? input.length : end);
			out.push({...key('paste', body), insertable: true});
			i = end === -1 ? input.length : end + PASTE_END.length;
			continue;
		}
		if (ch === ESC) {
			flushText(i);
			const {press, length} = parseEscape(input, i);
			out.push(press);
			i += length;
			continue;
		}
		if (isControl(ch)) {
			flushText(i);
			// \r\n from some terminals / pastes without bracketing counts as one Enter.
			if (ch === '\r' && input[i + 1] === '\n') {
				out.push(key('enter', '\r\n'));
				i += 2;
				continue;
			}
			out.push(controlKey(ch));
			i++;
			continue;
		}
		if (textStart < 0) textStart = i;
		i++;
	}
	flushText(input.length);
	return out;
}
