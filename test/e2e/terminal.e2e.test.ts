/**
The terminal is the user's: whatever happens, it must come back as it was. These tests
kill the app with SIGTERM and SIGHUP (an SSH link dropping), resize the window under it,
and run it with NO_COLOR, in a real terminal (tmux) with the built binary.
*/
import {execFileSync, spawnSync} from 'node:child_process';
import {describe, expect, it} from 'vitest';
import {cli, hasTmux, type Terminal} from '../helpers/terminal.js';
import {useTerminals} from '../helpers/use-terminals.js';

const hasScreen = spawnSync('screen', ['-v']).error === undefined;

const e2e = useTerminals();

function open(command: string, env: Record<string, string> = {}, width = 100, height = 30): Terminal {
	return e2e.start(command, {width, height, env: {XDG_STATE_HOME: e2e.scratchDirectory('smtp-explorer-e2e-'), ...env}});
}

/** The pid of the app: the one child of the pane's shell while the app runs (it names itself smtp-explorer). */
function appPid(terminal: Terminal): number {
	const shell = terminal.panePid();
	return Number(execFileSync('pgrep', ['-P', String(shell)], {encoding: 'utf8'}).trim().split('\n')[0]);
}

describe.runIf(hasTmux)('the terminal comes back', () => {
	for (const signal of ['SIGTERM', 'SIGHUP'] as const) {
		it(`after ${signal}: main screen back, cooked mode, exit code 128+n`, {timeout: 40_000}, async () => {
			const term = open(`printf 'before-the-app\\n'; node ${cli} --demo; printf 'exit=%s\\n' "$?"; stty -a | tr ' ' '\\n' | grep -x -- '-*icanon'; sleep 60`);
			await term.waitFor('220 demo.smtp-explorer.test', 'the banner');
			process.kill(appPid(term), signal);
			// stty prints after the exit line: wait for its answer, whichever it is.
			const after = await term.waitFor(/^-?icanon$/m, 'the exit and the tty mode');
			expect(after).toMatch(new RegExp(`exit=${signal === 'SIGTERM' ? 143 : 129}`));
			expect(after).toMatch(/^before-the-app$/m);
			expect(after).toMatch(/^icanon$/m);
			expect(after).not.toMatch(/smtp-explorer {2}127\.0\.0\.1/);
		});
	}

	it('re-lays out at once when the window is resized, and explains when it is too small', {timeout: 40_000}, async () => {
		const term = open(`node ${cli} --demo; sleep 60`, {}, 90, 26);
		const narrow = await term.waitFor('220 demo.smtp-explorer.test', 'the banner');
		expect(narrow).not.toMatch(/─ session ─/);
		term.resize(130, 40);
		// The app draws 39 rows: it leaves the terminal's last row empty (see reservedRows).
		const wide = await term.waitFor(screen => /─ session ─/.test(screen) && screen.split('\n').length === 39, 'the sidebar beside the transcript, 39 rows tall');
		expect(wide.split('\n')[0]!.length).toBeGreaterThan(100);
		term.resize(60, 20);
		await term.waitFor('smtp-explorer needs at least 80x24', 'the too-small message');
		term.resize(100, 30);
		await term.waitFor('220 demo.smtp-explorer.test', 'the layout again');
	});

	it('with NO_COLOR the screen has no colour, yet directions and failures are told apart', {timeout: 40_000}, async () => {
		const term = open(`node ${cli} --demo; sleep 60`, {NO_COLOR: '1'});
		await term.waitFor('220 demo.smtp-explorer.test', 'the banner');
		await term.type('RCPT TO:<a@example.org>');
		await term.keys('Enter', 'Enter');
		await term.waitFor(/<- {2}503/, 'the refusal');
		const styled = term.screen({escapes: true});
		// SGR colour parameters: 30-38, 40-48, 90-97, 100-107 (39 and 49 only reset to the default).
		const parameters = [...styled.matchAll(/\u001B\[([\d;]*)m/g)].flatMap(match => match[1]!.split(';'));
		expect(parameters.filter(code => /^(3[0-8]|4[0-8]|9[0-7]|10[0-7])$/.test(code))).toEqual([]);
		// Bold (1) marks the failure reply and the header instead of colour.
		expect(parameters).toContain('1');
		expect(styled).toMatch(/\u001B\[[\d;]*\b1m[^\n]*<- {2}503/);
		expect(term.screen()).toMatch(/ -> RCPT TO:<a@example\.org>/);
	});

	it.runIf(hasScreen)('works inside GNU screen (TERM=screen)', {timeout: 40_000}, async () => {
		// screen outlives its terminal (it detaches): end it by name when the test ends.
		const session = `smtp-explorer-e2e-${process.pid}`;
		e2e.afterThis(() => spawnSync('screen', ['-S', session, '-X', 'quit']));
		const term = open(`screen -q -S ${session} sh -c 'node ${cli} --demo; sleep 60'`, {});
		await term.waitFor('220 demo.smtp-explorer.test', 'the banner');
		await term.type('EHLO client.example.com');
		await term.keys('Enter');
		const screen = await term.waitFor('250 SIZE 26214400', 'the EHLO reply');
		expect(screen.split('\n')[0]).toMatch(/^ smtp-explorer {2}127\.0\.0\.1:\d+/);
		expect(screen).toMatch(/^>/m);
	});

	it('works with TERM=xterm', {timeout: 40_000}, async () => {
		const term = open(`node ${cli} --demo; sleep 60`, {TERM: 'xterm'});
		await term.waitFor('220 demo.smtp-explorer.test', 'the banner');
		await term.keys('F1');
		await term.waitFor('keys · Esc closes', 'the help overlay');
		await term.keys('Escape');
		await term.waitFor(/^>/m, 'the composer again');
	});
});
