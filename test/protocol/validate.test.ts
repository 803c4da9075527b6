import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {initialSessionState, type SessionState} from '../../source/protocol/session.js';
import {validateLine, type ValidationContext} from '../../source/protocol/validate.js';
import {greetedState, testTls} from '../helpers/session-state.js';

const context = (state: SessionState, extra: Partial<ValidationContext> = {}): ValidationContext => ({state, loopback: false, ...extra});
const codes = (line: string, state: SessionState, extra: Partial<ValidationContext> = {}) =>
	validateLine(line, context(state, extra)).diagnostics.map(diagnostic => `${diagnostic.severity}:${diagnostic.code}`);

const inTransaction = (state: SessionState, recipients: Array<'accepted' | 'pending' | 'rejected'> = []): SessionState => ({
	...state,
	phase: recipients.includes('accepted') ? 'rcpt' : 'mail',
	envelope: {from: {address: 'a@example.com', status: 'accepted'}, recipients: recipients.map(status => ({address: 'b@example.org', status})), body: 'none'},
});

describe('injection', () => {
	for (const [name, char] of [
		['CR', '\r'],
		['LF', '\n'],
		['CRLF', '\r\n'],
		['NUL', '\u0000'],
		['TAB', '\t'],
		['ESC', '\u001B'],
		['DEL', '\u007F'],
	] as const) {
		it(`${name} inside an argument is an error with its position, and the line is blocked`, () => {
			const line = `RCPT TO:<b@example.org>${char}DATA`;
			const result = validateLine(line, context(inTransaction(greetedState())));
			expect(result.verdict).toBe('blocked');
			const diagnostic = result.diagnostics[0]!;
			expect(diagnostic.code).toBe('control-byte');
			expect(diagnostic.start).toBe(23);
			expect(diagnostic.message).toMatch(/at character 24/);
		});
	}

	it('reports the character position, not the byte position, after multi-byte text', () => {
		const result = validateLine('VRFY jürgen\rX', context(greetedState(['SMTPUTF8'])));
		expect(result.diagnostics[0]).toMatchObject({code: 'control-byte', start: 11});
		expect(result.diagnostics[0]!.message).toMatch(/character 12 \(byte 13\)/);
	});

	it('property: no string ever yields a sendable line with a control byte before the final CRLF', () => {
		const state = inTransaction(greetedState(['SMTPUTF8', 'PIPELINING', 'SIZE 10']), ['accepted']);
		fc.assert(
			fc.property(fc.string({unit: 'binary'}), fc.constantFrom('MAIL FROM:', 'RCPT TO:', 'EHLO ', 'VRFY ', 'AUTH PLAIN ', ''), (text, prefix) => {
				const result = validateLine(prefix + text, context(state));
				if (result.verdict === 'blocked') return;
				const body = result.wire.subarray(0, -2);
				for (const byte of body) expect(byte >= 0x20 && byte !== 0x7f).toBe(true);
				expect([...result.wire.subarray(-2)]).toEqual([0x0d, 0x0a]);
			}),
			{numRuns: 2000},
		);
	});

	it('property: the same holds for SASL responses and message lines', () => {
		const sasl: SessionState = {...greetedState(), sasl: {mechanism: 'LOGIN', rounds: 1}};
		const data: SessionState = {...inTransaction(greetedState(), ['accepted']), phase: 'data'};
		fc.assert(
			fc.property(fc.string({unit: 'binary'}), fc.constantFrom(sasl, data), (text, state) => {
				const result = validateLine(text, context(state));
				if (result.verdict === 'blocked') return;
				for (const byte of result.wire.subarray(0, -2)) expect(byte >= 0x20 && byte !== 0x7f).toBe(true);
			}),
			{numRuns: 1000},
		);
	});
});

describe('length limits', () => {
	it('a command over 512 octets is a warning with the byte count', () => {
		const result = validateLine(`NOOP ${'x'.repeat(510)}`, context(greetedState()));
		expect(result.diagnostics.find(diagnostic => diagnostic.code === 'line-too-long')?.message).toMatch(/517 octets/);
		expect(result.verdict).toBe('confirm');
	});

	it('a long AUTH line suggests the 334 continuation', () => {
		const result = validateLine(`AUTH PLAIN ${'QUFB'.repeat(130)}`, context(greetedState(['AUTH PLAIN']), {loopback: true}));
		expect(result.diagnostics.find(diagnostic => diagnostic.code === 'line-too-long')?.hint).toMatch(/334/);
	});

	it('local part over 64, domain over 255 and path over 256 are warnings', () => {
		const local = 'l'.repeat(65);
		expect(codes(`MAIL FROM:<${local}@example.com>`, greetedState())).toContain('warning:bad-path');
		const label = 'd'.repeat(60);
		const domain = `${label}.${label}.${label}.${label}.${label}.com`;
		const messages = validateLine(`MAIL FROM:<a@${domain}>`, context(greetedState())).diagnostics.map(diagnostic => diagnostic.message).join('\n');
		expect(messages).toMatch(/domain is 308 octets; the limit is 255/);
		expect(messages).toMatch(/path is 312 octets; the limit is 256/);
	});
});

describe('syntax per verb', () => {
	it('accepts well-formed commands without diagnostics', () => {
		const state = greetedState(['PIPELINING', 'SIZE 1000000', '8BITMIME', 'DSN', 'SMTPUTF8', 'STARTTLS', 'AUTH PLAIN LOGIN', 'CHUNKING', 'ETRN']);
		for (const line of [
			'EHLO client.example.com',
			'EHLO [192.0.2.1]',
			'EHLO [IPv6:2001:db8::1]',
			'MAIL FROM:<alice@example.com>',
			'MAIL FROM:<>',
			'MAIL FROM:<alice@example.com> SIZE=1000 BODY=8BITMIME RET=HDRS ENVID=abc',
			'MAIL FROM:<"first last"@example.com>',
			'MAIL FROM:<user@[192.0.2.1]>',
			'NOOP',
			'HELP MAIL',
			'ETRN example.org',
			'ETRN #queue1',
		]) {
			expect(validateLine(line, context(state)).diagnostics.filter(diagnostic => diagnostic.severity !== 'info'), line).toEqual([]);
		}
	});

	it('RCPT accepts DSN parameters and <Postmaster>', () => {
		const state = inTransaction(greetedState(['DSN']));
		expect(codes('RCPT TO:<b@example.org> NOTIFY=SUCCESS,FAILURE ORCPT=rfc822;b@example.org', state)).toEqual([]);
		expect(codes('RCPT TO:<Postmaster>', state)).toEqual([]);
	});

	it('explains malformed paths and parameters', () => {
		const state = greetedState(['SIZE 1000', 'DSN', '8BITMIME']);
		expect(codes('MAIL FROM:alice@example.com', state)).toContain('warning:bad-path');
		expect(codes('MAIL <alice@example.com>', state)).toContain('warning:missing-prefix');
		expect(codes('MAIL FROM: <alice@example.com>', state)).toContain('warning:space-after-colon');
		expect(codes('MAIL FROM:<alice@example.com> SIZE=big', state)).toContain('warning:bad-parameter-value');
		expect(codes('MAIL FROM:<alice@example.com> BODY=9BIT', state)).toContain('warning:bad-parameter-value');
		expect(codes('MAIL FROM:<alice@example.com> RET', state)).toContain('warning:parameter-needs-value');
		expect(codes('MAIL FROM:<alice@example.com> FOO=1', state)).toContain('warning:unknown-parameter');
		expect(codes('MAIL FROM:<alice@example.com> SIZE=1 SIZE=2', state)).toContain('warning:duplicate-parameter');
		expect(codes('MAIL FROM:<alice@example>com>', state)).toContain('warning:params-need-space');
		expect(codes('MAIL FROM:<alice@-bad-.com>', state)).toContain('warning:bad-path');
		expect(codes('EHLO', state)).toContain('warning:missing-domain');
		expect(codes('EHLO not a domain', state)).toContain('warning:bad-domain');
		expect(codes('QUIT now', state)).toContain('warning:no-arguments');
		expect(codes('VRFY', state)).toContain('warning:missing-argument');
	});

	it('positions a parameter problem at the parameter', () => {
		const line = 'MAIL FROM:<a@example.com> SIZE=big';
		const diagnostic = validateLine(line, context(greetedState(['SIZE 1000']))).diagnostics.find(item => item.code === 'bad-parameter-value')!;
		expect(line.slice(diagnostic.start, diagnostic.end)).toBe('SIZE=big');
	});

	it('an unknown verb is a warning: still sendable after confirmation', () => {
		const result = validateLine('XYZZY now', context(greetedState()));
		expect(result.diagnostics.map(diagnostic => diagnostic.code)).toEqual(['unknown-verb']);
		expect(result.verdict).toBe('confirm');
	});

	it('AUTH mechanism names and initial responses are checked', () => {
		const state = greetedState(['AUTH PLAIN LOGIN']);
		expect(codes('AUTH', state, {loopback: true})).toContain('warning:missing-mechanism');
		expect(codes('AUTH PL@IN', state, {loopback: true})).toContain('warning:bad-mechanism');
		expect(codes('AUTH PLAIN not*base64', state, {loopback: true})).toContain('warning:initial-not-base64');
		expect(codes('AUTH CRAM-MD5', state, {loopback: true})).toContain('warning:mechanism-not-advertised');
		expect(codes('AUTH PLAIN =', state, {loopback: true})).toEqual([]);
	});

	it('BDAT: size and LAST; a chunk with bytes needs the editor; BDAT 0 LAST is sendable', () => {
		const state = inTransaction(greetedState(['CHUNKING']), ['accepted']);
		expect(validateLine('BDAT 0 LAST', context(state)).verdict).toBe('send');
		expect(codes('BDAT 10', state)).toContain('error:bdat-needs-editor');
		expect(codes('BDAT ten LAST', state)).toContain('error:bad-bdat');
	});
});

describe('sequence', () => {
	const connected: SessionState = {...initialSessionState(), phase: 'connected', greeting: {code: 220, text: 'hi'}};

	it('MAIL before EHLO/HELO', () => {
		expect(codes('MAIL FROM:<a@example.com>', connected)).toContain('warning:before-ehlo');
	});

	it('RCPT before MAIL, but not while MAIL awaits its reply', () => {
		expect(codes('RCPT TO:<b@example.org>', greetedState())).toContain('warning:rcpt-before-mail');
		const mailPending: SessionState = {...greetedState(), envelope: {from: {address: 'a@example.com', status: 'pending'}, recipients: [], body: 'none'}};
		expect(codes('RCPT TO:<b@example.org>', mailPending)).not.toContain('warning:rcpt-before-mail');
	});

	it('DATA without an accepted recipient; fine with one accepted or pending', () => {
		expect(codes('DATA', inTransaction(greetedState(), ['rejected']))).toContain('warning:data-without-recipients');
		expect(codes('DATA', inTransaction(greetedState(), ['rejected', 'accepted']))).toEqual([]);
		expect(codes('DATA', inTransaction(greetedState(), ['pending']))).toEqual([]);
	});

	it('MAIL inside a transaction', () => {
		expect(codes('MAIL FROM:<a@example.com>', inTransaction(greetedState()))).toContain('warning:transaction-open');
	});

	it('AUTH after a successful AUTH, and AUTH inside a transaction', () => {
		const authenticated = greetedState(['AUTH PLAIN'], {auth: {mechanism: 'PLAIN'}});
		expect(codes('AUTH PLAIN', authenticated, {loopback: true})).toContain('warning:already-authenticated');
		expect(codes('AUTH PLAIN', inTransaction(greetedState(['AUTH PLAIN'])), {loopback: true})).toContain('warning:auth-in-transaction');
	});

	it('anything but EHLO right after a STARTTLS upgrade', () => {
		const upgraded: SessionState = {...connected, tls: testTls, needsEhlo: true};
		expect(codes('MAIL FROM:<a@example.com>', upgraded)).toContain('warning:ehlo-after-tls');
		expect(codes('AUTH PLAIN', upgraded, {loopback: true})).toContain('warning:ehlo-after-tls');
		expect(codes('EHLO client.example.com', upgraded)).toEqual([]);
	});

	it('errors when there is no connection, and while the handshake runs', () => {
		expect(validateLine('NOOP', context(initialSessionState())).verdict).toBe('blocked');
		expect(codes('NOOP', {...connected, phase: 'tls-handshake'})).toContain('error:tls-handshake');
		expect(codes('NOOP', {...connected, phase: 'closing'})).toContain('error:closing');
	});

	it('a second command while a reply is pending is queued without PIPELINING', () => {
		const state: SessionState = {...greetedState([]), pending: [{id: 1, kind: 'command', verb: 'NOOP', args: '', display: 'NOOP', secret: false, sentAt: 0}]};
		expect(codes('RSET', state)).toContain('info:queued');
		const pipelined: SessionState = {...greetedState(['PIPELINING']), pending: [{id: 1, kind: 'command', verb: 'MAIL', args: 'FROM:<a@example.com>', display: '', secret: false, sentAt: 0}], envelope: {from: {address: 'a@example.com', status: 'pending'}, recipients: [], body: 'none'}};
		expect(codes('RCPT TO:<b@example.org>', pipelined)).not.toContain('info:queued');
	});
});

describe('extensions', () => {
	it('STARTTLS, AUTH, BDAT and ETRN need their keywords', () => {
		const bare = greetedState([]);
		expect(codes('STARTTLS', bare)).toContain('warning:not-advertised');
		expect(codes('AUTH PLAIN', bare, {loopback: true})).toContain('warning:not-advertised');
		expect(codes('BDAT 0 LAST', inTransaction(bare, ['accepted']))).toContain('warning:not-advertised');
		expect(codes('ETRN example.org', bare)).toContain('warning:not-advertised');
	});

	it('after HELO, extension commands and parameters say to use EHLO', () => {
		const helo: SessionState = {...greetedState([]), hello: {verb: 'HELO', name: 'x'}, ehlo: undefined};
		expect(codes('STARTTLS', helo)).toContain('warning:needs-ehlo');
		expect(codes('MAIL FROM:<a@example.com> SIZE=10', helo)).toContain('warning:params-after-helo');
	});

	it('a MAIL or RCPT parameter the server did not advertise', () => {
		expect(codes('MAIL FROM:<a@example.com> RET=FULL', greetedState(['SIZE 1000']))).toContain('warning:parameter-not-advertised');
		expect(codes('RCPT TO:<b@example.org> NOTIFY=NEVER', inTransaction(greetedState([])))).toContain('warning:parameter-not-advertised');
		expect(codes('MAIL FROM:<a@example.com> BODY=BINARYMIME', greetedState(['8BITMIME']))).toContain('warning:parameter-not-advertised');
	});

	it('SIZE= above the advertised maximum', () => {
		const result = validateLine('MAIL FROM:<a@example.com> SIZE=2000', context(greetedState(['SIZE 1000'])));
		expect(result.diagnostics.find(diagnostic => diagnostic.code === 'size-over-limit')?.message).toMatch(/limit of 1000 bytes/);
		expect(codes('MAIL FROM:<a@example.com> SIZE=2000', greetedState(['SIZE']))).toEqual([]);
	});

	it('a non-ASCII address without SMTPUTF8, and a missing SMTPUTF8 parameter with it', () => {
		expect(codes('MAIL FROM:<jürgen@example.com>', greetedState([]))).toContain('warning:needs-smtputf8');
		expect(codes('MAIL FROM:<jürgen@example.com>', greetedState(['SMTPUTF8']))).toContain('warning:missing-smtputf8-param');
		expect(codes('MAIL FROM:<jürgen@example.com> SMTPUTF8', greetedState(['SMTPUTF8']))).toEqual([]);
	});

	it('AUTH PLAIN/LOGIN in plaintext to a non-loopback host needs confirmation; over TLS or loopback it does not', () => {
		const state = greetedState(['AUTH PLAIN LOGIN']);
		expect(validateLine('AUTH PLAIN', context(state)).diagnostics.map(diagnostic => diagnostic.code)).toEqual(['plaintext-credentials']);
		expect(codes('AUTH LOGIN', state)).toContain('warning:plaintext-credentials');
		expect(codes('AUTH PLAIN', state, {loopback: true})).toEqual([]);
		expect(codes('AUTH PLAIN', {...state, tls: testTls})).toEqual([]);
	});

	it('--require-tls blocks AUTH and MAIL in plaintext', () => {
		expect(codes('AUTH PLAIN', greetedState(['AUTH PLAIN']), {requireTls: true, loopback: true})).toContain('error:require-tls');
		expect(validateLine('MAIL FROM:<a@example.com>', context(greetedState(), {requireTls: true})).verdict).toBe('blocked');
		expect(codes('MAIL FROM:<a@example.com>', greetedState([], {tls: testTls}), {requireTls: true})).toEqual([]);
	});

	it('STARTTLS on an encrypted session is refused locally', () => {
		expect(codes('STARTTLS', greetedState(['STARTTLS'], {tls: testTls}))).toEqual(['error:already-tls']);
	});
});

describe('redaction and SASL responses', () => {
	it('an AUTH line with an initial response is secret and displayed without it', () => {
		const initial = Buffer.from('\u0000alice\u0000hunter2').toString('base64');
		const result = validateLine(`AUTH PLAIN ${initial}`, context(greetedState(['AUTH PLAIN']), {loopback: true}));
		expect(result.secret).toBe(true);
		expect(result.display).toBe('AUTH PLAIN <redacted>');
		expect(result.identity).toBe('alice');
		expect(new TextDecoder().decode(result.wire)).toBe(`AUTH PLAIN ${initial}\r\n`);
	});

	it('after a 334, the line is a SASL response: secret, base64 checked, * cancels', () => {
		const state = greetedState(['AUTH LOGIN'], {sasl: {mechanism: 'LOGIN', rounds: 1}});
		const response = validateLine(Buffer.from('alice').toString('base64'), context(state));
		expect(response).toMatchObject({kind: 'sasl-response', secret: true, display: '<redacted>', identity: 'alice', verdict: 'send'});
		expect(codes('not base64!', state)).toContain('warning:sasl-not-base64');
		expect(validateLine('*', context(state))).toMatchObject({secret: false, display: '*'});
	});
});

describe('message lines after 354', () => {
	const data: SessionState = {...inTransaction(greetedState(), ['accepted']), phase: 'data'};

	it('a leading dot is doubled on the wire', () => {
		const result = validateLine('.hidden', context(data));
		expect(result.kind).toBe('data-line');
		expect(new TextDecoder().decode(result.wire)).toBe('..hidden\r\n');
	});

	it('a lone dot ends the message', () => {
		expect(validateLine('.', context(data)).kind).toBe('data-end');
	});
});

describe('did you mean: a near-miss verb names the command', () => {
	it.each([
		['MIAL FROM:<a@b>', 'MAIL'],
		['RCTP TO:<a@b>', 'RCPT'],
		['EHL client', 'EHLO'],
		['NOOOP', 'NOOP'],
	])('%s suggests %s', (line, verb) => {
		const result = validateLine(line, {state: greetedState(), loopback: true});
		expect(result.diagnostics.find(item => item.code === 'unknown-verb')?.message).toContain(`did you mean ${verb}?`);
	});

	it('a verb far from every command suggests nothing', () => {
		const result = validateLine('XYZZY', {state: greetedState(), loopback: true});
		expect(result.diagnostics.find(item => item.code === 'unknown-verb')?.message).not.toContain('did you mean');
	});
});

describe('historic commands and the late additions to the catalog', () => {
	for (const line of ['SEND FROM:<a@example.com>', 'SOML FROM:<a@example.com>', 'SAML FROM:<a@example.com>', 'TURN', 'VERB', 'ONEX']) {
		it(`${line.split(' ')[0]} goes out with a note that it is historic, no confirmation needed`, () => {
			const result = validateLine(line, context(greetedState()));
			expect(result.verdict).toBe('send');
			expect(result.diagnostics.map(diagnostic => `${diagnostic.severity}:${diagnostic.code}`)).toEqual(['info:historic']);
			expect(result.diagnostics[0]!.message).toMatch(/historic/);
		});
	}

	it('checks the reverse-path of SEND like MAIL\'s', () => {
		expect(codes('SEND FROM:alice', greetedState())).toContain('warning:bad-path');
		expect(codes('SEND alice@example.com', greetedState())).toContain('warning:missing-prefix');
	});

	it('TURN takes no argument', () => {
		expect(codes('TURN now', greetedState())).toContain('warning:no-arguments');
	});

	it('BURL needs a URL, the extension and an accepted recipient', () => {
		const url = 'BURL imap://a@imap.example.com/Drafts;UIDVALIDITY=1/;UID=2;urlauth=submit+a:internal:00 LAST';
		const advertised = greetedState(['BURL imap', 'AUTH PLAIN']);
		expect(codes('BURL', inTransaction(advertised, ['accepted']))).toContain('warning:bad-burl');
		expect(codes(url, inTransaction(greetedState(), ['accepted']))).toContain('warning:not-advertised');
		expect(codes(url, inTransaction(advertised))).toContain('warning:burl-without-recipients');
		expect(codes(url, inTransaction(advertised, ['accepted']))).toEqual(['info:burl-needs-auth']);
	});

	it('ATRN takes comma-separated domains and warns that roles reverse', () => {
		const advertised = greetedState(['ATRN', 'AUTH PLAIN']);
		expect(codes('ATRN example.org,example.net', advertised)).toEqual(['info:atrn-reverses']);
		expect(codes('ATRN not a domain', advertised)).toContain('warning:bad-atrn');
	});
});
