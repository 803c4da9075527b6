import {describe, expect, it} from 'vitest';
import {
	initialSessionState,
	type SentCommand,
	type SessionEvent,
	sessionReducer,
	type SessionState,
} from '../../source/protocol/session.js';
import {ehloReply, reply, testTls} from '../helpers/session-state.js';

let nextId = 1;
function sent(line: string, kind: SentCommand['kind'] = 'command', extra: Partial<SentCommand> = {}): SessionEvent {
	const [verb = '', ...rest] = kind === 'command' ? line.split(' ') : [''];
	return {type: 'sent', command: {id: nextId++, kind, verb: verb.toUpperCase(), args: rest.join(' '), display: line, secret: false, sentAt: 0, ...extra}};
}

const run = (events: SessionEvent[], from: SessionState = initialSessionState()) => events.reduce(sessionReducer, from);

const connectedEvents: SessionEvent[] = [{type: 'connecting'}, {type: 'connected'}, {type: 'reply', reply: reply('220 mx.example.com ESMTP')}];
const greetedEvents: SessionEvent[] = [...connectedEvents, sent('EHLO client.example.com'), {type: 'reply', reply: ehloReply('PIPELINING', 'SIZE 1000', 'STARTTLS', 'AUTH PLAIN LOGIN')}];

describe('session reducer', () => {
	it('goes from disconnected through greeting to greeted', () => {
		expect(run([{type: 'connecting'}]).phase).toBe('connecting');
		expect(run([{type: 'connecting'}, {type: 'connected'}]).phase).toBe('greeting');
		expect(run(connectedEvents)).toMatchObject({phase: 'connected', greeting: {code: 220}});
		const state = run(greetedEvents);
		expect(state.phase).toBe('greeted');
		expect(state.hello).toEqual({verb: 'EHLO', name: 'client.example.com'});
		expect(state.ehlo?.auth).toEqual(['PLAIN', 'LOGIN']);
		expect(state.pending).toEqual([]);
	});

	it('a refused banner (554) allows only QUIT; 421 in place of the banner closes', () => {
		const refused = run([{type: 'connecting'}, {type: 'connected'}, {type: 'reply', reply: reply('554 no service')}]);
		expect(refused).toMatchObject({phase: 'connected', greetingRefused: true});
		const closing = run([{type: 'connecting'}, {type: 'connected'}, {type: 'reply', reply: reply('421 busy')}]);
		expect(closing.phase).toBe('closing');
	});

	it('a failed EHLO leaves the phase as it was', () => {
		expect(run([...connectedEvents, sent('EHLO x'), {type: 'reply', reply: reply('502 no')}]).phase).toBe('connected');
	});

	it('walks a whole transaction: sender, each recipient with its reply, data, end', () => {
		const state = run([
			...greetedEvents,
			sent('MAIL FROM:<a@example.com>'),
			{type: 'reply', reply: reply('250 2.1.0 ok')},
			sent('RCPT TO:<b@example.org>'),
			{type: 'reply', reply: reply('250 2.1.5 ok')},
			sent('RCPT TO:<nobody@example.org>'),
			{type: 'reply', reply: reply('550 5.1.1 no such user')},
		]);
		expect(state.phase).toBe('rcpt');
		expect(state.envelope.from).toMatchObject({address: 'a@example.com', status: 'accepted'});
		expect(state.envelope.recipients).toMatchObject([
			{address: 'b@example.org', status: 'accepted', reply: {code: 250, enhanced: '2.1.5'}},
			{address: 'nobody@example.org', status: 'rejected', reply: {code: 550, enhanced: '5.1.1', text: '5.1.1 no such user'}},
		]);
		const data = run([sent('DATA'), {type: 'reply', reply: reply('354 go')}], state);
		expect(data.phase).toBe('data');
		const bodySent = run([sent('', 'data-end')], data);
		expect(bodySent.envelope.body).toBe('sent');
		const done = run([{type: 'reply', reply: reply('250 2.0.0 queued as 123')}], bodySent);
		expect(done.phase).toBe('greeted');
		expect(done.envelope).toEqual({recipients: [], body: 'none'});
		expect(done.lastTransaction).toMatchObject({from: 'a@example.com', accepted: true, reply: {code: 250}});
	});

	it('pairs pipelined replies by order (FIFO), never by code or text', () => {
		const state = run([
			...greetedEvents,
			sent('MAIL FROM:<a@example.com>'),
			sent('RCPT TO:<b@example.org>'),
			sent('RCPT TO:<c@example.org>'),
			sent('DATA'),
		]);
		expect(state.pending.map(command => command.verb)).toEqual(['MAIL', 'RCPT', 'RCPT', 'DATA']);
		const after = run(
			[
				{type: 'reply', reply: reply('250 ok')},
				{type: 'reply', reply: reply('550 no')},
				{type: 'reply', reply: reply('250 ok')},
				{type: 'reply', reply: reply('354 go')},
			],
			state,
		);
		expect(after.envelope.recipients.map(recipient => recipient.status)).toEqual(['rejected', 'accepted']);
		expect(after.phase).toBe('data');
		expect(after.pending).toEqual([]);
	});

	it('a reply with nothing pending is counted as unsolicited and paired with nothing', () => {
		const state = run([...greetedEvents, {type: 'reply', reply: reply('250 surprise')}, sent('NOOP')]);
		expect(state.unsolicited).toBe(1);
		expect(state.pending.map(command => command.verb)).toEqual(['NOOP']);
	});

	it('STARTTLS: 220 starts the handshake; the upgrade forgets extensions, auth and envelope and needs EHLO (RFC 3207 4.2)', () => {
		const handshake = run([...greetedEvents, sent('STARTTLS'), {type: 'reply', reply: reply('220 go ahead')}]);
		expect(handshake.phase).toBe('tls-handshake');
		const upgraded = sessionReducer(handshake, {type: 'tls-established', tls: testTls});
		expect(upgraded).toMatchObject({phase: 'connected', needsEhlo: true, tls: testTls});
		expect(upgraded.ehlo).toBeUndefined();
		expect(upgraded.hello).toBeUndefined();
		expect(upgraded.ehloBeforeTls?.extensions.map(extension => extension.keyword)).toContain('STARTTLS');
		const again = run([sent('EHLO client.example.com'), {type: 'reply', reply: ehloReply('AUTH PLAIN')}], upgraded);
		expect(again).toMatchObject({phase: 'greeted', needsEhlo: false});
	});

	it('STARTTLS refused: the session stays in plaintext', () => {
		const state = run([...greetedEvents, sent('STARTTLS'), {type: 'reply', reply: reply('454 4.7.0 TLS not available')}]);
		expect(state.phase).toBe('greeted');
		expect(state.tls).toBeUndefined();
	});

	it('AUTH: 334 opens a SASL exchange, 235 authenticates with the identity', () => {
		const exchange = run([...greetedEvents, sent('AUTH LOGIN'), {type: 'reply', reply: reply('334 VXNlcm5hbWU6')}]);
		expect(exchange.sasl).toMatchObject({mechanism: 'LOGIN', rounds: 1});
		const done = run(
			[sent('YWxpY2U=', 'sasl-response', {identity: 'alice'}), {type: 'reply', reply: reply('334 UGFzc3dvcmQ6')}, sent('cGFzcw==', 'sasl-response'), {type: 'reply', reply: reply('235 ok')}],
			exchange,
		);
		expect(done.sasl).toBeUndefined();
		expect(done.auth).toEqual({mechanism: 'LOGIN', identity: 'alice'});
	});

	it('AUTH failure ends the exchange without authenticating', () => {
		const state = run([...greetedEvents, sent('AUTH PLAIN x', 'command', {identity: 'alice'}), {type: 'reply', reply: reply('535 5.7.8 bad')}]);
		expect(state.auth).toBeUndefined();
		expect(state.sasl).toBeUndefined();
	});

	it('421 to any command ends the session and drops what was pending', () => {
		const state = run([...greetedEvents, sent('MAIL FROM:<a@example.com>'), sent('RCPT TO:<b@example.org>'), {type: 'reply', reply: reply('421 4.3.2 shutting down')}]);
		expect(state.phase).toBe('closing');
		expect(state.pending).toEqual([]);
		expect(state.closedReason).toMatch(/421/);
	});

	it('RSET and a new EHLO reset the transaction (RFC 5321 4.1.4)', () => {
		const open = run([...greetedEvents, sent('MAIL FROM:<a@example.com>'), {type: 'reply', reply: reply('250 ok')}]);
		expect(run([sent('RSET'), {type: 'reply', reply: reply('250 ok')}], open)).toMatchObject({phase: 'greeted', envelope: {recipients: []}});
		expect(run([sent('EHLO x.example'), {type: 'reply', reply: ehloReply()}], open).envelope.from).toBeUndefined();
	});

	it('BDAT chunks keep the transaction open until LAST is accepted', () => {
		const rcpt = run([...greetedEvents, sent('MAIL FROM:<a@example.com>'), {type: 'reply', reply: reply('250 ok')}, sent('RCPT TO:<b@example.org>'), {type: 'reply', reply: reply('250 ok')}]);
		const chunk = run([sent('BDAT 10', 'bdat', {verb: 'BDAT', last: false}), {type: 'reply', reply: reply('250 got 10')}], rcpt);
		expect(chunk.phase).toBe('bdat');
		const last = run([sent('BDAT 5 LAST', 'bdat', {verb: 'BDAT', last: true}), {type: 'reply', reply: reply('250 queued')}], chunk);
		expect(last.phase).toBe('greeted');
		expect(last.lastTransaction?.accepted).toBe(true);
	});

	it('a violation marks the session out of step and fails the pending command', () => {
		const state = run([...greetedEvents, sent('NOOP'), {type: 'violation', message: 'no code'}]);
		expect(state.desynchronized).toBe('no code');
		expect(state.pending).toEqual([]);
	});

	it('a new connection forgets everything from the last server', () => {
		const state = run([...greetedEvents, {type: 'closed', reason: 'reset'}, {type: 'connecting'}]);
		expect(state).toEqual({...initialSessionState(), phase: 'connecting'});
	});
});
