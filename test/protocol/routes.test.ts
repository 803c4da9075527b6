import {describe, expect, it} from 'vitest';
import {findCnameLoop, planMx} from '../../source/protocol/mx.js';
import {describeProxyHeader, encodeProxyHeader, ipv6Bytes, parseProxyAddress, proxyV2Signature} from '../../source/protocol/proxy-protocol.js';
import {formatProxy, parseProxyUrl} from '../../source/protocol/proxy-url.js';
import {initialSessionState, sessionReducer, type SentCommand, type SessionState} from '../../source/protocol/session.js';
import {validateLine} from '../../source/protocol/validate.js';
import {buildAttributeCommand, checkAttributeArgs, decodeXtext, encodeXtext, parseAttributeFlag} from '../../source/protocol/xclient.js';
import {greetedState, reply} from '../helpers/session-state.js';

describe('planMx (RFC 5321 5.1, RFC 7505)', () => {
	it('orders by preference and shuffles only equal preferences', () => {
		const records = [{exchange: 'b.example', priority: 20}, {exchange: 'a1.example', priority: 10}, {exchange: 'a2.example.', priority: 10}];
		const order = (random: number) => {
			const plan = planMx('example.org', records, () => random);
			return plan.kind === 'hosts' ? plan.hosts.map(host => host.host) : [];
		};

		expect(order(0.5).at(-1)).toBe('b.example');
		let values = [0.9, 0.1, 0.5];
		const first = planMx('example.org', records, () => values.shift()!);
		values = [0.1, 0.9, 0.5];
		const second = planMx('example.org', records, () => values.shift()!);
		// The random keys go to the records in their order: b, a1, a2.
		expect(first.kind === 'hosts' && first.hosts.map(host => host.host)).toEqual(['a1.example', 'a2.example', 'b.example']);
		expect(second.kind === 'hosts' && second.hosts.map(host => host.host)).toEqual(['a2.example', 'a1.example', 'b.example']);
	});

	it('the implicit MX, the null MX, and broken zones', () => {
		expect(planMx('Example.ORG.', [])).toEqual({kind: 'hosts', hosts: [{host: 'example.org', preference: 0}], implicit: true});
		expect(planMx('example.org', [{exchange: '', priority: 0}])).toEqual({kind: 'null-mx'});
		expect(planMx('example.org', [{exchange: '', priority: 0}, {exchange: 'mx.example.org', priority: 10}])).toMatchObject({kind: 'error', message: expect.stringContaining('RFC 7505 3')});
		expect(planMx('example.org', [{exchange: '2001:db8::1', priority: 10}])).toMatchObject({kind: 'error', message: expect.stringContaining('IP address literal 2001:db8::1')});
		const eleven = Array.from({length: 11}, (_, index) => ({exchange: `mx${index}.example.org`, priority: index}));
		expect(planMx('example.org', eleven)).toMatchObject({kind: 'error', message: expect.stringContaining('11 MX records')});
		expect(planMx('example.org', eleven.slice(0, 10)).kind).toBe('hosts');
	});

	it('finds a CNAME loop', () => {
		expect(findCnameLoop(['a.test', 'b.test', 'A.test.'])).toBe('a.test');
		expect(findCnameLoop(['a.test', 'b.test'])).toBeUndefined();
	});
});

describe('PROXY protocol header (proxy-protocol.txt 2.1, 2.2)', () => {
	const v4 = {source: {address: '203.0.113.9', port: 40_000, family: 4 as const}, destination: {address: '198.51.100.1', port: 25, family: 4 as const}};

	it('v1 is one text line', () => {
		const encoded = encodeProxyHeader({version: 'v1', ...v4});
		expect(encoded.ok && new TextDecoder().decode(encoded.bytes)).toBe('PROXY TCP4 203.0.113.9 198.51.100.1 40000 25\r\n');
	});

	it('v2 is the signature, version/command, family, length, addresses and ports', () => {
		const encoded = encodeProxyHeader({version: 'v2', ...v4});
		expect(encoded.ok).toBe(true);
		if (!encoded.ok) return;
		expect([...encoded.bytes.subarray(0, 12)]).toEqual([...proxyV2Signature]);
		expect([...encoded.bytes.subarray(12)]).toEqual([0x21, 0x11, 0, 12, 203, 0, 113, 9, 198, 51, 100, 1, 0x9c, 0x40, 0, 25]);
		expect(describeProxyHeader({version: 'v2', ...v4}, encoded.bytes.length)).toBe('PROXY v2 (binary, 28 bytes): command PROXY, TCP over IPv4, 203.0.113.9:40000 -> 198.51.100.1:25');
		const six = encodeProxyHeader({version: 'v2', source: {address: '2001:db8::1', port: 1, family: 6}, destination: {address: '::ffff:192.0.2.1', port: 2, family: 6}});
		expect(six.ok && [...six.bytes.subarray(12, 16)]).toEqual([0x21, 0x21, 0, 36]);
		expect(six.ok && six.bytes.length).toBe(52);
	});

	it('refuses mismatched families and bad addresses', () => {
		const mixed = encodeProxyHeader({version: 'v1', source: v4.source, destination: {address: '2001:db8::2', port: 25, family: 6}});
		expect(mixed).toEqual({ok: false, error: expect.stringContaining('needs both addresses in one family')});
		expect(parseProxyAddress('[2001:db8::1]:25')).toEqual({ok: true, value: {address: '2001:db8::1', port: 25, family: 6}});
		expect(parseProxyAddress('mx.example.com:25')).toMatchObject({ok: false, error: expect.stringContaining('not an IP address')});
		expect(parseProxyAddress('192.0.2.1:70000')).toMatchObject({ok: false, error: expect.stringContaining('not a valid port')});
		expect(parseProxyAddress('192.0.2.1')).toMatchObject({ok: false});
	});

	it('encodes IPv6 groups, :: and an IPv4 tail', () => {
		expect([...ipv6Bytes('::1')]).toEqual([...Array.from({length: 15}, () => 0), 1]);
		expect([...ipv6Bytes('2001:db8::ffff:192.0.2.1')]).toEqual([0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 192, 0, 2, 1]);
	});
});

describe('SOCKS proxy URLs', () => {
	it('reads socks5:// and socks5h://, a user, and the default port 1080', () => {
		expect(parseProxyUrl('socks5://proxy.example:1081')).toEqual({ok: true, proxy: {host: 'proxy.example', port: 1081, remoteDns: false}});
		expect(parseProxyUrl('socks5h://relay%40corp@[::1]')).toEqual({ok: true, proxy: {host: '::1', port: 1080, remoteDns: true, user: 'relay@corp'}});
		expect(formatProxy({host: '::1', port: 1080, remoteDns: true, user: 'relay@corp'})).toBe('socks5h://relay%40corp@[::1]:1080');
	});

	it.each([
		['http://proxy.example:8080', 'scheme "http" is not supported'],
		['socks4://proxy.example:1080', 'scheme "socks4" is not supported'],
		['socks5://proxy.example:0', '"0" is not a valid proxy port'],
		['socks5://proxy.example:99999', '"99999" is not a valid proxy port'],
		['socks5://proxy.example:port', '"port" is not a valid proxy port'],
		['socks5://user:secret@proxy.example:1080', 'may not be given in the URL'],
		['socks5://bad_host!:1080', '"bad_host!" is not a valid proxy host'],
	])('refuses %s', (url, message) => {
		expect(parseProxyUrl(url)).toEqual({ok: false, error: expect.stringContaining(message)});
	});
});

describe('XCLIENT and XFORWARD attributes (xtext, RFC 3461 4)', () => {
	it('encodes and decodes xtext', () => {
		expect(encodeXtext('a+b=c d')).toBe('a+2Bb+3Dc+20d');
		expect(decodeXtext('a+2Bb')).toEqual({ok: true, bytes: new TextEncoder().encode('a+b')});
		expect(decodeXtext('a+2b')).toMatchObject({ok: false, offset: 1});
		expect(buildAttributeCommand('XCLIENT', [{name: 'NAME', value: '[UNAVAILABLE]'}, {name: 'LOGIN', value: 'a b'}])).toBe('XCLIENT NAME=[UNAVAILABLE] LOGIN=a+20b');
	});

	it('refuses flag values with control bytes, over-long values and unknown names', () => {
		expect(parseAttributeFlag('XCLIENT', 'addr=192.0.2.1')).toEqual({ok: true, name: 'ADDR', value: '192.0.2.1'});
		expect(parseAttributeFlag('XCLIENT', 'NAME=evil\r\nRCPT TO:<x@y>')).toMatchObject({ok: false, error: expect.stringContaining('control byte 0x0d')});
		expect(parseAttributeFlag('XCLIENT', `NAME=${'a'.repeat(256)}`)).toMatchObject({ok: false, error: expect.stringContaining('256 octets; at most 255')});
		expect(parseAttributeFlag('XCLIENT', 'IDENT=x')).toMatchObject({ok: false, error: expect.stringContaining('IDENT is not a XCLIENT attribute')});
		expect(parseAttributeFlag('XCLIENT', 'NAME')).toMatchObject({ok: false, error: expect.stringContaining('not NAME=VALUE')});
	});

	it('positions each problem in the typed arguments', () => {
		expect(checkAttributeArgs('XCLIENT', 'ADDR=1.2.3.4 NAME=a+0Db')).toEqual([{severity: 'error', message: expect.stringContaining('control byte 0x0d'), start: 18, end: 23}]);
		expect(checkAttributeArgs('XCLIENT', 'NAME=a=b')).toEqual([{severity: 'error', message: expect.stringContaining('"=" must be written as +3D'), start: 6, end: 7}]);
		expect(checkAttributeArgs('XCLIENT', 'LOGIN=x', ['NAME', 'ADDR'])).toEqual([{severity: 'warning', message: expect.stringContaining('did not list LOGIN'), start: 0, end: 5}]);
		expect(checkAttributeArgs('XFORWARD', '')).toMatchObject([{severity: 'error'}]);
	});

	it('the composer blocks XCLIENT with an encoded control byte, and warns inside a transaction', () => {
		const state = greetedState(['XCLIENT NAME ADDR PROTO HELO LOGIN']);
		const blocked = validateLine('XCLIENT NAME=x+0A', {state, loopback: true});
		expect(blocked.verdict).toBe('blocked');
		expect(blocked.diagnostics.find(diagnostic => diagnostic.code === 'bad-attribute')).toMatchObject({start: 13, end: 17});
		expect(validateLine('XCLIENT ADDR=192.0.2.1', {state, loopback: true}).verdict).not.toBe('blocked');
		const inTransaction = validateLine('XCLIENT ADDR=192.0.2.1', {state: {...state, phase: 'mail'}, loopback: true});
		expect(inTransaction.diagnostics.map(diagnostic => diagnostic.code)).toContain('xclient-in-transaction');
	});
});

describe('the session after XCLIENT and in LMTP', () => {
	const sent = (verb: string, args = '', extra: Partial<SentCommand> = {}): SentCommand => ({id: Math.random(), kind: 'command', verb, args, display: `${verb} ${args}`, secret: false, sentAt: 0, ...extra});
	const step = (state: SessionState, command: SentCommand, text: string) => sessionReducer(sessionReducer(state, {type: 'sent', command}), {type: 'reply', reply: reply(text)});

	it('a 220 to XCLIENT starts a new session: the greeting, the extensions and the sign-in are forgotten', () => {
		const greeted = {...greetedState(['XCLIENT NAME ADDR']), auth: {mechanism: 'PLAIN'}};
		const after = step(greeted, sent('XCLIENT', 'ADDR=192.0.2.1'), '220 mx.example.com ESMTP');
		expect(after).toMatchObject({phase: 'connected', greeting: {code: 220, text: 'mx.example.com ESMTP'}});
		expect(after.hello).toBeUndefined();
		expect(after.ehlo).toBeUndefined();
		expect(after.auth).toBeUndefined();
		const refused = step(greeted, sent('XCLIENT', 'ADDR=192.0.2.1'), '550 5.7.0 Error: insufficient authorization');
		expect(refused.hello).toEqual(greeted.hello);
	});

	it('LMTP: each reply after the dot goes to its recipient; the transaction ends with the last', () => {
		let state: SessionState = {...initialSessionState(), phase: 'greeted', hello: {verb: 'LHLO', name: 'mta.example.com'}};
		state = step(state, sent('MAIL', 'FROM:<a@example.com>'), '250 ok');
		state = step(state, sent('RCPT', 'TO:<b@example.com>'), '250 ok');
		state = step(state, sent('RCPT', 'TO:<c@example.com>'), '250 ok');
		state = step(state, sent('DATA'), '354 go');
		const end = (recipient: string): SentCommand => ({...sent(''), kind: 'data-end', display: '.', recipient});
		state = sessionReducer(sessionReducer(state, {type: 'sent', command: end('b@example.com')}), {type: 'sent', command: end('c@example.com')});
		state = sessionReducer(state, {type: 'reply', reply: reply('250 2.0.0 <b@example.com> Saved')});
		expect(state.phase).toBe('data');
		expect(state.envelope.recipients.map(recipient => recipient.delivery?.code)).toEqual([250, undefined]);
		state = sessionReducer(state, {type: 'reply', reply: reply('552 5.2.2 <c@example.com> Quota exceeded')});
		expect(state.phase).toBe('greeted');
		expect(state.lastTransaction?.accepted).toBe(true);
		expect(state.lastTransaction?.recipients.map(recipient => [recipient.address, recipient.delivery?.code])).toEqual([['b@example.com', 250], ['c@example.com', 552]]);
	});
});
