import {describe, expect, it} from 'vitest';
import {findCommand, findMechanism, findReplyCode, lookupEnhanced, lookupExtension} from '../../source/catalog/index.js';
import type {CatalogEntry} from '../../source/catalog/types.js';
import {initialSessionState, type SessionState} from '../../source/protocol/session.js';
import {badgesFor, detailsFor, kindLabel, templateFor} from '../../source/ui/palette-model.js';
import {greetedState} from '../helpers/session-state.js';

const command = (verb: string) => findCommand(verb)!;
const extension = (keyword: string) => lookupExtension(keyword)!;
const mechanism = (name: string) => findMechanism(name)!;
const reply = (code: number) => findReplyCode(code)!;
const enhanced = (code: string) => lookupEnhanced(code)!;

/** Greeted with a plain EHLO reply: PIPELINING, SIZE, 8BITMIME, STARTTLS, AUTH PLAIN LOGIN. */
const greeted = greetedState();
/** Greeted after HELO: the server's extensions are unknown. */
const afterHelo: SessionState = {...greetedState(), hello: {verb: 'HELO', name: 'client.example.com'}, ehlo: undefined};
const texts = (entry: CatalogEntry, state: SessionState) => badgesFor(entry, state).map(badge => badge.text);

describe('badgesFor: commands', () => {
	it('a command needing an advertised extension is "advertised"', () => {
		expect(badgesFor(command('STARTTLS'), greeted)).toEqual([{text: 'advertised', tone: 'ok'}]);
	});

	it('a command needing an extension the server did not advertise is a warning', () => {
		expect(badgesFor(command('ETRN'), greeted)).toEqual([{text: 'not advertised', tone: 'warning'}]);
	});

	it('says nothing about advertising before EHLO is known', () => {
		expect(texts(command('STARTTLS'), afterHelo)).toEqual([]);
		expect(texts(command('ETRN'), afterHelo)).toEqual([]);
	});

	it('a command outside its phases is "not valid now"', () => {
		expect(badgesFor(command('DATA'), greeted)).toEqual([{text: 'not valid now', tone: 'dim'}]);
		expect(texts(command('DATA'), greetedState(undefined, {phase: 'rcpt'}))).toEqual([]);
	});

	it('says nothing about the phase when not connected', () => {
		expect(texts(command('DATA'), initialSessionState())).toEqual([]);
		expect(texts(command('DATA'), {...initialSessionState(), phase: 'closed'})).toEqual([]);
	});

	it('a vendor command carries its vendor, after the other badges', () => {
		expect(badgesFor(command('XCLIENT'), greeted)).toEqual([
			{text: 'not advertised', tone: 'warning'},
			{text: 'Postfix', tone: 'dim'},
		]);
	});

	it('all three at once: not advertised, not valid now, vendor', () => {
		expect(texts(command('XFORWARD'), greetedState(undefined, {phase: 'mail'}))).toEqual(['not advertised', 'not valid now', 'Postfix']);
	});

	it('a plain command valid now has no badges', () => {
		expect(badgesFor(command('MAIL'), greeted)).toEqual([]);
	});
});

describe('badgesFor: extensions', () => {
	it.each([
		['SIZE', [{text: 'advertised', tone: 'ok'}]],
		['DSN', [{text: 'not advertised', tone: 'dim'}]],
		['TURN', [{text: 'not advertised', tone: 'dim'}, {text: 'obsolete', tone: 'warning'}]],
		['PRDR', [{text: 'not advertised', tone: 'dim'}, {text: 'Exim', tone: 'dim'}]],
	])('%s: %j', (keyword, badges) => {
		expect(badgesFor(extension(keyword), greeted)).toEqual(badges);
	});

	it('before EHLO is known, only obsolete and vendor badges', () => {
		expect(texts(extension('SIZE'), afterHelo)).toEqual([]);
		expect(texts(extension('VERB'), afterHelo)).toEqual(['obsolete']);
		expect(texts(extension('XVERP'), afterHelo)).toEqual(['Postfix']);
	});
});

describe('badgesFor: mechanisms', () => {
	it.each([
		['PLAIN', [{text: 'offered', tone: 'ok'}]],
		['CRAM-MD5', [{text: 'not offered', tone: 'dim'}]],
		['DIGEST-MD5', [{text: 'not offered', tone: 'dim'}, {text: 'obsolete', tone: 'warning'}]],
	])('%s: %j', (name, badges) => {
		expect(badgesFor(mechanism(name), greeted)).toEqual(badges);
	});

	it('says nothing about offers when the server advertised no AUTH', () => {
		expect(texts(mechanism('PLAIN'), greetedState(['PIPELINING']))).toEqual([]);
		expect(texts(mechanism('DIGEST-MD5'), greetedState(['PIPELINING']))).toEqual(['obsolete']);
	});
});

describe('badgesFor: codes', () => {
	it('reply and enhanced codes have no badges', () => {
		expect([badgesFor(reply(550), greeted), badgesFor(enhanced('5.7.1'), greeted)]).toEqual([[], []]);
	});
});

describe('templateFor', () => {
	it.each([
		['a command: its template', command('MAIL'), 'MAIL FROM:<sender@example.com>'],
		['a command with arguments', command('BDAT'), 'BDAT 0 LAST'],
		['a computable mechanism: AUTH NAME', mechanism('CRAM-MD5'), 'AUTH CRAM-MD5'],
		['another computable mechanism', mechanism('XOAUTH2'), 'AUTH XOAUTH2'],
		['an extension adding a command: that command\'s template', extension('CHUNKING'), 'BDAT 0 LAST'],
		['STARTTLS', extension('STARTTLS'), 'STARTTLS'],
		['AUTH (the extension)', extension('AUTH'), 'AUTH PLAIN'],
		['an extension adding a command the catalog does not describe: the bare verb', extension('XEXCH50'), 'XEXCH50'],
		['SIZE: a MAIL line with SIZE=', extension('SIZE'), 'MAIL FROM:<me@example.com> SIZE=12345'],
		['8BITMIME: a MAIL line with BODY=8BITMIME', extension('8BITMIME'), 'MAIL FROM:<me@example.com> BODY=8BITMIME'],
		['BINARYMIME: a MAIL line with BODY=BINARYMIME', extension('BINARYMIME'), 'MAIL FROM:<me@example.com> BODY=BINARYMIME'],
		['DSN: its first MAIL parameter, RET=', extension('DSN'), 'MAIL FROM:<me@example.com> RET=HDRS'],
		['SMTPUTF8: a valueless parameter', extension('SMTPUTF8'), 'MAIL FROM:<me@example.com> SMTPUTF8'],
		['RRVS: an RCPT line', extension('RRVS'), 'RCPT TO:<you@example.org> RRVS=2020-01-01T00:00:00Z'],
	])('%s', (_name, entry, template) => {
		expect(templateFor(entry)).toBe(template);
	});

	it.each([
		['a non-computable mechanism', mechanism('GSSAPI')],
		['SCRAM', mechanism('SCRAM-SHA-256')],
		['an extension with nothing to send', extension('PIPELINING')],
		['an extension whose parameter the tool does not know', extension('XVERP')],
		['a reply code', reply(550)],
		['an enhanced code', enhanced('5.1.1')],
	])('%s: undefined (for reading only)', (_name, entry) => {
		expect(templateFor(entry)).toBeUndefined();
	});
});

describe('detailsFor', () => {
	const labels = (entry: CatalogEntry) => detailsFor(entry).map(detail => detail.label);
	const detail = (entry: CatalogEntry, label: string) => detailsFor(entry).find(item => item.label === label)?.text;

	it.each([
		['a command', command('MAIL'), ['syntax', 'what', 'example', 'replies', 'see']],
		['a command needing an extension', command('BDAT'), ['syntax', 'what', 'example', 'replies', 'needs', 'see']],
		['a reply code', reply(550), ['what', 'causes', 'try', 'see']],
		['an enhanced code with advice', enhanced('5.7.1'), ['what', 'with', 'try', 'see']],
		['an enhanced success code (no advice)', enhanced('2.X.X'), ['what', 'with', 'see']],
		['an extension with parameters and what it adds', extension('SIZE'), ['what', 'params', 'adds', 'see']],
		['an extension without an RFC', extension('XRDST'), ['what']],
		['a mechanism', mechanism('PLAIN'), ['how', 'tool', 'see']],
	])('%s: %j', (_name, entry, expected) => {
		expect(labels(entry)).toEqual(expected);
	});

	it('command replies: ok, go on (intermediate) and fail codes', () => {
		expect(detail(command('DATA'), 'replies')).toMatch(/^ok 250; go on 354; fail \d{3}( \d{3})*$/);
		expect(detail(command('MAIL'), 'replies')).toBe('ok 250; fail 421 451 452 455 500 501 503 530 550 552 553 555');
	});

	it('names the extension a command needs', () => {
		expect(detail(command('BDAT'), 'needs')).toBe('the CHUNKING extension');
	});

	it('writes the RFC as people do', () => {
		expect(detail(command('RCPT'), 'see')).toBe('RFC 5321 4.1.1.3');
		expect(detail(extension('SIZE'), 'see')).toBe('RFC 1870');
	});

	it('lists what an extension adds: commands and parameters', () => {
		expect(detail(extension('DSN'), 'adds')).toBe('MAIL RET=, MAIL ENVID=, RCPT NOTIFY=, RCPT ORCPT=');
		expect(detail(extension('AUTH'), 'adds')).toBe('AUTH, MAIL AUTH=');
	});

	it('joins a reply code\'s causes and advice with semicolons', () => {
		expect(detail(reply(550), 'causes')).toBe(reply(550).causes.join('; '));
		expect(detail(reply(550), 'try')).toBe(reply(550).tryNext.join('; '));
	});

	it('lists the basic codes an enhanced code comes with', () => {
		expect(detail(enhanced('5.7.1'), 'with')).toBe('451 454 502 503 533 550 551');
	});

	it('says whether smtp-explorer computes a mechanism', () => {
		expect(detail(mechanism('LOGIN'), 'tool')).toBe('smtp-explorer can compute this exchange (Enter, then the AUTH helper)');
		expect(detail(mechanism('GSSAPI'), 'tool')).toBe('not computed by smtp-explorer');
	});
});

describe('kindLabel', () => {
	it.each([
		[command('MAIL'), 'command'],
		[reply(250), 'reply'],
		[enhanced('5.1.1'), 'status'],
		[extension('SIZE'), 'ehlo'],
		[mechanism('PLAIN'), 'sasl'],
	])('%#: %s', (entry, label) => {
		expect(kindLabel(entry)).toBe(label);
	});
});
