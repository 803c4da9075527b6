import {type ChildProcess, spawn} from 'node:child_process';
import {connect} from 'node:net';
import {afterEach, beforeAll, describe, expect, it} from 'vitest';
import {main as send} from '../../source/commands/send.js';
import {fakeIo, tempDir} from '../helpers/command-io.js';
import {cli, ensureBuilt} from '../helpers/terminal.js';
import {watchOutput} from '../helpers/child-output.js';

/** `smtp-explorer demo-server` as users run it: the built binary, in its own process. */

type Running = {child: ChildProcess; output: () => string; exited: Promise<number | null>; waitFor: (pattern: RegExp) => Promise<RegExpMatchArray>};

const children: ChildProcess[] = [];
const dir = tempDir();

beforeAll(() => {
	ensureBuilt();
});

afterEach(() => {
	for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

function start(args: string[]): Running {
	const child = spawn(process.execPath, [cli, 'demo-server', ...args], {stdio: ['ignore', 'pipe', 'pipe'], env: {...process.env, NO_COLOR: '1'}});
	children.push(child);
	const exited = new Promise<number | null>(resolve => child.on('exit', code => resolve(code)));
	return {child, exited, ...watchOutput(child)};
}

describe('smtp-explorer demo-server', () => {
	it('listens on a port the system picks (--port 0), writes its CA, takes a verified STARTTLS + AUTH session, and stops on SIGTERM', async () => {
		const caFile = `${dir.path}/demo-ca.pem`;
		const server = start(['--port', '0', '--ca-out', caFile]);
		const [, port] = await server.waitFor(/demo SMTP server listening on 127\.0\.0\.1:(\d+)\n/);
		expect(Number(port)).toBeGreaterThan(0);
		expect(server.output()).toContain(`demo CA certificate written to ${caFile}`);

		// send verifies the certificate against the CA file (verification is on by default).
		const run = fakeIo({env: {SMTP_EXPLORER_PASSWORD: 'demo-password'}});
		const code = await send([`127.0.0.1:${port}`, '--ca', caFile, '--user', 'demo', '--from', 'a@example.com', '--to', 'b@example.org', '--subject', 'from the test', '--body', 'hello'], run.io);
		expect(run.stderr).toBe('');
		expect(code).toBe(0);
		await server.waitFor(/message #\d+ accepted: \d+ bytes from <a@example\.com> to <b@example\.org>, subject: from the test\n/);
		// Said once, not once by the server's log and again by the command.
		expect(server.output().match(/accepted/g)).toHaveLength(1);

		server.child.kill('SIGTERM');
		expect(await server.exited).toBe(0);
	});

	it('escapes what clients send before printing it', async () => {
		const server = start([]);
		const [, port] = await server.waitFor(/demo SMTP server listening on 127\.0\.0\.1:(\d+)\n/);
		// A raw client: the subject carries an escape sequence that would clear the screen.
		const socket = connect(Number(port), '127.0.0.1');
		const lines = ['EHLO raw.example', 'MAIL FROM:<a@example.com>', 'RCPT TO:<b@example.org>', 'DATA', 'Subject: \u001B[2Jgotcha\r\n\r\nbody\r\n.', 'QUIT'];
		socket.on('data', () => {
			const next = lines.shift();
			if (next !== undefined) socket.write(`${next}\r\n`);
		});
		await server.waitFor(/accepted: .* subject: .*gotcha\n/);
		socket.destroy();
		expect(server.output()).not.toContain('\u001B');
		expect(server.output()).toContain('subject: \\x1b[2Jgotcha\n');
		server.child.kill('SIGTERM');
		expect(await server.exited).toBe(0);
	});

	it('refuses a port that is not one, and listens on nothing', async () => {
		const server = start(['--port', '70000']);
		expect(await server.exited).toBe(2);
		expect(server.output()).toBe('smtp-explorer demo-server: "70000" is not a valid port (0-65535)\n');
	});

	it.each(['0.0.0.0', '::', '192.0.2.10'])('refuses --host %s, an address other machines may reach, without --public, and listens on nothing', async host => {
		const server = start(['--host', host, '--port', '0']);
		expect(await server.exited).toBe(2);
		expect(server.output()).toBe(`smtp-explorer demo-server: refusing to listen on "${host}", which other machines may reach: the demo password is published and the server takes mail from anyone. Use the default 127.0.0.1, or add --public if you mean it\n`);
	});
});
