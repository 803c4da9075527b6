import {getHeapStatistics, setFlagsFromString} from 'node:v8';
import {runInNewContext} from 'node:vm';
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

	it('gives the same text as the character-by-character decoder it replaced, for any bytes', () => {
		// Bytes from the edges of the UTF-8 ranges (RFC 3629 4) next to arbitrary ones, so valid,
		// overlong, surrogate, truncated and 4-byte sequences all turn up.
		const edgy = fc.constantFrom(0x00, 0x1b, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xe1, 0xec, 0xed, 0xee, 0xef, 0xf0, 0xf1, 0xf3, 0xf4, 0xf5, 0xff);
		const bytes = fc.array(fc.oneof(fc.integer({min: 0, max: 255}), edgy), {maxLength: 200}).map(list => Uint8Array.from(list));
		fc.assert(
			fc.property(bytes, input => {
				expect(decodeLenient(input)).toBe(decodeOneByOne(input));
			}),
			{numRuns: 5000},
		);
		// Longer than one piece of the decoder (8192 code units), with invalid bytes throughout.
		const long = Uint8Array.from({length: 30_000}, (_, index) => (index % 7 === 0 ? 0xff : [0xf0, 0x9f, 0x91, 0x8d, 0x61][index % 5]!));
		expect(decodeLenient(long)).toBe(decodeOneByOne(long));
	});

	it('keeps a line of invalid UTF-8 as one flat string, not a rope of one piece per character', () => {
		// 2,000 Latin-1 lines of 100 bytes: about 0.2 KB each as flat strings; a rope of
		// single characters costs about 3 KB a line.
		setFlagsFromString('--expose-gc');
		const gc = runInNewContext('gc') as () => void;
		const line = (index: number) => Uint8Array.from({length: 100}, (_, at) => (at % 10 === 3 ? 0xe9 : 0x61 + ((index + at) % 26)));
		gc();
		const before = getHeapStatistics().used_heap_size;
		const kept = Array.from({length: 2000}, (_, index) => decodeLenient(line(index)));
		gc();
		const perLine = (getHeapStatistics().used_heap_size - before) / kept.length;
		expect(kept[1]).toContain('\uDCE9');
		expect(perLine).toBeLessThan(1000);
	});
});

/** The decoder as it was before: one `+=` per character (kept here as the reference). */
function decodeOneByOne(bytes: Uint8Array): string {
	let out = '';
	let i = 0;
	while (i < bytes.length) {
		const b0 = bytes[i]!;
		const cont = (offset: number, low = 0x80, high = 0xbf) => {
			const b = bytes[i + offset];
			return b !== undefined && b >= low && b <= high;
		};

		let length = 0;
		if (b0 < 0x80) length = 1;
		else if (b0 >= 0xc2 && b0 <= 0xdf) length = cont(1) ? 2 : 0;
		else if (b0 === 0xe0) length = cont(1, 0xa0) && cont(2) ? 3 : 0;
		else if (b0 === 0xed) length = cont(1, 0x80, 0x9f) && cont(2) ? 3 : 0;
		else if ((b0 >= 0xe1 && b0 <= 0xec) || b0 === 0xee || b0 === 0xef) length = cont(1) && cont(2) ? 3 : 0;
		else if (b0 === 0xf0) length = cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
		else if (b0 >= 0xf1 && b0 <= 0xf3) length = cont(1) && cont(2) && cont(3) ? 4 : 0;
		else if (b0 === 0xf4) length = cont(1, 0x80, 0x8f) && cont(2) && cont(3) ? 4 : 0;
		if (length <= 1) {
			out += String.fromCharCode(length === 1 ? b0 : 0xdc_00 + b0);
			i++;
			continue;
		}

		let codePoint = b0 & (length === 2 ? 0x1f : length === 3 ? 0x0f : 0x07);
		for (let k = 1; k < length; k++) codePoint = (codePoint << 6) | (bytes[i + k]! & 0x3f);
		out += String.fromCodePoint(codePoint);
		i += length;
	}

	return out;
}
