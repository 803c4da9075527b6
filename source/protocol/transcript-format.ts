import {sanitizeForDisplay} from './sanitize.js';
import {redactedMark} from './sasl.js';
import {encodeLenient, toBase64} from './text.js';
import {entryPrefix, type EntryKind, formatClock, isPlainLine, type NoteEvent, type TranscriptEntry, unknownTime, wireBytes} from './transcript.js';

/**
Saved transcript formats. Every format escapes control bytes, so `cat` of a saved file is
always safe (CWE-150); JSON lines also keep the exact bytes, base64-encoded.
*/

export type TranscriptFormat = 'text' | 'jsonl' | 'markdown';

/** The format a file name suggests: .jsonl/.json JSON lines, .md Markdown, anything else text. */
export function formatForPath(path: string): TranscriptFormat {
	if (/\.jsonl?$/i.test(path)) return 'jsonl';
	if (/\.(md|markdown)$/i.test(path)) return 'markdown';
	return 'text';
}

export type FormatOptions = {
	/** Put the secrets back: only when the user asked in so many words. */
	revealSecrets?: boolean;
	/** Where the secret bytes of redacted lines are kept (memory only). */
	secretOf?: (entry: TranscriptEntry) => Uint8Array | undefined;
	/** Text and Markdown: put the clock time before each line. */
	timestamps?: boolean;
};

function shownText(entry: TranscriptEntry, options: FormatOptions): string {
	if (entry.redacted && options.revealSecrets) {
		const secret = options.secretOf?.(entry);
		if (secret) return new TextDecoder().decode(secret).replace(/\r\n$/, '');
	}

	return entry.text;
}

/**
One line in the swaks style: `<-  250 OK`, ` -> EHLO x`, `=== Connected`. Notes carry no
TLS flag and warnings read back as errors: the text format is for people; JSON lines keep all.
*/
export function formatTextLine(entry: TranscriptEntry, options: FormatOptions = {}): string {
	const time = options.timestamps && Number.isFinite(entry.at) ? `${formatClock(entry.at)} ` : '';
	const note = entry.note ? `  (${entry.note})` : '';
	// A text that itself ends like a note ("250 ok  (queued)") keeps one space escaped, so it reads back as text.
	const text = sanitizeForDisplay(shownText(entry, options)).replace(/ {2}(\(.*\))$/, String.raw` \x20$1`);
	return `${time}${entryPrefix(entry)} ${text}${sanitizeForDisplay(note)}`;
}

export function formatText(entries: readonly TranscriptEntry[], options: FormatOptions = {}): string {
	return entries.map(entry => `${formatTextLine(entry, options)}\n`).join('');
}

// JSON.stringify escapes C0 but leaves DEL, C1, bidi controls and lone surrogates raw; a
// terminal may act on those, so they are escaped too (the result is still valid JSON).
const jsonUnsafe = /[\u007F-\u009F\u061C\u200E\u200F\u2028-\u202E\u2066-\u2069\uD800-\uDFFF]/gu;

/** JSON that is safe to `cat`: no control, bidi or unpaired surrogate character appears raw. */
export function safeJson(value: unknown): string {
	return JSON.stringify(value).replace(jsonUnsafe, char => `\\u${char.codePointAt(0)!.toString(16).padStart(4, '0')}`);
}

const jsonKinds: Record<EntryKind, string> = {sent: 'send', received: 'recv', info: 'info', warning: 'warn', error: 'error'};
const kindsFromJson = new Map(Object.entries(jsonKinds).map(([kind, name]) => [name, kind as EntryKind]));

/** One JSON line: time, direction, TLS, latency, parsed codes, redaction marker, exact bytes. */
export function formatJsonLine(entry: TranscriptEntry, options: FormatOptions = {}): string {
	const revealed = entry.redacted && options.revealSecrets ? options.secretOf?.(entry) : undefined;
	const bytes = revealed ?? wireBytes(entry);
	return safeJson({
		id: entry.id,
		...(Number.isFinite(entry.at) ? {time: new Date(entry.at).toISOString()} : {}),
		dir: jsonKinds[entry.kind],
		tls: entry.tls,
		text: shownText(entry, options),
		...(bytes ? {bytes: toBase64(bytes)} : {}),
		...(entry.redacted && !revealed ? {redacted: true} : {}),
		...(entry.code === undefined ? {} : {code: entry.code}),
		...(entry.enhanced ? {enhanced: entry.enhanced} : {}),
		...(entry.final === undefined ? {} : {final: entry.final}),
		...(entry.latencyMs === undefined ? {} : {latencyMs: entry.latencyMs}),
		...(entry.inReplyTo === undefined ? {} : {inReplyTo: entry.inReplyTo}),
		...(entry.note ? {note: entry.note} : {}),
		...(entry.event ? {event: entry.event} : {}),
	});
}

export function formatJsonLines(entries: readonly TranscriptEntry[], options: FormatOptions = {}): string {
	return entries.map(entry => `${formatJsonLine(entry, options)}\n`).join('');
}

/** A Markdown document for a ticket: a title, a short summary, and the transcript in a fence. */
export function formatMarkdown(entries: readonly TranscriptEntry[], options: FormatOptions & {title?: string} = {}): string {
	const body = entries.map(entry => formatTextLine(entry, {...options, timestamps: options.timestamps ?? true})).join('\n');
	// A fence longer than any run of backticks inside, so no line can close it early.
	const longestRun = Math.max(2, ...[...body.matchAll(/`+/g)].map(match => match[0].length));
	const fence = '`'.repeat(longestRun + 1);
	const first = entries[0];
	const sent = entries.filter(entry => entry.kind === 'sent').length;
	const received = entries.filter(entry => entry.kind === 'received').length;
	const title = sanitizeForDisplay(options.title ?? 'SMTP session');
	const when = first ? (Number.isFinite(first.at) ? new Date(first.at).toISOString() : 'unknown') : 'empty session';
	return `# ${title}\n\n- started: ${when}\n- lines: ${sent} sent, ${received} received\n- secrets: ${options.revealSecrets ? 'REVEALED' : 'redacted'}\n\n${fence}text\n${body}\n${fence}\n`;
}

export function formatTranscript(format: TranscriptFormat, entries: readonly TranscriptEntry[], options: FormatOptions & {title?: string} = {}): string {
	if (format === 'jsonl') return formatJsonLines(entries, options);
	if (format === 'markdown') return formatMarkdown(entries, options);
	return formatText(entries, options);
}

export type ParsedTranscript = {entries: TranscriptEntry[]; errors: Array<{line: number; message: string}>};

/** Reads JSON lines back. Lines that do not parse are reported, not fatal. */
export function parseJsonLines(text: string): ParsedTranscript {
	const entries: TranscriptEntry[] = [];
	const errors: ParsedTranscript['errors'] = [];
	for (const [index, line] of text.split('\n').entries()) {
		if (line.trim() === '') continue;
		const entry = parseJsonLine(line, entries.length + 1);
		if (entry instanceof Error) errors.push({line: index + 1, message: entry.message});
		else entries.push(entry);
	}

	return {entries, errors};
}

/** One JSON line as an entry numbered `id`, or why it is not one. A line without a time has an unknown time (NaN). */
export function parseJsonLine(line: string, id: number): TranscriptEntry | Error {
	try {
		const value = JSON.parse(line) as Record<string, unknown>;
		const kind = kindsFromJson.get(String(value.dir));
		const at = value.time === undefined ? unknownTime : Date.parse(String(value.time));
		if (!kind || Number.isNaN(at) !== (value.time === undefined) || typeof value.text !== 'string') throw new Error('missing dir, time or text');
		const entry: TranscriptEntry = {id, at, kind, tls: value.tls === true, text: value.text};
		if (typeof value.bytes === 'string') {
			const bytes = new Uint8Array(Buffer.from(value.bytes, 'base64'));
			if (!isPlainLine(entry.text, bytes)) entry.bytes = bytes;
		}
		if (value.redacted === true) entry.redacted = true;
		if (typeof value.code === 'number') entry.code = value.code;
		if (typeof value.enhanced === 'string') entry.enhanced = value.enhanced;
		if (typeof value.final === 'boolean') entry.final = value.final;
		if (typeof value.latencyMs === 'number') entry.latencyMs = value.latencyMs;
		if (typeof value.inReplyTo === 'string') entry.inReplyTo = value.inReplyTo;
		if (typeof value.note === 'string') entry.note = value.note;
		const event = noteEvent(value.event);
		if (event) entry.event = event;
		return entry;
	} catch (error) {
		return error instanceof Error ? error : new Error(String(error));
	}
}

/** A saved note's event, when it has the shape of one. */
function noteEvent(value: unknown): NoteEvent | undefined {
	if (typeof value !== 'object' || value === null) return undefined;
	const event = value as Record<string, unknown>;
	if (event.type === 'connecting' && typeof event.target === 'string') return {type: 'connecting', target: event.target, implicitTls: event.implicitTls === true};
	if (event.type === 'tls' && (event.via === 'starttls' || event.via === 'implicit')) return {type: 'tls', via: event.via};
	return undefined;
}

const textLine = /^(?:(\d\d:\d\d:\d\d\.\d{3}) )?( ->| ~>|<- |<~ |===|\*\*\*) (.*?)(?: {2}\((.*)\))?$/;

/** A line that opens or closes a Markdown code fence. */
export const isFence = (line: string) => /^(`{3,}|~{3,})/.test(line);

/**
Reads the text and Markdown formats back. They hold display text only (escaped), so wire
bytes are recovered from the escapes. A line with a clock gets that time on the day of
`fileDate`; a line without one has an unknown time (NaN), never the file's.
*/
export function parseTextTranscript(text: string, fileDate = Date.now()): ParsedTranscript {
	const entries: TranscriptEntry[] = [];
	const errors: ParsedTranscript['errors'] = [];
	let inFence = !text.trimStart().startsWith('#');
	for (const [index, line] of text.split('\n').entries()) {
		if (isFence(line)) {
			inFence = !inFence;
			continue;
		}

		if (!inFence || line.trim() === '') continue;
		const entry = parseTextLine(line, entries.length + 1, fileDate);
		if (entry) entries.push(entry);
		else errors.push({line: index + 1, message: 'not a transcript line'});
	}

	return {entries, errors};
}

/** One line of the text format as an entry numbered `id`, or undefined when it is not one. */
export function parseTextLine(line: string, id: number, fileDate: number): TranscriptEntry | undefined {
	const match = textLine.exec(line);
	if (!match) return undefined;
	const [, clock, prefix, shown = '', note] = match;
	const kind: EntryKind = prefix === ' ->' || prefix === ' ~>' ? 'sent' : prefix === '===' ? 'info' : prefix === '***' ? 'error' : 'received';
	const at = clock ? atClock(new Date(fileDate), clock) : unknownTime;
	const entry: TranscriptEntry = {id, at, kind, tls: prefix === ' ~>' || prefix === '<~ ', text: unescapeDisplay(shown)};
	if (note) entry.note = note;
	if (kind === 'received') {
		const code = /^(\d{3})([ -]|$)/.exec(entry.text);
		if (code) {
			entry.code = Number(code[1]);
			entry.final = code[2] !== '-';
		}
	}

	if (entry.text === redactedMark || entry.text.endsWith(` ${redactedMark}`)) entry.redacted = true;
	if (kind === 'sent' || kind === 'received') {
		// Escaped bytes that were not UTF-8 come back as themselves; plain lines need nothing kept.
		const bytes = encodeLenient(`${entry.text}\r\n`);
		if (!isPlainLine(entry.text, bytes)) entry.bytes = bytes;
	}

	return entry;
}

function atClock(day: Date, clock: string): number {
	const [hours, minutes, rest] = clock.split(':');
	const date = new Date(day);
	date.setHours(Number(hours), Number(minutes), Math.floor(Number(rest)), Math.round((Number(rest) % 1) * 1000));
	return date.getTime();
}

/** Undoes the sanitiser's escapes (`\x1b`, `\u202e`, `\r`...) to recover the original text. */
export function unescapeDisplay(text: string): string {
	return text.replace(/\\(x[\da-f]{2}|u[\da-f]{4}|[trn])/g, (_, escape: string) => {
		if (escape === 't') return '\t';
		if (escape === 'r') return '\r';
		if (escape === 'n') return '\n';
		const code = Number.parseInt(escape.slice(1), 16);
		// \xNN above 0x7f stood for a byte that was not valid UTF-8 (see decodeLenient).
		return escape.startsWith('x') && code > 0x7f ? String.fromCharCode(0xdc_00 + code) : String.fromCharCode(code);
	});
}

/** Parses any saved format, choosing by content: JSON lines start with "{". */
export function parseTranscript(text: string, fileDate?: number): ParsedTranscript {
	return text.trimStart().startsWith('{') ? parseJsonLines(text) : parseTextTranscript(text, fileDate);
}
