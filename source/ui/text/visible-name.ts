/**
 * Turns an untrusted name (decrypted remote names, local file names) into text that is safe to put
 * on a terminal: control characters, bidi overrides and line separators are shown as visible
 * placeholders and never reach the terminal as bytes it would interpret.
 */

export interface NameSegment {
	text: string;
	/** True when `text` is a placeholder for an invisible or dangerous character. */
	special: boolean;
}

const BIDI_AND_INVISIBLE = new Set([
	0x061c, // ARABIC LETTER MARK
	0x200b, // ZERO WIDTH SPACE
	0x200e, // LRM
	0x200f, // RLM
	0x2028, // LINE SEPARATOR
	0x2029, // PARAGRAPH SEPARATOR
	0x202a,
	0x202b,
	0x202c,
	0x202d,
	0x202e, // LRE RLE PDF LRO RLO
	0x2066,
	0x2067,
	0x2068,
	0x2069, // LRI RLI FSI PDI
	0xfeff, // BOM / ZWNBSP
]);

function codePointLabel(cp: number): string {
	return `<U+${cp.toString(16).toUpperCase().padStart(4, '0')}>`;
}

/** Placeholder for one code point, or undefined when it is safe to print as is. */
export function placeholderFor(cp: number): string | undefined {
	if (cp < 0x20) return String.fromCodePoint(0x2400 + cp); // ␀ … ␟ (␛ for ESC)
	if (cp === 0x7f) return '\u2421'; // ␡
	if (cp >= 0x80 && cp <= 0x9f) return codePointLabel(cp); // C1 controls (CSI 0x9b …)
	if (BIDI_AND_INVISIBLE.has(cp)) return codePointLabel(cp);
	if (cp >= 0xd800 && cp <= 0xdfff) return codePointLabel(cp); // lone surrogate
	return undefined;
}

/** Splits a name into plain and placeholder segments (adjacent plain text merged). */
export function visibleSegments(name: string): NameSegment[] {
	const out: NameSegment[] = [];
	let plain = '';
	for (const ch of name) {
		const cp = ch.codePointAt(0)!;
		const placeholder = placeholderFor(cp);
		if (placeholder === undefined) {
			plain += ch;
			continue;
		}
		if (plain) out.push({text: plain, special: false});
		plain = '';
		out.push({text: placeholder, special: true});
	}
	if (plain) out.push({text: plain, special: false});
	return out;
}

/** The whole name as one printable string. */
export function visibleName(name: string): string {
	return visibleSegments(name)
		.map((s) => s.text)
		.join('');
}
