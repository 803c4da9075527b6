/**
The fault and bad-input scenarios of groups B (server replies), C (network faults) and D
(TLS) in shared/reliability-scenarios.md, each against a scripted server on loopback. Every
test checks three things: what the user is told, what the transcript keeps, and what the
server received (nothing injected, nothing sent after an error).
*/
import net from 'node:net';
import {ProtocolViolation} from '../../source/protocol/errors.js';
import {describe, expect, it} from 'vitest';
import {authenticate} from '../../source/session/authenticate.js';
import {SessionController} from '../../source/session/controller.js';
import {openSession} from '../../source/session/open-session.js';
import {formatText} from '../../source/protocol/transcript-format.js';
import {eventually, useFakeSessions, wire} from '../helpers/session.js';
import {createTestPki} from '../helpers/test-certs.js';

const {session, cleanup} = useFakeSessions();

const texts = (controller: SessionController) => controller.transcript.entries.map(entry => `${entry.kind}: ${entry.text}`).join('\n');
const closed = (controller: SessionController) => eventually(() => controller.sessionState.phase === 'closed', 'the connection to close');

describe('B. server replies', () => {
	it('B1: a 554 banner is shown, nothing is sent, only QUIT is suggested', async () => {
		const {controller, server} = await session({greeting: '554 5.3.2 no service for you\r\n'});
		const outcome = await controller.connect();
		expect(outcome).toMatchObject({ok: false, stage: 'greeting'});
		expect(controller.sessionState.greetingRefused).toBe(true);
		expect(texts(controller)).toMatch(/refused service in its banner \(554 5\.3\.2 no service for you\); only QUIT/);
		expect(controller.validate('EHLO x.example').diagnostics.map(diagnostic => diagnostic.code)).toContain('greeting-refused');
		expect(wire(server)).toEqual([]);
	});

	it('B1: a 199 banner is a protocol violation, not a greeting', async () => {
		const {controller, server} = await session({greeting: '199 odd\r\n'});
		const outcome = await controller.connect();
		expect(outcome).toMatchObject({ok: false, stage: 'greeting'});
		expect(texts(controller)).toMatch(/199 is not a valid SMTP reply code/);
		expect(wire(server)).toEqual([]);
	});

	it('B1: a 421 banner closes the session', async () => {
		const {controller, server} = await session({greeting: ['421 4.3.2 too busy\r\n', {close: 'fin'}]});
		const outcome = await controller.connect();
		expect(outcome.ok).toBe(false);
		await closed(controller);
		expect(texts(controller)).toMatch(/421/);
		expect(wire(server)).toEqual([]);
	});

	it('B2: no banner: the greeting timeout fires, the wait was visible, the connection closes', async () => {
		const {controller, server} = await session({greeting: ['220-partial\r\n', {silence: true}]}, {timeouts: {greeting: 300}});
		const outcome = controller.connect();
		await eventually(() => controller.getSnapshot().wait?.label === 'the banner', 'the banner wait');
		expect(controller.getSnapshot().wait?.source).toBe('RFC 5321 4.5.3.2.1');
		expect(await outcome).toMatchObject({ok: false, stage: 'greeting'});
		await closed(controller);
		expect(texts(controller)).toMatch(/waited 0\.3s for the banner \(RFC 5321 4\.5\.3\.2\.1\)/);
		expect(wire(server)).toEqual([]);
	});

	it('B3: a reply dripped one byte at a time is reassembled', async () => {
		const {controller} = await session({
			greeting: {write: '220 drip ESMTP\r\n', split: 'bytes', gapMs: 1},
			replies: {EHLO: {write: '250-drip\r\n250-PIPELINING\r\n250 SIZE 5\r\n', split: 'bytes', gapMs: 1}},
		});
		expect((await controller.connect()).ok).toBe(true);
		const ehlo = await controller.command('EHLO client.example.com');
		expect(ehlo.ok && ehlo.reply.lines.length).toBe(3);
		expect(controller.sessionState.ehlo?.sizeLimit).toBe(5);
	});

	it('B4: a code-only last line is accepted; mismatched codes are a violation, never success', async () => {
		const {controller, server} = await session({replies: {NOOP: '250-first\r\n250\r\n', RSET: '250-first\r\n550 second\r\n'}});
		await controller.connect();
		const noop = await controller.command('NOOP');
		expect(noop.ok && noop.reply.code).toBe(250);
		const rset = await controller.command('RSET');
		expect(rset.ok).toBe(false);
		expect(rset.ok ? undefined : rset.error).toBeInstanceOf(ProtocolViolation);
		expect(rset.ok ? '' : rset.error.message).toMatch(/changed its code from 250 to 550/);
		expect(controller.sessionState.desynchronized).toBeDefined();
		expect(wire(server)).toEqual(['NOOP', 'RSET']);
	});

	it('B5: a line without a code is a protocol error, shown escaped, session marked out of step', async () => {
		const {controller} = await session({replies: {NOOP: 'ERROR \u001B[31mboom\r\n'}});
		await controller.connect();
		const outcome = await controller.command('NOOP');
		expect(outcome.ok).toBe(false);
		const saved = formatText(controller.transcript.entries);
		expect(saved).toContain(String.raw`Received: ERROR \x1b[31mboom\r\n`);
		expect(saved).toMatch(/reconnect for a clean session/);
		expect(controller.validate('NOOP').diagnostics.map(diagnostic => diagnostic.code)).toContain('desynchronized');
	});

	it('B6: a 16 KiB reply line is refused and the connection closed', async () => {
		const {controller} = await session({replies: {NOOP: `250 ${'x'.repeat(16_384)}\r\n`}});
		await controller.connect();
		const outcome = await controller.command('NOOP');
		expect(outcome.ok).toBe(false);
		await closed(controller);
		expect(texts(controller)).toMatch(/exceeded 8192 bytes/);
	});

	it('B7: an endless 250- continuation is cut off and the connection closed', async () => {
		const endless = async (connection: {closed: boolean; write(data: string): Promise<void>}) => {
			while (!connection.closed) await connection.write(`250-${'y'.repeat(1000)}\r\n`);
		};

		const {controller} = await session({replies: {EHLO: endless}});
		await controller.connect();
		const outcome = await controller.command('EHLO client.example.com');
		expect(outcome.ok).toBe(false);
		await closed(controller);
		expect(texts(controller)).toMatch(/A reply exceeded 65536 bytes/);
	});

	it('B8: bare-LF line ends and stray empty lines are tolerated and flagged', async () => {
		const {controller} = await session({greeting: '\r\n220 lf\n', replies: {NOOP: '250 ok\n'}});
		expect((await controller.connect()).ok).toBe(true);
		const outcome = await controller.command('NOOP');
		expect(outcome.ok && outcome.reply.code).toBe(250);
		expect(controller.transcript.entries.filter(entry => entry.note === 'bare LF, not CRLF')).toHaveLength(2);
		expect(texts(controller)).toMatch(/warning: The server sent an empty line/);
	});

	it('B9: invalid UTF-8 is shown as \\xNN and the exact bytes are kept', async () => {
		const {controller} = await session({replies: {NOOP: {write: Buffer.from([0x32, 0x35, 0x30, 0x20, 0x63, 0xff, 0x0d, 0x0a])}}});
		await controller.connect();
		await controller.command('NOOP');
		const line = controller.transcript.entries.find(entry => entry.inReplyTo === 'NOOP')!;
		expect([...line.bytes!]).toEqual([0x32, 0x35, 0x30, 0x20, 0x63, 0xff, 0x0d, 0x0a]);
		expect(formatText([line])).toBe(String.raw`<-  250 c\xff` + '\n');
	});

	it('B10: escape sequences, C1 and bidi controls in reply text never reach a saved file raw', async () => {
		const evil = '250 \u001B[2J\u001B]0;pwned\u0007\u001B]52;c;Y2xpcA==\u0007\u009B31m\u202Egnp.exe\r\n';
		const {controller} = await session({replies: {NOOP: evil}});
		await controller.connect();
		await controller.command('NOOP');
		const saved = formatText(controller.transcript.entries);
		expect(saved).toContain(String.raw`\x1b[2J\x1b]0;pwned\x07\x1b]52;c;Y2xpcA==\x07\u009b31m\u202egnp.exe`);
		expect(/[\u001B\u0007\u009B\u202E]/.test(saved)).toBe(false);
	});

	it('B11: an unsolicited reply is shown as such and never paired with the next command', async () => {
		const {controller} = await session({replies: {NOOP: '250 ok\r\n250 surprise\r\n', RSET: [{delayMs: 50}, '250 2.0.0 reset\r\n']}});
		await controller.connect();
		await controller.command('NOOP');
		await eventually(() => controller.sessionState.unsolicited === 1, 'the unsolicited reply');
		const rset = await controller.command('RSET');
		expect(rset.ok && rset.reply.lines[0]!.text).toBe('2.0.0 reset');
		expect(controller.transcript.entries.find(entry => entry.text === '250 surprise')?.note).toMatch(/unsolicited/);
	});

	it('B12: 421 in the middle of a pipelined group fails the rest, sends no RSET, and closes', async () => {
		const {controller, server} = await session({replies: {MAIL: ['421 4.3.2 shutting down\r\n', {close: 'fin'}]}});
		await controller.connect();
		await controller.command('EHLO client.example.com');
		const mail = controller.send('MAIL FROM:<a@example.com>');
		const rcpt = controller.send('RCPT TO:<b@example.org>', {confirmed: true});
		expect((await mail.outcome!).ok).toBe(true);
		const second = await rcpt.outcome!;
		expect(second.ok).toBe(false);
		await closed(controller);
		expect(texts(controller)).toMatch(/the server is closing the session \(421\): 4\.3\.2 shutting down \(in reply to MAIL\)/);
		expect(wire(server).some(line => line.startsWith('RSET'))).toBe(false);
		expect(controller.send('NOOP').status).toBe('blocked');
	});

	it('B13: EHLO refused falls back to HELO; with TLS required it aborts instead; both refused is an error', async () => {
		const fallback = await session({replies: {EHLO: '502 5.5.1 no EHLO here\r\n'}});
		expect((await openSession(fallback.controller, {ehloName: 'c.example', startTls: 'no'})).ok).toBe(true);
		expect(wire(fallback.server)).toEqual(['EHLO c.example', 'HELO c.example']);

		const required = await session({replies: {EHLO: '502 5.5.1 no EHLO here\r\n'}});
		const opening = await openSession(required.controller, {ehloName: 'c.example', startTls: 'require'});
		expect(opening).toMatchObject({ok: false, stage: 'ehlo'});
		expect(wire(required.server)).toEqual(['EHLO c.example']);

		const neither = await session({replies: {EHLO: '500 no\r\n', HELO: '500 no\r\n'}});
		const result = await openSession(neither.controller, {ehloName: 'c.example', startTls: 'no'});
		expect(result).toMatchObject({ok: false, stage: 'ehlo', message: 'EHLO (500) and HELO (500) were both refused: 500 no'});
	});

	it('B14: odd EHLO keywords are parsed tolerantly', async () => {
		const {controller} = await session({replies: {EHLO: '250-odd\r\n250- pipelining\r\n250-auth=login\r\n250 AUTH plain LOGIN\r\n'}});
		await controller.connect();
		await controller.command('EHLO c.example');
		expect(controller.sessionState.ehlo?.auth).toEqual(['LOGIN', 'PLAIN']);
		expect(controller.sessionState.ehlo?.extensions.map(extension => extension.keyword)).toEqual(['PIPELINING', 'AUTH']);
	});

	it('B15: a pipelined cascade (MAIL 550, RCPT 503, DATA 503) is read in full and stays in step', async () => {
		const {controller, server} = await session({replies: {MAIL: '550 5.7.1 sender refused\r\n', RCPT: '503 5.5.1 need MAIL\r\n', DATA: '503 5.5.1 need RCPT\r\n'}});
		await controller.connect();
		await controller.command('EHLO c.example');
		const group = ['MAIL FROM:<a@example.com>', 'RCPT TO:<b@example.org>', 'DATA'].map(line => controller.send(line, {confirmed: true}));
		const codes = await Promise.all(group.map(async item => {
			const outcome = await item.outcome!;
			return outcome.ok ? outcome.reply.code : 0;
		}));
		expect(codes).toEqual([550, 503, 503]);
		const noop = await controller.command('NOOP');
		expect(noop.ok && noop.reply.code).toBe(250);
		expect(wire(server)).toEqual(['EHLO c.example', 'MAIL FROM:<a@example.com>', 'RCPT TO:<b@example.org>', 'DATA', 'NOOP']);
	});

	it('B15: every RCPT refused but DATA got 354: a lone "." ends it, and the next transaction works', async () => {
		const {controller, server} = await session({replies: {RCPT: '550 5.1.1 no\r\n', DATA: '354 go\r\n', 'DATA-END': '554 5.5.1 no valid recipients\r\n'}});
		await controller.connect();
		await controller.command('EHLO c.example');
		const group = ['MAIL FROM:<a@example.com>', 'RCPT TO:<b@example.org>', 'DATA'].map(line => controller.send(line, {confirmed: true}));
		await Promise.all(group.map(item => item.outcome));
		await eventually(() => controller.sessionState.phase === 'greeted' && controller.sessionState.pending.length === 0, 'the lone dot reply');
		expect(wire(server).slice(-1)).toEqual(['.']);
		expect(texts(controller)).toMatch(/ending the message at once with a lone "\."/);
		const mail = await controller.command('MAIL FROM:<a@example.com>');
		expect(mail.ok && mail.reply.code).toBe(250);
	});

	it('B16: DATA refused: no body bytes are sent', async () => {
		const {controller, server} = await session({replies: {DATA: '554 5.5.1 no\r\n'}});
		await controller.connect();
		await controller.command('EHLO c.example');
		await controller.command('MAIL FROM:<a@example.com>');
		await controller.command('RCPT TO:<b@example.org>');
		const data = await controller.command('DATA');
		expect(data.ok && data.reply.code).toBe(554);
		const body = await controller.sendData('Subject: never\r\n\r\nbody\r\n');
		expect(body).toMatchObject({ok: false, error: {type: 'not-sent', reason: 'not-in-data', message: expect.stringMatching(/not waiting for a message body/) as string}});
		expect(wire(server)).toEqual(['EHLO c.example', 'MAIL FROM:<a@example.com>', 'RCPT TO:<b@example.org>', 'DATA']);
	});

	it('B17: endless 334 challenges are cut off with "*" after a few rounds', async () => {
		const {controller, server} = await session({replies: {EHLO: '250-x\r\n250 AUTH LOGIN\r\n', AUTH: '334 VXNlcm5hbWU6\r\n', 'AUTH-RESPONSE': '334 UGFzc3dvcmQ6\r\n'}});
		await controller.connect();
		await controller.command('EHLO c.example');
		const result = await authenticate(controller, {mechanism: 'LOGIN', credentials: {user: 'alice', password: 'secret'}});
		expect(result.ok).toBe(false);
		expect(wire(server).at(-1)).toBe('*');
		expect(texts(controller)).not.toMatch(/c2VjcmV0|secret/);
	});

	it('B17: a challenge that is not base64 is flagged, and a multi-line 535 is shown in full', async () => {
		const {controller} = await session({replies: {AUTH: '334 this is not base64!\r\n', 'AUTH-RESPONSE': '535-5.7.8 bad credentials\r\n535 5.7.8 see https://example.com/help\r\n'}});
		await controller.connect();
		await controller.command('EHLO c.example');
		await controller.command('AUTH LOGIN');
		expect(controller.transcript.entries.find(entry => entry.code === 334)?.note).toBe('challenge is not base64');
		await controller.command('*');
		expect(texts(controller)).toMatch(/535-5\.7\.8 bad credentials\nreceived: 535 5\.7\.8 see https:\/\/example\.com\/help/);
	});
});

describe('C. network faults', () => {
	it('C1: connection refused names host and port; no half-open state', async () => {
		const probe = net.createServer();
		await new Promise<void>(resolve => probe.listen(0, '127.0.0.1', resolve));
		const {port} = probe.address() as net.AddressInfo;
		await new Promise(resolve => probe.close(resolve));
		const controller = new SessionController({target: {kind: 'tcp', host: '127.0.0.1', port}});
		const outcome = await controller.connect();
		expect(outcome).toMatchObject({ok: false, stage: 'connect'});
		expect(outcome.ok ? '' : outcome.message).toBe(`connection refused by 127.0.0.1:${port}: nothing listens there`);
		expect(controller.sessionState.phase).toBe('closed');
		expect(controller.send('NOOP').status).toBe('blocked');
	});

	it('C1: a DNS failure is reported as such', async () => {
		const controller = new SessionController({target: {kind: 'tcp', host: 'no-such-host.invalid', port: 25}});
		const outcome = await controller.connect();
		expect(outcome).toMatchObject({ok: false, stage: 'dns'});
		expect(texts(controller)).toMatch(/could not be resolved \(DNS\)/);
	});

	it('C1: the connect timeout covers a TLS handshake that never finishes', async () => {
		const sockets: net.Socket[] = [];
		const silent = net.createServer(socket => sockets.push(socket));
		await new Promise<void>(resolve => silent.listen(0, '127.0.0.1', resolve));
		const stuck = new SessionController({target: {kind: 'tcp', host: '127.0.0.1', port: (silent.address() as net.AddressInfo).port}, implicitTls: true, timeouts: {connect: 300}});
		cleanup(async () => {
			stuck.close();
			for (const socket of sockets) socket.destroy();
			await new Promise(resolve => silent.close(() => resolve(undefined)));
		});
		const outcome = await stuck.connect();
		expect(outcome).toMatchObject({ok: false, stage: 'connect', message: 'no connection after 0.3s (connect timeout)'});
		expect(stuck.sessionState.phase).toBe('closed');
	});

	it('C2: FIN while a reply is awaited: the user is told which command, treat as temporary', async () => {
		const {controller, server} = await session({replies: {MAIL: {close: 'fin'}}});
		await controller.connect();
		await controller.command('EHLO c.example');
		const outcome = await controller.command('MAIL FROM:<a@example.com>');
		expect(outcome).toMatchObject({ok: false, error: {type: 'transport', kind: 'closed', message: 'connection closed by the server'}});
		expect(texts(controller)).toMatch(/connection closed by the server while waiting for the reply to MAIL \(treat as a temporary failure, RFC 5321 3\.8\)/);
		expect(wire(server)).toEqual(['EHLO c.example', 'MAIL FROM:<a@example.com>']);
	});

	it('C2: RST while a reply is awaited, with a partial line shown', async () => {
		const {controller} = await session({replies: {NOOP: ['250 part', {delayMs: 20}, {close: 'rst'}]}});
		await controller.connect();
		const outcome = await controller.command('NOOP');
		expect(outcome.ok).toBe(false);
		const log = texts(controller);
		expect(log).toMatch(/closed in the middle of a reply; partial data: 250 part/);
		expect(log).toMatch(/connection reset by the server while waiting for the reply to NOOP/);
	});

	it('C3: closed right after 354: the message was NOT sent', async () => {
		const {controller} = await session({replies: {DATA: ['354 go ahead\r\n', {close: 'fin'}]}});
		await controller.connect();
		await controller.command('EHLO c.example');
		await controller.command('MAIL FROM:<a@example.com>');
		await controller.command('RCPT TO:<b@example.org>');
		await controller.command('DATA');
		await closed(controller);
		expect(texts(controller)).toMatch(/after 354: the message was NOT sent/);
	});

	it('C4: no reply after the final dot: delivery status unknown, duplicate risk', async () => {
		const {controller} = await session({replies: {DATA: '354 go\r\n', 'DATA-END': {silence: true}}}, {timeouts: {dataEnd: 300}});
		await controller.connect();
		await controller.command('EHLO c.example');
		await controller.command('MAIL FROM:<a@example.com>');
		await controller.command('RCPT TO:<b@example.org>');
		await controller.command('DATA');
		const sending = controller.sendData('hello\r\n');
		await eventually(() => controller.getSnapshot().wait?.source === 'RFC 5321 4.5.3.2.6', 'the data-end wait');
		const outcome = await sending;
		expect(outcome.ok).toBe(false);
		expect(texts(controller)).toMatch(/no reply to the message after 0\.3s \(RFC 5321 4\.5\.3\.2\.6\): delivery status unknown, the server may have accepted it \(sending it again risks a duplicate\)/);
	});

	it('C5: a slow-drip reply still meets a per-command deadline, not an idle timer', async () => {
		const {controller} = await session({replies: {MAIL: {write: '250 2.1.0 sender ok, eventually\r\n', split: 'bytes', gapMs: 40}}}, {timeouts: {mail: 400}});
		await controller.connect();
		await controller.command('EHLO c.example');
		const outcome = await controller.command('MAIL FROM:<a@example.com>');
		expect(outcome.ok).toBe(false);
		expect(texts(controller)).toMatch(/waited 0\.4s for the reply to MAIL \(RFC 5321 4\.5\.3\.2\.2\); closing the connection/);
	});

	it('C6: the link dropping right after QUIT is a clean close', async () => {
		const {controller} = await session({replies: {QUIT: {close: 'fin'}}});
		await controller.connect();
		await controller.quit();
		await closed(controller);
		expect(controller.transcript.entries.filter(entry => entry.kind === 'error')).toEqual([]);
	});

	it('C7: commands after a disconnect are refused locally; reconnecting clears EHLO, TLS and the envelope', async () => {
		const {controller, server} = await session({replies: {RCPT: {close: 'fin'}}});
		await controller.connect();
		await controller.command('EHLO c.example');
		await controller.command('MAIL FROM:<a@example.com>');
		await controller.command('RCPT TO:<b@example.org>');
		await closed(controller);
		const refused = controller.send('NOOP', {confirmed: true});
		expect(refused.status).toBe('blocked');
		expect(refused.validation.diagnostics[0]?.message).toBe('Not connected, so nothing can be sent.');
		expect((await controller.connect()).ok).toBe(true);
		expect(controller.sessionState).toMatchObject({phase: 'connected', envelope: {recipients: []}});
		expect(controller.sessionState.ehlo).toBeUndefined();
		expect(wire(server).includes('NOOP')).toBe(false);
	});
});

describe('D. TLS', () => {
	const starttlsEhlo = '250-fake.test\r\n250-PIPELINING\r\n250 STARTTLS\r\n';

	for (const [name, key, reason] of [
		['self-signed', 'selfSigned', /self-signed/],
		['expired', 'expired', /expired on \d{4}-\d\d-\d\d/],
		['wrong host', 'wrongHost', /wrong host name: the certificate is for other\.example\.net, not for 127\.0\.0\.1/],
		['unknown CA', 'valid', /unknown CA/],
	] as const) {
		it(`D1/D2: STARTTLS with a ${name} certificate fails closed, with the reason`, async () => {
			const pki = await createTestPki();
			const trusted = name === 'unknown CA' ? {} : {ca: pki.ca.cert};
			const {controller, server} = await session({tls: pki[key], replies: {EHLO: starttlsEhlo}}, {tls: trusted});
			const opening = await openSession(controller, {ehloName: 'c.example', startTls: 'starttls'});
			expect(opening).toMatchObject({ok: false, stage: 'starttls'});
			expect(opening.ok ? '' : opening.message).toMatch(reason);
			await closed(controller);
			expect(texts(controller)).toMatch(/STARTTLS failed: .*no plaintext fallback/);
			expect(wire(server)).toEqual(['EHLO c.example', 'STARTTLS']);
		});
	}

	it('D1: implicit TLS with an expired certificate fails closed; --insecure proceeds and says so everywhere', async () => {
		const pki = await createTestPki();
		const strict = await session({tls: pki.expired, implicitTls: true}, {implicitTls: true, tls: {ca: pki.ca.cert}});
		const refused = await strict.controller.connect();
		expect(refused).toMatchObject({ok: false, stage: 'tls'});
		expect(refused.ok ? '' : refused.message).toMatch(/expired/);

		const loose = await session({tls: pki.expired, implicitTls: true}, {implicitTls: true, tls: {ca: pki.ca.cert, insecure: true}});
		expect((await loose.controller.connect()).ok).toBe(true);
		expect(loose.controller.sessionState.tls).toMatchObject({verified: false, insecure: true, verifyError: expect.stringMatching(/expired/)});
		expect(loose.controller.getSnapshot().insecure).toBe(true);
		expect(texts(loose.controller)).toMatch(/certificate verification is OFF \(--insecure\)/);
		expect(texts(loose.controller)).toMatch(/certificate NOT verified \(--insecure\): the server's certificate expired/);
	});

	it('D3: TLS required but STARTTLS not offered: abort before any AUTH or MAIL', async () => {
		const {controller, server} = await session();
		const opening = await openSession(controller, {ehloName: 'c.example', startTls: 'require'});
		expect(opening).toMatchObject({ok: false, stage: 'starttls', message: 'the server does not offer STARTTLS and TLS is required'});
		expect(wire(server)).toEqual(['EHLO c.example']);
	});

	it('D4: STARTTLS answered 454: opportunistic mode stays in plaintext and says so', async () => {
		const {controller} = await session({replies: {EHLO: starttlsEhlo, STARTTLS: '454 4.7.0 TLS not available\r\n'}});
		const opening = await openSession(controller, {ehloName: 'c.example', startTls: 'starttls'});
		expect(opening.ok).toBe(true);
		expect(controller.sessionState.tls).toBeUndefined();
		expect(texts(controller)).toMatch(/STARTTLS refused \(454 4\.7\.0 TLS not available\): the session stays in PLAINTEXT/);
	});

	it('D4: STARTTLS answered 454 with --require-tls: abort and close, nothing else sent', async () => {
		const {controller, server} = await session({replies: {EHLO: starttlsEhlo, STARTTLS: '454 4.7.0 TLS not available\r\n'}}, {requireTls: true});
		const opening = await openSession(controller, {ehloName: 'c.example', startTls: 'require'});
		expect(opening).toMatchObject({ok: false, stage: 'starttls'});
		await closed(controller);
		expect(texts(controller)).toMatch(/--require-tls is on: closing rather than going on in plaintext/);
		expect(wire(server)).toEqual(['EHLO c.example', 'STARTTLS', 'QUIT']);
	});

	it('D5: bytes injected after the 220 are discarded with a warning and never read as a reply', async () => {
		const pki = await createTestPki();
		const {controller, server} = await session(
			{tls: pki.valid, replies: {EHLO: starttlsEhlo, STARTTLS: [{write: '220 go ahead\r\n250-INJECTED\r\n250 AUTH PLAIN\r\n'}, {startTls: true}]}},
			{tls: {ca: pki.ca.cert}},
		);
		const opening = await openSession(controller, {ehloName: 'c.example', startTls: 'require'});
		expect(opening.ok).toBe(true);
		expect(texts(controller)).toMatch(/discarded 30 bytes the server sent after its 220 to STARTTLS, before TLS started \(possible STARTTLS response injection\)/);
		expect(controller.sessionState.ehlo?.extensions.map(extension => extension.keyword)).toEqual(['PIPELINING', 'STARTTLS']);
		expect(controller.sessionState.unsolicited).toBe(0);
		expect(wire(server)).toEqual(['EHLO c.example', 'STARTTLS', 'EHLO c.example']);
	});

	it('D6: STARTTLS typed with more commands: STARTTLS goes alone, the rest after the handshake, over TLS', async () => {
		const pki = await createTestPki();
		const {controller, server} = await session({tls: pki.valid, replies: {EHLO: starttlsEhlo}}, {tls: {ca: pki.ca.cert}});
		await controller.connect();
		await controller.command('EHLO c.example');
		const tls = controller.send('STARTTLS');
		const ehlo = controller.send('EHLO c.example');
		expect([tls.status, ehlo.status]).toEqual(['sent', 'queued']);
		expect((await ehlo.outcome!).ok).toBe(true);
		const sentEhlo = controller.transcript.entries.filter(entry => entry.kind === 'sent' && entry.text === 'EHLO c.example');
		expect(sentEhlo.map(entry => entry.tls)).toEqual([false, true]);
		expect(wire(server)).toEqual(['EHLO c.example', 'STARTTLS', 'EHLO c.example']);
	});

	it('D7: after the handshake, everything learned in plaintext is forgotten and EHLO is required', async () => {
		const pki = await createTestPki();
		const {controller} = await session({tls: pki.valid, replies: {EHLO: '250-x\r\n250-SMTPUTF8\r\n250-AUTH PLAIN\r\n250 STARTTLS\r\n'}}, {tls: {ca: pki.ca.cert}});
		await controller.connect();
		await controller.command('EHLO c.example');
		const upgraded = await controller.command('STARTTLS');
		expect(upgraded.ok && upgraded.tls).toBeTruthy();
		expect(controller.sessionState).toMatchObject({phase: 'connected', needsEhlo: true});
		expect(controller.sessionState.ehlo).toBeUndefined();
		expect(controller.validate('MAIL FROM:<jürgen@example.com> SMTPUTF8').diagnostics.map(diagnostic => diagnostic.code)).toContain('ehlo-after-tls');
		expect(texts(controller)).toMatch(/everything learned before TLS is forgotten; send EHLO again \(RFC 3207 4\.2\)/);
	});

	it('queued lines are checked again before they go: one that gained a warning is stopped, with the rest', async () => {
		const {controller, server} = await session({replies: {EHLO: '250-x\r\n250 SIZE 100\r\n', MAIL: [{delayMs: 30}, '550 5.7.1 sender refused\r\n']}});
		await controller.connect();
		await controller.command('EHLO c.example');
		const mail = controller.send('MAIL FROM:<a@example.com>');
		const rcpt = controller.send('RCPT TO:<b@example.org>');
		const data = controller.send('DATA', {confirmed: true});
		expect([mail.status, rcpt.status, data.status]).toEqual(['sent', 'queued', 'queued']);
		expect(await rcpt.outcome).toMatchObject({ok: false, error: {type: 'not-sent', reason: 'queue-stopped', message: expect.stringMatching(/not sent: RCPT before an accepted MAIL/) as string}});
		expect((await data.outcome)?.ok).toBe(false);
		expect(wire(server)).toEqual(['EHLO c.example', 'MAIL FROM:<a@example.com>']);
		expect(texts(controller)).toMatch(/queued "RCPT TO:<b@example.org>" not sent/);
	});

	it('D8: the peer resets right after 220: TLS error reported, connection closed, no plaintext fallback', async () => {
		const {controller, server} = await session({replies: {EHLO: starttlsEhlo, STARTTLS: ['220 go\r\n', {delayMs: 10}, {close: 'rst'}]}});
		const opening = await openSession(controller, {ehloName: 'c.example', startTls: 'starttls'});
		expect(opening).toMatchObject({ok: false, stage: 'starttls'});
		await closed(controller);
		expect(texts(controller)).toMatch(/STARTTLS failed: the server (reset|closed) the connection during the TLS handshake/);
		// After STARTTLS only the TLS ClientHello went out: no command in plaintext.
		expect(wire(server).slice(0, 2)).toEqual(['EHLO c.example', 'STARTTLS']);
		expect(wire(server).slice(2).filter(line => /^[A-Z]{4}/.test(line))).toEqual([]);
	});

	it('D9: STARTTLS on an encrypted session is refused locally; implicit TLS to a plaintext port hints --starttls', async () => {
		const pki = await createTestPki();
		const tls = await session({tls: pki.valid, implicitTls: true, replies: {EHLO: starttlsEhlo}}, {implicitTls: true, tls: {ca: pki.ca.cert}});
		await tls.controller.connect();
		await tls.controller.command('EHLO c.example');
		expect(tls.controller.send('STARTTLS', {confirmed: true}).status).toBe('blocked');
		expect(wire(tls.server)).toEqual(['EHLO c.example']);

		const plain = await session({}, {implicitTls: true});
		const outcome = await plain.controller.connect();
		expect(outcome).toMatchObject({ok: false, stage: 'tls'});
		expect(outcome.ok ? '' : outcome.message).toMatch(/probably speaks plaintext on this port: try --starttls/);
	});

	it('D10: the transcript records protocol, cipher, subject, issuer, expiry, fingerprint and the name checked', async () => {
		const pki = await createTestPki();
		const {controller} = await session({tls: pki.valid, replies: {EHLO: starttlsEhlo}}, {tls: {ca: pki.ca.cert}});
		await openSession(controller, {ehloName: 'c.example', startTls: 'require'});
		const log = texts(controller);
		expect(log).toMatch(/TLS established \(starttls\): TLSv1\.3, TLS_AES_\w+/);
		expect(log).toMatch(/certificate: localhost \(names: localhost, 127\.0\.0\.1, ::1\); issuer [^;]+; valid until \d{4}-\d\d-\d\d \(\d+ days\); SHA-256 ([\dA-F]{2}:){31}[\dA-F]{2}/);
		expect(log).toMatch(/certificate verified for 127\.0\.0\.1/);
	});
});
