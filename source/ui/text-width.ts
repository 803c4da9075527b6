import stringWidth from 'string-width';

/**
Display width and wrapping for the terminal: wide characters (CJK, most emoji) take two
columns, combining marks none. Text given here is already sanitised (no control bytes).
*/

// Plain ASCII is one column per character; measuring it the long way is the hot path's cost.
const printableAscii = /^[\u0020-\u007E]*$/;

// Made on first need: the first Intl.Segmenter of a process loads ICU's break rules
// (15-25 ms), which ASCII text, each character its own grapheme, never needs.
let segmenter: Intl.Segmenter | undefined;

/** The graphemes of `text`: its characters when it is printable ASCII, otherwise as Intl.Segmenter splits them. */
function graphemes(text: string): Iterable<{segment: string}> {
	if (printableAscii.test(text)) return Array.from(text, segment => ({segment}));
	segmenter ??= new Intl.Segmenter(undefined, {granularity: 'grapheme'});
	return segmenter.segment(text);
}

export function displayWidth(text: string): number {
	return printableAscii.test(text) ? text.length : stringWidth(text);
}

/** Splits text into rows of at most `width` columns, breaking at spaces where it can. */
export function wrapToWidth(text: string, width: number): string[] {
	if (width < 1) return [text];
	if (printableAscii.test(text) && text.length <= width) return [text];
	const rows: string[] = [];
	let row = '';
	let rowWidth = 0;
	let lastSpace = -1;
	for (const {segment} of graphemes(text)) {
		const w = displayWidth(segment);
		if (rowWidth + w > width && row !== '') {
			// Break at the last space if it leaves a reasonable row; otherwise break hard.
			if (lastSpace > row.length / 2) {
				rows.push(row.slice(0, lastSpace));
				row = row.slice(lastSpace + 1);
				rowWidth = displayWidth(row);
			} else {
				rows.push(row);
				row = '';
				rowWidth = 0;
			}

			lastSpace = -1;
			// The space a row broke at is not carried to the start of the next.
			if (segment === ' ' && row === '') continue;
		}

		if (segment === ' ') lastSpace = row.length;
		row += segment;
		rowWidth += w;
	}

	// A space dropped at a break leaves no empty row behind ("abcd " at width 4 is one row).
	if (row !== '' || rows.length === 0) rows.push(row);
	return rows;
}

/** Cuts text to `width` columns, with an ellipsis when it was cut. */
export function truncateToWidth(text: string, width: number): string {
	if (displayWidth(text) <= width) return text;
	if (width <= 1) return width === 1 ? '…' : '';
	let out = '';
	let used = 0;
	for (const {segment} of graphemes(text)) {
		const w = displayWidth(segment);
		if (used + w > width - 1) break;
		out += segment;
		used += w;
	}

	return `${out}…`;
}

/** Pads text with spaces to exactly `width` columns (cutting it first if it is longer). */
export function padToWidth(text: string, width: number): string {
	const cut = truncateToWidth(text, width);
	return cut + ' '.repeat(Math.max(0, width - displayWidth(cut)));
}
