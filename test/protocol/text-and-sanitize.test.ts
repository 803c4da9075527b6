import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {sanitizeForDisplay} from '../../source/protocol/sanitize.js';
import {decodeLenient, encodeLenient} from '../../source/protocol/text.js';

describe('display sanitiser', () => {
	it('shows C0, ESC, DEL, C1 and bidi controls as visible escapes', () => {
		expect(sanitizeForDisplay('a\u001B[2Jb')).toBe(String.raw`a\x1b[2Jb`);
		expect(sanitizeForDisplay('\u001B]52;c;aGk=\u0007')).toBe(String.raw`\x1b]52;c;aGk=\x07`);
		expect(sanitizeForDisplay('x\ry\nz\t')).toBe(String.raw`x\ry\nz\t`);
		expect(sanitizeForDisplay('\u007F\u009B31m')).toBe(String.raw`\x7f\u009b31m`);
		expect(sanitizeForDisplay('abc\u202Edef\u2066')).toBe(String.raw`abc\u202edef\u2066`);
	});

	it('leaves ordinary text, accents, CJK and emoji alone', () => {
		const text = 'Grüße 日本語 👍🏽 250-OK';
		expect(sanitizeForDisplay(text)).toBe(text);
	});

	it('shows bytes that were not valid UTF-8 as \\xNN', () => {
		expect(sanitizeForDisplay(decodeLenient(Uint8Array.of(0x61, 0xff, 0x9b, 0x62)))).toBe(String.raw`a\xff\x9bb`);
	});

	it('property: the output never holds ESC, a C0 or C1 control, DEL, bidi controls or lone surrogates', () => {
		const forbidden = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028-\u202E\u2066-\u2069]/u;
		fc.assert(
			fc.property(fc.oneof(fc.string({unit: 'binary'}), fc.uint8Array().map(bytes => decodeLenient(bytes))), text => {
				const out = sanitizeForDisplay(text);
				expect(forbidden.test(out)).toBe(false);
				expect(out.isWellFormed()).toBe(true);
				// Written as UTF-8, no byte is ESC or a C1 control either.
				const bytes = Buffer.from(out, 'utf8');
				expect(bytes.includes(0x1b)).toBe(false);
			}),
			{numRuns: 3000},
		);
	});
});

describe('lenient UTF-8', () => {
	it('decodes valid UTF-8 and escapes the rest reversibly', () => {
		fc.assert(
			fc.property(fc.uint8Array({maxLength: 64}), bytes => {
				expect([...encodeLenient(decodeLenient(bytes))]).toEqual([...bytes]);
			}),
			{numRuns: 3000},
		);
		expect(decodeLenient(new Uint8Array(Buffer.from('héllo 👍')))).toBe('héllo 👍');
		// Overlong and surrogate encodings are not valid UTF-8.
		expect(decodeLenient(Uint8Array.of(0xc0, 0xaf))).toBe('\uDCC0\uDCAF');
		expect(decodeLenient(Uint8Array.of(0xed, 0xa0, 0x80))).toBe('\uDCED\uDCA0\uDC80');
	});
});
