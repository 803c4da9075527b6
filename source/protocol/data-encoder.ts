/**
The message body on the wire. RFC 5321 2.3.8: CR and LF travel only as a CRLF pair, so
every lone CR and lone LF becomes CRLF (a bare LF or CR is what SMTP smuggling abuses,
CVE-2023-51764/5/6). RFC 5321 4.5.2: a line that starts with "." gets a second one.
RFC 5321 4.1.1.4: the data ends with CRLF "." CRLF, whose first CRLF ends the last line.
*/

const CR = 0x0d;
const LF = 0x0a;
const DOT = 0x2e;

/** RFC 5321 4.5.3.1.6: a text line is at most 1000 octets with its CRLF. */
export const maxTextLineOctets = 998;

export type BodyReport = {
	/** Lines in the message (after normalisation). */
	lines: number;
	/** 1-based numbers of lines that got a second leading dot. */
	stuffedLines: number[];
	/** 1-based numbers of lines longer than 998 octets. */
	longLines: number[];
	/** 1-based numbers of lines that ended with a lone CR or LF before normalisation. */
	bareLineEnds: number[];
	/** True when any byte has the high bit set (needs 8BITMIME or SMTPUTF8, or a MIME encoding). */
	eightBit: boolean;
	/** True when the message contains NUL (not allowed even with 8BITMIME, RFC 6152 3). */
	hasNul: boolean;
	/** Size of the normalised message without dot-stuffing: what SIZE= declares (RFC 1870 3). */
	messageBytes: number;
};

/** Normalises line ends to CRLF and measures the message, without dot-stuffing. */
export function normalizeMessage(input: Uint8Array): {bytes: Uint8Array; report: BodyReport} {
	const out = new Uint8Array(input.length * 2 + 2);
	const report: BodyReport = {lines: 0, stuffedLines: [], longLines: [], bareLineEnds: [], eightBit: false, hasNul: false, messageBytes: 0};
	let length = 0;
	let lineLength = 0;
	let line = 1;

	const endLine = (bare: boolean) => {
		out[length++] = CR;
		out[length++] = LF;
		if (bare) report.bareLineEnds.push(line);
		if (lineLength > maxTextLineOctets) report.longLines.push(line);
		line++;
		lineLength = 0;
	};

	for (let i = 0; i < input.length; i++) {
		const byte = input[i]!;
		if (byte === CR) {
			if (input[i + 1] === LF) {
				i++;
				endLine(false);
			} else {
				endLine(true);
			}
		} else if (byte === LF) {
			endLine(true);
		} else {
			if (byte > 0x7f) report.eightBit = true;
			if (byte === 0) report.hasNul = true;
			out[length++] = byte;
			lineLength++;
		}
	}

	// RFC 5321 4.1.1.4: the last line needs its CRLF before the terminating dot.
	if (lineLength > 0) endLine(false);
	report.lines = line - 1;
	report.messageBytes = length;
	return {bytes: out.subarray(0, length), report};
}

/** Doubles each leading dot of a normalised (CRLF) message and appends the final "." CRLF. */
export function dotStuff(normalized: Uint8Array, report?: BodyReport): Uint8Array {
	const out = new Uint8Array(normalized.length + countLineStartDots(normalized) + 3);
	let length = 0;
	let atLineStart = true;
	let line = 1;
	for (const byte of normalized) {
		if (atLineStart && byte === DOT) {
			out[length++] = DOT;
			report?.stuffedLines.push(line);
		}

		out[length++] = byte;
		atLineStart = byte === LF;
		if (atLineStart) line++;
	}

	out[length++] = DOT;
	out[length++] = CR;
	out[length++] = LF;
	return out.subarray(0, length);
}

function countLineStartDots(bytes: Uint8Array): number {
	let count = 0;
	let atLineStart = true;
	for (const byte of bytes) {
		if (atLineStart && byte === DOT) count++;
		atLineStart = byte === LF;
	}

	return count;
}

/** The bytes that follow a 354: normalised, dot-stuffed, ended with CRLF.CRLF. */
export function encodeDataBody(input: Uint8Array | string): {bytes: Uint8Array; report: BodyReport} {
	const raw = typeof input === 'string' ? new TextEncoder().encode(input) : input;
	const {bytes, report} = normalizeMessage(raw);
	return {bytes: dotStuff(bytes, report), report};
}

/** One BDAT chunk: the command line and exactly `size` bytes of message data (RFC 3030 2). */
export type BdatChunk = {size: number; last: boolean; command: string; data: Uint8Array};

/**
Splits a message into BDAT chunks of at most `chunkSize` bytes. No dot-stuffing and no
terminator: BDAT counts bytes instead (RFC 3030 2). An empty message is one `BDAT 0 LAST`.
*/
export function bdatChunks(message: Uint8Array, chunkSize: number): BdatChunk[] {
	if (!Number.isInteger(chunkSize) || chunkSize < 1) throw new RangeError('chunk size must be a positive integer');
	const chunks: BdatChunk[] = [];
	for (let offset = 0; offset < message.length; offset += chunkSize) {
		const data = message.subarray(offset, offset + chunkSize);
		const last = offset + chunkSize >= message.length;
		chunks.push({size: data.length, last, command: `BDAT ${data.length}${last ? ' LAST' : ''}`, data});
	}

	if (chunks.length === 0) chunks.push({size: 0, last: true, command: 'BDAT 0 LAST', data: new Uint8Array(0)});
	return chunks;
}
