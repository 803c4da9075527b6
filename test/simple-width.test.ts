import fc from 'fast-check';
import stringWidth from 'string-width';
import {describe, expect, it} from 'vitest';
// @ts-expect-error: a plain .mjs module of the build scripts, without types
import {isSimple, simpleRanges, simpleWidth} from '../scripts/simple-width.mjs';

/**
scripts/simple-width.mjs measures simple text in the bundle in front of string-width
(scripts/ink-fixes.mjs): it must give string-width's answer whenever it gives one.
*/

const ranges = simpleRanges as Array<[number, number]>;
const measure = simpleWidth as (input: unknown, options?: {ambiguousIsNarrow?: boolean; countAnsiEscapeCodes?: boolean}) => number | undefined;
const segmenter = new Intl.Segmenter(undefined, {granularity: 'grapheme'});
const simpleCharacters = ranges.flatMap(([first, last]) => Array.from({length: last - first + 1}, (_, index) => String.fromCodePoint(first + index)));

describe('isSimple', () => {
	it('says yes for exactly the code units in the ranges (ASCII, the first, answered before the loop)', () => {
		const inRanges = (code: number) => ranges.some(([first, last]) => code >= first && code <= last);
		for (let code = 0; code <= 0xff_ff; code++) {
			if ((isSimple as (code: number) => boolean)(code) !== inRanges(code)) expect.fail(`U+${code.toString(16)}`);
		}

		expect(ranges[0]).toEqual([0x20, 0x7e]);
	});
});

describe('simpleWidth', () => {
	it('covers only characters one column wide that never join a neighbour', () => {
		for (const character of simpleCharacters) {
			expect(stringWidth(character), `U+${character.codePointAt(0)!.toString(16)}`).toBe(1);
			// Before and after another character, and twice in a row: always its own grapheme.
			expect([...segmenter.segment(`a${character}a${character}${character}`)], `U+${character.codePointAt(0)!.toString(16)}`).toHaveLength(5);
		}
	});

	it('agrees with string-width whenever it answers, with and without styling', () => {
		const others = ['\u0301', '\u200D', '\uFE0F', '\u00AD', '😀', '한', '\u1100', '界', '\u0000', '\u001B[31m', '\u001B[39m', '✅', '🇩🇪'];
		const alphabet = fc.constantFrom(...simpleCharacters.filter((_, index) => index % 7 === 0), ...others);
		fc.assert(
			fc.property(fc.array(alphabet, {maxLength: 12}), parts => {
				const text = parts.join('');
				const simple = measure(text);
				if (simple !== undefined) expect(simple).toBe(stringWidth(text));
			}),
			{numRuns: 3000},
		);
	});

	it('answers for what the app draws, and leaves the rest to string-width', () => {
		expect(measure('─'.repeat(80))).toBe(80);
		expect(measure('\u001B[2m─ session ──\u001B[22m')).toBe(12);
		expect(measure('✓ ready · ↑ history … › • ␍␊ – ä §')).toBe(stringWidth('✓ ready · ↑ history … › • ␍␊ – ä §'));
		for (const text of ['e\u0301', '😀', '界', 'a\u200Db', '\u00AD', '✔\uFE0F']) expect(measure(text), text).toBeUndefined();
		// Asked to count ambiguous characters as wide, or escapes as text: string-width decides.
		expect(measure('─', {ambiguousIsNarrow: false})).toBeUndefined();
		expect(measure('\u001B[31mx', {countAnsiEscapeCodes: true})).toBeUndefined();
	});
});
