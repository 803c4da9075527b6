/**
`view` opens a file of any size at once and answers at once: the built binary in a real
terminal (tmux). The file is a few transcript lines followed by a terabyte-long sparse hole
(no disk used): reading it all would take minutes, so the viewer can only pass these tests
by drawing before the background pass ends and by quitting in the middle of it.
*/
import {execFileSync} from 'node:child_process';
import {existsSync, readdirSync, readFileSync, statSync, truncateSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {formatJsonLines} from '../../source/protocol/transcript-format.js';
import type {TranscriptEntry} from '../../source/protocol/transcript.js';
import {tempDir} from '../helpers/command-io.js';
import {cli, hasTmux, type Terminal} from '../helpers/terminal.js';
import {useTerminals} from '../helpers/use-terminals.js';

const dir = tempDir();
const e2e = useTerminals();
afterAll(() => dir.remove());

let huge: string;
beforeAll(() => {
	const start = Date.parse('2026-01-01T12:00:00Z');
	const entries: TranscriptEntry[] = [
		{id: 1, at: start, kind: 'received', tls: false, text: '220 mx.example.com ESMTP', code: 220, final: true},
		{id: 2, at: start + 5, kind: 'sent', tls: false, text: 'EHLO client.example.com'},
	];
	huge = dir.file('huge.jsonl', formatJsonLines(entries));
	truncateSync(huge, 2 ** 40);
});

/** Each start writes its code cache into a state directory of the test's own, not the user's. */
function open(command: string, state = join(dir.path, 'state')): Terminal {
	return e2e.start(command, {width: 100, height: 30, env: {XDG_STATE_HOME: state}});
}

const appPid = (terminal: Terminal) => Number(execFileSync('pgrep', ['-P', String(terminal.panePid())], {encoding: 'utf8'}).trim().split('\n')[0]);

describe.runIf(hasTmux)('view of a file too large to read before drawing', () => {
	it('draws the first lines while it is still reading, and q quits in the middle of the reading', {timeout: 40_000}, async () => {
		const term = open(`node ${cli} view ${huge}; printf 'exit=%s\\n' "$?"; sleep 60`);
		const first = await term.waitFor('EHLO client.example.com', 'the first lines');
		expect(first).toMatch(/huge\.jsonl {2}2 lines so far, reading \d+% {2}read-only/);
		await term.keys('q');
		await term.waitFor(/^exit=0$/m, 'the viewer to quit');
	});

	it('the status line says how much of the file is read, how fast and how long is left, in English and in Portuguese', {timeout: 40_000}, async () => {
		const term = open(`node ${cli} view ${huge}; sleep 60`);
		// The pass has read a few gigabytes of the terabyte after a second or two.
		const screen = await term.waitFor(/^ reading [\d.]+ [kMG]?B of 1\.1 TB \(\d+%\)/m, 'the reading in the status line', 20_000);
		expect(screen.split('\n').at(-1)).toMatch(/^ reading [\d.]+ [kMG]?B of 1\.1 TB \(\d+%\), [\d.]+ [kMG]?B\/s, (\d+s|\d+m\d\ds) left {2}\/ search/);

		const pt = e2e.start(`node ${cli} view ${huge}; sleep 60`, {width: 100, height: 30, env: {LANG: 'pt_BR.UTF-8'}});
		const emPortugues = await pt.waitFor(/^ lendo [\d.]+ [kMG]?B de 1\.1 TB \(\d+%\), [\d.]+ [kMG]?B\/s, faltam /m, 'the reading in Portuguese', 20_000);
		// The header's "reading N%" is in the table too.
		expect(emPortugues.split('\n')[0]).toMatch(/2 linhas até agora, lendo \d+% {2}somente leitura/);
		expect(emPortugues).not.toMatch(/reading/);
	});

	it('Ctrl+C quits too; SIGHUP (the terminal gone) ends it with 129', {timeout: 40_000}, async () => {
		const term = open(`node ${cli} view ${huge}; printf 'exit=%s\\n' "$?"; sleep 60`);
		await term.waitFor('EHLO client.example.com', 'the first lines');
		await term.keys('C-c');
		await term.waitFor(/^exit=0$/m, 'Ctrl+C to quit');

		const again = open(`node ${cli} view ${huge}; printf 'exit=%s\\n' "$?"; sleep 60`);
		await again.waitFor('EHLO client.example.com', 'the first lines');
		process.kill(appPid(again), 'SIGHUP');
		await again.waitFor(/^exit=129$/m, 'the viewer to stop on SIGHUP');
	});

	it('starts from its own V8 code cache: written after the first screen, used as is next time, a damaged one replaced', {timeout: 60_000}, async () => {
		const state = join(dir.path, 'cache-state');
		const cacheDirectory = join(state, 'smtp-explorer', 'code-cache');
		const files = () => (existsSync(cacheDirectory) ? readdirSync(cacheDirectory).filter(name => name.endsWith('.v8')) : []);
		const until = async (condition: () => boolean, what: string) => {
			const start = Date.now();
			while (!condition()) {
				if (Date.now() - start > 20_000) throw new Error(`timed out waiting for ${what}; cache files: ${files().join(', ')}`);
				await new Promise(resolve => setTimeout(resolve, 50));
			}
		};

		const run = async (then: () => Promise<void>) => {
			const term = open(`node ${cli} view ${huge}; printf 'exit=%s\\n' "$?"; sleep 60`, state);
			await term.waitFor('EHLO client.example.com', 'the first lines');
			await then();
			await term.keys('q');
			await term.waitFor(/^exit=0$/m, 'the viewer to quit');
		};

		// First start: no cache yet; view's own file appears once the first screen is out.
		await run(async () => until(() => files().length === 1, 'the cache file'));
		const [name] = files();
		expect(name).toMatch(new RegExp(`^view-[\\da-f]{16}-node${process.version.slice(1).replaceAll('.', '\\.')}-${process.arch}-[\\da-f]{8}\\.v8$`));
		const file = join(cacheDirectory, name!);
		const written = {bytes: readFileSync(file), mtime: statSync(file).mtimeMs};

		// Second start: V8 takes the cache, so it is not written again.
		await run(async () => new Promise(resolve => setTimeout(resolve, 500)));
		expect(files()).toEqual([name]);
		expect(statSync(file).mtimeMs).toBe(written.mtime);
		expect(readFileSync(file).equals(written.bytes)).toBe(true);

		// A damaged cache: ignored, the viewer draws all the same, and a good one replaces it.
		writeFileSync(file, 'damaged');
		await run(async () => until(() => readFileSync(file).length > 1000, 'the damaged cache to be replaced'));
	});

	it('a search through a big file shows how far it is, finds a match on the last line, and Ctrl+C stops the next one without quitting', {timeout: 90_000}, async () => {
		// 1,200,000 lines (~130 MB): a search that looks at all of them takes seconds, long enough for its progress line.
		const count = 1_200_000;
		const start = Date.parse('2026-01-01T12:00:00Z');
		const line = (id: number, text: string) => `${JSON.stringify({id, time: new Date(start + id).toISOString(), dir: id % 2 === 0 ? 'send' : 'recv', tls: false, text})}\n`;
		const parts: string[] = [];
		for (let id = 1; id < count; id++) parts.push(line(id, id % 2 === 0 ? 'NOOP' : '250 2.0.0 OK'));
		parts.push(line(count, '250 2.0.0 needle-at-the-end'));
		const big = dir.file('big.jsonl', parts.join(''));

		const term = open(`node ${cli} view ${big}; printf 'exit=%s\\n' "$?"; sleep 60`);
		await term.waitFor(`${count} lines  read-only`, 'the whole file indexed', 30_000);
		await term.keys('/');
		await term.type('needle-at-the-end');
		await term.keys('Enter');
		const searching = /^ searching for "needle-at-the-end": \d+% of 1200000 lines {2}\^C cancel/m;
		await term.waitFor(searching, 'the search progress in the status line', 20_000);
		// Found: the cursor's line is explained below the pane.
		let screen = await term.waitFor(current => !searching.test(current) && current.includes('needle-at-the-end') && /250 2\.0\.0 needle-at-the-end[\s\S]*\n.*250/.test(current), 'the match on the last line', 40_000);
		expect(screen).not.toContain('no line matches');

		// n looks for the next one, from the last line round to itself: all the lines again. Ctrl+C stops it.
		await term.keys('n');
		await term.waitFor(searching, 'the second search under way', 20_000);
		await term.keys('C-c');
		screen = await term.waitFor(/^ stopped searching for "needle-at-the-end" after \d+% of the lines/m, 'the search stopped', 10_000);
		expect(screen).not.toMatch(/^exit=/m);
		// The viewer is still there and answers keys; q quits it.
		await term.keys('q');
		await term.waitFor(/^exit=0$/m, 'the viewer to quit');
	});

	it('a missing file says "file not found"; a device is refused', {timeout: 20_000}, async () => {
		const term = open(`node ${cli} view ${dir.path}/nope.txt; node ${cli} view /dev/zero; sleep 60`);
		const screen = await term.waitFor(/not a regular file/, 'both messages');
		expect(screen).toContain(`smtp-explorer view: "${dir.path}/nope.txt": file not found`);
		expect(screen).toContain('smtp-explorer view: "/dev/zero" is not a regular file (a device or a pipe cannot be viewed)');
	});
});
