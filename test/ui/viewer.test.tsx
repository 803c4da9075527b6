import {afterEach, describe, expect, it} from 'vitest';
import {formatJsonLines, formatMarkdown, formatText, parseTranscript} from '../../source/protocol/transcript-format.js';
import type {TranscriptEntry} from '../../source/protocol/transcript.js';
import {ThemeProvider} from '../../source/ui/theme.js';
import {Viewer} from '../../source/ui/viewer.js';
import {keys, renderAt} from '../helpers/ink.js';

const at = new Date(2026, 10, 28, 12, 0, 0).getTime();
const entries: TranscriptEntry[] = [
	{id: 1, at, kind: 'info', tls: false, text: 'connected to 192.0.2.1:25'},
	{id: 2, at, kind: 'received', tls: false, text: '220 mx.example.com ESMTP', code: 220, final: true},
	{id: 3, at, kind: 'sent', tls: false, text: 'MAIL FROM:<a@example.com>'},
	{id: 4, at: at + 40, kind: 'received', tls: false, text: '550 5.7.1 relaying denied', code: 550, enhanced: '5.7.1', final: true, latencyMs: 40, inReplyTo: 'MAIL'},
	{id: 5, at, kind: 'sent', tls: false, text: 'QUIT'},
];

const cleanups: Array<() => void> = [];
afterEach(() => {
	while (cleanups.length > 0) cleanups.pop()!();
});

function view(list: readonly TranscriptEntry[], exits: number[] = []) {
	const ui = renderAt(
		<ThemeProvider theme={{color: false}}>
			<Viewer entries={list} title="session.jsonl" skipped={0} width={80} height={24} onExit={() => exits.push(1)} />
		</ThemeProvider>,
		80,
	);
	cleanups.push(() => ui.unmount());
	return ui;
}

describe('view: a saved session, read-only', () => {
	it('shows the same lines from every saved format', async () => {
		const shown: string[] = [];
		for (const saved of [formatJsonLines(entries), formatText(entries), formatMarkdown(entries)]) {
			const parsed = parseTranscript(saved, at);
			const ui = view(parsed.entries);
			const frame = await ui.waitFor(current => current.includes('QUIT'));
			const lines = frame.split('\n').slice(1, 6);
			// The plain text format saved no times: its lines show none (not the file's time).
			if (saved.startsWith('===')) for (const line of lines) expect(line).toMatch(/^ {13}/);
			shown.push(lines.map(line => line.replace(/^(\d\d:\d\d:\d\d\.\d{3}| {12}) /, '').replace(/ +\+\d+ms$/, '')).join('\n'));
		}

		expect(shown[0]).toBe(['=== connected to 192.0.2.1:25', '<-  220 mx.example.com ESMTP', ' -> MAIL FROM:<a@example.com>', '<-  550 5.7.1 relaying denied', ' -> QUIT'].join('\n'));
		expect(shown[1]).toBe(shown[0]);
		expect(shown[2]).toBe(shown[0]);
	});

	it('explains the reply under the cursor, and searches with /', async () => {
		const ui = view(entries);
		await ui.waitFor(frame => frame.includes('read-only'));
		await ui.press('/');
		await ui.type('relay');
		await ui.press(keys.enter);
		const frame = await ui.waitFor(current => current.includes('550 5.7.1 · permanent failure · reply to MAIL'), 'the explanation');
		expect(frame).toMatch(/Delivery not authorized/);
		await ui.press('/');
		await ui.press(keys.ctrl('u'));
		await ui.type('nothing like this');
		await ui.press(keys.enter);
		await ui.waitFor(current => current.includes('no line matches "nothing like this"'), 'the miss');
	});

	it('filters hide kinds of lines, and q closes it', async () => {
		const exits: number[] = [];
		const ui = view(entries, exits);
		await ui.waitFor(frame => frame.includes('read-only'));
		await ui.press(keys.ctrl('f'));
		const frame = await ui.waitFor(current => current.includes('transcript: hiding sent lines'));
		expect(frame).not.toMatch(/ -> MAIL FROM/);
		expect(frame).toMatch(/550 5\.7\.1 relaying denied/);
		await ui.press('q');
		expect(exits).toEqual([1]);
	});
});

describe('view in a terminal below 80x24', () => {
	it('says so, with the terminal\'s real size', () => {
		const ui = renderAt(
			<ThemeProvider theme={{color: false}}>
				<Viewer entries={entries} title="session.jsonl" skipped={0} width={70} height={20} onExit={() => {}} />
			</ThemeProvider>,
			70,
		);
		cleanups.push(() => ui.unmount());
		expect(ui.frame()).toContain('smtp-explorer needs at least 80x24');
		expect(ui.frame()).toContain('this terminal is 70x20: enlarge it');
	});
});

