import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {displayWidth, padToWidth, truncateToWidth, wrapToWidth} from '../../source/ui/text-width.js';

const nonSpace = (text: string) => text.replaceAll(' ', '');

describe('displayWidth', () => {
	it.each([
		['', 0],
		['EHLO x', 6],
		['café', 4],
		['cafe\u0301', 4],
		['Ünïcödé', 7],
		['日本語', 6],
		['한국어', 6],
		['ｆｕｌｌ', 8],
		['😀', 2],
		['👍🏽', 2],
		['👨‍👩‍👧', 2],
		['🇫🇷', 2],
		['a日b😀c', 7],
		['…', 1],
	])('%j is %i columns', (text, width) => {
		expect(displayWidth(text)).toBe(width);
	});
});

describe('wrapToWidth', () => {
	it.each([
		['short', 10, ['short']],
		['exactly10!', 10, ['exactly10!']],
		['', 5, ['']],
		['hello world', 8, ['hello', 'world']],
		['hello world foo', 11, ['hello world', 'foo']],
		['one two three four', 9, ['one two', 'three', 'four']],
		['250 mx.example.com ready', 12, ['250 mx.examp', 'le.com ready']],
		['abcdefghij', 4, ['abcd', 'efgh', 'ij']],
		['a verylongword', 6, ['a very', 'longwo', 'rd']],
		['abcd efgh', 4, ['abcd', 'efgh']],
		['abcd ', 4, ['abcd']],
		['   ', 2, ['  ']],
		['日本語のテキスト', 5, ['日本', '語の', 'テキ', 'スト']],
		['日本 語', 4, ['日本', '語']],
		['😀😀😀', 3, ['😀', '😀', '😀']],
		['👨‍👩‍👧👨‍👩‍👧', 2, ['👨‍👩‍👧', '👨‍👩‍👧']],
		['cafe\u0301 cafe\u0301', 5, ['cafe\u0301', 'cafe\u0301']],
	])('%j at width %i -> %j', (text, width, rows) => {
		expect(wrapToWidth(text, width)).toEqual(rows);
	});

	it('breaks at the last space when the row keeps more than half its text', () => {
		expect(wrapToWidth('550 5.1.1 no such user here', 20)).toEqual(['550 5.1.1 no such', 'user here']);
	});

	it('breaks hard rather than leave a row less than half full', () => {
		expect(wrapToWidth('MAIL FROM:<alice@example.com>', 20)).toEqual(['MAIL FROM:<alice@exa', 'mple.com>']);
	});

	it('returns the text as one row for a width below 1', () => {
		expect(wrapToWidth('ab cd', 0)).toEqual(['ab cd']);
	});

	it('wraps and cuts ASCII text without Intl.Segmenter (its first use costs 15-25 ms of a start)', () => {
		const segment = Intl.Segmenter.prototype.segment;
		Intl.Segmenter.prototype.segment = () => {
			throw new Error('segmented');
		};
		try {
			expect(wrapToWidth('220 demo.example ESMTP a practice server', 16)).toEqual(['220 demo.example', 'ESMTP a practice', 'server']);
			expect(truncateToWidth('250 2.0.0 OK queued', 8)).toBe('250 2.0…');
		} finally {
			Intl.Segmenter.prototype.segment = segment;
		}
	});

	it('never splits a grapheme', () => {
		const rows = wrapToWidth('a👍🏽b👨‍👩‍👧c🇫🇷d', 3);
		expect(rows).toEqual(['a👍🏽', 'b👨‍👩‍👧', 'c🇫🇷', 'd']);
	});

	describe('properties, over ASCII words, CJK and emoji', () => {
		const piece = fc.oneof(
			fc.stringMatching(/^[a-z]{1,12}$/),
			fc.constantFrom('日本', '語', 'テキスト', '한국어', '中文字符'),
			fc.constantFrom('😀', '👍🏽', '👨‍👩‍👧', '🇫🇷', 'é', 'cafe\u0301'),
			fc.constantFrom(' ', '  ', '.', '<a@b>'),
		);
		const text = fc.array(piece, {maxLength: 30}).map(parts => parts.join(''));
		const width = fc.integer({min: 2, max: 40});

		it('every row fits the width', () => {
			fc.assert(
				fc.property(text, width, (value, columns) => {
					for (const row of wrapToWidth(value, columns)) expect(displayWidth(row)).toBeLessThanOrEqual(columns);
				}),
			);
		});

		it('joining the rows loses no non-space character, in order', () => {
			fc.assert(
				fc.property(text, width, (value, columns) => {
					expect(nonSpace(wrapToWidth(value, columns).join(''))).toBe(nonSpace(value));
				}),
			);
		});

		it('text that fits stays one row, unchanged', () => {
			fc.assert(
				fc.property(text, width, (value, columns) => {
					fc.pre(displayWidth(value) <= columns);
					expect(wrapToWidth(value, columns)).toEqual([value]);
				}),
			);
		});

		it('no row but the only one is empty', () => {
			fc.assert(
				fc.property(text, width, (value, columns) => {
					const rows = wrapToWidth(value, columns);
					if (rows.length > 1) expect(rows.filter(row => row === '')).toEqual([]);
				}),
			);
		});
	});
});

describe('truncateToWidth', () => {
	it.each([
		['hello', 5, 'hello'],
		['hello', 10, 'hello'],
		['hello world', 5, 'hell…'],
		['hello world', 1, '…'],
		['hello world', 0, ''],
		['日本語', 6, '日本語'],
		['日本語', 5, '日本…'],
		['日本語', 4, '日…'],
		['😀😀', 3, '😀…'],
		['👨‍👩‍👧 family', 4, '👨‍👩‍👧 …'],
		['cafe\u0301s', 4, 'caf…'],
	])('%j at width %i -> %j', (text, width, result) => {
		expect(truncateToWidth(text, width)).toBe(result);
	});

	it('always fits, and ends with … exactly when it cut', () => {
		fc.assert(
			fc.property(fc.string({unit: 'grapheme', maxLength: 30}), fc.integer({min: 0, max: 40}), (value, width) => {
				const cut = truncateToWidth(value, width);
				expect(displayWidth(cut)).toBeLessThanOrEqual(width);
				if (displayWidth(value) > width && width > 0) expect(cut.endsWith('…')).toBe(true);
				if (displayWidth(value) <= width) expect(cut).toBe(value);
			}),
		);
	});
});

describe('padToWidth', () => {
	it.each([
		['ab', 5, 'ab   '],
		['abcde', 5, 'abcde'],
		['abcdef', 4, 'abc…'],
		['日本', 5, '日本 '],
		['日本語', 4, '日… '],
		['', 3, '   '],
		['abc', 0, ''],
	])('%j to width %i -> %j', (text, width, result) => {
		expect(padToWidth(text, width)).toBe(result);
	});

	it('is always exactly the width', () => {
		fc.assert(
			fc.property(fc.string({unit: 'grapheme', maxLength: 30}), fc.integer({min: 0, max: 40}), (value, width) => {
				expect(displayWidth(padToWidth(value, width))).toBe(width);
			}),
		);
	});
});
