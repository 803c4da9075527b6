import {setFlagsFromString} from 'node:v8';
import {describe, expect, it} from 'vitest';
import {formatText} from '../../source/protocol/transcript-format.js';
import {type NewEntry, wireBytes} from '../../source/protocol/transcript.js';
import {encodeUtf8} from '../../source/protocol/text.js';
import {TranscriptStore} from '../../source/session/transcript-store.js';

// V8's own answer to "do these two objects share a hidden class?" (%HaveSameMap).
setFlagsFromString('--allow-natives-syntax');
const haveSameMap = new Function('a', 'b', 'return %HaveSameMap(a, b)') as (a: unknown, b: unknown) => boolean;
// The same string object, not only equal text (%ReferenceEqual).
const sameObject = new Function('a', 'b', 'return %ReferenceEqual(a, b)') as (a: unknown, b: unknown) => boolean;

/** Entries of every shape the controller records, so the store sees them mixed as in a session. */
function sessionLines(count: number): NewEntry[] {
	const lines: NewEntry[] = [];
	for (let i = 0; i < count; i++) {
		const text = `250-2.1.0 ok <user${i}@example.org>`;
		const verb = ['EHLO', 'MAIL', 'RCPT'][i % 3]!;
		lines.push(
			{kind: 'sent', tls: i % 2 === 0, text: `${verb} x${i}`, bytes: encodeUtf8(`${verb} x${i}\r\n`), at: i},
			{kind: 'received', tls: false, text, bytes: encodeUtf8(`${text}\r\n`), code: 250, ...(i % 5 === 0 ? {} : {enhanced: `2.1.${i % 2}`}), final: i % 3 === 0, ...(i % 3 === 0 ? {latencyMs: i % 40} : {}), inReplyTo: [...verb].join(''), ...(i % 7 === 0 ? {note: 'bare LF, not CRLF'} : {}), at: i},
			{kind: i % 2 === 0 ? 'info' : 'warning', tls: false, text: `note ${i}`, ...(i % 4 === 0 ? {note: 'hint'} : {})},
		);
	}

	return lines;
}

describe('TranscriptStore: bounded scrollback that says what it dropped', () => {
	it('keeps at most its limit, the newest lines, and a warning at the top with how many went', () => {
		const store = new TranscriptStore(() => 0, 100);
		for (let i = 1; i <= 250; i++) store.add({kind: 'sent', tls: false, text: `NOOP ${i}`}, i === 3 ? new Uint8Array([1]) : undefined);
		const {entries} = store;
		expect(entries.length).toBeLessThanOrEqual(101);
		const [marker, ...kept] = entries;
		expect(marker).toMatchObject({id: 0, kind: 'warning'});
		expect(kept.at(-1)!.text).toBe('NOOP 250');
		// Contiguous: nothing lost in the middle, and the count in the marker is exact.
		expect(kept.map(entry => entry.id)).toEqual(kept.map((_, index) => kept[0]!.id + index));
		const dropped = kept[0]!.id - 1;
		expect(marker!.text).toBe(`${dropped} earlier lines are no longer in memory (the scrollback keeps the last 100); only a --transcript file has them`);
		expect(entries.filter(entry => entry.id === 0)).toHaveLength(1);
		// A secret of a dropped line is gone with it.
		expect(store.secretOf({id: 3, at: 0, kind: 'sent', tls: false, text: ''})).toBeUndefined();
	});

	it('a saved copy starts by saying its start is missing', () => {
		const store = new TranscriptStore(() => 0, 10);
		for (let i = 1; i <= 30; i++) store.add({kind: 'sent', tls: false, text: `NOOP ${i}`});
		expect(formatText(store.entries).split('\n')[0]).toMatch(/^\*\*\* \d+ earlier lines are no longer in memory/);
	});

	it('below the limit nothing is dropped and nothing is said', () => {
		const store = new TranscriptStore(() => 0, 10);
		for (let i = 1; i <= 10; i++) store.add({kind: 'sent', tls: false, text: `NOOP ${i}`});
		expect(store.entries.map(entry => entry.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
	});

});

describe('TranscriptStore: entries kept compactly, nothing lost', () => {
	it('keeps every field of a new entry, and its bytes only when they are not the text and CRLF', () => {
		// Required<>: a field added to entries later must be added here, and to the store.
		const every: Required<NewEntry> = {kind: 'received', tls: true, text: '250 bare', bytes: encodeUtf8('250 bare\n'), redacted: false, code: 250, enhanced: '2.0.0', final: true, latencyMs: 7, inReplyTo: 'NOOP', note: 'bare LF, not CRLF', event: {type: 'tls', via: 'starttls'}, at: 5};
		const store = new TranscriptStore(() => 99);
		expect(store.add(every)).toStrictEqual({...every, id: 1});
		const {at, ...plain} = {...every, text: '250 ok', bytes: encodeUtf8('250 ok\r\n')};
		const {bytes, ...withoutBytes} = plain;
		const stored = store.add(plain);
		expect(stored).toStrictEqual({...withoutBytes, id: 2, at: 99});
		expect(wireBytes(stored)).toEqual(bytes);
	});

	it('gives entries of one shape one hidden class, however mixed the shapes that arrive', () => {
		// Built with object rest/spread, every entry got a hidden class of its own: 28 MB more
		// at 100,000 lines (npm run bench -- --only memory).
		const store = new TranscriptStore(() => 0);
		for (const line of sessionLines(400)) store.add(line);
		const byShape = new Map<string, unknown[]>();
		for (const entry of store.entries) {
			const shape = Object.keys(entry).join(',');
			byShape.set(shape, [...(byShape.get(shape) ?? []), entry]);
		}

		for (const [shape, group] of byShape) {
			const apart = group.filter(entry => !haveSameMap(entry, group[0]));
			expect(apart.length, `${shape}: ${apart.length} of ${group.length} entries have a hidden class of their own`).toBe(0);
		}
	});


	it('keeps one copy of an enhanced code or a verb that repeats, and no more than 512 of them', () => {
		const store = new TranscriptStore(() => 0);
		for (const line of sessionLines(60)) store.add(line);
		const coded = store.entries.filter(entry => entry.enhanced === '2.1.1');
		const rcpt = store.entries.filter(entry => entry.inReplyTo === 'RCPT');
		expect(coded.length).toBeGreaterThan(10);
		expect(rcpt.length).toBeGreaterThan(10);
		// Each line came with its own copy (sessionLines builds them apart).
		expect(sameObject(sessionLines(2)[1]!.inReplyTo, sessionLines(2)[1]!.inReplyTo)).toBe(false);
		expect(coded.every(entry => sameObject(entry.enhanced, coded[0]!.enhanced))).toBe(true);
		expect(rcpt.every(entry => sameObject(entry.inReplyTo, rcpt[0]!.inReplyTo))).toBe(true);
		// A stream of codes that never repeat: each is kept as it came, beyond the bound too.
		const many = new TranscriptStore(() => 0);
		for (let i = 0; i < 1000; i++) many.add({kind: 'received', tls: false, text: `250 2.${i}.0 ok`, code: 250, enhanced: `2.${i}.0`, final: true, inReplyTo: 'NOOP'});
		expect(many.entries.map(entry => entry.enhanced)).toEqual(Array.from({length: 1000}, (_, i) => `2.${i}.0`));
		const again = (code: string) => many.add({kind: 'received', tls: false, text: `250 ${code}`, code: 250, enhanced: [...code].join(''), final: true}).enhanced;
		expect(sameObject(again('2.5.0'), again('2.5.0'))).toBe(true);
		expect(sameObject(again('2.900.0'), again('2.900.0'))).toBe(false);
	});
});
