/** One key as the rest of the app sees it, whatever the terminal sent. */
export interface KeyPress {
	/**
	 * Named keys: 'up', 'down', 'left', 'right', 'home', 'end', 'pageup', 'pagedown', 'insert',
	 * 'delete', 'clear', 'f1'..'f12', 'enter', 'tab', 'backspace', 'escape', 'space', 'paste'
	 * (bracketed paste; the text is in `sequence`), 'unknown' (an escape sequence we do not know).
	 * Letters are lower case (shift says whether it was upper case); any other printable text
	 * (digits, punctuation, one grapheme such as an emoji) is its own name.
	 */
	name: string;
	ctrl: boolean;
	meta: boolean;
	shift: boolean;
	/** The raw characters this key came from (for 'paste': the pasted text). */
	sequence: string;
	/** True for printable text the user typed (or pasted), to be inserted into text fields. */
	insertable?: boolean;
}
