import {statSync, writeFileSync} from 'node:fs';
import {afterAll, describe, expect, it} from 'vitest';
import {formatJsonLines, formatMarkdown, formatText, parseTranscript} from '../../source/protocol/transcript-format.js';
import type {TranscriptEntry} from '../../source/protocol/transcript.js';
import {maxViewLineBytes, TranscriptIndex} from '../../source/session/transcript-index.js';
import {tempDir} from '../helpers/command-io.js';

const dir = tempDir();
afterAll(() => dir.remove());

const start = Date.parse('2026-01-01T12:00:00Z');
const session: TranscriptEntry[] = [
	{id: 1, at: start, kind: 'received', tls: false, text: '220 mx.example.com ESMTP', code: 220, final: true},
	{id: 2, at: start + 5, kind: 'sent', tls: false, text: 'EHLO client.example.com'},
	{id: 3, at: start + 9, kind: 'received', tls: false, text: '250-mx.example.com', code: 250, final: false},
	{id: 4, at: start + 9, kind: 'received', tls: false, text: '250 PIPELINING', code: 250, final: true, latencyMs: 4},
	{id: 5, at: start + 12, kind: 'info', tls: false, text: 'a note with ``` inside'},
	{id: 6, at: start + 20, kind: 'sent', tls: true, text: 'QUIT'},
];

async function indexed(path: string): Promise<readonly TranscriptEntry[]> {
	const index = await TranscriptIndex.open(path);
	try {
		const {entries} = await index.whenDone();
		return Array.from({length: entries.length}, (_, i) => entries[i]!);
	} finally {
		index.close();
	}
}

describe('TranscriptIndex: a saved transcript read lazily', () => {
	for (const [name, text] of [
		['session.jsonl', formatJsonLines(session)],
		['session.txt', formatText(session, {timestamps: true})],
		['session.md', formatMarkdown(session, {title: 'ticket 42'})],
		['no-final-newline.jsonl', formatJsonLines(session).trimEnd()],
	] as const) {
		it(`gives the same entries as reading ${name} whole`, async () => {
			const path = dir.file(name, text);
			expect(await indexed(path)).toEqual(parseTranscript(text, statSync(path).mtimeMs).entries);
		});
	}

	it('a text transcript saved without times has lines of unknown time, not the file\'s time', async () => {
		const entries = await indexed(dir.file('no-times.txt', formatText(session)));
		expect(entries).toHaveLength(session.length);
		for (const entry of entries) expect(entry.at).toBeNaN();
		expect(parseTranscript(formatText(session), Date.now()).entries.every(entry => Number.isNaN(entry.at))).toBe(true);
	});

	it('shows a line that is not a transcript line, or too long to read, as a warning in its place, with its line number', async () => {
		const long = 'x'.repeat(maxViewLineBytes + 10);
		const lines = formatJsonLines(session).split('\n');
		const path = dir.file('damaged.jsonl', [lines[0], 'not json', long, lines[1], ''].join('\n'));
		const entries = await indexed(path);
		expect(entries.map(entry => entry.kind)).toEqual(['received', 'warning', 'warning', 'sent']);
		expect(entries[1]!.text).toMatch(/^line 2 is not a transcript line/);
		expect(entries[2]!.text).toBe(`line 3 is longer than ${maxViewLineBytes / 1024} KiB; not shown`);
		expect(entries[3]!.text).toBe('EHLO client.example.com');
	});

	it('a file of many lines: every line is found, and any one is read back on demand, in any order', async () => {
		const lines: string[] = [];
		for (let i = 0; i < 300_000; i++) lines.push(`{"id":${i + 1},"time":"2026-01-01T12:00:00.000Z","dir":"send","tls":false,"text":"NOOP ${i}"}`);
		const path = dir.file('big.jsonl', `${lines.join('\n')}\n`);
		const index = await TranscriptIndex.open(path);
		try {
			const {entries} = await index.whenDone();
			expect(entries.length).toBe(300_000);
			for (const at of [299_999, 0, 150_000, 1023, 1024, 299_000]) expect(entries[at]!.text).toBe(`NOOP ${at}`);
			expect(entries[300_000]).toBeUndefined();
		} finally {
			index.close();
		}
	});

	it('shows lines while it is still reading, each snapshot fixed at its length', async () => {
		const line = formatJsonLines(session.slice(0, 1));
		const path = dir.path + '/growing.jsonl';
		writeFileSync(path, line.repeat(400_000));
		const index = await TranscriptIndex.open(path);
		try {
			const first = await new Promise<ReturnType<typeof index.snapshot>>(resolve => {
				const stop = index.subscribe(() => {
					stop();
					resolve(index.snapshot());
				});
			});
			expect(first.done).toBe(false);
			expect(first.entries.length).toBeGreaterThan(0);
			expect(first.bytesIndexed).toBeLessThan(first.totalBytes);
			const length = first.entries.length;
			const done = await index.whenDone();
			expect(first.entries.length).toBe(length);
			expect(done.entries.length).toBe(400_000);
		} finally {
			index.close();
		}
	});

	it('refuses what is not a regular file, and says when a file is not found', async () => {
		await expect(TranscriptIndex.open(dir.path)).rejects.toMatchObject({code: 'EISDIR'});
		await expect(TranscriptIndex.open('/dev/zero')).rejects.toMatchObject({code: 'ENOTFILE'});
		await expect(TranscriptIndex.open(`${dir.path}/nope.jsonl`)).rejects.toMatchObject({code: 'ENOENT'});
	});
});
