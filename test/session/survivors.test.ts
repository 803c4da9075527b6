/**
Behaviours a mutation run showed no test could fail on (issue 11, "pin the survivors"):
each test here fails when the behaviour it names is taken out.
*/
import {describe, expect, it} from 'vitest';
import {canSendNow} from '../../source/protocol/pipelining.js';
import type {FakeConnection} from '../helpers/fake-smtp-server.js';
import {greetedState} from '../helpers/session-state.js';
import {eventually, useFakeSessions, wire} from '../helpers/session.js';

const {session} = useFakeSessions();

describe('a 421 from a server that stays open (RFC 5321 3.8)', () => {
	it('fails what was pending, sends nothing queued, and closes the connection itself', async () => {
		let serverSide: FakeConnection | undefined;
		const {controller, server} = await session({
			replies: {
				MAIL: [
					'421 4.3.2 shutting down\r\n',
					async connection => {
						serverSide = connection;
					},
				],
			},
		});
		await controller.connect();
		await controller.command('EHLO client.example.com');
		const mail = controller.send('MAIL FROM:<a@example.com>');
		const data = controller.send('DATA', {confirmed: true});
		// DATA ends the pipelined group (RFC 2920 3.1): NOOP waits in the queue.
		const noop = controller.send('NOOP', {confirmed: true});
		expect(noop.status).toBe('queued');
		expect((await mail.outcome!).ok).toBe(true);
		expect((await data.outcome!).ok).toBe(false);
		// Cleared at the 421 itself, with the reason, not left to fail later when the socket closes.
		expect(await noop.outcome!).toMatchObject({ok: false, error: {type: 'not-sent', reason: 'closed', message: 'not sent: the server closed the session'}});
		expect(controller.transcript.entries.some(entry => entry.kind === 'warning' && entry.text === '1 queued line not sent: the server closed the session')).toBe(true);
		await eventually(() => controller.sessionState.phase === 'closed', 'the client to close the connection');
		await eventually(() => serverSide?.closed === true, 'the server to see the connection end');
		expect(wire(server)).not.toContain('NOOP');
		expect(controller.getSnapshot().queue).toEqual([]);
	});
});

describe('NOOP and EHLO end a pipelined group (RFC 2920 3.1)', () => {
	const pending = (...verbs: string[]) => greetedState(undefined, {pending: verbs.map((verb, index) => ({id: index + 1, kind: 'command' as const, verb, args: '', display: verb, secret: false, sentAt: 0}))});

	it('MAIL, RCPT and RSET may be followed at once; NOOP, EHLO, DATA, VRFY may not', () => {
		expect(canSendNow(pending('MAIL', 'RCPT', 'RSET'))).toBe(true);
		for (const last of ['NOOP', 'EHLO', 'DATA', 'VRFY', 'STARTTLS', 'AUTH']) expect(canSendNow(pending('MAIL', last)), last).toBe(false);
	});

	it('a command typed after a pipelined NOOP waits for its reply', async () => {
		const {controller, server} = await session({replies: {NOOP: [{delayMs: 150}, '250 2.0.0 ok\r\n']}});
		await controller.connect();
		await controller.command('EHLO client.example.com');
		const mail = controller.send('MAIL FROM:<a@example.com>');
		const noop = controller.send('NOOP', {confirmed: true});
		const rcpt = controller.send('RCPT TO:<b@example.org>', {confirmed: true});
		expect([mail.status, noop.status, rcpt.status]).toEqual(['sent', 'sent', 'queued']);
		await rcpt.outcome;
		expect(wire(server)).toEqual(['EHLO client.example.com', 'MAIL FROM:<a@example.com>', 'NOOP', 'RCPT TO:<b@example.org>']);
	});
});

describe('the per-block DATA timeout (RFC 5321 4.5.3.2.5)', () => {
	it('a server that stops reading mid-message: the block deadline fires, the message is said NOT sent, the final dot never goes', async () => {
		const {controller, server} = await session(
			{
				replies: {
					DATA: [
						'354 go ahead\r\n',
						async connection => {
							connection.socket.pause();
						},
					],
				},
			},
			{timeouts: {dataBlock: 300}},
		);
		await controller.connect();
		await controller.command('EHLO client.example.com');
		await controller.command('MAIL FROM:<a@example.com>');
		await controller.command('RCPT TO:<b@example.org>');
		await controller.command('DATA');
		// Far more than the socket buffers on both sides hold.
		const outcome = await controller.sendData('a line of the message that will not all be read\r\n'.repeat(400_000));
		expect(outcome.ok).toBe(false);
		expect(controller.transcript.entries.some(entry => entry.kind === 'error' && /the message was NOT sent completely: the server did not accept data for 0\.3s/.test(entry.text))).toBe(true);
		await eventually(() => controller.sessionState.phase === 'closed', 'the connection to close');
		expect(server.received.includes(Buffer.from('\r\n.\r\n'))).toBe(false);
	});
});
