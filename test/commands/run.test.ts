import {readFileSync, statSync} from 'node:fs';
import {join} from 'node:path';
import {beforeAll, describe, expect, it} from 'vitest';
import {main} from '../../source/commands/run.js';
import type {DemoServer} from '../../source/demo/server.js';
import {exportScript} from '../../source/protocol/session-export.js';
import {plainResponse} from '../../source/protocol/sasl.js';
import {closedPort, fakeIo, useCommandServers} from '../helpers/command-io.js';
import type {FakeConnection} from '../helpers/fake-smtp-server.js';
import {eventually, useFakeSessions} from '../helpers/session.js';
import {createTestPki} from '../helpers/test-certs.js';

const servers = useCommandServers();
const {dir, fake} = servers;
let demo: DemoServer;
let caFile: string;
let testCaFile: string;
beforeAll(() => {
	({demo, caFile, testCaFile} = servers);
});

const {session} = useFakeSessions();

let scripts = 0;
async function run(script: string, argv: string[], env: NodeJS.ProcessEnv = {}) {
	const path = dir.file(`script-${++scripts}.smtp`, script);
	const io = fakeIo({env});
	const code = await main([path, ...argv], io.io);
	return {code, stdout: io.stdout, stderr: io.stderr, path};
}

const demoSecret = plainResponse({user: 'demo', password: 'demo-password'});

const demoScript = `# a whole session against the demo server
EXPECT 220
EHLO client.example.com
EXPECT 250
STARTTLS
EXPECT 220
EHLO client.example.com
EXPECT 2xx

AUTH PLAIN \${DEMO_AUTH}
EXPECT 235 2.7.0
MAIL FROM:<alice@example.com>
EXPECT 250
RCPT TO:<bob@example.org>
EXPECT 250 2.1.5
DATA
Subject: scripted
# not a comment inside DATA

.leading dot
..
.
EXPECT 2xx
QUIT
EXPECT 221
`;

describe('run against the demo server', () => {
	it('replays a whole session: every expectation holds, the message arrives intact, the transcript file has no secret', async () => {
		const count = demo.messages.length;
		const transcript = join(dir.path, 'demo-run.jsonl');
		const {code, stdout, stderr, path} = await run(demoScript, [`${demo.host}:${demo.port}`, '--ca', caFile, '--transcript', transcript], {DEMO_AUTH: demoSecret});
		expect(stderr).toBe('');
		expect(code).toBe(0);
		expect(stdout).toBe(`${path}: 8 commands sent, 9 expectations met\n`);
		expect(demo.messages).toHaveLength(count + 1);
		const message = demo.messages.at(-1)!;
		expect(message).toMatchObject({authUser: 'demo', tls: true, recipients: ['bob@example.org']});
		expect(message.raw.toString()).toBe('Subject: scripted\r\n# not a comment inside DATA\r\n\r\n.leading dot\r\n.\r\n');
		const saved = readFileSync(transcript, 'utf8');
		expect(statSync(transcript).mode & 0o777).toBe(0o600);
		expect(saved).toContain('"text":"AUTH PLAIN <redacted>"');
		expect(saved).not.toContain(demoSecret);
		expect(saved).not.toContain('demo-password');
	});

	it('stops at the first failed expectation with exit 1: the line, what was expected, what came back, the transcript so far', async () => {
		const script = 'EHLO client.example.com\nMAIL FROM:<alice@example.com>\nEXPECT 250\nRCPT TO:<nobody@example.org>\nEXPECT 250\nRCPT TO:<bob@example.org>\n';
		const {code, stdout, stderr, path} = await run(script, [`${demo.host}:${demo.port}`]);
		expect(code).toBe(1);
		expect(stdout).toBe('');
		expect(stderr).toContain(`smtp-explorer run: ${path} line 5: expected 250, got:\n    550 5.1.1 mailbox unavailable`);
		expect(stderr).toContain('\n  in reply to line 4: RCPT TO:<nobody@example.org>\n');
		expect(stderr).toContain('\nTranscript so far:\n');
		expect(stderr).toContain(' -> RCPT TO:<nobody@example.org>\n');
		expect(stderr).not.toContain('RCPT TO:<bob@example.org>');
	});
});

describe('run with a scripted server', () => {
	it('replays an exported transcript: the server receives the same lines again', async () => {
		const refuseNobody = async (connection: FakeConnection) => connection.write(connection.lines.at(-1)!.includes('nobody') ? '550 5.1.1 unknown\r\n' : '250 OK\r\n');
		const {controller, server} = await session({replies: {RCPT: refuseNobody}});
		await controller.connect();
		await controller.command('EHLO client.example.com');
		await controller.command('MAIL FROM:<a@example.com>');
		await controller.command('RCPT TO:<nobody@example.org>');
		await controller.command('RCPT TO:<b@example.org>');
		await controller.command('DATA');
		await controller.sendData('Subject: again\r\n\r\n.\r\n..\r\n.x\r\nend\r\n');
		await controller.quit();
		await eventually(() => controller.sessionState.phase === 'closed', 'the first session to end');
		const first = [...server.lines];

		const {code, stderr} = await run(exportScript(controller.transcript.entries), []);
		expect(stderr).toBe('');
		expect(code).toBe(0);
		expect(server.lines.slice(first.length)).toEqual(first);
		expect(first).toContain('..');
	});

	it('checks a DATA refusal with an empty block: the expectation reads the reply to DATA', async () => {
		const server = await fake({replies: {DATA: '554 5.5.1 no valid recipients\r\n'}});
		const {code} = await run('EHLO client.example.com\nDATA\n.\nEXPECT 554 5.5.1\n', [`127.0.0.1:${server.port}`]);
		expect(code).toBe(0);
		expect(server.lines).toEqual(['EHLO client.example.com', 'DATA', 'QUIT']);
	});

	it('asserts on the banner: a 421 fails "EXPECT 220" with exit 1', async () => {
		const server = await fake({greeting: ['421 4.3.2 busy\r\n', {close: 'fin'}]});
		const {code, stderr} = await run('EXPECT 220\nEHLO client.example.com\n', [`127.0.0.1:${server.port}`]);
		expect(code).toBe(1);
		expect(stderr).toContain('line 1: expected 220, got:\n    421 4.3.2 busy\n  in reply to the connection');
	});

	it('fails an enhanced code that does not match, and accepts x as any digit', async () => {
		const server = await fake({replies: {NOOP: '250 2.0.0 ok\r\n'}});
		expect((await run('NOOP\nEXPECT 2x0 2.0.0\nNOOP\nEXPECT 25x\n', [`127.0.0.1:${server.port}`])).code).toBe(0);
		const failed = await run('NOOP\nEXPECT 250 2.1.5\n', [`127.0.0.1:${server.port}`]);
		expect(failed.code).toBe(1);
		expect(failed.stderr).toContain('expected 250 2.1.5, got:\n    250 2.0.0 ok');
	});

	it('exits 12 when a command gets no reply', async () => {
		const server = await fake({replies: {NOOP: {silence: true}}});
		const {code, stderr} = await run('NOOP\nEXPECT 250\n', [`127.0.0.1:${server.port}`, '--timeout', '300ms']);
		expect(code).toBe(12);
		expect(stderr).toContain('line 1: NOOP: connection closed (timeout waiting for the reply to NOOP)');
		expect(stderr).toContain('*** no reply: waited 0.3s for the reply to NOOP');
	});

	it('follows CONNECT lines, and refuses HOST when the script names its server', async () => {
		const server = await fake({});
		const script = `CONNECT 127.0.0.1:${server.port}\nEXPECT 220\nNOOP\nEXPECT 250\n`;
		expect((await run(script, [])).code).toBe(0);
		const both = await run(script, [`127.0.0.1:${server.port}`]);
		expect(both.code).toBe(2);
		expect(both.stderr).toContain('the script starts with CONNECT');
	});

	it('after a message to an SMTP server, a second EXPECT finds no further reply and fails', async () => {
		const server = await fake({});
		const {code, stderr} = await run('EHLO c.example\nMAIL FROM:<a@example.com>\nRCPT TO:<b@example.org>\nDATA\nhi\n.\nEXPECT 250\nEXPECT 250\n', [`127.0.0.1:${server.port}`]);
		expect(code).toBe(1);
		expect(stderr).toContain('line 8: expected 250, but no further reply came to line 4');
	});

	it('drops a byte order mark at the start of the script, and says so with -v', async () => {
		const server = await fake({});
		const quiet = await run('\uFEFFEHLO client.example.com\nEXPECT 250\n', [`127.0.0.1:${server.port}`]);
		expect(quiet.code).toBe(0);
		expect(quiet.stderr).toBe('');
		const verbose = await run('\uFEFFEHLO client.example.com\nEXPECT 250\n', [`127.0.0.1:${server.port}`, '-v']);
		expect(verbose.code).toBe(0);
		expect(verbose.stderr).toContain(': a UTF-8 byte order mark at the start of the script was dropped\n');
		expect(verbose.stderr).toContain(' -> EHLO client.example.com\n');
		expect(server.lines.filter(line => line.includes('EHLO'))).toEqual(['EHLO client.example.com', 'EHLO client.example.com']);
		expect(server.received.includes(Buffer.from('\uFEFF'))).toBe(false);
	});

	// The mapped IPv6 form of 127.0.0.1 is not one of the names isLoopback knows, so it stands
	// for "another machine" here, while the bytes stay on this one.
	it.each(['AUTH X-PLAIN AGFAAGI=', 'AUTH NTLM TlRMTVNTUAABAAAAB4IIAAAAAAAAAAAAAAAAAAAAAAA=', 'AUTH DIGEST-MD5', 'AUTH SCRAM-SHA-1 biwsbj11c2VyLHI9ZnlrbytkMmxiYkZnT05Sdjlx', 'AUTH CRAM-MD5 dXNlciBkZWFkYmVlZg==', 'auth plain AGFAAGI='])('refuses %j in plaintext to a host that is not this machine, unless --plaintext-auth', async line => {
		const server = await fake({replies: {EHLO: '250-fake.test\r\n250 AUTH PLAIN LOGIN CRAM-MD5 X-PLAIN NTLM DIGEST-MD5 SCRAM-SHA-1\r\n', AUTH: '235 2.7.0 ok\r\n'}});
		const script = `EHLO client.example.com\n${line}\n`;
		const refused = await run(script, [`[::ffff:127.0.0.1]:${server.port}`]);
		expect(refused.code).toBe(7);
		expect(refused.stderr).toContain('line 2: not sent: AUTH in plaintext to a host that is not this machine');
		expect(server.lines.some(sent => /^auth/i.test(sent))).toBe(false);
		expect(server.received.toString('latin1').toUpperCase()).not.toContain('AUTH');

		const allowed = await run(script, [`[::ffff:127.0.0.1]:${server.port}`, '--plaintext-auth']);
		expect(allowed.code).toBe(0);
		expect(server.lines.some(sent => /^auth/i.test(sent))).toBe(true);
	});

	it('exits 3 when nothing listens, and 4 when the STARTTLS certificate has expired', async () => {
		const refused = await run('EHLO client.example.com\n', [`127.0.0.1:${await closedPort()}`]);
		expect(refused.code).toBe(3);
		expect(refused.stderr).toContain('connection refused');

		const server = await fake({tls: (await createTestPki()).expired});
		const expired = await run('EHLO client.example.com\nSTARTTLS\nEXPECT 220\n', [`127.0.0.1:${server.port}`, '--ca', testCaFile]);
		expect(expired.code).toBe(4);
		expect(expired.stderr).toContain('certificate expired');
	});
});

describe('run refuses a bad script before sending anything', () => {
	it.each([
		['NOOP\nEHLO a\u0000b\n', 'line 2: '],
		['BDAT 10\n', 'line 1: BDAT 10 must be followed by exactly 10 bytes'],
		['AUTH PLAIN ${NOT_SET_ANYWHERE}\n', 'line 1: ${NOT_SET_ANYWHERE} is not set in the environment'],
		['NOOP\nEXPECT 2\n', 'line 2: EXPECT takes a reply code'],
		['DATA\nSubject: x\n', 'line 1: the DATA block has no closing line'],
		['CONNECT bad host name\n', 'line 1: CONNECT'],
		['NOOP\nEXPECT 250\n# a comment between\nEXPECT 2xx\n', 'line 4: a second EXPECT for the reply line 2 already checks'],
		['DATA\nhi\n.\nEXPECT 250\nNOOP\nEXPECT 250\nEXPECT 250\n', 'line 7: a second EXPECT for the reply line 6 already checks'],
		['VRFY ${A\n', 'line 1: a "${" that does not form ${NAME}'],
		['VRFY ${A}${B\n', 'line 1: a "${" that does not form ${NAME}'],
		[`NOOP\nVRFY ${'x'.repeat(64 * 1024)}\n`, 'line 2: longer than 64 KiB, the most a script line may hold'],
	])('%j', async (script, message) => {
		const server = await fake({});
		const {code, stderr} = await run(script, [`127.0.0.1:${server.port}`]);
		expect(code).toBe(2);
		expect(stderr).toContain(message);
		expect(server.connections).toBe(0);
	});

	it('refuses a script over 1 MiB (/dev/zero too) and says "file not found" for a missing one', async () => {
		const server = await fake({});
		for (const path of ['/dev/zero', dir.file('huge.smtp', 'NOOP\n'.repeat(300_000))]) {
			const io = fakeIo();
			expect(await main([path, `127.0.0.1:${server.port}`], io.io)).toBe(2);
			expect(io.stderr).toBe(`smtp-explorer run: cannot read the script: "${path}" is larger than 1 MiB, the most a script may hold; nothing was read from it\n`);
		}

		const io = fakeIo();
		expect(await main([`${dir.path}/nope.smtp`, `127.0.0.1:${server.port}`], io.io)).toBe(2);
		expect(io.stderr).toBe(`smtp-explorer run: cannot read the script: "${dir.path}/nope.smtp": file not found\n`);
		expect(server.connections).toBe(0);
	});

	it('needs a server, and rejects flags the script decides itself', async () => {
		expect((await run('NOOP\n', [])).stderr).toContain('no server: give HOST[:PORT], or start the script with CONNECT host:port');
		const flagged = await run('NOOP\n', ['127.0.0.1', '--starttls']);
		expect(flagged.code).toBe(2);
		expect(flagged.stderr).toContain('do not apply to run');
	});

	it('prints help with the script format and the exit codes', async () => {
		const io = fakeIo();
		expect(await main(['--help'], io.io)).toBe(0);
		expect(io.stdout).toContain('Script format');
		expect(io.stdout).toContain('EXPECT 250 2.1.5');
		expect(io.stdout).toContain('Exit codes');
	});
});
