/**
Left/right margins end to end, on the built binary. In tmux (no DECSLRM; it does not say yes
to the explorer's DECRQM question), nothing of the question or an answer shows and no margin
is ever set. In a terminal that has them (a pseudo-terminal shown by libvterm, which answers
the question itself), received lines move the transcript as a rectangle beside the sidebar,
and the screen is the one a full redraw shows; leaving the app resets the margins.
*/
import {existsSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {VtermTerminal} from '../helpers/libvterm.js';
import {cli, hasTmux, settledScreen} from '../helpers/terminal.js';
import {useTerminals} from '../helpers/use-terminals.js';

const e2e = useTerminals();

const pasteStart = '\u001B[200~';
const pasteEnd = '\u001B[201~';
const question = '\u001B[?69$p';
/** DECLRMM on, DECSLRM (CSI Pl;Pr s), DECSTBM (CSI Pt;Pb r): any of them. */
const marginBytes = /\u001B\[\?69h|\u001B\[\d+;\d+s|\u001B\[\d*;\d*r/;
const lines = ['NOOP', 'RSET', 'HELP', 'NOOP again', 'VRFY postmaster'].flatMap(line => Array.from({length: 4}, () => line));

describe.runIf(hasTmux)('in tmux, which has no left/right margins', () => {
	it('asks, shows nothing of it, and never sets a margin while lines arrive beside the sidebar', {timeout: 120_000}, async () => {
		const directory = e2e.scratchDirectory('smtp-explorer-margins-');
		const output = join(directory, 'output');
		const go = join(directory, 'go');
		// The app starts once tmux pipes the pane's output to the file: its first bytes are the question.
		const term = e2e.start(`while [ ! -e '${go}' ]; do sleep 0.05; done; node ${cli} --demo --ehlo client.example.com; sleep 60`, {width: 120, height: 40, env: {XDG_STATE_HOME: directory}});
		term.pipeOutput(output);
		writeFileSync(go, '');
		await term.waitFor(screen => screen.includes('220 demo.smtp-explorer.test ESMTP') && /─ session ─|─ connection ─/.test(screen), 'the banner and the sidebar');
		term.write('EHLO client.example.com\r');
		await term.waitFor(/250[ -]STARTTLS|250[ -]PIPELINING/, 'the EHLO reply');
		term.write(`${pasteStart}${lines.join('\r')}\r${pasteEnd}`);
		await term.waitFor(`Paste of ${lines.length} lines`, 'the preview');
		term.write('\r');
		await term.waitFor(screen => (screen.match(/<- {2}252 2\.1\.5/g) ?? []).length === 4, 'the last replies');
		await settledScreen(term, 600);
		const following = term.screen();

		expect(existsSync(output)).toBe(true);
		const written = readFileSync(output, 'latin1');
		expect(written).toContain(question);
		expect(written).not.toMatch(marginBytes);
		// Nothing of a report in the composer or anywhere on screen.
		expect(following).not.toMatch(/\?69|\$y|69;/);
		const rows = following.split('\n');
		const composer = rows.find(row => row.startsWith('>'));
		expect(composer?.trim()).toBe('>');

		// The same as a full redraw (another height, then this one again).
		term.resize(120, 30);
		await term.waitFor(() => term.screen().split('\n').length <= 30, 'the smaller window');
		await settledScreen(term, 600);
		term.resize(120, 40);
		await term.waitFor(() => term.screen().split('\n').length >= 39, 'the window back');
		await settledScreen(term, 600);
		expect(term.screen()).toEqual(following);
	});
});

describe('in a terminal with left/right margins (libvterm)', () => {
	it('moves the transcript as a rectangle, shows what a full redraw shows, and resets the margins on the way out', {timeout: 120_000}, async () => {
		const directory = e2e.scratchDirectory('smtp-explorer-margins-');
		const env: NodeJS.ProcessEnv = {PATH: process.env.PATH, HOME: directory, XDG_STATE_HOME: directory, TERM: 'xterm-256color', LANG: 'C.UTF-8'};
		const term = new VtermTerminal(120, 40, [process.execPath, cli, '--demo', '--ehlo', 'client.example.com'], env);
		e2e.afterThis(async () => term.stop());
		await term.waitFor(screen => screen.includes('220 demo.smtp-explorer.test ESMTP') && /─ session ─|─ connection ─/.test(screen), 'the banner and the sidebar');
		await term.keys('EHLO client.example.com\r');
		await term.waitFor(screen => /250[ -]STARTTLS|250[ -]PIPELINING/.test(screen), 'the EHLO reply');
		await term.keys(`${pasteStart}${lines.join('\r')}\r${pasteEnd}`);
		await term.waitFor(screen => screen.includes(`Paste of ${lines.length} lines`), 'the preview');
		await term.keys('\r');
		await term.waitFor(screen => (screen.match(/<- {2}252 2\.1\.5/g) ?? []).length === 4, 'the last replies');
		const following = await term.settled(600);
		const text = await term.text();

		const written = await term.output();
		expect(written).toContain(question);
		// The answer was not echoed by the tty (the app is in raw mode before it asks).
		expect(written).not.toContain('^[[?69');
		// Rectangle moves: DECLRMM on, margins set, and each reset in the same breath.
		expect(written).toMatch(/\u001B\[\?69h\u001B\[\d+;\d+r\u001B\[1;\d+s\u001B\[\d*S\u001B\[s\u001B\[\?69l\u001B\[r/);
		expect(text).not.toMatch(/\?69|\$y|69;/);
		expect(text.split('\n').find(row => row.startsWith('>'))?.trim()).toBe('>');

		await term.resize(120, 30);
		await term.waitFor(screen => !screen.includes('252 2.1.5') || screen.split('\n').length === 30, 'the smaller window');
		await term.settled(600);
		await term.resize(120, 40);
		await term.settled(600);
		const redrawn = await term.screen();
		const show = (screen: typeof redrawn) => screen.rows.map(row => row.map(([char, look]) => `${char}${look.slice(0, 24)}`).join(''));
		const rowText = (screen: typeof redrawn) => screen.rows.map(row => row.map(([char]) => char).join(''));
		expect(rowText(redrawn)).toEqual(rowText(following));
		expect(show(redrawn)).toEqual(show(following));

		// Quit (asked once: the transcript is not saved): the way out resets the margins before leaving the alternate screen.
		await term.keys('\u0003');
		await term.waitFor(screen => screen.includes('The transcript is not saved'), 'the question before quitting');
		await term.keys('\u0003');
		const start = Date.now();
		while (!(await term.output()).includes('\u001B[?1049l') && Date.now() - start < 10_000) await new Promise(resolve => setTimeout(resolve, 50));
		expect(await term.output()).toContain('\u001B[s\u001B[?69l\u001B[r\u001B[?2004l\u001B[?1049l');
	});
});
