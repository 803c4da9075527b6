import {describe, expect, it} from 'vitest';
import {openSession} from '../../source/session/open-session.js';
import {eventually, useFakeSessions, wire} from '../helpers/session.js';
import {createTestPki} from '../helpers/test-certs.js';

const {session} = useFakeSessions();

describe('session controller', () => {
	it('connects, reads the banner, and pairs each reply with its command', async () => {
		const {controller, server, transcript} = await session();
		const greeting = await controller.connect();
		expect(greeting.ok).toBe(true);
		expect(controller.sessionState.phase).toBe('connected');
		const ehlo = await controller.command('EHLO client.example.com');
		expect(ehlo.ok && ehlo.reply.code).toBe(250);
		expect(controller.sessionState.ehlo?.sizeLimit).toBe(1_000_000);
		const noop = await controller.command('NOOP');
		expect(noop.ok && noop.reply.code).toBe(250);
		expect(wire(server)).toEqual(['EHLO client.example.com', 'NOOP']);
		const text = transcript();
		expect(text).toContain('<-  220 fake.test ESMTP ready');
		expect(text).toContain(' -> EHLO client.example.com');
		expect(text).toContain('<-  250-PIPELINING');
		const finalLine = controller.transcript.entries.find(entry => entry.text === '250 8BITMIME');
		expect(finalLine).toMatchObject({kind: 'received', code: 250, final: true, inReplyTo: 'EHLO'});
		expect(finalLine?.latencyMs).toBeGreaterThanOrEqual(0);
	});

	it('never sends a line with an error, and needs confirmation for a warning', async () => {
		const {controller, server} = await session();
		await controller.connect();
		const injected = controller.send('MAIL FROM:<a@example.com>\r\nRCPT TO:<x@example.org>', {confirmed: true});
		expect(injected.status).toBe('blocked');
		const unconfirmed = controller.send('XYZZY');
		expect(unconfirmed.status).toBe('needs-confirmation');
		const probe = await controller.command('NOOP');
		expect(probe.ok).toBe(true);
		expect(wire(server)).toEqual(['NOOP']);
	});

	it('queues a command typed while a reply is due (no PIPELINING), and sends it after', async () => {
		const {controller, server} = await session({replies: {EHLO: '250-fake.test\r\n250 SIZE 100\r\n', NOOP: [{delayMs: 150}, '250 slow ok\r\n']}});
		await controller.connect();
		await controller.command('EHLO client.example.com');
		const first = controller.send('NOOP');
		const second = controller.send('RSET');
		expect(first.status).toBe('sent');
		expect(second.status).toBe('queued');
		expect(controller.getSnapshot().queue.length + controller.sessionState.pending.length).toBeGreaterThan(0);
		await eventually(() => wire(server).length >= 2, 'both commands');
		const received = wire(server);
		expect(received).toEqual(['EHLO client.example.com', 'NOOP']);
		const rset = await second.outcome!;
		expect(rset.ok && rset.reply.code).toBe(250);
		expect(wire(server)).toEqual(['EHLO client.example.com', 'NOOP', 'RSET']);
	});

	it('with PIPELINING, sends MAIL, RCPT, RCPT, DATA together and pairs every reply in order', async () => {
		const {controller, server} = await session({sequences: {RCPT: ['550 5.1.1 no such user\r\n', '250 ok\r\n']}, replies: {DATA: '354 go\r\n'}});
		await controller.connect();
		await controller.command('EHLO client.example.com');
		const results = ['MAIL FROM:<a@example.com>', 'RCPT TO:<nobody@example.org>', 'RCPT TO:<b@example.org>', 'DATA'].map(line => controller.send(line, {confirmed: true}));
		expect(results.map(result => result.status)).toEqual(['sent', 'sent', 'sent', 'sent']);
		const outcomes = await Promise.all(results.map(result => result.outcome!));
		expect(outcomes.map(outcome => outcome.ok && outcome.reply.code)).toEqual([250, 550, 250, 354]);
		expect(controller.sessionState.envelope.recipients.map(recipient => recipient.status)).toEqual(['rejected', 'accepted']);
		expect(controller.sessionState.phase).toBe('data');
		const sent = await controller.sendData('Subject: hi\r\n\r\n.dot line\r\nbare\nend');
		expect(sent.ok && sent.reply.code).toBe(250);
		expect(wire(server).slice(-6)).toEqual(['Subject: hi', '', '..dot line', 'bare', 'end', '.']);
	});

	it('sends a message in BDAT chunks with exact byte counts', async () => {
		const {controller, server} = await session({replies: {EHLO: '250-fake.test\r\n250-CHUNKING\r\n250 PIPELINING\r\n'}});
		await controller.connect();
		await controller.command('EHLO client.example.com');
		await controller.command('MAIL FROM:<a@example.com>');
		await controller.command('RCPT TO:<b@example.org>');
		const result = await controller.sendBdat('Subject: x\n\nhello\n', 8);
		expect(result.ok && result.reply.code).toBe(250);
		expect(server.bdatChunks.map(chunk => chunk.toString())).toEqual(['Subject:', ' x\r\n\r\nhe', 'llo\r\n']);
		expect(wire(server).filter(line => line.startsWith('BDAT'))).toEqual(['BDAT 8', 'BDAT 8', 'BDAT 5 LAST']);
		expect(controller.sessionState.phase).toBe('greeted');
	});

	it('STARTTLS upgrades with verification against the named host, forgets the plaintext EHLO, and re-EHLOs', async () => {
		const pki = await createTestPki();
		const {controller, server} = await session(
			{tls: pki.valid, replies: {EHLO: '250-fake.test\r\n250-STARTTLS\r\n250 SIZE 10\r\n'}},
			{tls: {ca: pki.ca.cert}},
		);
		const opening = await openSession(controller, {ehloName: 'client.example.com', startTls: 'require'});
		expect(opening.ok).toBe(true);
		if (!opening.ok) return;
		expect(opening.tls).toMatchObject({via: 'starttls', verified: true, insecure: false});
		expect(opening.tls?.peer?.altNames).toContain('localhost');
		expect(controller.sessionState.tls?.protocol).toMatch(/TLSv1\.[23]/);
		expect(wire(server)).toEqual(['EHLO client.example.com', 'STARTTLS', 'EHLO client.example.com']);
		expect(controller.transcript.entries.some(entry => entry.kind === 'sent' && entry.tls && entry.text === 'EHLO client.example.com')).toBe(true);
	});

	it('reconnecting forgets all server state', async () => {
		const {controller} = await session();
		await controller.connect();
		await controller.command('EHLO client.example.com');
		expect(controller.sessionState.ehlo).toBeDefined();
		const again = await controller.connect();
		expect(again.ok).toBe(true);
		expect(controller.sessionState.ehlo).toBeUndefined();
		expect(controller.sessionState.phase).toBe('connected');
	});

	it('QUIT waits for 221 and closes cleanly', async () => {
		const {controller, server} = await session();
		await controller.connect();
		await controller.quit();
		await eventually(() => controller.sessionState.phase === 'closed', 'closed');
		expect(wire(server)).toEqual(['QUIT']);
		expect(controller.transcript.entries.at(-1)?.kind).toBe('info');
	});

	it('exposes the wait in progress and lets the user cancel it', async () => {
		const {controller, server} = await session({replies: {NOOP: {silence: true}}});
		await controller.connect();
		controller.send('NOOP');
		await eventually(() => controller.getSnapshot().wait !== undefined, 'a wait');
		expect(controller.getSnapshot().wait).toMatchObject({label: 'the reply to NOOP', timeoutMs: 300_000});
		expect(controller.cancel()).toBe(true);
		await eventually(() => controller.sessionState.phase === 'closed', 'closed');
		expect(controller.transcript.entries.map(entry => entry.text).join('\n')).toMatch(/cancelled while waiting for the reply to NOOP/);
		expect(wire(server)).toEqual(['NOOP']);
	});
});
