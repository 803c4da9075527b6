/**
The transcript: every line sent and received, and every note the app made, in order. An
entry has a kind and a TLS flag; how it is drawn, filtered or saved is a pure function of
those (the swaks habit). Entries hold display text exactly as it was (the sanitiser runs
where text is written out) and, for wire lines, the exact bytes.
*/

import {encodeUtf8} from './text.js';

export type EntryKind =
	/** A line the client wrote. */
	| 'sent'
	/** A line the server wrote. */
	| 'received'
	/** A note from the app: connected, TLS established, decoded challenge... */
	| 'info'
	/** Something odd but survivable: bytes discarded after STARTTLS, a bare LF... */
	| 'warning'
	/** A failure: refused connection, timeout, handshake failure, protocol violation. */
	| 'error';

export type TranscriptEntry = {
	/** Position in the session, from 1. */
	id: number;
	/** When it happened, in ms since the epoch; `unknownTime` (NaN) when a saved file did not say. */
	at: number;
	kind: EntryKind;
	/** True when the line travelled inside TLS. */
	tls: boolean;
	/** The line as shown: server text as received, secrets replaced by `<redacted>`. */
	text: string;
	/**
	The exact bytes on the wire, terminator included, when they are not just the text and
	CRLF (see wireBytes); absent for notes and redacted lines.
	*/
	bytes?: Uint8Array;
	/** True when the text hides a secret (AUTH data). */
	redacted?: boolean;
	/** For received lines: the reply code, and the enhanced status code if any. */
	code?: number;
	enhanced?: string;
	/** For received lines: false on `250-` continuation lines, true on the last line. */
	final?: boolean;
	/** For the last line of a reply: ms since the command it answers was written. */
	latencyMs?: number;
	/** For received lines: the verb of the command the reply answers ('' if none). */
	inReplyTo?: string;
	/** A short remark shown after the line: a decoded 334 challenge, "bare LF", "unsolicited". */
	note?: string;
	/** For the notes a program reads back (export): what the note states, whatever language its text is in. */
	event?: NoteEvent;
};

/**
What a note states, for programs that read a saved transcript: the note's text follows
the session's language (pt or en), this does not.
*/
export type NoteEvent = {type: 'connecting'; target: string; implicitTls: boolean} | {type: 'tls'; via: 'starttls' | 'implicit'};

/**
The host or socket a "connecting to" note names. Read from its event; a transcript saved
before notes had events is read by its English text.
*/
export function connectingTo(entry: TranscriptEntry): {target: string; implicitTls: boolean} | undefined {
	if (entry.kind !== 'info') return undefined;
	if (entry.event) return entry.event.type === 'connecting' ? {target: entry.event.target, implicitTls: entry.event.implicitTls} : undefined;
	const match = /^connecting to (\S+)( \(implicit TLS\))?/.exec(entry.text);
	return match ? {target: match[1]!, implicitTls: Boolean(match[2])} : undefined;
}

/** How TLS began, when the entry is the "TLS established" note (by its event, or its English text in older files). */
export function tlsEstablished(entry: TranscriptEntry): 'starttls' | 'implicit' | undefined {
	if (entry.kind !== 'info') return undefined;
	if (entry.event) return entry.event.type === 'tls' ? entry.event.via : undefined;
	return /^TLS established \((starttls|implicit)\)/.exec(entry.text)?.[1] as 'starttls' | 'implicit' | undefined;
}

/** True when the bytes are exactly the text and CRLF, as for nearly every line: the entry need not keep them. */
export function isPlainLine(text: string, bytes: Uint8Array): boolean {
	if (bytes.length < 2 || bytes.at(-2) !== 0x0d || bytes.at(-1) !== 0x0a) return false;
	return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength - 2).equals(Buffer.from(text, 'utf8'));
}

/**
The exact bytes of a wire line. Entries keep their bytes only when they differ from the
text and CRLF (a bare LF, invalid UTF-8), which saves most of a transcript's memory; the
rest are made from the text.
*/
export function wireBytes(entry: TranscriptEntry): Uint8Array | undefined {
	if (entry.bytes) return entry.bytes;
	if ((entry.kind !== 'sent' && entry.kind !== 'received') || entry.redacted) return undefined;
	return encodeUtf8(`${entry.text}\r\n`);
}

/** The entry without the fields the transcript assigns. */
export type NewEntry = Omit<TranscriptEntry, 'id' | 'at'> & {at?: number};

/** Which kinds the transcript pane shows; everything is still kept and saved. */
export type EntryFilter = {sent: boolean; received: boolean; notes: boolean};

export const showAll: EntryFilter = {sent: true, received: true, notes: true};

export function isVisible(entry: TranscriptEntry, filter: EntryFilter): boolean {
	if (entry.kind === 'sent') return filter.sent;
	if (entry.kind === 'received') return filter.received;
	return filter.notes;
}

/** The reply class of a received line, for colours and symbols: 2, 3, 4 or 5. */
export function entryReplyClass(entry: TranscriptEntry): 2 | 3 | 4 | 5 | undefined {
	if (entry.code === undefined) return undefined;
	const cls = Math.floor(entry.code / 100);
	return cls >= 2 && cls <= 5 ? (cls as 2 | 3 | 4 | 5) : undefined;
}

/**
The swaks prefix of an entry (B5): ` ->` sent, `<- ` received, ` ~>` and `<~ ` inside TLS,
`===` for notes, `***` for the app's warnings and errors.
*/
export function entryPrefix(entry: Pick<TranscriptEntry, 'kind' | 'tls'>): string {
	switch (entry.kind) {
		case 'sent': {
			return entry.tls ? ' ~>' : ' ->';
		}

		case 'received': {
			return entry.tls ? '<~ ' : '<- ';
		}

		case 'info': {
			return '===';
		}

		case 'warning':
		case 'error': {
			return '***';
		}
	}
}

/** Clock time with milliseconds, local time: `14:03:07.120`. */
/** The time of a line read from a file that did not record it. */
export const unknownTime = Number.NaN;

/** `12:00:01.120`; blank (the same width) for an unknown time. */
export function formatClock(at: number): string {
	if (!Number.isFinite(at)) return ' '.repeat(12);
	const date = new Date(at);
	const pad = (value: number, width = 2) => String(value).padStart(width, '0');
	return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}`;
}

/** `+5ms`, `+1.2s`, `+2m03s`: latency in the fewest characters that stay exact enough. */
export function formatLatency(ms: number): string {
	if (ms < 1000) return `+${Math.round(ms)}ms`;
	if (ms < 60_000) return `+${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)}s`;
	const minutes = Math.floor(ms / 60_000);
	const seconds = Math.floor((ms % 60_000) / 1000);
	return `+${minutes}m${String(seconds).padStart(2, '0')}s`;
}
