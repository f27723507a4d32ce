import type {EventEmitter} from 'node:events';
import {useStdin} from 'ink';
import {useEffect, useLayoutEffect, useRef} from 'react';
import {parseKeys} from '../services/keys/parse-keys.js';
import type {KeyPress} from '../services/keys/key-press.js';

/**
 * Every key the user presses, through our own parser (Ink's useInput does not report F-keys).
 *
 * Ink 8 reads stdin itself (on 'readable', only while raw mode is on) and splits the bytes into
 * events (escape sequences on their own, a lone Esc after a short wait); it re-emits each event on
 * the stdin context's internal event emitter as 'input'. We listen there — attaching our own
 * 'data' listener would fight Ink's reader — and turn each event into KeyPress values.
 * Text that arrives in one chunk ("secret\r") yields one KeyPress per character, so typed text
 * followed by Enter is handled in order.
 */
export function useKeyPresses(
	handler: (press: KeyPress) => void,
	isActive = true,
	opts: {bracketedPaste?: boolean} = {},
): void {
	// The full stdin context (Ink 8 has these; useStdin's type shows only the public part).
	const stdin = useStdin() as ReturnType<typeof useStdin> & {
		internal_eventEmitter?: EventEmitter;
		setBracketedPasteMode?: (isEnabled: boolean) => void;
	};
	const handlerRef = useRef(handler);
	handlerRef.current = handler;
	const {setRawMode, isRawModeSupported, setBracketedPasteMode} = stdin;
	const emitter = stdin.internal_eventEmitter;
	const bracketedPaste = opts.bracketedPaste ?? false;

	// Bracketed paste: the terminal marks pasted text, which then arrives as one 'paste' press
	// instead of keys (so pasting "my doc" into the panes runs no commands). Only where no text
	// field needs pasted text (Ink hands pastes to 'paste' listeners only, while the mode is on).
	useEffect(() => {
		if (!isActive || !bracketedPaste || !isRawModeSupported || !setBracketedPasteMode) return;
		setBracketedPasteMode(true);
		return () => setBracketedPasteMode(false);
	}, [isActive, bracketedPaste, isRawModeSupported, setBracketedPasteMode]);

	useEffect(() => {
		if (!isActive) return;
		if (isRawModeSupported) setRawMode(true);
		return () => {
			if (isRawModeSupported) setRawMode(false);
		};
	}, [isActive, isRawModeSupported, setRawMode]);

	// Layout effect: the listener goes away in the same commit that unmounts or deactivates the
	// component, so keys typed right after a screen change never reach the old screen.
	useLayoutEffect(() => {
		if (!isActive || !emitter) return;
		const onInput = (input: string) => {
			for (const press of parseKeys(input)) handlerRef.current(press);
		};
		const onPaste = (text: string) => {
			handlerRef.current({
				name: 'paste',
				ctrl: false,
				meta: false,
				shift: false,
				sequence: text,
				insertable: true,
			});
		};
		emitter.on('input', onInput);
		emitter.on('paste', onPaste);
		return () => {
			emitter.off('input', onInput);
			emitter.off('paste', onPaste);
		};
	}, [isActive, emitter]);
}
