import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {encodeDataBody, normalizeMessage} from '../../source/protocol/data-encoder.js';

const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

describe('DATA encoder', () => {
	it('turns every lone CR and lone LF into CRLF (RFC 5321 2.3.8)', () => {
		const {bytes, report} = encodeDataBody('a\nb\rc\r\nd');
		expect(text(bytes)).toBe('a\r\nb\r\nc\r\nd\r\n.\r\n');
		expect(report.bareLineEnds).toEqual([1, 2]);
	});

	it('doubles leading dots and reports the lines (RFC 5321 4.5.2)', () => {
		const {bytes, report} = encodeDataBody('.leading\r\nmiddle.dot\r\n.\r\n..two\r\n');
		expect(text(bytes)).toBe('..leading\r\nmiddle.dot\r\n..\r\n...two\r\n.\r\n');
		expect(report.stuffedLines).toEqual([1, 3, 4]);
	});

	it('adds the final CRLF where missing, then the dot (RFC 5321 4.1.1.4)', () => {
		expect(text(encodeDataBody('no newline').bytes)).toBe('no newline\r\n.\r\n');
		expect(text(encodeDataBody('newline\r\n').bytes)).toBe('newline\r\n.\r\n');
		expect(text(encodeDataBody('').bytes)).toBe('.\r\n');
	});

	it('never lets a smuggling sequence through: <LF>.<LF> and <LF>.<CR><LF>', () => {
		expect(text(encodeDataBody('a\n.\nb').bytes)).toBe('a\r\n..\r\nb\r\n.\r\n');
		expect(text(encodeDataBody('a\n.\r\nb').bytes)).toBe('a\r\n..\r\nb\r\n.\r\n');
	});

	it('reports 8-bit content, NUL, long lines and the size SIZE= should declare', () => {
		const long = 'x'.repeat(999);
		const {report} = encodeDataBody(`héllo\r\n${long}\r\n.dot\r\n`);
		expect(report.eightBit).toBe(true);
		expect(report.longLines).toEqual([2]);
		expect(report.messageBytes).toBe(Buffer.byteLength(`héllo\r\n${long}\r\n.dot\r\n`));
		expect(encodeDataBody('a\u0000b').report.hasNul).toBe(true);
	});

	it('property: the output has CR and LF only as CRLF, and only the terminator is a lone-dot line', () => {
		fc.assert(
			fc.property(fc.uint8Array({maxLength: 300}), input => {
				const out = encodeDataBody(input).bytes;
				for (let i = 0; i < out.length; i++) {
					if (out[i] === 0x0d) expect(out[i + 1]).toBe(0x0a);
					if (out[i] === 0x0a) expect(out[i - 1]).toBe(0x0d);
				}

				const lines = text(out).split('\r\n');
				expect(lines.at(-1)).toBe('');
				expect(lines.at(-2)).toBe('.');
				expect(lines.slice(0, -2).includes('.')).toBe(false);
			}),
		);
	});

	it('property: un-stuffing the output gives back the normalised message', () => {
		fc.assert(
			fc.property(fc.string(), input => {
				const out = text(encodeDataBody(new Uint8Array(Buffer.from(input, 'latin1'))).bytes);
				const restored = out.slice(0, -3).split('\r\n').map(line => (line.startsWith('.') ? line.slice(1) : line)).join('\r\n');
				expect(restored).toBe(text(normalizeMessage(new Uint8Array(Buffer.from(input, 'latin1'))).bytes));
			}),
		);
	});
});
