/**
The walk (Ctrl+N) as a table: for each state of a session, the exact line the composer is
filled with, the verb whose catalog entry explains it, and a why/expect the step panel can
show as sentences.
*/
import {describe, expect, it} from 'vitest';
import {suggestNext, type WalkPlan} from '../../source/protocol/next-step.js';
import {initialSessionState, type SessionState} from '../../source/protocol/session.js';
import {greetedState, testTls} from '../helpers/session-state.js';

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
		const step = suggestNext(session, walkPlan);
		expect({line: step.line, verb: step.verb}).toEqual({line, verb});
	});

	it.each(rows)('$state: why is a sentence and expect names a reply', ({session, plan: walkPlan}) => {
		const step = suggestNext(session, walkPlan);
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
		const step = suggestNext({...initialSessionState(), phase: 'connected', greeting: banner, tls: testTls, needsEhlo: true}, plan);
		expect(step.why).toMatch(/TLS/);
		expect(step.why).toMatch(/RFC 3207 4\.2/);
	});

	it('the AUTH step names the user and the mechanisms the server offers', () => {
		const step = suggestNext(afterTls, planWithUser);
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
		const step = suggestNext(session, planWithUser);
		expect(step.line).toBe('DATA');
		expect(step.why).toMatch(/^2 recipients accepted/);
		expect(step.expect).toMatch(/^354/);
	});

	it('the data phase before the body points at the message editor (Ctrl+O)', () => {
		const step = suggestNext({...authenticated, phase: 'data', envelope: {from: sender, recipients: [{address: 'alice@example.org', status: 'accepted'}], body: 'none'}}, planWithUser);
		expect(step.why).toContain('Ctrl+O');
		expect(step.expect).toMatch(/250/);
	});

	it('a SASL exchange in progress says how to answer or cancel the 334', () => {
		const step = suggestNext({...afterTls, sasl: {mechanism: 'LOGIN', rounds: 1}}, planWithUser);
		expect(step.why).toMatch(/334/);
		expect(step.why).toMatch(/\*/);
	});
});
