/**
The built binary in tmux, receiving many lines while the transcript follows its newest line
with the sidebar beside it: the terminal writer (scripts/ink-writer.mjs) moves the rows with
line operations and repairs the sidebar cells they displaced. The screen tmux shows must be
the one a full redraw of the same state shows, styling included.
*/
import {describe, expect, it} from 'vitest';
// @ts-expect-error: a plain .mjs script, without type declarations
import {parseScreen} from '../../scripts/ansi-to-svg.mjs';
import {cli, hasTmux, type Terminal, settledScreen} from '../helpers/terminal.js';
import {useTerminals} from '../helpers/use-terminals.js';

const e2e = useTerminals();

const pasteStart = '\u001B[200~';
const pasteEnd = '\u001B[201~';

type Style = {fg?: string; bg?: string; bold: boolean; dim: boolean; italic: boolean; underline: boolean; inverse: boolean};

/**
What a user sees of a screen captured with escapes: each row's cells with the styling that
shows. A blank shows only its background, inverse and underline; blanks that show nothing
at the end of a row are dropped. (capture-pane -e also tells apart blanks whose invisible
attributes differ, which no one can see.)
*/
function visible(capture: string): string[] {
	return (parseScreen(capture) as Array<Array<{text: string; style: Style}>>).map(runs => {
		const cells: string[] = [];
		for (const {text, style} of runs) {
			const seen = [style.bg ?? '', style.inverse, style.underline].join(',');
			for (const char of text) cells.push(char === ' ' ? ` ${seen}` : `${char} ${[style.fg ?? '', style.bold, style.dim, style.italic, seen].join(',')}`);
		}

		while (cells.at(-1) === ' ,false,false') cells.pop();
		return cells.join('|');
	});
}

const settled = async (term: Terminal) => settledScreen(term, 600);

describe.runIf(hasTmux)('receiving lines while following, with the sidebar shown', () => {
	it('shows what a full redraw shows, after 40 replies arrive in bursts', {timeout: 120_000}, async () => {
		const directory = e2e.scratchDirectory('smtp-explorer-following-');
		const term = e2e.start(`node ${cli} --demo --ehlo client.example.com; sleep 60`, {width: 120, height: 40, env: {XDG_STATE_HOME: directory}});
		await term.waitFor(screen => screen.includes('220 demo.smtp-explorer.test ESMTP') && /─ session ─|─ connection ─/.test(screen), 'the banner and the sidebar');
		term.write('EHLO client.example.com\r');
		await term.waitFor(/250[ -]STARTTLS|250[ -]PIPELINING/, 'the EHLO reply');
		await settled(term);

		// Forty commands in one paste: their replies come in bursts, several per frame at times.
		term.write(`${pasteStart}${['NOOP', 'RSET', 'HELP', 'NOOP first', 'VRFY postmaster'].flatMap(line => Array.from({length: 8}, () => line)).join('\r')}\r${pasteEnd}`);
		await term.waitFor('Paste of 40 lines', 'the preview');
		term.write('\r');
		await term.waitFor('40 pasted lines sent', 'the lines sent');
		// The eight VRFY come last: all eight replies on screen.
		await term.waitFor(screen => (screen.match(/<- {2}252 2\.1\.5/g) ?? []).length === 8, 'the last replies');
		await settled(term);
		const following = term.screen({escapes: true, spaces: true});

		// What the app means to show: the pane ends with the newest reply, no blank rows, the sidebar intact.
		const rows = term.screen().split('\n');
		const separator = rows.findIndex(row => /^─{40,}/.test(row));
		const pane = rows.slice(1, separator);
		expect(pane.map(row => row.slice(0, 70).trim()).filter(row => row === '')).toEqual([]);
		expect(pane.some(row => /─ session ─|─ connection ─/.test(row))).toBe(true);
		expect(pane.filter(row => row.includes('│')).length).toBe(pane.length);

		// A full redraw of the same state: another height, then this one again (a frame of
		// another height is erased and written whole).
		term.resize(120, 30);
		await term.waitFor(() => term.screen().split('\n').length <= 30, 'the smaller window');
		await settled(term);
		term.resize(120, 40);
		await term.waitFor(() => term.screen().split('\n').length === 39 || term.screen().split('\n').length === 40, 'the window back');
		await settled(term);
		const redrawn = term.screen({escapes: true, spaces: true});
		expect(visible(following)).toEqual(visible(redrawn));
	});
});
