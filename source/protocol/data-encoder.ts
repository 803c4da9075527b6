/**
The message body on the wire. RFC 5321 2.3.8: CR and LF travel only as a CRLF pair, so
every lone CR and lone LF becomes CRLF (a bare LF or CR is what SMTP smuggling abuses,
CVE-2023-51764/5/6). RFC 5321 4.5.2: a line that starts with "." gets a second one.
RFC 5321 4.1.1.4: the data ends with CRLF "." CRLF, whose first CRLF ends the last line.
*/

import {isAscii} from 'node:buffer';

/** RFC 5321 4.5.3.1.6: a text line is at most 1000 octets with its CRLF. */
export const maxTextLineOctets = 998;

export type BodyReport = {
	/** Lines in the message (after normalisation). */
	lines: number;
	/** 1-based numbers of lines that got a second leading dot. */
	stuffedLines: number[];
	/** 1-based numbers of lines longer than 998 octets. */
	longLines: number[];
	/** 1-based numbers of the first lines (up to 100) that ended with a lone CR or LF before normalisation. */
	bareLineEnds: number[];
	/** True when any byte has the high bit set (needs 8BITMIME or SMTPUTF8, or a MIME encoding). */
	eightBit: boolean;
	/** True when the message contains NUL (not allowed even with 8BITMIME, RFC 6152 3). */
	hasNul: boolean;
	/** Size of the normalised message without dot-stuffing: what SIZE= declares (RFC 1870 3). */
	messageBytes: number;
};

// Messages can be many megabytes: every scan here is a native search, never a loop over
// bytes in JavaScript. Line ends are scanned in a latin1 view of the bytes (one character
// per byte: String.indexOf costs less per call than Buffer.indexOf, and there is a call
// per line), and the common case (CRLF already) copies the message only to stuff it.
const CR = 0x0d;
const LF = 0x0a;
const DOT = 0x2e;
const dotBuffer = Buffer.from('.');
const terminator = Buffer.from('.\r\n');

const bufferOf = (bytes: Uint8Array) => (Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
const asBytes = (buffer: Buffer) => new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);

/** How many bare line ends the report lists: enough to show where, without a list per line of a large message. */
const reportedBareEnds = 100;

/** True when a CR or an LF stands alone somewhere. */
function hasBareLineEnd(text: string): boolean {
	for (let lf = text.indexOf('\n'); lf !== -1; lf = text.indexOf('\n', lf + 1)) if (lf === 0 || text.charCodeAt(lf - 1) !== CR) return true;
	for (let cr = text.indexOf('\r'); cr !== -1; cr = text.indexOf('\r', cr + 1)) if (text.charCodeAt(cr + 1) !== LF) return true;
	return false;
}

/** Rewrites every lone CR and lone LF as CRLF, noting the first lines that had one. */
function toCrlf(raw: string, report: BodyReport): string {
	const ends = /\r\n|\r|\n/g;
	for (let line = 1, match = ends.exec(raw); match && report.bareLineEnds.length < reportedBareEnds; line++, match = ends.exec(raw)) {
		if (match[0] !== '\r\n') report.bareLineEnds.push(line);
	}

	return raw.replace(/\r\n|\r|\n/g, '\r\n');
}

/** Normalises line ends to CRLF and measures the message, without dot-stuffing. */
export function normalizeMessage(input: Uint8Array): {bytes: Uint8Array; report: BodyReport} {
	const original = bufferOf(input);
	const report: BodyReport = {lines: 0, stuffedLines: [], longLines: [], bareLineEnds: [], eightBit: !isAscii(input), hasNul: original.includes(0), messageBytes: 0};
	let text = original.toString('latin1');
	const changed = hasBareLineEnd(text);
	if (changed) text = toCrlf(text, report);
	// RFC 5321 4.1.1.4: the last line needs its CRLF before the terminating dot.
	const ended = text === '' || text.endsWith('\r\n');

	// One pass over the line ends counts the lines and finds those over 998 octets.
	let start = 0;
	for (let end = text.indexOf('\r\n'); end !== -1; end = text.indexOf('\r\n', start)) {
		report.lines++;
		if (end - start > maxTextLineOctets) report.longLines.push(report.lines);
		start = end + 2;
	}

	if (!ended) {
		report.lines++;
		if (text.length - start > maxTextLineOctets) report.longLines.push(report.lines);
		text += '\r\n';
	}

	report.messageBytes = text.length;
	return {bytes: changed || !ended ? asBytes(Buffer.from(text, 'latin1')) : input, report};
}

/** The bytes that follow a 354: normalised, dot-stuffed, ended with CRLF.CRLF. */
export function encodeDataBody(input: Uint8Array | string): {bytes: Uint8Array; report: BodyReport} {
	const {bytes, report} = normalizeMessage(typeof input === 'string' ? new TextEncoder().encode(input) : input);
	return {bytes: stuff(bufferOf(bytes), report), report};
}

/** Doubles each leading dot (RFC 5321 4.5.2) and appends the final "." CRLF, noting the lines stuffed. */
function stuff(buffer: Buffer, report?: BodyReport): Uint8Array {
	const parts: Buffer[] = [];
	let from = 0;
	let line = 1;
	let counted = 0;
	const stuffAt = (offset: number) => {
		parts.push(buffer.subarray(from, offset), dotBuffer);
		from = offset;
		if (!report) return;
		// Line numbers, counted only up to each stuffed line.
		for (let lf = buffer.indexOf(LF, counted); lf !== -1 && lf < offset; lf = buffer.indexOf(LF, lf + 1)) {
			line++;
			counted = lf + 1;
		}

		report.stuffedLines.push(line);
	};

	if (buffer[0] === DOT) stuffAt(0);
	for (let at = buffer.indexOf('\n.'); at !== -1; at = buffer.indexOf('\n.', at + 2)) stuffAt(at + 1);
	parts.push(buffer.subarray(from), terminator);
	return asBytes(Buffer.concat(parts));
}
