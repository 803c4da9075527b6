import {describe, expect, it} from 'vitest';
import {initialSessionState, type SessionState} from '../../source/protocol/session.js';
import {commonPrefix, completeAt} from '../../source/ui/completion.js';
import {greetedState} from '../helpers/session-state.js';

const greeted = greetedState();
/** Completion with the cursor at the end of the line (or where a `|` marks it). */
const complete = (marked: string, state: SessionState = greeted) => {
	const cursor = marked.includes('|') ? marked.indexOf('|') : marked.length;
	return completeAt(marked.replace('|', ''), cursor, state);
};

const candidates = (marked: string, state: SessionState = greeted) => complete(marked, state)?.candidates;

describe('completion: the verb', () => {
	it.each([
		['MA', ['MAIL FROM:<']],
		['ma', ['MAIL FROM:<']],
		['MAIL', ['MAIL FROM:<']],
		['RC', ['RCPT TO:<']],
		['EH', ['EHLO ']],
		['STA', ['STARTTLS']],
		['QU', ['QUIT']],
		['NO', ['NOOP ']],
		['XC', ['XCLIENT ']],
	])('%j completes to %j', (line, expected) => {
		expect(candidates(line)).toEqual(expected);
	});

	it('replaces the whole token, from its start to the cursor', () => {
		expect(complete('ma')).toEqual({candidates: ['MAIL FROM:<'], start: 0, end: 2});
	});

	it('replaces the rest of the word under the cursor too', () => {
		expect(complete('EH|LX')).toEqual({candidates: ['EHLO '], start: 0, end: 4});
	});

	it('completes after leading spaces, from where the verb starts', () => {
		expect(complete('  MA')).toEqual({candidates: ['MAIL FROM:<'], start: 2, end: 4});
	});

	it('verbs that take no arguments get no trailing space', () => {
		expect(candidates('', greetedState([], {phase: 'rcpt'}))?.filter(candidate => !candidate.endsWith(' ') && !candidate.endsWith('<'))).toEqual(['DATA', 'RSET', 'QUIT', 'STARTTLS']);
	});

	it('offers the verbs valid in the phase first, keeping catalog order within each group', () => {
		expect(candidates('R', greetedState([], {phase: 'greeted'}))).toEqual(['RSET', 'RCPT TO:<']);
		expect(candidates('R', greetedState([], {phase: 'mail'}))).toEqual(['RCPT TO:<', 'RSET']);
	});

	it('offers DATA and BDAT first once a recipient is accepted', () => {
		const rcpt = candidates('', greetedState([], {phase: 'rcpt'}))!;
		const valid = rcpt.slice(0, rcpt.indexOf('STARTTLS'));
		expect(valid).toEqual(['EHLO ', 'HELO ', 'LHLO ', 'RCPT TO:<', 'DATA', 'BDAT ', 'RSET', 'VRFY ', 'EXPN ', 'HELP ', 'NOOP ', 'QUIT', 'BURL ']);
	});

	it('offers every verb on an empty line, the greeted ones first', () => {
		expect(candidates('')).toEqual([
			'EHLO ', 'HELO ', 'LHLO ', 'STARTTLS', 'AUTH ', 'MAIL FROM:<', 'RSET', 'VRFY ', 'EXPN ', 'HELP ', 'NOOP ', 'QUIT', 'ETRN ', 'XCLIENT ', 'XFORWARD ', 'ATRN ',
			'RCPT TO:<', 'DATA', 'BDAT ', 'BURL ',
		]);
	});

	it('does not offer the historic verbs (SEND, SOML, SAML, TURN, VERB, ONEX)', () => {
		expect(candidates('')!.filter(word => ['SEND', 'SOML', 'SAML', 'TURN', 'VERB', 'ONEX'].includes(word.trim()))).toEqual([]);
		expect(complete('TUR')).toBeUndefined();
	});

	it('offers nothing for a prefix no verb has', () => {
		expect(complete('ZZ')).toBeUndefined();
	});

	it('offers nothing after an argument of a verb it does not complete', () => {
		expect(complete('NOOP ')).toBeUndefined();
		expect(complete('EHLO cl')).toBeUndefined();
	});
});

describe('completion: AUTH mechanisms', () => {
	it('offers the advertised mechanisms first, then the ones smtp-explorer computes', () => {
		expect(complete('AUTH ')).toEqual({candidates: ['PLAIN', 'LOGIN', 'CRAM-MD5', 'XOAUTH2', 'OAUTHBEARER'], start: 5, end: 5});
	});

	it('keeps the server\'s order and offers advertised mechanisms it cannot compute', () => {
		expect(candidates('AUTH ', greetedState(['AUTH SCRAM-SHA-256 LOGIN']))).toEqual(['SCRAM-SHA-256', 'LOGIN', 'PLAIN', 'CRAM-MD5', 'XOAUTH2', 'OAUTHBEARER']);
	});

	it('offers only computable mechanisms when AUTH was not advertised', () => {
		expect(candidates('AUTH ', greetedState(['PIPELINING']))).toEqual(['PLAIN', 'LOGIN', 'CRAM-MD5', 'XOAUTH2', 'OAUTHBEARER']);
	});

	it('never offers a non-computable mechanism the server did not advertise', () => {
		expect(candidates('AUTH S')).toBeUndefined();
		expect(candidates('AUTH G')).toBeUndefined();
	});

	it('filters by the typed prefix, in any case', () => {
		expect(complete('AUTH cr')).toEqual({candidates: ['CRAM-MD5'], start: 5, end: 7});
	});

	it('offers nothing after the mechanism (the initial response is the user\'s)', () => {
		expect(complete('AUTH PLAIN ')).toBeUndefined();
	});
});

describe('completion: MAIL and RCPT parameters', () => {
	it('offers MAIL parameters after the path, advertised extensions\' first, value-taking ones ending with =', () => {
		expect(complete('MAIL FROM:<a@example.com> ')).toEqual({
			candidates: ['SIZE=', 'BODY=', 'AUTH=', 'RET=', 'ENVID=', 'SMTPUTF8', 'BY=', 'MT-PRIORITY=', 'REQUIRETLS', 'HOLDFOR=', 'HOLDUNTIL=', 'MTRK='],
			start: 26,
			end: 26,
		});
	});

	it('puts a different server\'s extensions first', () => {
		expect(candidates('MAIL FROM:<> ', greetedState(['DSN', 'SMTPUTF8']))).toEqual(['RET=', 'ENVID=', 'SMTPUTF8', 'SIZE=', 'BODY=', 'AUTH=', 'BY=', 'MT-PRIORITY=', 'REQUIRETLS', 'HOLDFOR=', 'HOLDUNTIL=', 'MTRK=']);
	});

	it('offers RCPT parameters after the path, DSN\'s first when advertised', () => {
		expect(candidates('RCPT TO:<b@example.org> ', greetedState(['RRVS', 'DSN']))).toEqual(['NOTIFY=', 'ORCPT=', 'RRVS=']);
		expect(candidates('RCPT TO:<b@example.org> ', greetedState(['RRVS']))).toEqual(['RRVS=', 'NOTIFY=', 'ORCPT=']);
	});

	it.each([
		['MAIL FROM:<a@b> s', ['SIZE=', 'SMTPUTF8']],
		['MAIL FROM:<a@b> body', ['BODY=']],
		['MAIL FROM:<a@b> REQ', ['REQUIRETLS']],
		['RCPT TO:<a@b> no', ['NOTIFY=']],
	])('%j filters by prefix: %j', (line, expected) => {
		expect(candidates(line)).toEqual(expected);
	});

	it('does not offer a parameter that is already on the line', () => {
		expect(candidates('MAIL FROM:<a@b> SIZE=100 BODY=8BITMIME S')).toEqual(['SMTPUTF8']);
		expect(candidates('MAIL FROM:<a@b> | SIZE=100')?.slice(0, 2)).toEqual(['BODY=', 'AUTH=']);
	});

	it.each([
		['MAIL FROM:<a@b> SIZE='],
		['MAIL FROM:<a@b> SIZE=12'],
		['RCPT TO:<a@b> NOTIFY=FAILURE'],
	])('offers nothing after a complete parameter with = (%j)', line => {
		expect(complete(line)).toBeUndefined();
	});

	it('offers nothing inside the path', () => {
		expect(complete('MAIL FROM:<a@b')).toBeUndefined();
		expect(complete('MAIL FROM:<a@b>')).toBeUndefined();
	});

	it('offers nothing for a prefix no parameter has', () => {
		expect(complete('RCPT TO:<a@b> X')).toBeUndefined();
	});
});

describe('completion: HELP keywords', () => {
	it('offers command verbs first, then EHLO keywords, each once', () => {
		expect(complete('HELP S')).toEqual({candidates: ['STARTTLS', 'SIZE', 'SMTPUTF8'], start: 5, end: 6});
	});

	it('filters by prefix in any case', () => {
		expect(candidates('help m')).toEqual(['MAIL', 'MTRK', 'MT-PRIORITY']);
	});

	it('leaves obsolete keywords out', () => {
		const all = candidates('HELP ')!;
		expect(all.filter(word => ['SEND', 'SOML', 'SAML', 'TURN', 'VERB', 'ONEX'].includes(word))).toEqual([]);
		expect(new Set(all).size).toBe(all.length);
		expect(all.slice(0, 3)).toEqual(['EHLO', 'HELO', 'LHLO']);
	});
});

describe('completion: works before EHLO too', () => {
	it('offers computable mechanisms without an EHLO reply', () => {
		expect(candidates('AUTH ', {...initialSessionState(), phase: 'connected'})).toEqual(['PLAIN', 'LOGIN', 'CRAM-MD5', 'XOAUTH2', 'OAUTHBEARER']);
	});

	it('offers parameters in catalog order without an EHLO reply', () => {
		expect(candidates('RCPT TO:<a@b> ', {...initialSessionState(), phase: 'mail'})).toEqual(['NOTIFY=', 'ORCPT=', 'RRVS=']);
	});
});

describe('commonPrefix', () => {
	it.each([
		[[], ''],
		[['RCPT TO:<'], 'RCPT TO:<'],
		[['SIZE=', 'SMTPUTF8'], 'S'],
		[['HOLDFOR=', 'HOLDUNTIL='], 'HOLD'],
		[['RSET', 'RCPT TO:<'], 'R'],
		[['PLAIN', 'LOGIN'], ''],
		[['EHLO ', 'EHLO '], 'EHLO '],
		[['ab', 'abc', 'a'], 'a'],
	])('%j -> %j', (list, prefix) => {
		expect(commonPrefix(list)).toBe(prefix);
	});
});

describe('completion: XCLIENT and XFORWARD attributes, from the EHLO advertisement', () => {
	const postfix = greetedState(['PIPELINING', 'XCLIENT NAME ADDR PROTO HELO', 'XFORWARD NAME ADDR PROTO HELO SOURCE']);

	it.each([
		['XCLIENT ', ['NAME=', 'ADDR=', 'PROTO=', 'HELO=']],
		['xclient a', ['ADDR=']],
		['XCLIENT NAME=mx.example.org ', ['ADDR=', 'PROTO=', 'HELO=']],
		['XCLIENT NAME=mx.example.org | ADDR=192.0.2.1', ['PROTO=', 'HELO=']],
		['XFORWARD S', ['SOURCE=']],
		// Postfix defines LOGIN, but this server did not list it: not offered.
		['XCLIENT L', undefined],
		// A value is not completed.
		['XCLIENT ADDR=19', undefined],
	])('%j offers %j', (line, expected) => {
		expect(candidates(line, postfix)).toEqual(expected);
	});

	it('the candidate replaces the name typed so far', () => {
		expect(complete('XCLIENT NAME=a AD', postfix)).toEqual({candidates: ['ADDR='], start: 15, end: 17});
	});

	it('with no list in the EHLO reply, the attributes Postfix defines', () => {
		expect(candidates('XCLIENT ', greeted)).toEqual(['NAME=', 'REVERSE_NAME=', 'ADDR=', 'PORT=', 'PROTO=', 'HELO=', 'LOGIN=', 'DESTADDR=', 'DESTPORT=']);
		expect(candidates('XFORWARD I', greeted)).toEqual(['IDENT=']);
	});
});
