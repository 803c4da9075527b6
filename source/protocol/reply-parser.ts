import {inEnglish, type Wording} from './errors.js';
import {enhancedStatusOfLine} from './enhanced-status.js';
import type {Reply, ReplyLine} from './reply.js';
import {withoutTerminator} from './reply.js';
import {concatBytes, decodeLenient} from './text.js';

/**
Incremental SMTP reply parser: bytes in, replies and protocol violations out. It holds
partial lines between chunks, so a reply split at any byte gives the same events as one
that arrives whole. Grammar (RFC 5321 4.2): `ddd-text` for every line but the last, then
`ddd text` or a code-only `ddd`; all lines carry the same code.
*/

/** Reply lines longer than this are a violation. RFC 5321 4.5.3.1.5 allows 512 octets; we are lenient on read, as smtplib and aiosmtplib are, but bounded (CVE-2013-1752). */
export const defaultMaxLineBytes = 8192;

/** A whole reply larger than this is a violation, so an endless `250-` stream cannot exhaust memory. */
export const defaultMaxReplyBytes = 65_536;

/** How many bytes of an offending line a violation keeps for display. */
const sampleBytes = 512;

export type ViolationKind =
	/** The line does not start with three digits. */
	| 'no-code'
	/** The code is outside 200-599. */
	| 'code-out-of-range'
	/** A line of a multi-line reply has a different code from the first. */
	| 'code-mismatch'
	/** The code is followed by something other than `-`, a space or the end of the line. */
	| 'bad-separator'
	/** A line exceeded the line limit; the rest of it was discarded. */
	| 'line-too-long'
	/** A reply exceeded the reply limit; the rest of it is discarded. */
	| 'reply-too-long'
	/** An empty line between replies: tolerated and skipped. */
	| 'empty-line'
	/** The connection ended in the middle of a line or a multi-line reply. */
	| 'incomplete';

export type ReplyViolation = {
	kind: ViolationKind;
	/** Plain words for the user, in English (what errors hand to programs). */
	message: string;
	/** The same words in any language (shown in the session's notes). */
	wording: Wording;
	/** The bytes concerned (lines of the broken reply, or a bounded sample of a long line). */
	raw: Uint8Array;
	/** True for oddities that do not break the conversation (a stray empty line). */
	tolerated: boolean;
};

export type ParseEvent = {type: 'reply'; reply: Reply} | {type: 'violation'; violation: ReplyViolation};

export type ReplyParser = {
	/**
	Feeds bytes and returns the events they complete. With `untilReply`, parsing stops after
	the first complete reply and the rest stays buffered (unparsed): STARTTLS needs to see
	exactly what followed its 220.
	*/
	push(chunk: Uint8Array, options?: {untilReply?: boolean}): ParseEvent[];
	/** Discards and returns everything buffered: partial lines and unfinished replies. */
	reset(): Uint8Array;
	/** The end of the stream: an unfinished line or reply becomes an `incomplete` violation. */
	end(): ParseEvent[];
	/** Bytes held: a partial line plus the lines of an unfinished multi-line reply. */
	bufferedBytes(): number;
};

type Skip = 'none' | 'line' | 'line-then-reply' | 'reply';

export function createReplyParser(options: {maxLineBytes?: number; maxReplyBytes?: number} = {}): ReplyParser {
	const maxLine = options.maxLineBytes ?? defaultMaxLineBytes;
	const maxReply = options.maxReplyBytes ?? defaultMaxReplyBytes;
	let buffer: Uint8Array = new Uint8Array(0);
	let group: ReplyLine[] = [];
	let groupBytes = 0;
	let skip: Skip = 'none';

	const violation = (kind: ViolationKind, wording: Wording, raw: Uint8Array, tolerated = false): ParseEvent => ({
		type: 'violation',
		violation: {kind, message: inEnglish(wording), wording, raw, tolerated},
	});

	const groupRaw = (extra?: Uint8Array) => concatBytes([...group.map(line => line.raw), ...(extra ? [extra] : [])]);

	function endGroup() {
		group = [];
		groupBytes = 0;
	}

	function handleLine(raw: Uint8Array, events: ParseEvent[]) {
		const content = withoutTerminator(raw);
		const bareLf = raw.length > 0 && raw.at(-1) === 0x0a && raw.at(-2) !== 0x0d;

		if (skip === 'reply') {
			if (isFinalLine(content)) skip = 'none';
			return;
		}

		if (content.length === 0) {
			if (group.length === 0) {
				events.push(violation('empty-line', t => t['violation.emptyLine'], raw, true));
			} else {
				events.push(
					violation('no-code', t => t['violation.emptyInside'], groupRaw(raw)),
				);
				endGroup();
			}

			return;
		}

		const head = decodeLenient(content.subarray(0, 4));
		if (!/^\d{3}/.test(head)) {
			events.push(violation('no-code', t => t['violation.noCode'], groupRaw(sample(raw))));
			endGroup();
			return;
		}

		const code = Number(head.slice(0, 3));
		const separator = content.length > 3 ? String.fromCharCode(content[3]!) : '';
		if (separator !== '' && separator !== ' ' && separator !== '-') {
			events.push(
				violation('bad-separator', t => t['violation.badSeparator'](head.slice(0, 3)), groupRaw(sample(raw))),
			);
			endGroup();
			return;
		}

		const final = separator !== '-';
		if (code < 200 || code > 599) {
			events.push(violation('code-out-of-range', t => t['violation.codeRange'](code), groupRaw(sample(raw))));
			endGroup();
			if (!final) skip = 'reply';
			return;
		}

		const first = group[0];
		if (first && first.code !== code) {
			events.push(
				violation('code-mismatch', t => t['violation.codeMismatch'](first.code, code), groupRaw(raw)),
			);
			endGroup();
			if (!final) skip = 'reply';
			return;
		}

		groupBytes += raw.length;
		if (groupBytes > maxReply) {
			events.push(violation('reply-too-long', t => t['violation.replyTooLong'](maxReply), sample(groupRaw())));
			endGroup();
			if (!final) skip = 'reply';
			return;
		}

		const text = decodeLenient(content.subarray(final && separator === '' ? 3 : 4));
		const line: ReplyLine = {code, final, text, raw, bareLf};
		const enhanced = enhancedStatusOfLine(code, text);
		if (enhanced) line.enhanced = enhanced;
		group.push(line);

		if (final) {
			const reply: Reply = {code, lines: group, bareLf: group.some(item => item.bareLf)};
			const withEnhanced = group.find(item => item.enhanced);
			if (withEnhanced?.enhanced) reply.enhanced = withEnhanced.enhanced;
			events.push({type: 'reply', reply});
			endGroup();
		}
	}

	function push(chunk: Uint8Array, pushOptions: {untilReply?: boolean} = {}): ParseEvent[] {
		const events: ParseEvent[] = [];
		if (chunk.length > 0) buffer = buffer.length === 0 ? chunk : concatBytes([buffer, chunk]);
		let start = 0;

		while (start < buffer.length) {
			const lf = buffer.indexOf(0x0a, start);

			if (skip === 'line' || skip === 'line-then-reply') {
				if (lf === -1) {
					start = buffer.length;
					break;
				}

				start = lf + 1;
				skip = skip === 'line-then-reply' ? 'reply' : 'none';
				continue;
			}

			const lineEnd = lf === -1 ? buffer.length : lf + 1;
			if (lineEnd - start > maxLine + 2) {
				const head = buffer.subarray(start, start + 4);
				events.push(violation('line-too-long', t => t['violation.lineTooLong'](maxLine), sample(buffer.subarray(start))));
				const continuation = head.length === 4 && head[3] === 0x2d;
				const inReply = group.length > 0 || continuation;
				endGroup();
				skip = inReply ? 'line-then-reply' : 'line';
				continue;
			}

			if (lf === -1) break;

			// A copy, so a kept reply never pins the whole chunk it arrived in.
			handleLine(buffer.slice(start, lf + 1), events);
			start = lf + 1;
			if (pushOptions.untilReply && events.some(event => event.type === 'reply')) break;
		}

		buffer = buffer.slice(start);
		return events;
	}

	function reset(): Uint8Array {
		const discarded = groupRaw(buffer);
		buffer = new Uint8Array(0);
		endGroup();
		skip = 'none';
		return discarded;
	}

	function end(): ParseEvent[] {
		const rest = reset();
		if (rest.length === 0) return [];
		return [violation('incomplete', t => t['violation.incomplete'], sample(rest))];
	}

	return {
		push,
		reset,
		end,
		bufferedBytes: () => buffer.length + groupBytes,
	};
}

function isFinalLine(content: Uint8Array): boolean {
	if (content.length < 3) return false;
	for (let i = 0; i < 3; i++) if (content[i]! < 0x30 || content[i]! > 0x39) return false;
	return content.length === 3 || content[3] === 0x20;
}

function sample(bytes: Uint8Array): Uint8Array {
	return bytes.length > sampleBytes ? bytes.slice(0, sampleBytes) : bytes.slice();
}
