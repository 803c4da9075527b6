import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {sanitizeForDisplay} from '../../source/protocol/sanitize.js';
import {
	formatForPath,
	formatJsonLines,
	formatMarkdown,
	formatText,
	parseJsonLines,
	parseTranscript,
	safeJson,
} from '../../source/protocol/transcript-format.js';
import {entryPrefix, formatLatency, isPlainLine, type TranscriptEntry, wireBytes} from '../../source/protocol/transcript.js';

const at = Date.parse('2026-11-28T12:00:01.120Z');
const bytes = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));
const secret = bytes('AUTH PLAIN AGFsaWNlAGh1bnRlcjI=\r\n');

const entries: TranscriptEntry[] = [
	{id: 1, at, kind: 'info', tls: false, text: 'connected to 127.0.0.1:2525'},
	{id: 2, at: at + 5, kind: 'received', tls: false, text: '220 mx ESMTP \u001B[2Jgotcha', bytes: bytes('220 mx ESMTP \u001B[2Jgotcha\r\n'), code: 220, final: true, latencyMs: 5, inReplyTo: ''},
	{id: 3, at: at + 9, kind: 'sent', tls: true, text: 'AUTH PLAIN <redacted>', redacted: true},
	{id: 4, at: at + 12, kind: 'received', tls: true, text: '535 5.7.8 bad credentials', bytes: bytes('535 5.7.8 bad credentials\r\n'), code: 535, enhanced: '5.7.8', final: true, latencyMs: 3, inReplyTo: 'AUTH'},
	{id: 5, at: at + 20, kind: 'warning', tls: true, text: 'discarded 12 bytes sent after 220'},
];

describe('transcript formats', () => {
	it('swaks-style prefixes by kind and TLS', () => {
		expect(entryPrefix({kind: 'sent', tls: false})).toBe(' ->');
		expect(entryPrefix({kind: 'sent', tls: true})).toBe(' ~>');
		expect(entryPrefix({kind: 'received', tls: false})).toBe('<- ');
		expect(entryPrefix({kind: 'received', tls: true})).toBe('<~ ');
		expect(entryPrefix({kind: 'info', tls: false})).toBe('===');
		expect(entryPrefix({kind: 'error', tls: false})).toBe('***');
	});

	it('the text format escapes control bytes and keeps secrets redacted', () => {
		expect(formatText(entries)).toBe(
			[
				'=== connected to 127.0.0.1:2525',
				String.raw`<-  220 mx ESMTP \x1b[2Jgotcha`,
				' ~> AUTH PLAIN <redacted>',
				'<~  535 5.7.8 bad credentials',
				'*** discarded 12 bytes sent after 220',
				'',
			].join('\n'),
		);
	});

	it('reveals secrets only when asked, from the memory-only store', () => {
		const options = {revealSecrets: true, secretOf: (entry: TranscriptEntry) => (entry.id === 3 ? secret : undefined)};
		expect(formatText(entries, options)).toContain(' ~> AUTH PLAIN AGFsaWNlAGh1bnRlcjI=');
		expect(formatText(entries, {secretOf: options.secretOf})).not.toContain('AGFsaWNl');
		const json = parseJsonLines(formatJsonLines(entries, options)).entries[2]!;
		expect(json.text).toBe('AUTH PLAIN AGFsaWNlAGh1bnRlcjI=');
		expect(Buffer.from(wireBytes(json)!).toString()).toBe('AUTH PLAIN AGFsaWNlAGh1bnRlcjI=\r\n');
		expect(json.redacted).toBeUndefined();
	});

	it('JSON lines round-trip every field, with exact bytes', () => {
		const parsed = parseJsonLines(formatJsonLines(entries));
		expect(parsed.errors).toEqual([]);
		// Bytes that are the text and CRLF are not kept on either side (wireBytes makes them).
		const kept = entries.map(({bytes, ...entry}) => (bytes && !isPlainLine(entry.text, bytes) ? {...entry, bytes} : entry));
		expect(parsed.entries).toEqual(kept);
		expect(parsed.entries.map(entry => wireBytes(entry))).toEqual(entries.map(entry => wireBytes(entry)));
	});

	it('JSON lines keep the exact bytes of a line that is not just its text: bare LF, invalid UTF-8', () => {
		const odd: TranscriptEntry[] = [
			{id: 1, at, kind: 'received', tls: false, text: '250 bare', bytes: Uint8Array.of(...Buffer.from('250 bare\n')), code: 250, final: true},
			{id: 2, at, kind: 'received', tls: false, text: '250 caf\uDCFF', bytes: Uint8Array.of(...Buffer.from('250 caf'), 0xff, 0x0d, 0x0a), code: 250, final: true},
		];
		const parsed = parseJsonLines(formatJsonLines(odd)).entries;
		expect(parsed.map(entry => [...entry.bytes!])).toEqual(odd.map(entry => [...entry.bytes!]));
	});

	it('text and Markdown round-trip the lines a viewer shows', () => {
		// Notes carry no TLS flag in text, and warnings read back as errors.
		const shown = (list: TranscriptEntry[]) =>
			list.map(entry => {
				const wire = entry.kind === 'sent' || entry.kind === 'received';
				return `${entry.kind === 'warning' ? 'error' : entry.kind} ${wire ? entry.tls : '-'} ${sanitizeForDisplay(entry.text)}`;
			});
		for (const saved of [formatText(entries), formatMarkdown(entries, {title: 'ticket 42'})]) {
			const parsed = parseTranscript(saved, at);
			expect(parsed.errors).toEqual([]);
			expect(shown(parsed.entries)).toEqual(shown(entries));
		}

		const markdown = parseTranscript(formatMarkdown(entries), at);
		expect(markdown.entries.map(entry => entry.at)).toEqual(entries.map(entry => entry.at));
		expect(wireBytes(markdown.entries[1]!)).toEqual(wireBytes(entries[1]!));
	});

	it('a text that ends like a note reads back as text, not as a note', () => {
		const tricky: TranscriptEntry[] = [{id: 1, at, kind: 'received', tls: false, text: '250 ok  (queued)', code: 250, final: true}];
		const parsed = parseTranscript(formatText(tricky), at).entries[0]!;
		expect(parsed.text).toBe('250 ok  (queued)');
		expect(parsed.note).toBeUndefined();
	});

	it('Markdown fences cannot be closed early by backticks in the text', () => {
		const tricky: TranscriptEntry[] = [{id: 1, at, kind: 'received', tls: false, text: '250 ``````` done', code: 250, final: true}];
		const markdown = formatMarkdown(tricky);
		expect(markdown).toContain('````````text');
		expect(parseTranscript(markdown, at).entries.map(entry => entry.text)).toEqual(['250 ``````` done']);
	});

	it('property: no saved format ever holds ESC, C1, DEL or bidi controls raw', () => {
		const unsafe = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028-\u202E\u2066-\u2069]/u;
		fc.assert(
			fc.property(fc.string({unit: 'binary'}), fc.constantFrom('sent', 'received', 'info', 'error'), (text, kind) => {
				const entry: TranscriptEntry = {id: 1, at, kind: kind as TranscriptEntry['kind'], tls: false, text, bytes: bytes(text), note: text};
				for (const saved of [formatText([entry]), formatJsonLines([entry]), formatMarkdown([entry])]) {
					expect(unsafe.test(saved)).toBe(false);
				}
			}),
			{numRuns: 1000},
		);
	});

	it('safeJson stays valid JSON', () => {
		const value = {text: '\u009B\u202E\uD800x\u007F'};
		expect(JSON.parse(safeJson(value))).toEqual(value);
	});

	it('picks the format from the file name', () => {
		expect(formatForPath('session.jsonl')).toBe('jsonl');
		expect(formatForPath('ticket.md')).toBe('markdown');
		expect(formatForPath('session.txt')).toBe('text');
	});

	it('formats latency compactly', () => {
		expect([formatLatency(5), formatLatency(1234), formatLatency(12_345), formatLatency(123_456)]).toEqual(['+5ms', '+1.2s', '+12s', '+2m03s']);
	});
});
