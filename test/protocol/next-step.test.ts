/**
The walk (Ctrl+N) as a table: for each state of a session, the exact line the composer is
filled with, the verb whose catalog entry explains it, and a why/expect the step panel can
show as sentences.
*/
import {describe, expect, it} from 'vitest';
import {suggestNext, type WalkPlan} from '../../source/protocol/next-step.js';
import {initialSessionState, type SentCommand, sessionReducer, type SessionState} from '../../source/protocol/session.js';
import {validateLine} from '../../source/protocol/validate.js';
import {walkKeys as keys} from '../../source/ui/keymap.js';
import {greetedState, reply, testTls} from '../helpers/session-state.js';

const plan: WalkPlan = {ehloName: 'client.example.com'};
const planWithUser: WalkPlan = {ehloName: 'client.example.com', user: 'demo'};

const banner = {code: 220, text: 'mx.example.com ESMTP'};
const afterTls = greetedState(['PIPELINING', 'SIZE 1000000', '8BITMIME', 'AUTH PLAIN LOGIN CRAM-MD5'], {tls: testTls});
const authenticated = {...afterTls, auth: {mechanism: 'PLAIN', identity: 'demo'}};
const sender = {address: 'demo@example.com', status: 'accepted' as const};

type Row = {state: string; session: SessionState; plan: WalkPlan; line: string; verb: string};

const rows: Row[] = [
	{state: 'disconnected', session: initialSessionState(), plan, line: '', verb: ''},
	{state: 'closed after a session', session: {...initialSessionState(), phase: 'closed', closedReason: 'QUIT'}, plan, line: '', verb: ''},
	{state: 'waiting for the banner', session: {...initialSessionState(), phase: 'greeting'}, plan, line: '', verb: ''},
	{state: 'connected, no EHLO yet', session: {...initialSessionState(), phase: 'connected', greeting: banner}, plan, line: 'EHLO client.example.com', verb: 'EHLO'},
	{state: 'greeted in plaintext with STARTTLS offered (and a user known)', session: greetedState(['STARTTLS', 'AUTH PLAIN LOGIN']), plan: planWithUser, line: 'STARTTLS', verb: 'STARTTLS'},
	{state: 'greeted in plaintext with STARTTLS offered but the plan says no TLS', session: greetedState(['STARTTLS']), plan: {...plan, startTls: false}, line: 'MAIL FROM:<me@example.com>', verb: 'MAIL'},
	{state: 'greeted over TLS with AUTH offered and a user', session: afterTls, plan: planWithUser, line: 'AUTH PLAIN', verb: 'AUTH'},
	{state: 'greeted over TLS, AUTH offered LOGIN first', session: greetedState(['AUTH LOGIN PLAIN'], {tls: testTls}), plan: planWithUser, line: 'AUTH LOGIN', verb: 'AUTH'},
	{state: 'greeted over TLS, only mechanisms the walk cannot do', session: greetedState(['AUTH GSSAPI NTLM'], {tls: testTls}), plan: planWithUser, line: 'MAIL FROM:<demo@example.com>', verb: 'MAIL'},
	{state: 'greeted with AUTH offered but no user', session: afterTls, plan, line: 'MAIL FROM:<me@example.com>', verb: 'MAIL'},
	{state: 'authenticated', session: authenticated, plan: planWithUser, line: 'MAIL FROM:<demo@example.com>', verb: 'MAIL'},
	{state: 'authenticated, with the sender and recipient in the plan', session: authenticated, plan: {...planWithUser, from: 'bob@example.net', to: ['carol@example.org']}, line: 'MAIL FROM:<bob@example.net>', verb: 'MAIL'},
	{state: 'in a transaction with no recipient', session: {...authenticated, phase: 'mail', envelope: {from: sender, recipients: [], body: 'none'}}, plan: planWithUser, line: 'RCPT TO:<alice@example.org>', verb: 'RCPT'},
	{
		state: 'in a transaction whose only recipient was refused',
		session: {...authenticated, phase: 'mail', envelope: {from: sender, recipients: [{address: 'nobody@example.org', status: 'rejected'}], body: 'none'}},
		plan: {...planWithUser, to: ['carol@example.org']},
		line: 'RCPT TO:<carol@example.org>',
		verb: 'RCPT',
	},
	{
		state: 'with one accepted recipient',
		session: {...authenticated, phase: 'rcpt', envelope: {from: sender, recipients: [{address: 'alice@example.org', status: 'accepted'}], body: 'none'}},
		plan: planWithUser,
		line: 'DATA',
		verb: 'DATA',
	},
	{
		state: 'data phase, before the body',
		session: {...authenticated, phase: 'data', envelope: {from: sender, recipients: [{address: 'alice@example.org', status: 'accepted'}], body: 'none'}},
		plan: planWithUser,
		line: '',
		verb: '',
	},
	{
		state: 'data phase, after the body (awaiting the verdict)',
		session: {...authenticated, phase: 'data', envelope: {from: sender, recipients: [{address: 'alice@example.org', status: 'accepted'}], body: 'sent'}},
		plan: planWithUser,
		line: '',
		verb: '',
	},
	{
		state: 'after a transaction',
		session: {...authenticated, lastTransaction: {from: 'demo@example.com', recipients: [{address: 'alice@example.org', status: 'accepted'}], reply: {code: 250, text: 'queued'}, accepted: true}},
		plan: planWithUser,
		line: 'QUIT',
		verb: 'QUIT',
	},
	{state: 'a refused banner', session: {...initialSessionState(), phase: 'connected', greeting: {code: 554, text: 'no service for you'}, greetingRefused: true}, plan: planWithUser, line: 'QUIT', verb: 'QUIT'},
	{state: 'a SASL exchange in progress', session: {...afterTls, sasl: {mechanism: 'LOGIN', rounds: 1}}, plan: planWithUser, line: '', verb: 'AUTH'},
	{state: 'needsEhlo after TLS', session: {...initialSessionState(), phase: 'connected', greeting: banner, tls: testTls, needsEhlo: true, ehloBeforeTls: afterTls.ehlo}, plan: planWithUser, line: 'EHLO client.example.com', verb: 'EHLO'},
];

describe('suggestNext: the walk, state by state', () => {
	it.each(rows)('$state: suggests "$line" ($verb)', ({session, plan: walkPlan, line, verb}) => {
		const step = suggestNext(session, walkPlan, keys);
		expect({line: step.line, verb: step.verb}).toEqual({line, verb});
	});

	it.each(rows)('$state: why is a sentence and expect names a reply', ({session, plan: walkPlan}) => {
		const step = suggestNext(session, walkPlan, keys);
		// "why" is shown as is: a capitalised sentence ending with a full stop.
		expect(step.why).toMatch(/^[A-Z\d].*\S\.$/s);
		// The app writes `Expect: ${expect}.`: a non-empty phrase without its own full stop.
		expect(step.expect.trim()).toBe(step.expect);
		expect(step.expect.length).toBeGreaterThan(3);
		expect(step.expect).not.toMatch(/\.$/);
	});
});

describe('suggestNext: what the explanations say', () => {
	it('after TLS, the EHLO step says why a second EHLO is needed (RFC 3207 4.2)', () => {
		const step = suggestNext({...initialSessionState(), phase: 'connected', greeting: banner, tls: testTls, needsEhlo: true}, plan, keys);
		expect(step.why).toMatch(/TLS/);
		expect(step.why).toMatch(/RFC 3207 4\.2/);
	});

	it('the AUTH step names the user and the mechanisms the server offers', () => {
		const step = suggestNext(afterTls, planWithUser, keys);
		expect(step.why).toContain('demo');
		expect(step.why).toContain('PLAIN, LOGIN, CRAM-MD5');
		expect(step.expect).toMatch(/235/);
	});

	it('the DATA step counts the accepted recipients', () => {
		const session: SessionState = {
			...authenticated,
			phase: 'rcpt',
			envelope: {
				from: sender,
				recipients: [
					{address: 'alice@example.org', status: 'accepted'},
					{address: 'nobody@example.org', status: 'rejected'},
					{address: 'bob@example.org', status: 'accepted'},
				],
				body: 'none',
			},
		};
		const step = suggestNext(session, planWithUser, keys);
		expect(step.line).toBe('DATA');
		expect(step.why).toMatch(/^2 recipients accepted/);
		expect(step.expect).toMatch(/^354/);
	});

	it('the data phase before the body points at the message editor (Ctrl+O)', () => {
		const step = suggestNext({...authenticated, phase: 'data', envelope: {from: sender, recipients: [{address: 'alice@example.org', status: 'accepted'}], body: 'none'}}, planWithUser, keys);
		expect(step.why).toContain('Ctrl+O');
		expect(step.expect).toMatch(/250/);
	});

	it('a SASL exchange in progress says how to answer or cancel the 334', () => {
		const step = suggestNext({...afterTls, sasl: {mechanism: 'LOGIN', rounds: 1}}, planWithUser, keys);
		expect(step.why).toMatch(/334/);
		expect(step.why).toMatch(/\*/);
	});
});

/** The session after AUTH MECHANISM, a 334, the answer `answer` and the server's `final` reply. */
function afterAuth(session: SessionState, mechanism: string, answer: string, final: string): SessionState {
	const sent = (id: number, kind: SentCommand['kind'], verb: string, args: string): SentCommand => ({id, kind, verb, args, display: verb ? `${verb} ${args}` : '<redacted>', secret: kind !== 'command' && answer !== '*', sentAt: at});
	let state = sessionReducer(session, {type: 'sent', command: sent(1, 'command', 'AUTH', mechanism)});
	state = sessionReducer(state, {type: 'reply', reply: reply('334 VXNlcm5hbWU6')});
	state = sessionReducer(state, {type: 'sent', command: sent(2, 'sasl-response', '', answer)});
	return sessionReducer(state, {type: 'reply', reply: reply(final)});
}

const at = Date.parse('2026-11-28T12:00:00Z');

describe('suggestNext: after an AUTH that did not succeed', () => {
	it('an AUTH cancelled with "*" (501) leads to AUTH again, not MAIL, with or without a user in the plan', () => {
		const cancelled = afterAuth(afterTls, 'LOGIN', '*', '501 5.7.0 Authentication cancelled');
		expect(cancelled.authFailure).toEqual({mechanism: 'LOGIN', code: 501, cancelled: true});
		for (const walkPlan of [plan, planWithUser]) {
			const step = suggestNext(cancelled, walkPlan, keys);
			expect([step.line, step.verb]).toEqual(['AUTH LOGIN', 'AUTH']);
			expect(step.why).toMatch(/cancelled/);
			expect(step.why).toMatch(/RFC 4954 4/);
		}
	});

	it('refused credentials (535) lead to the same mechanism again, saying why', () => {
		const refused = afterAuth(afterTls, 'LOGIN', 'd3Jvbmc=', '535 5.7.8 Authentication credentials invalid');
		expect(refused.authFailure).toEqual({mechanism: 'LOGIN', code: 535, cancelled: false});
		const step = suggestNext(refused, plan, keys);
		expect(step.line).toBe('AUTH LOGIN');
		expect(step.why).toMatch(/535/);
	});

	it('a mechanism the server refuses (504 at once, 534 too weak) leads to another one it offers', () => {
		const unknown = sessionReducer(sessionReducer(afterTls, {type: 'sent', command: {id: 1, kind: 'command', verb: 'AUTH', args: 'PLAIN', display: 'AUTH PLAIN', secret: false, sentAt: at}}), {type: 'reply', reply: reply('504 5.5.4 Unrecognized authentication type')});
		expect(unknown.authFailure).toEqual({mechanism: 'PLAIN', code: 504, cancelled: false});
		expect(suggestNext(unknown, plan, keys).line).toBe('AUTH LOGIN');
		const weakOnly = afterAuth(greetedState(['AUTH LOGIN'], {tls: testTls}), 'LOGIN', 'eA==', '534 5.7.9 Authentication mechanism is too weak');
		const step = suggestNext(weakOnly, planWithUser, keys);
		expect([step.line, step.verb]).toEqual(['', 'AUTH']);
		expect(step.why).toMatch(/refused the mechanism LOGIN \(534/);
		expect(step.why).toMatch(/MAIL/);
	});

	it('a later 235 forgets the failure: the walk goes on to MAIL', () => {
		const cancelled = afterAuth(afterTls, 'LOGIN', '*', '501 5.7.0 cancelled');
		const loggedIn = afterAuth(cancelled, 'LOGIN', 'ZGVtbw==', '235 2.7.0 Authentication successful');
		expect(loggedIn.authFailure).toBeUndefined();
		expect(suggestNext(loggedIn, planWithUser, keys).verb).toBe('MAIL');
	});

	it('TLS forgets it with everything else (RFC 3207 4.2)', () => {
		const cancelled = afterAuth(afterTls, 'LOGIN', '*', '501 5.7.0 cancelled');
		expect(sessionReducer(cancelled, {type: 'tls-established', tls: testTls}).authFailure).toBeUndefined();
	});
});

describe('suggestNext: the keys it names come from the caller (the keymap), never written in', () => {
	it('a closed session names the reconnect key; the data phase names the message editor key', () => {
		const odd = {reconnect: 'Shift+F12', messageEditor: 'F8'};
		expect(suggestNext({...initialSessionState(), phase: 'closed'}, plan, odd).why).toBe('The session is closed; press Shift+F12 to connect again.');
		expect(suggestNext({...authenticated, phase: 'data', envelope: {from: sender, recipients: [{address: 'alice@example.org', status: 'accepted'}], body: 'none'}}, plan, odd).why).toContain('with F8,');
	});

	it('the keymap gives Ctrl+R and Ctrl+O', () => {
		expect(keys).toEqual({reconnect: 'Ctrl+R', messageEditor: 'Ctrl+O'});
	});
});

describe('suggestNext: side steps', () => {
	const inTransaction = {...authenticated, phase: 'mail' as const, envelope: {from: sender, recipients: [], body: 'none' as const}};
	const connected = {...initialSessionState(), phase: 'connected' as const, greeting: banner};
	const cases: Array<{state: string; session: SessionState; plan: WalkPlan; also: string[]}> = [
		{state: 'connected, before the greeting', session: connected, plan, also: ['HELO client.example.com']},
		{state: 'greeted', session: authenticated, plan: planWithUser, also: ['NOOP', 'VRFY alice@example.org', 'EXPN alice']},
		{state: 'greeted, recipients in the plan', session: authenticated, plan: {...planWithUser, to: ['carol@example.org']}, also: ['NOOP', 'VRFY carol@example.org', 'EXPN carol']},
		{state: 'in a transaction', session: inTransaction, plan: planWithUser, also: ['RSET', 'NOOP', 'VRFY alice@example.org']},
		{state: 'with a recipient accepted', session: {...inTransaction, phase: 'rcpt', envelope: {...inTransaction.envelope, recipients: [{address: 'alice@example.org', status: 'accepted'}]}}, plan: planWithUser, also: ['RSET', 'NOOP', 'VRFY alice@example.org']},
		{state: 'an LMTP server before LHLO (HELO is not LMTP)', session: connected, plan: {...plan, lmtp: true}, also: []},
		{state: 'a SASL exchange in progress', session: {...afterTls, sasl: {mechanism: 'LOGIN', rounds: 1}}, plan, also: []},
		{state: 'a refused banner', session: {...connected, greeting: {code: 554, text: 'no'}, greetingRefused: true}, plan, also: []},
		{state: 'data phase', session: {...authenticated, phase: 'data', envelope: {from: sender, recipients: [{address: 'alice@example.org', status: 'accepted'}], body: 'none'}}, plan, also: []},
		{state: 'closed', session: {...initialSessionState(), phase: 'closed'}, plan, also: []},
	];

	it.each(cases)('$state: $also', ({session, plan: walkPlan, also}) => {
		expect(suggestNext(session, walkPlan, keys).also.map(side => side.line)).toEqual(also);
	});

	it.each(cases.filter(row => row.also.length > 0))('$state: each side step is a command the validator lets through now, with a why citing RFC 5321', ({session, plan: walkPlan}) => {
		for (const side of suggestNext(session, walkPlan, keys).also) {
			expect(validateLine(side.line, {state: session, loopback: true}).verdict).toBe('send');
			expect(side.why).toMatch(/^[A-Z].*\(RFC 5321 4\.1\.1\.\d\)[^.]*\.$/);
		}
	});

	it('an LMTP server is greeted with LHLO', () => {
		expect(suggestNext(connected, {...plan, lmtp: true}, keys)).toMatchObject({line: 'LHLO client.example.com', verb: 'LHLO'});
	});
});
