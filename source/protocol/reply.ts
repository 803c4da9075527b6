import type {EnhancedStatus} from './enhanced-status.js';
import {decodeLenient} from './text.js';

/** One line of a server reply, parsed. */
export type ReplyLine = {
	/** The three-digit code at the start of the line. */
	code: number;
	/** True for the last line of a reply (`250 text` or a bare `250`); false for `250-text`. */
	final: boolean;
	/** The text after the separator, decoded leniently (invalid UTF-8 kept as escaped bytes). */
	text: string;
	/** The RFC 3463 code at the start of the text, if any (RFC 2034 3). */
	enhanced?: EnhancedStatus;
	/** The exact bytes of the line, terminator included. */
	raw: Uint8Array;
	/** True when the line ended with LF alone instead of CRLF (tolerated, but flagged). */
	bareLf: boolean;
};

/** A complete server reply: one or more lines with the same code (RFC 5321 4.2.1). */
export type Reply = {
	code: number;
	/** The enhanced status of the first line that carries one. */
	enhanced?: EnhancedStatus;
	lines: ReplyLine[];
	/** True when any line ended with a bare LF. */
	bareLf: boolean;
};

export const isPositive = (code: number) => code >= 200 && code < 400;

/** The reply's text, lines joined with newlines (without codes). */
export function replyText(reply: Reply): string {
	return reply.lines.map(line => line.text).join('\n');
}

/**
The queue id a server often puts in its 250 to a message: Postfix and smtp-server say
"queued as 4Bx7Yz", Exim "id=1tXyZ-000abc-Q1". Undefined when the reply names none.
*/
export function queueIdOf(reply: Reply): string | undefined {
	const text = replyText(reply);
	return /\bqueued as <?([\w.@-]*\d[\w.@-]*)>?/i.exec(text)?.[1] ?? /\bid=([\w.-]*\d[\w.-]*)/i.exec(text)?.[1];
}

/** One line exactly as the server sent it, without its terminator: `250-SIZE 1000`. */
export function formatReplyLine(line: ReplyLine): string {
	return decodeLenient(withoutTerminator(line.raw));
}

/** The bytes of a line without its CRLF or bare LF. */
export function withoutTerminator(raw: Uint8Array): Uint8Array {
	let end = raw.length;
	if (end > 0 && raw[end - 1] === 0x0a) end--;
	if (end > 0 && raw[end - 1] === 0x0d) end--;
	return raw.subarray(0, end);
}
