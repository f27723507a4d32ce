import stringWidth from 'string-width';
import type {NameSegment} from './visible-name.js';

const segmenter = new Intl.Segmenter(undefined, {granularity: 'grapheme'});
const ELLIPSIS = '…';

/** Terminal cell width of already-visible text (no control characters). */
export function cellWidth(text: string): number {
	return stringWidth(text);
}

function graphemes(text: string): string[] {
	return Array.from(segmenter.segment(text), (s) => s.segment);
}

/**
 * Cuts `text` so it takes at most `maxCells` terminal cells, never splitting a grapheme
 * (CJK, emoji sequences, combining marks stay whole). Adds '…' when something was cut.
 */
export function truncateCells(text: string, maxCells: number): string {
	if (maxCells <= 0) return '';
	if (cellWidth(text) <= maxCells) return text;
	const budget = maxCells - 1; // room for the ellipsis
	let out = '';
	let used = 0;
	for (const g of graphemes(text)) {
		const w = cellWidth(g);
		if (used + w > budget) break;
		out += g;
		used += w;
	}
	return out + ELLIPSIS;
}

/** Keeps the end of `text` (for paths): '…' + tail, at most `maxCells` cells. */
export function truncateCellsStart(text: string, maxCells: number): string {
	if (maxCells <= 0) return '';
	if (cellWidth(text) <= maxCells) return text;
	const budget = maxCells - 1;
	const parts = graphemes(text);
	let out = '';
	let used = 0;
	for (let i = parts.length - 1; i >= 0; i--) {
		const w = cellWidth(parts[i]);
		if (used + w > budget) break;
		out = parts[i] + out;
		used += w;
	}
	return ELLIPSIS + out;
}

/** Pads with spaces on the right up to `cells` (text must already fit). */
export function padCells(text: string, cells: number): string {
	const w = cellWidth(text);
	return w >= cells ? text : text + ' '.repeat(cells - w);
}

/** Pads with spaces on the left up to `cells`. */
export function padCellsStart(text: string, cells: number): string {
	const w = cellWidth(text);
	return w >= cells ? text : ' '.repeat(cells - w) + text;
}

/**
 * Truncates a list of segments to `maxCells` cells as a whole; placeholder segments are kept
 * whole or dropped (never half a `<U+202E>`), and the cut is marked with '…'.
 */
export function truncateSegments(segments: NameSegment[], maxCells: number): NameSegment[] {
	if (maxCells <= 0) return [];
	const total = segments.reduce((n, s) => n + cellWidth(s.text), 0);
	if (total <= maxCells) return segments;
	const budget = maxCells - 1;
	const out: NameSegment[] = [];
	let used = 0;
	for (const seg of segments) {
		const w = cellWidth(seg.text);
		if (used + w <= budget) {
			out.push(seg);
			used += w;
			continue;
		}
		if (!seg.special) {
			const part = truncateCells(seg.text, budget - used + 1);
			const kept = part.endsWith(ELLIPSIS) ? part.slice(0, -ELLIPSIS.length) : part;
			if (kept) out.push({text: kept, special: false});
		}
		break;
	}
	out.push({text: ELLIPSIS, special: false});
	return out;
}
