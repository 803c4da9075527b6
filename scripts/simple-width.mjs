// The width of text that needs none of string-width's full rules: every code point in it is
// one column wide on its own and never joins a neighbour into one grapheme (no combining
// marks, joiners, variation selectors, emoji, Hangul jamo or wide characters). That is what
// the app draws nearly always (ASCII, box drawing, arrows, punctuation), and it spares the
// first frame string-width's grapheme segmentation and its \p{RGI_Emoji} expression, whose
// first use costs tens of milliseconds. Bundled in front of string-width by
// scripts/ink-fixes.mjs; test/simple-width.test.ts checks each range against string-width.
import stripAnsi from 'strip-ansi';

/** [first, last] code point ranges, each character one column, none joining (see above). */
export const simpleRanges = [
	[0x20, 0x7e],
	[0xa0, 0xac], // U+00AD (soft hyphen) is default-ignorable: zero columns
	[0xae, 0x2ff], // Latin-1, Latin Extended, IPA, spacing modifiers (combining marks start at U+0300)
	[0x2010, 0x2027], // dashes, quotes, bullet, ellipsis (U+200B-U+200F are zero-width)
	[0x2030, 0x205e],
	[0x2190, 0x21ff], // arrows
	[0x2400, 0x2426], // control pictures (U+240A, U+240D)
	[0x2500, 0x259f], // box drawing and block elements
	[0x2713, 0x2713], // check mark
	[0x2717, 0x2717], // ballot X
];

/** Whether a UTF-16 code unit is one of the simple characters (a surrogate never is). */
export function isSimple(code) {
	// ASCII first, and an indexed loop: at start-up this runs in V8's interpreter for every
	// character of the first frame, where the iterator and destructuring cost most.
	if (code <= 0x7e) return code >= 0x20;
	for (let index = 1; index < simpleRanges.length; index++) {
		const range = simpleRanges[index];
		if (code < range[0]) return false;
		if (code <= range[1]) return true;
	}

	return false;
}

/**
The width string-width would give, when the text is simple enough to know it without
string-width's rules; undefined otherwise (the caller then asks string-width).
*/
export function simpleWidth(input, options) {
	if (typeof input !== 'string') return undefined;
	// Ambiguous characters (box drawing among them) are wide when asked for; escapes counted are not text.
	if (options?.ambiguousIsNarrow === false || options?.countAnsiEscapeCodes) return undefined;
	const text = input.includes('\u001B') || input.includes('\u009B') ? stripAnsi(input) : input;
	for (let index = 0; index < text.length; index++) {
		// A surrogate (a code point above U+FFFF) is never in the ranges.
		if (!isSimple(text.charCodeAt(index))) return undefined;
	}

	return text.length;
}
