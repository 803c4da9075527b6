import {spawn, spawnSync} from 'node:child_process';
import {readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {SMTPServer} from 'smtp-server';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {tempDir} from '../helpers/command-io.js';
import {cli, ensureBuilt} from '../helpers/terminal.js';

/**
`send` of a 50 MB body as users run it: the built binary with stderr on a pseudo-terminal
(util-linux `script`), against a real SMTP server (smtp-server) that reads the message at
about 25 MB/s so the send lasts long enough to report on. Progress appears, redrawn a
bounded number of times; with stderr redirected to a file there is none anywhere.
*/

const hasScript = spawnSync('script', ['--version']).status === 0;
const dir = tempDir();
const bodySize = 50 * 1024 * 1024;
let server: SMTPServer;
let port = 0;
const received: number[] = [];

beforeAll(async () => {
	ensureBuilt();
	const line = `${'x'.repeat(76)}\n`;
	writeFileSync(join(dir.path, 'body.txt'), line.repeat(Math.ceil(bodySize / line.length)));
	server = new SMTPServer({
		disabledCommands: ['STARTTLS', 'AUTH'],
		logger: false,
		onData(stream, _session, callback) {
			let bytes = 0;
			let sinceBreak = 0;
			stream.on('data', (chunk: Buffer) => {
				bytes += chunk.length;
				sinceBreak += chunk.length;
				// A slow reader: a 40 ms pause every MiB.
				if (sinceBreak >= 1024 * 1024) {
					sinceBreak = 0;
					stream.pause();
					setTimeout(() => stream.resume(), 40);
				}
			});
			stream.on('end', () => {
				received.push(bytes);
				callback();
			});
		},
	});
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	port = (server.server.address() as {port: number}).port;
});

afterAll(async () => {
	await new Promise<void>(resolve => server.close(() => resolve()));
	dir.remove();
});

/** Runs send inside `script`: stdin, stdout and stderr on a pseudo-terminal unless `redirect` moves stderr. */
async function sendInTerminal(redirect = ''): Promise<{output: string; code: number | null; ms: number}> {
	const command = `node ${cli} send 127.0.0.1:${port} --from a@example.com --to b@example.org --subject big --body-file ${join(dir.path, 'body.txt')}${redirect}`;
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
		expect(received.at(-1)).toBeGreaterThan(bodySize);
		const draws = output.split('\r\u001B[2K').filter(part => part.startsWith('sending '));
		expect(draws.length).toBeGreaterThan(0);
		// At most one redraw per 250 ms of the run, whatever the number of pieces written.
		expect(draws.length).toBeLessThanOrEqual(Math.ceil(ms / 250) + 1);
		expect(draws[0]).toMatch(/^sending \d+\.\d MB of 5\d\.\d MB \(\d+%\), \d+\.\d [kM]B\/s, (\d+s|\d+m\d\ds) left$/);
		// Erased before the summary: the summary starts on a clean line.
		expect(output).toMatch(/\r\u001B\[2Ksent: 250 /);
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
