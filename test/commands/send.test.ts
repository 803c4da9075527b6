import {createReadStream, readdirSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {beforeAll, describe, expect, it} from 'vitest';
import {main} from '../../source/commands/send.js';
import type {DemoServer} from '../../source/demo/server.js';
import {closedPort, fakeIo, useCommandServers} from '../helpers/command-io.js';
import type {FakeConnection} from '../helpers/fake-smtp-server.js';
import {createTestPki} from '../helpers/test-certs.js';
import {eventually} from '../helpers/session.js';

const servers = useCommandServers();
const {dir, fake} = servers;
let demo: DemoServer;
let caFile: string;
let testCaFile: string;
beforeAll(() => {
	({demo, caFile, testCaFile} = servers);
});

/** The message flags; an override replaces a flag's value, `undefined` leaves the flag out. */
function messageFlags(overrides: Record<string, string | undefined> = {}): string[] {
	const flags: Record<string, string | undefined> = {from: 'Alice <alice@example.com>', to: 'bob@example.org', subject: 'Test', body: 'Hello Bob', ehlo: 'client.example.com', ...overrides};
	return Object.entries(flags).flatMap(([name, value]) => (value === undefined ? [] : [`--${name}`, value]));
}

const message = messageFlags();

async function send(argv: string[], options: Parameters<typeof fakeIo>[0] = {}) {
	const run = fakeIo(options);
	const code = await main(argv, run.io);
	return {code, stdout: run.stdout, stderr: run.stderr};
}

const demoTarget = () => `${demo.host}:${demo.port}`;
const password = {SMTP_EXPLORER_PASSWORD: 'demo-password'};

describe('send to the demo server', () => {
	it('sends one message over STARTTLS with AUTH, and prints the queue reply in one line', async () => {
		const count = demo.messages.length;
		const {code, stdout, stderr} = await send([demoTarget(), '--ca', caFile, '--user', 'demo', ...message], {env: password});
		expect(stderr).toBe('');
		expect(code).toBe(0);
		expect(stdout).toMatch(/^sent: 250 2\.6\.0 OK: queued as demo message #\d+ \(from <alice@example\.com> to <bob@example\.org>, \d+ bytes\)\n$/);
		expect(demo.messages).toHaveLength(count + 1);
		const received = demo.messages.at(-1)!;
		expect(received).toMatchObject({from: 'alice@example.com', recipients: ['bob@example.org'], subject: 'Test', tls: true, authUser: 'demo'});
		const raw = received.raw.toString('utf8');
		expect(raw).toMatch(/^Date: \w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}\r\n/);
		expect(raw).toMatch(/\r\nMessage-ID: <[\da-f-]{36}@client\.example\.com>\r\n/);
		expect(raw).toContain('\r\nFrom: Alice <alice@example.com>\r\nTo: bob@example.org\r\n');
		expect(raw).toContain('\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 7bit\r\n\r\nHello Bob\r\n');
	});

	it('sends an 8-bit body as BODY=8BITMIME, encodes the subject, keeps leading dots, and -v shows the redacted transcript', async () => {
		const body = 'Grüße\n.leading dot\n..two dots\n';
		const {code, stderr} = await send([demoTarget(), '--ca', caFile, '--user', 'demo', '-v', ...messageFlags({subject: 'Grüße aus Köln', body}), '--cc', 'carol@example.net'], {env: password});
		expect(code).toBe(0);
		const received = demo.messages.at(-1)!;
		expect(received.recipients).toEqual(['bob@example.org', 'carol@example.net']);
		expect(received.subject).toMatch(/^=\?UTF-8\?B\?/);
		const raw = received.raw.toString('utf8');
		expect(raw).toContain('Content-Transfer-Encoding: 8bit\r\n\r\nGrüße\r\n.leading dot\r\n..two dots\r\n');
		expect(raw).toContain('\r\nCc: carol@example.net\r\n');
		expect(stderr).toMatch(/ ~> MAIL FROM:<alice@example\.com> BODY=8BITMIME SIZE=\d+\n/);
		expect(stderr).toContain(' ~> AUTH PLAIN <redacted>');
		expect(stderr).not.toContain('demo-password');
		expect(stderr).not.toContain(Buffer.from('\u0000demo\u0000demo-password').toString('base64'));
	});

	it('reads the body from stdin or from --body-file', async () => {
		const file = dir.file('body.txt', 'from a file\n');
		expect((await send([demoTarget(), '--ca', caFile, ...messageFlags({body: undefined}), '--body-file', file])).code).toBe(0);
		expect(demo.messages.at(-1)!.raw.toString()).toMatch(/\r\n\r\nfrom a file\r\n$/);
		expect((await send([demoTarget(), '--ca', caFile, ...messageFlags({body: undefined})], {stdin: 'from stdin\n'})).code).toBe(0);
		expect(demo.messages.at(-1)!.raw.toString()).toMatch(/\r\n\r\nfrom stdin\r\n$/);
	});

	it('asks for the password on the terminal, without echo, when the environment has none', async () => {
		const run = fakeIo({tty: true});
		const sending = main([demoTarget(), '--ca', caFile, '--user', 'demo', ...message], run.io);
		await eventually(() => run.stderr.includes('Password for demo: '), 'the prompt');
		run.stdin.write('demo-passwordx\u007F\r');
		expect(await sending).toBe(0);
		expect(run.stderr).toBe('Password for demo: \n');
		expect(run.stdout).toMatch(/^sent: 250/);
	});

	it('exits 10 when some recipients were refused but the message was sent, naming them', async () => {
		const {code, stdout, stderr} = await send([demoTarget(), '--ca', caFile, ...message, '--to', 'nobody@example.org']);
		expect(code).toBe(10);
		expect(stdout).toMatch(/^sent: 250 .* to <bob@example\.org>, /);
		expect(stderr).toMatch(/^smtp-explorer send: recipient refused: <nobody@example\.org> 550 5\.1\.1 mailbox unavailable/);
		expect(demo.messages.at(-1)!.recipients).toEqual(['bob@example.org']);
	});

	it('exits 9 when every recipient was refused, and sends no message', async () => {
		const count = demo.messages.length;
		const {code, stderr} = await send([demoTarget(), '--ca', caFile, ...messageFlags({to: 'nobody@example.org'})]);
		expect(code).toBe(9);
		expect(stderr).toContain('every recipient was refused: <nobody@example.org> 550 5.1.1');
		expect(demo.messages).toHaveLength(count);
	});

	it('exits 7 when the password is wrong', async () => {
		const {code, stderr} = await send([demoTarget(), '--ca', caFile, '--user', 'demo', ...message], {env: {SMTP_EXPLORER_PASSWORD: 'wrong'}});
		expect(code).toBe(7);
		expect(stderr).toContain('AUTH PLAIN failed: 535 5.7.8 Authentication credentials invalid');
		expect(stderr).not.toContain('wrong');
	});

	it('exits 7 when the server offers no AUTH (the demo offers it only after STARTTLS)', async () => {
		const {code, stderr} = await send([demoTarget(), '--no-starttls', '--user', 'demo', ...message], {env: password});
		expect(code).toBe(7);
		expect(stderr).toContain('the server does not offer AUTH (many servers offer it only after STARTTLS)');
	});
});

describe('send failures against a scripted server', () => {
	const to = (server: {port: number}) => `127.0.0.1:${server.port}`;

	it('exits 3 when nothing listens', async () => {
		const {code, stderr} = await send([`127.0.0.1:${await closedPort()}`, ...message]);
		expect(code).toBe(3);
		expect(stderr).toContain('connection refused');
	});

	it('exits 5 on a 421 banner', async () => {
		const server = await fake({greeting: ['421 4.3.2 busy\r\n', {close: 'fin'}]});
		const {code, stderr} = await send([to(server), ...message]);
		expect(code).toBe(5);
		expect(stderr).toBe('smtp-explorer send: the server refused service in its banner: 421 4.3.2 busy\n');
	});

	it('exits 4 when --require-tls meets a refused STARTTLS, and sends nothing more', async () => {
		const server = await fake({replies: {EHLO: '250-fake.test\r\n250 STARTTLS\r\n', STARTTLS: '454 4.7.0 TLS not available\r\n'}});
		const {code, stderr} = await send([to(server), '--require-tls', ...message]);
		expect(code).toBe(4);
		expect(stderr).toBe('smtp-explorer send: STARTTLS refused: 454 4.7.0 TLS not available\n');
		expect(server.lines.some(line => line.startsWith('MAIL'))).toBe(false);
	});

	it('exits 4 when the STARTTLS certificate has expired, or names another host', async () => {
		const pki = await createTestPki();
		const expired = await fake({tls: pki.expired});
		const first = await send([to(expired), '--ca', testCaFile, ...message]);
		expect(first.code).toBe(4);
		expect(first.stderr).toContain('certificate expired');
		const wrongHost = await fake({tls: pki.wrongHost, implicitTls: true});
		const second = await send([to(wrongHost), '--tls', '--ca', testCaFile, ...message]);
		expect(second.code).toBe(4);
		expect(second.stderr).toContain('wrong host name');
	});

	it('exits 8 when MAIL is refused, naming the reply', async () => {
		const server = await fake({replies: {MAIL: '550 5.7.1 sender rejected\r\n'}});
		const {code, stderr} = await send([to(server), ...message]);
		expect(code).toBe(8);
		expect(stderr).toBe('smtp-explorer send: MAIL FROM refused: 550 5.7.1 sender rejected\n');
		expect(server.lines.some(line => line.startsWith('RCPT'))).toBe(false);
	});

	it('exits 9 when every RCPT is refused, without sending DATA', async () => {
		const server = await fake({replies: {RCPT: '550 5.1.1 unknown\r\n'}});
		const {code} = await send([to(server), ...message, '--to', 'carol@example.net']);
		expect(code).toBe(9);
		expect(server.lines.filter(line => line.startsWith('RCPT'))).toHaveLength(2);
		expect(server.lines).not.toContain('DATA');
	});

	it('exits 11 when DATA is refused, or the message after the final dot', async () => {
		const refusedData = await fake({replies: {DATA: '554 5.5.1 no thanks\r\n'}});
		const first = await send([to(refusedData), ...message]);
		expect(first.code).toBe(11);
		expect(first.stderr).toContain('DATA refused (the message was not sent): 554 5.5.1 no thanks');
		const refusedMessage = await fake({replies: {'DATA-END': '552 5.3.4 message too big\r\n'}});
		const second = await send([to(refusedMessage), ...message]);
		expect(second.code).toBe(11);
		expect(second.stderr).toContain('the message was refused: 552 5.3.4 message too big');
	});

	it('exits 12 when the connection drops after 354, during the upload, and says the message was not sent', async () => {
		// More than the socket buffers hold, so the upload is still going when the first bytes arrive and the server resets.
		const body = 'a long line of the message body\n'.repeat(200_000);
		const firstBytes = async (connection: FakeConnection) => new Promise<void>(resolve => {
			connection.socket.once('data', () => resolve());
		});
		const server = await fake({replies: {EHLO: '250-fake.test\r\n250 8BITMIME\r\n', DATA: ['354 go ahead\r\n', firstBytes, {close: 'rst'}]}});
		const {code, stderr} = await send([to(server), ...messageFlags({body})]);
		expect(code).toBe(12);
		expect(stderr).toContain('the message was NOT sent');
	});

	it('exits 12 when no reply comes after the final dot, and says delivery is unknown', async () => {
		const server = await fake({replies: {'DATA-END': {silence: true}}});
		const {code, stderr} = await send([to(server), '--timeout', '300ms', ...message]);
		expect(code).toBe(12);
		expect(stderr).toContain('delivery status unknown');
	});

	it('streams a large body file: the server gets it normalised and dot-stuffed, with SIZE= its exact size', async () => {
		const lines: string[] = [];
		for (let i = 0; i < 60_000; i++) lines.push(i % 7 === 0 ? `.dot line ${i} é` : `line ${i}`);
		// Lone LF, lone CR and CRLF line ends, all to become CRLF (RFC 5321 2.3.8).
		const file = dir.file('large-body.txt', `${lines.map((line, i) => `${line}${['\n', '\r', '\r\n'][i % 3]}`).join('')}`);
		const server = await fake({replies: {EHLO: '250-fake.test\r\n250-SIZE 10000000\r\n250 8BITMIME\r\n'}});
		const {code, stderr} = await send([to(server), ...messageFlags({body: undefined}), '--body-file', file]);
		expect(stderr).toBe('');
		expect(code).toBe(0);
		const wire = server.received.toString('latin1');
		const data = wire.slice(wire.indexOf('\r\nDATA\r\n') + 8, wire.lastIndexOf('\r\n.\r\n') + 2);
		expect(data).toMatch(/^Date: /);
		const message = data.replace(/^\./gm, '');
		const declared = Number(/ SIZE=(\d+)/.exec(wire)![1]);
		expect(Buffer.byteLength(message, 'latin1')).toBe(declared);
		const body = message.slice(message.indexOf('\r\n\r\n') + 4);
		expect(body).toBe(Buffer.from(`${lines.join('\r\n')}\r\n`).toString('latin1'));
		expect(data).toContain('\r\n..dot line 7 ');
	});

	it('refuses a body over --max-size (default 100 MiB) before connecting: /dev/zero as a file or on stdin', async () => {
		const server = await fake({});
		const fromFile = await send([to(server), ...messageFlags({body: undefined}), '--body-file', '/dev/zero']);
		expect(fromFile.code).toBe(2);
		expect(fromFile.stderr).toBe('smtp-explorer send: the message body is larger than 100 MiB (--max-size); nothing was sent. Raise --max-size, or use --max-size 0 for no limit\n');

		const spools = () => readdirSync(tmpdir()).filter(name => name.startsWith('smtp-explorer-body-')).length;
		const before = spools();
		const run = fakeIo();
		const zero = createReadStream('/dev/zero');
		zero.pipe(run.stdin);
		const code = await main([to(server), ...messageFlags({body: undefined}), '--max-size', '65536'], run.io);
		zero.destroy();
		expect(code).toBe(2);
		expect(run.stderr).toContain('the message body is larger than 64 KiB (--max-size); nothing was sent');
		// Nothing reached the server, and the private spool file is gone.
		expect(server.received.length).toBe(0);
		expect(spools()).toBe(before);
	});

	it('refuses before MAIL a message over the server\'s SIZE (RFC 1870), and a bad --max-size', async () => {
		const server = await fake({replies: {EHLO: '250-fake.test\r\n250 SIZE 1000\r\n'}});
		const {code, stderr} = await send([to(server), ...messageFlags({body: 'x'.repeat(70).concat('\n').repeat(20)})]);
		expect(code).toBe(8);
		expect(stderr).toMatch(/^smtp-explorer send: MAIL not sent: the message is \d+ bytes and the server takes at most 1000 \(SIZE, RFC 1870\)\n$/);
		expect(server.lines.some(line => line.startsWith('MAIL'))).toBe(false);
		const bad = await send([to(server), ...message, '--max-size', '10MB']);
		expect(bad.code).toBe(2);
		expect(bad.stderr).toBe('smtp-explorer send: --max-size "10MB" is not a number of bytes (0 for no limit)\n');
	});

	it('exits 15 when the message went but the --transcript file could not be written (/dev/full)', async () => {
		const server = await fake({});
		const {code, stdout, stderr} = await send([to(server), ...message, '--transcript', '/dev/full']);
		expect(stdout).toMatch(/^sent: 250 /);
		expect(stderr).toContain('smtp-explorer send: the disk is full (or over quota): "/dev/full" was not saved');
		expect(code).toBe(15);
	});

	it('says "file not found" for a missing --body-file, and sends nothing', async () => {
		const server = await fake({});
		const {code, stderr} = await send([to(server), ...messageFlags({body: undefined}), '--body-file', `${dir.path}/nope.txt`]);
		expect(code).toBe(2);
		expect(stderr).toBe(`smtp-explorer send: cannot read --body-file: "${dir.path}/nope.txt": file not found\n`);
		expect(server.received.length).toBe(0);
	});

	it('exits 8 when an address needs SMTPUTF8 and the server does not offer it', async () => {
		const server = await fake({});
		const {code, stderr} = await send([to(server), ...message, '--to', 'jörg@example.org']);
		expect(code).toBe(8);
		expect(stderr).toContain('needs SMTPUTF8 (RFC 6531)');
		expect(server.lines.some(line => line.startsWith('MAIL'))).toBe(false);
	});

	it('uses SMTPUTF8 for a UTF-8 address when offered', async () => {
		const server = await fake({replies: {EHLO: '250-fake.test\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n'}});
		const {code} = await send([to(server), ...message, '--to', 'jörg@example.org']);
		expect(code).toBe(0);
		expect(server.lines).toContain('MAIL FROM:<alice@example.com> BODY=8BITMIME SMTPUTF8');
		expect(server.lines).toContain('RCPT TO:<jörg@example.org>');
	});

	it('falls back to quoted-printable when the server does not take 8-bit', async () => {
		const server = await fake({replies: {EHLO: '250-fake.test\r\n250 PIPELINING\r\n'}});
		const {code} = await send([to(server), ...messageFlags({body: 'Grüße'}), '--header', 'X-Test: yes']);
		expect(code).toBe(0);
		expect(server.lines).toContain('X-Test: yes');
		expect(server.lines).toContain('MAIL FROM:<alice@example.com>');
		expect(server.lines).toContain('Content-Transfer-Encoding: quoted-printable');
		expect(server.lines).toContain('Gr=C3=BC=C3=9Fe');
	});

	it('sends with BDAT when asked and CHUNKING is offered; exits 11 with --bdat when it is not', async () => {
		const chunking = await fake({replies: {EHLO: '250-fake.test\r\n250-8BITMIME\r\n250 CHUNKING\r\n'}});
		const {code} = await send([to(chunking), ...message, '--bdat', '--chunk-size', '100']);
		expect(code).toBe(0);
		const chunks = chunking.lines.filter(line => line.startsWith('BDAT'));
		expect(chunks.length).toBeGreaterThan(1);
		expect(chunks.at(-1)).toMatch(/ LAST$/);
		expect(Buffer.concat(chunking.bdatChunks).toString()).toMatch(/\r\n\r\nHello Bob\r\n$/);

		const plain = await fake({});
		const refused = await send([to(plain), ...message, '--bdat']);
		expect(refused.code).toBe(11);
		expect(refused.stderr).toContain('--bdat needs CHUNKING (RFC 3030)');
	});
});

describe('send usage', () => {
	it('refuses AUTH in plaintext to another machine before connecting, and says why', async () => {
		const {code, stderr} = await send(['mail.example.invalid', '--no-starttls', '--user', 'alice', ...message], {env: password});
		expect(code).toBe(7);
		expect(stderr).toContain('refusing to send the password in plaintext');
		expect(stderr).toContain('--starttls');
	});

	it('needs a password from the environment or a terminal, never a flag', async () => {
		const missing = await send(['127.0.0.1', '--user', 'alice', ...message]);
		expect(missing.code).toBe(2);
		expect(missing.stderr).toContain('set SMTP_EXPLORER_PASSWORD, or run in a terminal');
		const flag = await send(['127.0.0.1', '--user', 'alice', '--password', 'x', ...message]);
		expect(flag.code).toBe(2);
		expect(flag.stderr).toContain('unknown option --password');
	});

	it('prints help with the exit codes', async () => {
		const {code, stdout} = await send(['--help']);
		expect(code).toBe(0);
		expect(stdout).toContain('12  the server ended the session (421 after the banner), or the connection was lost or timed out');
	});

	it.each([
		[['127.0.0.1', ...messageFlags({from: undefined})], '--from is required'],
		[['127.0.0.1', ...messageFlags({to: undefined})], 'at least one --to'],
		[['127.0.0.1', ...messageFlags({subject: undefined})], '--subject is required'],
		[['127.0.0.1', ...message, '--subject', 'again'], '--subject is given 2 times; give it once'],
		[['127.0.0.1', ...message, '--to', 'not-an-address'], 'is not a usable address'],
		[['127.0.0.1', ...message, '--header', 'X-A: 1\r\nBcc: x@example.org'], 'line break'],
		[['127.0.0.1', ...messageFlags({subject: 'a\nBcc: x@example.org'})], 'line break'],
		[['127.0.0.1', ...message, '--body-file', '/tmp/x'], '--body or --body-file, not both'],
		[['127.0.0.1', ...message, '--chunk-size', '10'], '--chunk-size goes with --bdat'],
		[['127.0.0.1', ...message, '--auth', 'PLAIN'], '--auth needs --user'],
	])('exits 2 for %j', async (argv, text) => {
		const {code, stderr} = await send(argv);
		expect(code).toBe(2);
		expect(stderr).toContain(text);
	});
});
