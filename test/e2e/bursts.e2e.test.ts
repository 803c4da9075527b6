/**
The built binary in tmux, with keys as a fast typist, a mouse wheel or an SSH link deliver
them: many keys in ONE write (tmux send-keys -H). Each burst must do what the same keys do
one at a time; a paste is what the terminal marks as one (bracketed paste), and quitting
with an unsaved transcript asks once, with a default that saves it.
*/
import {readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {cli, hasTmux, type Terminal, settledScreen} from '../helpers/terminal.js';
import {useTerminals} from '../helpers/use-terminals.js';

const e2e = useTerminals();

const up = '\u001B[A';
const pageUp = '\u001B[5~';
const left = '\u001B[D';
const shiftTab = '\u001B[Z';
const ctrlG = '\u0007';
const pasteStart = '\u001B[200~';
const pasteEnd = '\u001B[201~';

function open(width: number, height: number): {term: Terminal; directory: string} {
	const directory = e2e.scratchDirectory('smtp-explorer-bursts-');
	const term = e2e.start(`cd '${directory}' && node ${cli} --demo --ehlo client.example.com; printf 'exit=%s\\n' "$?"; sleep 60`, {width, height, env: {XDG_STATE_HOME: directory}});
	return {term, directory};
}

/** The transcript rows and the explanation panel: everything but the header, the composer and the status bar. */
const body = (screen: string) => screen.split('\n').slice(2, -5).join('\n');

const settled = async (term: Terminal) => settledScreen(term, 400);

describe.runIf(hasTmux)('bursts of keys in one write', () => {
	it('eight Up, three PgUp, noop+Enter, abc+Left+d each in one write; a bracketed paste of four lines is previewed', {timeout: 120_000}, async () => {
		const {term} = open(100, 32);
		await term.waitFor('220 demo.smtp-explorer.test ESMTP', 'the banner');
		// Enough history for pages: a paste of 30 NOOPs, sent after its preview.
		term.write(`${pasteStart}${'NOOP\r'.repeat(30)}${pasteEnd}`);
		await term.waitFor('Paste of 30 lines', 'the preview of 30 lines');
		term.write('\r');
		await term.waitFor(screen => (screen.match(/<- {2}250 2\.0\.0/g) ?? []).length >= 5 && /30 pasted lines sent/.test(screen), 'the NOOP replies');
		await settled(term);

		// noop and Enter in one write: NOOP goes out, no paste preview.
		term.write('noop\r');
		const sent = await term.waitFor(/-> noop/, 'noop sent');
		expect(sent).not.toMatch(/Paste of/);

		// abc, Left, d in one write: the composer holds abdc.
		term.write(`abc${left}d`);
		await term.waitFor(/^> abdc/m, 'abdc in the composer');
		term.write('\u0015');
		await term.waitFor(screen => !/^> abdc/m.test(screen), 'the composer cleared');

		// Eight Up in one write move the line cursor as eight Up one at a time do (and not as one).
		term.write(shiftTab);
		await settled(term);
		term.write(up);
		const one = body(await settled(term));
		term.write(up.repeat(7));
		const separately = body(await settled(term));
		expect(separately).not.toBe(one);
		term.write('\u001B[F');
		await settled(term);
		term.write(up.repeat(8));
		expect(body(await settled(term))).toBe(separately);

		// Three PgUp in one write scroll as three PgUp one at a time do.
		term.write('\u001B');
		await settled(term);
		term.write(ctrlG);
		await settled(term);
		for (let page = 0; page < 3; page++) {
			term.write(pageUp);
			await settled(term);
		}

		const threeSeparately = body(term.screen({escapes: true}));
		term.write(ctrlG);
		await settled(term);
		term.write(pageUp);
		const onePage = body(await settled(term));
		expect(onePage).not.toBe(threeSeparately);
		term.write(ctrlG);
		await settled(term);
		term.write(pageUp.repeat(3));
		expect(body(await settled(term))).toBe(threeSeparately);

		// A bracketed paste of four lines opens the preview; Esc sends nothing.
		term.write(`${ctrlG}${pasteStart}RSET\rNOOP\rHELP\rNOOP\r${pasteEnd}`);
		await term.waitFor('Paste of 4 lines', 'the preview');
		term.write('\u001B');
		await term.waitFor('paste cancelled: nothing was sent', 'the paste dropped');
	});

	it('quitting with an unsaved transcript asks once; Enter saves it to the named file, then QUIT is sent', {timeout: 60_000}, async () => {
		const {term, directory} = open(80, 24);
		await term.waitFor('220 demo.smtp-explorer.test ESMTP', 'the banner');
		term.write('NOOP\r');
		await term.waitFor(/250 2\.0\.0/, 'the NOOP reply');
		term.write('\u0003');
		const asked = await term.waitFor('The transcript is not saved', 'the question');
		expect(asked).toMatch(/^> smtp-127\.0\.0\.1-\d{8}-\d{6}\.txt/m);
		term.write('\r');
		await term.waitFor(/^exit=0$/m, 'the exit');
		const saved = readdirSync(directory).filter(name => /^smtp-127\.0\.0\.1-.*\.txt$/.test(name));
		expect(saved).toHaveLength(1);
		expect(readFileSync(join(directory, saved[0]!), 'utf8')).toMatch(/NOOP/);
	});

	it('at 80x24 the status bar keeps help and quit, and F4 shows the session details that the strip cannot', {timeout: 60_000}, async () => {
		const {term} = open(80, 24);
		const screen = await term.waitFor('220 demo.smtp-explorer.test ESMTP', 'the banner');
		expect(screen.split('\n').at(-1)).toMatch(/F1 help {2}\^C quit/);
		term.write('\u001BOS');
		await term.waitFor(/─ session ─|─ connection ─/, 'the sidebar');
	});

	it('after a resize from 80x24 to 120x40 mid-session the pane is filled with the newest lines, no blank rows', {timeout: 60_000}, async () => {
		const {term} = open(80, 24);
		await term.waitFor('220 demo.smtp-explorer.test ESMTP', 'the banner');
		term.write(`${pasteStart}${'NOOP\r'.repeat(30)}${pasteEnd}`);
		await term.waitFor('Paste of 30 lines', 'the preview');
		term.write('\r');
		await term.waitFor('30 pasted lines sent', 'the lines sent');
		await term.waitFor(screen => (screen.match(/<- {2}250 2\.0\.0/g) ?? []).length >= 6, 'the replies');
		await settled(term);
		term.resize(120, 40);
		const tall = await term.waitFor(screen => /─ session ─|─ connection ─/.test(screen) && screen.split('\n').length === 39, 'the wide layout');
		const rows = tall.split('\n');
		const separator = rows.findIndex(row => /^─{20,}/.test(row));
		const pane = rows.slice(1, separator).map(row => row.slice(0, 70).trim());
		expect(pane.filter(row => row === '')).toEqual([]);
		expect(pane.at(-1)).toMatch(/<- {2}250 2\.0\.0 OK/);
	});
});
