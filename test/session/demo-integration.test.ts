import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {type DemoServer, startDemoServer} from '../../source/demo/server.js';
import {authenticate, type AuthRequest} from '../../source/session/authenticate.js';
import {SessionController} from '../../source/session/controller.js';
import {openSession} from '../../source/session/open-session.js';
import {formatText} from '../../source/protocol/transcript-format.js';

/** The whole journey against the built-in demo server: a real SMTP server on loopback. */
let demo: DemoServer;
beforeAll(async () => {
	demo = await startDemoServer();
});
afterAll(async () => {
	await demo.close();
});

const body = ['Subject: Grüße from the demo', 'From: <demo@example.com>', '', '.leading dot survives', 'ünïcödé 8-bit line', 'bare LF line\nand CR line\rend'].join('\r\n');

describe.each(['PLAIN', 'LOGIN', 'CRAM-MD5'] as const)('demo server, AUTH %s', mechanism => {
	it('EHLO, STARTTLS, EHLO, AUTH, MAIL, two RCPT (one rejected), DATA, QUIT: the message arrives intact', async () => {
		const controller = new SessionController({target: {kind: 'tcp', host: demo.host, port: demo.port}, tls: {ca: demo.caCert}});
		try {
			const opening = await openSession(controller, {ehloName: 'client.example.com', startTls: 'require'});
			expect(opening.ok).toBe(true);
			if (!opening.ok) return;
			expect(opening.ehloBeforeTls?.auth).toEqual([]);
			expect(opening.ehlo?.auth).toEqual(['PLAIN', 'LOGIN', 'CRAM-MD5']);
			expect(opening.tls?.verified).toBe(true);

			const request: AuthRequest = {mechanism, credentials: {user: demo.credentials.user, password: demo.credentials.password}};
			const auth = await authenticate(controller, request);
			expect(auth.ok).toBe(true);
			expect(controller.sessionState.auth).toEqual({mechanism, identity: 'demo'});

			const count = demo.messages.length;
			expect((await controller.command('MAIL FROM:<demo@example.com> BODY=8BITMIME')).ok).toBe(true);
			const accepted = await controller.command('RCPT TO:<alice@example.org>');
			const rejected = await controller.command('RCPT TO:<nobody@example.org>');
			expect(accepted.ok && accepted.reply.code).toBe(250);
			expect(rejected.ok && [rejected.reply.code, rejected.reply.enhanced?.code]).toEqual([550, '5.1.1']);
			const data = await controller.command('DATA');
			expect(data.ok && data.reply.code).toBe(354);
			const sent = await controller.sendData(body);
			expect(sent.ok && sent.reply.code).toBe(250);
			await controller.quit();

			expect(demo.messages).toHaveLength(count + 1);
			const message = demo.messages.at(-1)!;
			expect(message.recipients).toEqual(['alice@example.org']);
			expect(message.authUser).toBe('demo');
			expect(message.tls).toBe(true);
			const raw = message.raw.toString('utf8');
			expect(raw).toBe(`${body.replace(/\r?\n|\r/g, '\r\n')}\r\n`);
			expect(raw).toContain('\r\n.leading dot survives\r\n');
			expect(message.raw.includes(Buffer.from('ünïcödé'))).toBe(true);
			expect(/[^\r]\n|\r[^\n]/.test(raw)).toBe(false);

			// The saved transcript never holds the password, in any form.
			const saved = formatText(controller.transcript.entries);
			expect(saved).not.toContain(demo.credentials.password);
			expect(saved).not.toContain(Buffer.from(demo.credentials.password).toString('base64'));
			expect(saved).toMatch(/ ~> AUTH (PLAIN <redacted>|LOGIN|CRAM-MD5)/);
		} finally {
			controller.close();
		}
	});
});
