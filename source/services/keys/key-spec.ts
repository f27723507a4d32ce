import type {KeyPress} from './key-press.js';

/**
 * A key as written in a keymap: 'down', 'j', 'G' (shift+g), '?', 'f5', 'ctrl+r', 'alt+x',
 * 'shift+tab', 'ctrl+shift+up'. Modifiers are 'ctrl', 'alt' (or 'meta') and 'shift'.
 */
export interface KeySpec {
	name: string;
	ctrl: boolean;
	meta: boolean;
	shift: boolean;
}

const MODIFIERS = new Set(['ctrl', 'alt', 'meta', 'shift']);

const ALIASES: Record<string, string> = {
	esc: 'escape',
	return: 'enter',
	del: 'delete',
	ins: 'insert',
	pgup: 'pageup',
	pgdn: 'pagedown',
	bs: 'backspace',
};

/** Parses a key spec; undefined when it is malformed (empty, unknown modifier). */
export function parseKeySpec(spec: string): KeySpec | undefined {
	if (spec.length === 0) return undefined;
	// A lone '+' (or one ending a combination such as 'ctrl++') is the key itself.
	const parts =
		spec === '+'
			? ['+']
			: spec.endsWith('++')
				? [...spec.slice(0, -2).split('+'), '+']
				: spec.split('+');
	const out: KeySpec = {name: '', ctrl: false, meta: false, shift: false};
	const last = parts.pop();
	if (last === undefined || last === '') return undefined;
	for (const part of parts) {
		const mod = part.toLowerCase();
		if (!MODIFIERS.has(mod)) return undefined;
		if (mod === 'ctrl') out.ctrl = true;
		else if (mod === 'shift') out.shift = true;
		else out.meta = true;
	}
	const single = [...last].length === 1;
	if (single) {
		const lower = last.toLowerCase();
		if (lower !== last.toUpperCase() && last !== lower) out.shift = true;
		out.name = lower;
	} else {
		const lower = last.toLowerCase();
		out.name = ALIASES[lower] ?? lower;
	}
	return out;
}

export function matchesKeySpec(spec: KeySpec, press: KeyPress): boolean {
	return (
		spec.name === press.name &&
		spec.ctrl === press.ctrl &&
		spec.meta === press.meta &&
		spec.shift === press.shift
	);
}
