import {spawn, spawnSync} from 'node:child_process';
import {readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {tempDir} from '../helpers/command-io.js';
import {type SlowServer, startSlowServer} from '../helpers/slow-smtp-server.js';
import {cli, ensureBuilt} from '../helpers/terminal.js';

/**
`send` of a 50 MB body as users run it: the built binary with stderr on a pseudo-terminal
(util-linux `script`), against a real SMTP server (smtp-server) that reads the message at
about 25 MB/s so the send lasts long enough to report on. Progress appears, redrawn a
bounded number of times; with --json, or with stderr redirected to a file, there is none anywhere.
*/

const hasScript = spawnSync('script', ['--version']).status === 0;
const dir = tempDir();
const bodySize = 50 * 1024 * 1024;
let server: SlowServer;
let port = 0;

beforeAll(async () => {
	ensureBuilt();
	const line = `${'x'.repeat(76)}\n`;
	writeFileSync(join(dir.path, 'body.txt'), line.repeat(Math.ceil(bodySize / line.length)));
	// A slow reader: a 40 ms pause every MiB.
	server = await startSlowServer(40);
	port = server.port;
});

afterAll(async () => {
	await server.close();
	dir.remove();
});

/** Runs send inside `script`: stdin, stdout and stderr on a pseudo-terminal unless `extra` (flags, a redirection) moves stderr. */
async function sendInTerminal(extra = ''): Promise<{output: string; code: number | null; ms: number}> {
	const command = `node ${cli} send 127.0.0.1:${port} --from a@example.com --to b@example.org --subject big --body-file ${join(dir.path, 'body.txt')}${extra}`;
	const {CI: _ci, ...env} = process.env;
	const started = performance.now();
	const child = spawn('script', ['-qfec', command, '/dev/null'], {stdio: ['ignore', 'pipe', 'inherit'], env});
	let output = '';
	child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
	const code = await new Promise<number | null>(resolve => child.on('close', resolve));
	return {output, code, ms: performance.now() - started};
}

describe.runIf(hasScript)('send progress on a terminal', () => {
	it('a 50 MB send reports bytes, total, rate and time left on the terminal, a few times a second, and erases it', {timeout: 120_000}, async () => {
		const {output, code, ms} = await sendInTerminal();
		expect(code).toBe(0);
		expect(server.delivered.at(-1)).toBeGreaterThan(bodySize);
		const draws = output.split('\r\u001B[2K').filter(part => part.startsWith('sending '));
		expect(draws.length).toBeGreaterThan(0);
		// At most one redraw per 250 ms of the run, whatever the number of pieces written.
		expect(draws.length).toBeLessThanOrEqual(Math.ceil(ms / 250) + 1);
		expect(draws[0]).toMatch(/^sending \d+\.\d MB of 5\d\.\d MB \(\d+%\), \d+\.\d [kM]B\/s, (\d+s|\d+m\d\ds) left$/);
		// Erased before the summary: the summary starts on a clean line.
		expect(output).toMatch(/\r\u001B\[2Ksent: 250 /);
	});

	it('with --json, nothing on the terminal\'s stderr either: the report is the only output', {timeout: 120_000}, async () => {
		const {output, code} = await sendInTerminal(' --json');
		expect(code).toBe(0);
		expect(output).not.toContain('sending ');
		expect(output).not.toContain('\u001B[2K');
		const report = JSON.parse(output.trim()) as {bytes: number; final: {code: number}};
		expect(report.final.code).toBe(250);
		expect(report.bytes).toBeGreaterThan(bodySize);
	});

	it('with stderr redirected to a file, nothing: not in the file, not on the terminal', {timeout: 120_000}, async () => {
		const errors = join(dir.path, 'stderr.txt');
		const {output, code} = await sendInTerminal(` 2>${errors}`);
		expect(code).toBe(0);
		expect(output).toMatch(/^sent: 250 /m);
		expect(output).not.toContain('sending ');
		expect(output).not.toContain('\u001B[2K');
		expect(readFileSync(errors, 'utf8')).toBe('');
	});
});
