/**
A large message sent from the full-screen explorer, on the built binary in a real terminal
(tmux), to a real SMTP server (smtp-server on loopback) that reads about 5 MB a second: the
status line shows the upload's bytes, total, percent, rate and time left with the key that
cancels it; Ctrl+C in the middle says the message was NOT sent, and the server delivered
nothing.
*/
import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {tempDir} from '../helpers/command-io.js';
import {eventually} from '../helpers/session.js';
import {type SlowServer, startSlowServer} from '../helpers/slow-smtp-server.js';
import {cli, hasTmux, type Terminal} from '../helpers/terminal.js';
import {useTerminals} from '../helpers/use-terminals.js';

const dir = tempDir();
const e2e = useTerminals();
let server: SlowServer;
let message: string;

beforeAll(async () => {
	const line = `${'x'.repeat(76)}\n`;
	message = join(dir.path, 'big.eml');
	// 20 MB: about four seconds at the server's pace.
	writeFileSync(message, `Subject: big\n\n${line.repeat(260_000)}`);
	server = await startSlowServer(200);
});

afterAll(async () => {
	await server.close();
	dir.remove();
});

const statusLine = (screen: string) => screen.split('\n').at(-1) ?? '';
const progress = /^ sending \d+\.\d MB of 20\.\d MB \(\d+%\), \d+\.\d [kM]B\/s, (\d+s|\d+m\d\ds) left {2}\^C cancel$/;

/** The explorer with the big message loaded, through DATA's 354 and both Ctrl+D: the upload has begun. */
async function startUpload(): Promise<Terminal> {
	const term = e2e.start(`node ${cli} 127.0.0.1:${server.port} --data ${message}; sleep 60`, {width: 100, height: 30, env: {XDG_STATE_HOME: join(dir.path, 'state')}});
	await term.waitFor('220 ', 'the banner');
	for (const [command, reply] of [['EHLO client.example.com', '250 '], ['MAIL FROM:<a@example.com>', '250 Accepted'], ['RCPT TO:<b@example.org>', /RCPT.*\n.*250 Accepted/]] as const) {
		await term.type(command);
		await term.keys('Enter');
		await term.waitFor(reply, command);
	}

	await term.type('DATA');
	await term.keys('Enter');
	await term.waitFor(/20,\d{3},\d{3} bytes, 260002 lines/, 'the message editor with the file');
	// A real server: the first Ctrl+D asks, the second sends.
	await term.keys('C-d');
	await term.waitFor('and the final dot? Ctrl+D again sends', 'the question');
	await term.keys('C-d');
	return term;
}

describe.runIf(hasTmux)('upload progress in the explorer', () => {
	it('shows bytes, total, percent, rate and time left in the status line, then the reply', {timeout: 90_000}, async () => {
		const delivered = server.delivered.length;
		const term = await startUpload();
		const during = await term.waitFor(screen => progress.test(statusLine(screen)), 'the progress in the status line', 20_000);
		expect(statusLine(during)).toMatch(progress);
		// It moves: a later line shows more bytes through.
		const first = Number(/sending (\d+\.\d) MB/.exec(statusLine(during))![1]);
		const later = await term.waitFor(screen => {
			const match = /sending (\d+\.\d) MB/.exec(statusLine(screen));
			return Boolean(match && Number(match[1]) > first);
		}, 'the progress to move', 20_000);
		expect(statusLine(later)).toMatch(progress);

		const done = await term.waitFor(/message accepted: OK/, 'the reply to the message', 30_000);
		expect(statusLine(done)).not.toMatch(/sending/);
		expect(server.delivered.length).toBe(delivered + 1);
		expect(server.delivered.at(-1)).toBeGreaterThan(20_000_000);
	});

	it('Ctrl+C in the middle cancels: the message is NOT sent, the connection closes, the server delivers nothing', {timeout: 90_000}, async () => {
		const delivered = server.delivered.length;
		const dropped = server.dropped.length;
		const term = await startUpload();
		await term.waitFor(screen => progress.test(statusLine(screen)), 'the progress in the status line', 20_000);
		await term.keys('C-c');
		const after = await term.waitFor(/upload cancelled: the message was NOT sent; the connection is closed \(Ctrl\+R reconnects\)/, 'the cancel message');
		expect(statusLine(after)).toMatch(/^ upload cancelled: the message was NOT sent/);
		expect(after).toMatch(/\*\*\* upload cancelled after \d+ of \d+ bytes: the message was NOT/);
		expect(after.split('\n')[0]).toMatch(/closed +F1 help$/);
		expect(after).not.toMatch(/delivery status unknown|message accepted/);

		await eventually(() => server.dropped.length > dropped, 'the server to drop the cut message', 10_000);
		expect(server.delivered.length).toBe(delivered);
	});
});
