import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {BdatChunker, BodyScanner, DotStuffer, LineEndNormalizer, QuotedPrintableEncoder} from '../../source/protocol/body-stream.js';
import {encodeDataBody, normalizeMessage} from '../../source/protocol/data-encoder.js';

const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

/** Cuts `bytes` at the given points (any order, any repeats): the pieces a stream might deliver. */
function cut(bytes: Uint8Array, points: number[]): Uint8Array[] {
	const at = [...new Set(points.map(point => point % (bytes.length + 1)))].sort((a, b) => a - b);
	const pieces: Uint8Array[] = [];
	let from = 0;
	for (const point of [...at, bytes.length]) {
		pieces.push(bytes.subarray(from, point));
		from = point;
	}

	return pieces;
}

/** Runs a push/end transform over pieces and joins what it gave. */
function through(transform: {push(piece: Uint8Array): Uint8Array; end(): Uint8Array}, pieces: Uint8Array[]): Uint8Array {
	return Buffer.concat([...pieces.map(piece => transform.push(piece)), transform.end()]);
}

// Line ends, dots and bytes over 127 are what the transforms care about: make them common.
const messageBytes = fc.array(fc.constantFrom(0x0d, 0x0a, 0x2e, 0x20, 0x09, 0x3d, 0x41, 0x00, 0xe9), {maxLength: 400}).map(values => new Uint8Array(values));
const cuts = fc.array(fc.nat(), {maxLength: 8});

describe('the body as a stream, cut anywhere, gives the same bytes as in one piece', () => {
	it('property: LineEndNormalizer matches normalizeMessage', () => {
		fc.assert(
			fc.property(messageBytes, cuts, (input, points) => {
				expect(text(through(new LineEndNormalizer(), cut(input, points)))).toBe(text(normalizeMessage(input).bytes));
			}),
		);
	});

	it('property: normaliser then DotStuffer matches the whole DATA encoder (stuffing, terminator)', () => {
		fc.assert(
			fc.property(messageBytes, cuts, cuts, (input, first, second) => {
				const normalized = through(new LineEndNormalizer(), cut(input, first));
				expect(text(through(new DotStuffer(), cut(normalized, second)))).toBe(text(encodeDataBody(input).bytes));
			}),
		);
	});

	it('property: BodyScanner finds what the whole-message report finds', () => {
		fc.assert(
			fc.property(messageBytes, cuts, fc.integer({min: 0, max: 1200}), (input, points, pad) => {
				// A run of letters makes some lines pass 998 octets.
				const padded = Buffer.concat([input, Buffer.alloc(pad, 0x61), input]);
				const normalized = normalizeMessage(padded);
				const scanner = new BodyScanner();
				for (const piece of cut(normalized.bytes, points)) scanner.push(piece);
				expect(scanner.facts).toEqual({
					bytes: normalized.report.messageBytes,
					lines: normalized.report.lines,
					eightBit: normalized.report.eightBit,
					hasNul: normalized.report.hasNul,
					longLine: normalized.report.longLines.length > 0,
				});
			}),
		);
	});

	it('property: QuotedPrintableEncoder gives the same text however the input is cut', () => {
		fc.assert(
			fc.property(messageBytes, cuts, (input, points) => {
				const normalized = normalizeMessage(input).bytes;
				expect(text(through(new QuotedPrintableEncoder(), cut(normalized, points)))).toBe(text(through(new QuotedPrintableEncoder(), [normalized])));
			}),
		);
	});

	it('quoted-printable: trailing space encoded even when the line end comes in the next piece (RFC 2045 6.7 rule 3)', () => {
		const encoder = new QuotedPrintableEncoder();
		expect(text(through(encoder, [Buffer.from('a '), Buffer.from('\r\nb \tc')]))).toBe('a=20\r\nb \tc');
		expect(text(through(new QuotedPrintableEncoder(), [Buffer.from('x\t')]))).toBe('x=09');
	});
});

describe('BDAT chunking (RFC 3030)', () => {
	const chunksOf = (pieces: Uint8Array[], size: number) => {
		const chunker = new BdatChunker(size);
		return [...pieces.flatMap(piece => chunker.push(piece)), chunker.end()];
	};

	it('splits into exact byte counts with LAST on the final chunk', () => {
		const chunks = chunksOf([Buffer.from('0123456789abc')], 5);
		expect(chunks.map(chunk => chunk.command)).toEqual(['BDAT 5', 'BDAT 5', 'BDAT 3 LAST']);
		expect(chunks.map(chunk => text(chunk.data)).join('')).toBe('0123456789abc');
	});

	it('an empty message is BDAT 0 LAST', () => {
		expect(chunksOf([], 10).map(chunk => chunk.command)).toEqual(['BDAT 0 LAST']);
	});

	it('an exact multiple ends with a full LAST chunk', () => {
		expect(chunksOf([new Uint8Array(10)], 5).map(chunk => chunk.command)).toEqual(['BDAT 5', 'BDAT 5 LAST']);
	});

	it('property: however the message arrives, the chunks add up, state their length, and only the last is LAST', () => {
		fc.assert(
			fc.property(fc.uint8Array({maxLength: 200}), cuts, fc.integer({min: 1, max: 50}), (message, points, size) => {
				const chunks = chunksOf(cut(message, points), size);
				expect(text(Buffer.concat(chunks.map(chunk => chunk.data)))).toBe(text(message));
				for (const chunk of chunks) {
					expect(chunk.command.split(' ')[1]).toBe(String(chunk.data.length));
					expect(chunk.size).toBeLessThanOrEqual(size);
				}

				expect(chunks.map(chunk => chunk.last)).toEqual(chunks.map((_, index) => index === chunks.length - 1));
				if (message.length > 0) expect(chunks.every(chunk => chunk.size > 0)).toBe(true);
			}),
		);
	});
});
