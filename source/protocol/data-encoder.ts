/**
The message body on the wire. RFC 5321 2.3.8: CR and LF travel only as a CRLF pair, so
every lone CR and lone LF becomes CRLF (a bare LF or CR is what SMTP smuggling abuses,
CVE-2023-51764/5/6). RFC 5321 4.5.2: a line that starts with "." gets a second one.
RFC 5321 4.1.1.4: the data ends with CRLF "." CRLF, whose first CRLF ends the last line.
*/


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

// The work is done on a latin1 string (one character per byte, so no byte is changed):
// native string and regular-expression scans are many times faster than a byte loop,
// which matters for a 20 MB message.
const latin1 = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
const bytesOf = (text: string) => {
	const buffer = Buffer.from(text, 'latin1');
	return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
};

/** 1-based line numbers of the given offsets in CRLF text, from one pass over the line ends. */
function lineNumbersAt(text: string, offsets: number[]): number[] {
	const numbers: number[] = [];
	let line = 1;
	let from = 0;
	for (const offset of offsets) {
		for (let end = text.indexOf('\n', from); end !== -1 && end < offset; end = text.indexOf('\n', end + 1)) {
			line++;
			from = end + 1;
		}

		numbers.push(line);
	}

	return numbers;
}

/** Normalises line ends to CRLF and measures the message, without dot-stuffing. */
export function normalizeMessage(input: Uint8Array): {bytes: Uint8Array; report: BodyReport} {
	const raw = latin1(input);
	const report: BodyReport = {lines: 0, stuffedLines: [], longLines: [], bareLineEnds: [], eightBit: /[\u0080-\u00FF]/.test(raw), hasNul: raw.includes('\u0000'), messageBytes: 0};

	// Line ends that are not CRLF: found (and numbered) only when there are any.
	const bare = /\r(?!\n)|(?<!\r)\n/g;
	let text = raw;
	if (bare.test(raw)) {
		const ends = [...raw.matchAll(/\r\n|\r|\n/g)];
		ends.forEach((match, index) => {
			if (match[0] !== '\r\n') report.bareLineEnds.push(index + 1);
		});
		text = raw.replace(/\r\n|\r|\n/g, '\r\n');
	}

	// RFC 5321 4.1.1.4: the last line needs its CRLF before the terminating dot.
	if (text !== '' && !text.endsWith('\r\n')) text += '\r\n';
	// One pass over the line ends counts the lines and finds those over 998 octets.
	let start = 0;
	for (let end = text.indexOf('\r\n'); end !== -1; end = text.indexOf('\r\n', start)) {
		report.lines++;
		if (end - start > maxTextLineOctets) report.longLines.push(report.lines);
		start = end + 2;
	}

	report.messageBytes = text.length;
	return {bytes: text === raw ? input : bytesOf(text), report};
}

/** Doubles each leading dot of a normalised (CRLF) message and appends the final "." CRLF. */
export function dotStuff(normalized: Uint8Array, report?: BodyReport): Uint8Array {
	const text = latin1(normalized);
	const dots = [...text.matchAll(/(?:^|\n)\./g)].map(match => match.index + (match[0].length - 1));
	if (report && dots.length > 0) report.stuffedLines.push(...lineNumbersAt(text, dots));
	const stuffed = dots.length > 0 ? text.replace(/(^|\n)\./g, '$1..') : text;
	return bytesOf(`${stuffed}.\r\n`);
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
