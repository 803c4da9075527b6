/**
The message body as a stream: each step takes a piece of bytes and gives the bytes it can
already emit, keeping only what it needs across a piece boundary (a trailing CR, a pending
space), so a message of any size passes through in pieces of bounded size.

- LineEndNormalizer: every lone CR and lone LF becomes CRLF (RFC 5321 2.3.8), and the last
  line gets its CRLF (RFC 5321 4.1.1.4).
- BodyScanner: what choosing a transfer encoding needs (8-bit bytes, NUL, lines over 998
  octets; RFC 5321 4.5.3.1.6, RFC 6152 3), and the size SIZE= declares (RFC 1870 3).
- QuotedPrintableEncoder: RFC 2045 6.7 over CRLF-normalised bytes.
- DotStuffer: a second dot on lines that start with one, then "." CRLF (RFC 5321 4.5.2).
*/

import {Buffer, isAscii} from 'node:buffer';

const CR = 0x0d;
const LF = 0x0a;
const DOT = 0x2e;
const empty = new Uint8Array(0);
const crlf = Buffer.from('\r\n');

/** RFC 5321 4.5.3.1.6: a text line is at most 1000 octets with its CRLF. */
export const maxLineOctets = 998;

const bufferOf = (bytes: Uint8Array) => (Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));

/** Rewrites lone CR and lone LF as CRLF, piece by piece; `end` closes the last line. */
export class LineEndNormalizer {
	/** The previous piece ended with a CR whose partner (or not) is in the next piece. */
	private pendingCr = false;
	/** The last byte emitted was LF (or nothing was emitted yet). */
	private atLineStart = true;
	private emitted = false;

	push(piece: Uint8Array): Uint8Array {
		if (piece.length === 0) return empty;
		let input = bufferOf(piece);
		const parts: Buffer[] = [];
		if (this.pendingCr) {
			parts.push(crlf);
			if (input[0] === LF) input = input.subarray(1);
			this.pendingCr = false;
		}

		if (input.length > 0 && input[input.length - 1] === CR) {
			this.pendingCr = true;
			input = input.subarray(0, -1);
		}

		if (input.length > 0) parts.push(hasLoneLineEnd(input) ? Buffer.from(input.toString('latin1').replace(/\r\n|\r|\n/g, '\r\n'), 'latin1') : input);
		return this.emit(parts);
	}

	end(): Uint8Array {
		if (this.pendingCr) {
			this.pendingCr = false;
			return this.emit([crlf]);
		}

		return this.emitted && !this.atLineStart ? this.emit([crlf]) : empty;
	}

	private emit(parts: Buffer[]): Uint8Array {
		const out = parts.length === 1 ? parts[0]! : Buffer.concat(parts);
		if (out.length > 0) {
			this.emitted = true;
			this.atLineStart = out[out.length - 1] === LF;
		}

		return out;
	}
}

/** True when a CR or LF in `bytes` is not part of a CRLF pair (a trailing CR never reaches here). */
function hasLoneLineEnd(bytes: Buffer): boolean {
	for (let lf = bytes.indexOf(LF); lf !== -1; lf = bytes.indexOf(LF, lf + 1)) if (lf === 0 || bytes[lf - 1] !== CR) return true;
	for (let cr = bytes.indexOf(CR); cr !== -1; cr = bytes.indexOf(CR, cr + 1)) if (bytes[cr + 1] !== LF) return true;
	return false;
}

export type BodyFacts = {
	/** Bytes after normalisation: what SIZE= declares for a 7bit or 8bit body (RFC 1870 3). */
	bytes: number;
	lines: number;
	/** Any byte above 127. */
	eightBit: boolean;
	/** A NUL byte: not allowed even with 8BITMIME (RFC 6152 3). */
	hasNul: boolean;
	/** A line over 998 octets. */
	longLine: boolean;
};

/** Measures CRLF-normalised bytes piece by piece. */
export class BodyScanner {
	readonly facts: BodyFacts = {bytes: 0, lines: 0, eightBit: false, hasNul: false, longLine: false};
	/** Octets of the current line seen so far. */
	private lineLength = 0;

	push(piece: Uint8Array): void {
		const bytes = bufferOf(piece);
		const {facts} = this;
		facts.bytes += bytes.length;
		facts.eightBit ||= !isAscii(bytes);
		facts.hasNul ||= bytes.includes(0);
		let start = 0;
		for (let lf = bytes.indexOf(LF); lf !== -1; lf = bytes.indexOf(LF, start)) {
			// The CR before the LF is not part of the line.
			if (this.lineLength + lf - start - 1 > maxLineOctets) facts.longLine = true;
			facts.lines++;
			this.lineLength = 0;
			start = lf + 1;
		}

		this.lineLength += bytes.length - start;
		if (this.lineLength > maxLineOctets) facts.longLine = true;
	}
}

const hexDigits = Buffer.from('0123456789ABCDEF');
const space = 0x20;
const tab = 0x09;
const equals = 0x3d;

/**
Quoted-printable (RFC 2045 6.7) of CRLF-normalised bytes: `=` and bytes outside printable
ASCII as `=XX`; a space or tab at a line end encoded (rule 3); lines cut at 76 characters
with a soft line break `=` (rule 5). The last byte of a piece is held back until the next
piece says whether a line end follows it.
*/
export class QuotedPrintableEncoder {
	private width = 0;
	/** A byte not yet written: whether it ends its line decides how it is written. */
	private held = -1;

	push(piece: Uint8Array): Uint8Array {
		// Worst case: every byte as =XX, plus a soft break per 25 of those.
		const out = Buffer.allocUnsafe(piece.length * 4 + 16);
		let at = 0;
		for (const byte of piece) {
			if (byte === CR) continue;
			if (byte === LF) {
				if (this.held !== -1) at = this.token(out, at, this.held, true);
				this.held = -1;
				out[at++] = CR;
				out[at++] = LF;
				this.width = 0;
				continue;
			}

			if (this.held !== -1) at = this.token(out, at, this.held, false);
			this.held = byte;
		}

		return out.subarray(0, at);
	}

	end(): Uint8Array {
		if (this.held === -1) return empty;
		const out = Buffer.allocUnsafe(8);
		const at = this.token(out, 0, this.held, true);
		this.held = -1;
		return out.subarray(0, at);
	}

	private token(out: Buffer, at: number, byte: number, last: boolean): number {
		const literal = (byte >= 33 && byte <= 126 && byte !== equals) || ((byte === space || byte === tab) && !last);
		const length = literal ? 1 : 3;
		// 75 leaves room for the `=` of a soft line break within 76 characters.
		if (this.width + length > (last ? 76 : 75)) {
			out[at++] = equals;
			out[at++] = CR;
			out[at++] = LF;
			this.width = 0;
		}

		if (literal) {
			out[at++] = byte;
		} else {
			out[at++] = equals;
			out[at++] = hexDigits[byte >> 4]!;
			out[at++] = hexDigits[byte & 0x0f]!;
		}

		this.width += length;
		return at;
	}
}

const dotBuffer = Buffer.from('.');
const terminator = Buffer.from('.\r\n');

/** Dot-stuffs CRLF-normalised bytes piece by piece (RFC 5321 4.5.2); `end` gives the final "." CRLF. */
export class DotStuffer {
	private atLineStart = true;
	/** How many lines got a second dot so far. */
	stuffed = 0;

	push(piece: Uint8Array): Uint8Array {
		if (piece.length === 0) return empty;
		const bytes = bufferOf(piece);
		const parts: Buffer[] = [];
		let from = 0;
		if (this.atLineStart && bytes[0] === DOT) {
			parts.push(dotBuffer);
			this.stuffed++;
		}

		for (let at = bytes.indexOf('\n.'); at !== -1; at = bytes.indexOf('\n.', at + 2)) {
			parts.push(bytes.subarray(from, at + 1), dotBuffer);
			from = at + 1;
			this.stuffed++;
		}

		this.atLineStart = bytes[bytes.length - 1] === LF;
		if (parts.length === 0) return bytes;
		parts.push(bytes.subarray(from));
		return Buffer.concat(parts);
	}

	end(): Uint8Array {
		return terminator;
	}
}

/** One BDAT chunk: the command line and exactly `size` bytes of message data (RFC 3030 2). */
export type BdatChunk = {size: number; last: boolean; command: string; data: Uint8Array};

const bdatChunk = (data: Uint8Array, last: boolean): BdatChunk => ({size: data.length, last, command: `BDAT ${data.length}${last ? ' LAST' : ''}`, data});

/**
Cuts a message into BDAT chunks of at most `chunkSize` bytes, piece by piece. No
dot-stuffing and no terminator: BDAT counts bytes instead (RFC 3030 2). A full chunk is
held until a byte beyond it arrives, so the last one carries LAST; an empty message is one
`BDAT 0 LAST`.
*/
export class BdatChunker {
	private pieces: Buffer[] = [];
	private held = 0;

	constructor(private readonly chunkSize: number) {
		if (!Number.isInteger(chunkSize) || chunkSize < 1) throw new RangeError('chunk size must be a positive integer');
	}

	push(piece: Uint8Array): BdatChunk[] {
		if (piece.length === 0) return [];
		this.pieces.push(bufferOf(piece));
		this.held += piece.length;
		const chunks: BdatChunk[] = [];
		if (this.held <= this.chunkSize) return chunks;
		const all = Buffer.concat(this.pieces);
		let from = 0;
		for (; all.length - from > this.chunkSize; from += this.chunkSize) chunks.push(bdatChunk(all.subarray(from, from + this.chunkSize), false));
		this.pieces = [all.subarray(from)];
		this.held = all.length - from;
		return chunks;
	}

	end(): BdatChunk {
		const data = Buffer.concat(this.pieces);
		this.pieces = [];
		this.held = 0;
		return bdatChunk(data, true);
	}
}
