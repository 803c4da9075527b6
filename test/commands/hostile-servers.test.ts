/**
The hostile cases of issue 10, each against the scripted fake server: what probe, send and
run print (stdout, stderr, JSON), their exit code, and the bytes the server received.
*/
import {beforeAll, describe, expect, it} from 'vitest';
import {main as probeMain} from '../../source/commands/probe.js';
import {main as runMain} from '../../source/commands/run.js';
import {main as sendMain} from '../../source/commands/send.js';
import {fakeIo, useCommandServers} from '../helpers/command-io.js';
import type {FakeServer, FakeServerOptions} from '../helpers/fake-smtp-server.js';
import {createTestPki, type TestPki} from '../helpers/test-certs.js';

const servers = useCommandServers();
const {fake} = servers;
let pki: TestPki;
let testCaFile: string;
beforeAll(async () => {
	pki = await createTestPki();
	({testCaFile} = servers);
});

const command = (main: typeof probeMain) => async (argv: string[], stdin?: string) => {
	const run = fakeIo(stdin === undefined ? {} : {stdin});
	const code = await main(argv, run.io);
	return {code, stdout: run.stdout, stderr: run.stderr};
};

const probe = command(probeMain);
const send = command(sendMain);
const where = (server: FakeServer) => `127.0.0.1:${server.port}`;
const sendFlags = ['--ehlo', 'client.example.com', '--from', 'alice@example.com', '--to', 'bob@example.org', '--subject', 'Hi', '--body', 'Hello'];

async function run(script: string, argv: string[]) {
	const dir = servers.dir;
	const path = dir.file(`script-${Math.random().toString(36).slice(2)}.smtp`, script);
	return command(runMain)([path, ...argv]);
}

/** What the server received, as lines (TLS traffic decrypted). */
const received = (server: FakeServer) => [...server.lines];

/** No lone surrogate anywhere: what RFC 7493 2.1 asks of JSON text. */
const wellFormed = (text: string) => !/[\uD800-\uDFFF]/u.test(text.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, ''));

describe('a 421 anywhere ends the session and is reported as the server said it', () => {
	const closing: FakeServerOptions = {replies: {EHLO: ['421 4.3.2 Service shutting down \u001B[31m now\r\n', {close: 'fin'}]}};

	it('probe: EHLO answered 421 exits 12, prints the 421 and its escaped text, times only what was sent, sends no HELO and no QUIT', async () => {
		const server = await fake(closing);
		const {code, stdout, stderr} = await probe([where(server), '--ehlo', 'probe.example.com']);
		expect(code).toBe(12);
		expect(stderr).toBe('smtp-explorer probe: EHLO failed: the server closed the session in reply to EHLO: 421 4.3.2 Service shutting down \\x1b[31m now\n');
		const report = JSON.parse(stdout) as {timings: Array<{step: string}>; error: unknown};
		expect(report.error).toEqual({stage: 'ehlo', type: 'reply', message: 'the server closed the session in reply to EHLO: 421 4.3.2 Service shutting down \u001B[31m now', reply: {code: 421, enhanced: '4.3.2', text: '4.3.2 Service shutting down \u001B[31m now'}});
		expect(report.timings.map(timing => timing.step)).toEqual(['connect and banner', 'EHLO']);
		expect(received(server)).toEqual(['EHLO probe.example.com']);
	});

	it('send: a 421 to RCPT exits 12 with the server\'s words; no further RCPT, no DATA, no QUIT', async () => {
		const server = await fake({replies: {RCPT: ['421 4.7.0 Too many errors\r\n', {close: 'fin'}]}});
		const {code, stdout, stderr} = await send([where(server), ...sendFlags, '--to', 'carol@example.org', '--json']);
		expect(code).toBe(12);
		expect(stderr).toBe('smtp-explorer send: RCPT TO:<bob@example.org>: 421 4.7.0 Too many errors\n');
		expect(JSON.parse(stdout)).toMatchObject({sent: false, accepted: [], refused: [], final: null, error: {stage: 'rcpt', type: 'reply', reply: {code: 421, enhanced: '4.7.0', text: '4.7.0 Too many errors'}}});
		expect(received(server)).toEqual(['EHLO client.example.com', 'MAIL FROM:<alice@example.com> SIZE=' + received(server)[1]!.split('SIZE=')[1], 'RCPT TO:<bob@example.org>']);
	});

	it('run: a 421 the script does not EXPECT stops the run with exit 12 and the server\'s words; one it EXPECTs is fine', async () => {
		const server = await fake({replies: {NOOP: ['421 4.3.2 Going down\r\n', {close: 'fin'}]}});
		const stopped = await run('NOOP\nRSET\n', [where(server)]);
		expect(stopped.code).toBe(12);
		expect(stopped.stderr).toMatch(/^smtp-explorer run: \S+ line 1: the server closed the session: 421 4\.3\.2 Going down\n/);
		expect(stopped.stdout).toBe('');
		const expected = await run('NOOP\nEXPECT 421\n', [where(server)]);
		expect(expected.code).toBe(0);
		expect(received(server)).toEqual(['NOOP', 'NOOP']);
	});
});

describe('a refused banner or EHLO is reported with its code and text', () => {
	it('probe: a 554 banner exits 5, names the code and the text on stderr and in JSON, and sends only QUIT', async () => {
		const server = await fake({greeting: '554 5.7.1 No service for you\r\n'});
		const {code, stdout, stderr} = await probe([where(server)]);
		expect(code).toBe(5);
		expect(stderr).toBe('smtp-explorer probe: banner failed: the server refused service in its banner: 554 5.7.1 No service for you\n');
		expect(JSON.parse(stdout)).toMatchObject({banner: {code: 554}, error: {stage: 'greeting', reply: {code: 554, enhanced: '5.7.1', text: '5.7.1 No service for you'}}});
		expect(received(server)).toEqual(['QUIT']);
	});

	it('run: a 554 banner the script does not EXPECT exits 5, without sending the script\'s EHLO', async () => {
		const server = await fake({greeting: '554 5.7.1 No service for you\r\n'});
		const {code, stderr} = await run('EHLO client.example.com\nEXPECT 250\n', [where(server)]);
		expect(code).toBe(5);
		expect(stderr).toMatch(/^smtp-explorer run: \S+ line 0: the server refused service in its banner: 554 5\.7\.1 No service for you\n/);
		expect(received(server)).toEqual(['QUIT']);
	});

	it('probe and send: EHLO and HELO refused exit 6 and show the server\'s reply', async () => {
		const server = await fake({replies: {EHLO: '550 5.7.1 Go away\r\n', HELO: '550 5.7.1 Still no\r\n'}});
		const probed = await probe([where(server), '--ehlo', 'probe.example.com']);
		expect(probed.code).toBe(6);
		expect(probed.stderr).toBe('smtp-explorer probe: EHLO failed: EHLO (550) and HELO (550) were both refused: 550 5.7.1 Still no\n');
		expect(JSON.parse(probed.stdout)).toMatchObject({error: {stage: 'ehlo', reply: {code: 550, text: '5.7.1 Still no'}}});
		const sent = await send([where(server), ...sendFlags]);
		expect(sent.code).toBe(6);
		expect(sent.stderr).toBe('smtp-explorer send: EHLO (550) and HELO (550) were both refused: 550 5.7.1 Still no\n');
		expect(received(server)).toEqual(['EHLO probe.example.com', 'HELO probe.example.com', 'QUIT', 'EHLO client.example.com', 'HELO client.example.com', 'QUIT']);
	});
});

describe('bytes injected after the 220 to STARTTLS are discarded and reported everywhere', () => {
	const injecting = () => ({tls: pki.valid, replies: {STARTTLS: ['220 go ahead\r\n250 injected\r\n', {startTls: true}]}}) satisfies FakeServerOptions;
	const warning = (command: string) => `smtp-explorer ${command}: warning: possible STARTTLS response injection: the server sent 14 bytes after its 220 to STARTTLS, before TLS began; they were discarded unread: 250 injected\\r\\n\n`;

	it('probe: a warning on stderr and in JSON warnings; the session goes on over TLS', async () => {
		const server = await fake(injecting());
		const {code, stdout, stderr} = await probe([where(server), '--starttls', '--ca', testCaFile, '--servername', 'localhost', '--ehlo', 'probe.example.com']);
		expect(code).toBe(0);
		expect(stderr).toBe(warning('probe'));
		expect(JSON.parse(stdout)).toMatchObject({starttls: 'upgraded', warnings: [{kind: 'starttls-injection', bytes: 14, text: '250 injected\r\n'}]});
		expect(received(server).slice(0, 3)).toEqual(['EHLO probe.example.com', 'STARTTLS', 'EHLO probe.example.com']);
	});

	it('send: the same warning on stderr and in the --json document; the message still goes', async () => {
		const server = await fake(injecting());
		const {code, stdout, stderr} = await send([where(server), ...sendFlags, '--starttls', '--ca', testCaFile, '--servername', 'localhost', '--json']);
		expect(code).toBe(0);
		expect(stderr).toBe(warning('send'));
		expect(JSON.parse(stdout)).toMatchObject({sent: true, warnings: [{kind: 'starttls-injection', bytes: 14}]});
		expect(received(server)).toContain('STARTTLS');
	});

	it('run: the same warning on stderr', async () => {
		const server = await fake(injecting());
		const {code, stderr} = await run('EHLO c.example\nSTARTTLS\nEXPECT 220\nEHLO c.example\nEXPECT 250\n', [where(server), '--ca', testCaFile, '--servername', 'localhost']);
		expect(code).toBe(0);
		expect(stderr).toBe(warning('run'));
	});
});

describe('JSON keeps the bytes the server sent', () => {
	it('probe: invalid UTF-8 in the banner is valid JSON with \\xNN escapes, and the exact bytes in textBase64', async () => {
		const banner = Buffer.concat([Buffer.from('220 mx.example '), Buffer.from([0x9b, 0xff, 0xfe]), Buffer.from(' caf\u00E9\r\n')]);
		const server = await fake({greeting: {write: banner}});
		const {code, stdout} = await probe([where(server), '--no-starttls']);
		expect(code).toBe(0);
		expect(wellFormed(stdout)).toBe(true);
		expect(stdout).not.toMatch(/\\ud[c-f]/i);
		const report = JSON.parse(stdout) as {banner: {text: string; textBase64: string}};
		expect(report.banner.text).toBe('mx.example \\x9b\\xff\\xfe caf\u00E9');
		expect(Buffer.from(report.banner.textBase64, 'base64')).toEqual(banner.subarray(4, -2));
	});

	it('send --json: a refused recipient\'s reply with invalid bytes keeps them the same way', async () => {
		const reply = Buffer.concat([Buffer.from('550 5.1.1 no such user '), Buffer.from([0xc3, 0x28]), Buffer.from('\r\n')]);
		const server = await fake({sequences: {RCPT: [{write: reply}]}});
		const {code, stdout} = await send([where(server), ...sendFlags, '--to', 'carol@example.org', '--json']);
		expect(code).toBe(10);
		expect(wellFormed(stdout)).toBe(true);
		const report = JSON.parse(stdout) as {refused: Array<{address: string; reply: {text: string; textBase64: string}}>};
		expect(report.refused[0]).toMatchObject({address: 'bob@example.org', reply: {text: '5.1.1 no such user \\xc3('}});
		expect(Buffer.from(report.refused[0]!.reply.textBase64, 'base64')).toEqual(reply.subarray(4, -2));
	});
});

describe('QUIT goes out once', () => {
	it('probe --require-tls after a 454 to STARTTLS sends one QUIT, not a second after the 221 and the close', async () => {
		const server = await fake({replies: {EHLO: '250-fake.test\r\n250 STARTTLS\r\n', STARTTLS: '454 4.7.0 TLS not available\r\n'}});
		const {code, stderr} = await probe([where(server), '--require-tls', '--ehlo', 'probe.example.com']);
		expect(code).toBe(4);
		expect(stderr).toBe('smtp-explorer probe: STARTTLS failed: STARTTLS refused: 454 4.7.0 TLS not available\n');
		await new Promise(resolve => setTimeout(resolve, 100));
		expect(received(server)).toEqual(['EHLO probe.example.com', 'STARTTLS', 'QUIT']);
	});

	it('run: a script that sends QUIT itself gets no second QUIT', async () => {
		const server = await fake({});
		const {code} = await run('QUIT\nEXPECT 221\n', [where(server)]);
		expect(code).toBe(0);
		expect(received(server)).toEqual(['QUIT']);
	});
});

describe('send --json prints one JSON document', () => {
	it('with the accepted and refused recipients and their replies, the final reply and the queue id', async () => {
		const server = await fake({sequences: {RCPT: ['250 2.1.5 ok\r\n', '550 5.1.1 unknown\r\n']}, replies: {'DATA-END': '250 2.0.0 Ok: queued as 4Bx7Yz9\r\n'}});
		const {code, stdout, stderr} = await send([where(server), ...sendFlags, '--to', 'carol@example.org', '--json']);
		expect(code).toBe(10);
		expect(stderr).toBe('smtp-explorer send: recipient refused: <carol@example.org> 550 5.1.1 unknown\n');
		expect(stdout.trimEnd().split('\n')).toHaveLength(1);
		const report = JSON.parse(stdout) as Record<string, unknown>;
		expect(report).toMatchObject({
			target: where(server),
			sent: true,
			from: 'alice@example.com',
			accepted: [{address: 'bob@example.org', reply: {code: 250, enhanced: '2.1.5', text: '2.1.5 ok'}}],
			refused: [{address: 'carol@example.org', reply: {code: 550, enhanced: '5.1.1', text: '5.1.1 unknown'}}],
			final: {code: 250, enhanced: '2.0.0', text: '2.0.0 Ok: queued as 4Bx7Yz9'},
			queueId: '4Bx7Yz9',
			warnings: [],
		});
		expect(report.error).toBeUndefined();
		expect(received(server).filter(line => /^(RCPT|DATA|QUIT)/.test(line))).toEqual(['RCPT TO:<bob@example.org>', 'RCPT TO:<carol@example.org>', 'DATA', 'QUIT']);
	});
});

describe('display names are strict (RFC 5322 3.2.3)', () => {
	it('send refuses a name with unquoted specials, naming the character and its position, and connects nowhere', async () => {
		const server = await fake({});
		const hostile = 'victim@example.com\u010D\u010ARCPT TO:<evil@example.com>';
		const {code, stdout, stderr} = await send([where(server), ...sendFlags.slice(0, 4), '--to', hostile, '--subject', 'Hi', '--body', 'x']);
		expect(code).toBe(2);
		expect(stdout).toBe('');
		expect(stderr).toBe(`smtp-explorer send: the display name in "${hostile}" has "@" at position 7 outside quotes; RFC 5322 3.2.3 allows ( ) < > [ ] : ; @ \\ , " in a name only inside quotes, as in "Smith, John" <john@example.com>\n`);
		expect(server.connections).toBe(0);
		expect(server.received.length).toBe(0);
	});

	it('a quoted name may hold specials; the mail goes to the address in the brackets only', async () => {
		const server = await fake({});
		const {code} = await send([where(server), ...sendFlags.slice(0, 4), '--to', '"Smith, John (ops)" <john@example.org>', '--subject', 'Hi', '--body', 'x']);
		expect(code).toBe(0);
		expect(received(server).filter(line => line.startsWith('RCPT'))).toEqual(['RCPT TO:<john@example.org>']);
		expect(received(server)).toContain('To: "Smith, John (ops)" <john@example.org>');
	});
});
