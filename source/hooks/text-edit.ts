import type {KeyPress} from '../services/keys/key-press.js';

const segmenter = new Intl.Segmenter(undefined, {granularity: 'grapheme'});

export type TextEdit =
	| {kind: 'change'; value: string}
	| {kind: 'submit'}
	| {kind: 'next'}
	| {kind: 'previous'}
	| {kind: 'ignored'};

/**
 * What one key does to a single-line text field. Text is kept exactly as typed or pasted (no
 * trimming, no normalisation). Backspace removes one grapheme, Ctrl-U clears, Enter submits,
 * Tab / ↓ and Shift-Tab / ↑ move between fields.
 */
export function editText(value: string, press: KeyPress): TextEdit {
	if (press.insertable && !press.ctrl && !press.meta) {
		return {kind: 'change', value: value + press.sequence};
	}
	switch (press.name) {
		case 'enter':
			return press.meta ? {kind: 'ignored'} : {kind: 'submit'};
		case 'backspace': {
			if (!value) return {kind: 'ignored'};
			const parts = Array.from(segmenter.segment(value), (s) => s.segment);
			parts.pop();
			return {kind: 'change', value: parts.join('')};
		}
		case 'u':
			return press.ctrl ? {kind: 'change', value: ''} : {kind: 'ignored'};
		case 'tab':
			return press.shift ? {kind: 'previous'} : {kind: 'next'};
		case 'down':
			return {kind: 'next'};
		case 'up':
			return {kind: 'previous'};
		default:
			return {kind: 'ignored'};
	}
}
