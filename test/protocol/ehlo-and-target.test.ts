import {describe, expect, it} from 'vitest';
import {diffExtensions, hasExtension, parseEhlo} from '../../source/protocol/ehlo.js';
import {formatTarget, isLoopback, parseTarget} from '../../source/protocol/target.js';
import {ehloReply, reply} from '../helpers/session-state.js';

describe('EHLO parser', () => {
	it('reads keywords and parameters, SIZE in bytes and the AUTH list', () => {
		const info = parseEhlo(ehloReply('PIPELINING', 'SIZE 35882577', 'AUTH PLAIN LOGIN XOAUTH2', 'X-VENDOR-THING a b'));
		expect(info.domain).toBe('mx.example.com');
		expect(info.greeting).toBe('hello');
		expect(info.sizeLimit).toBe(35_882_577);
		expect(info.auth).toEqual(['PLAIN', 'LOGIN', 'XOAUTH2']);
		expect(info.extensions.map(extension => extension.keyword)).toEqual(['PIPELINING', 'SIZE', 'AUTH', 'X-VENDOR-THING']);
		expect(info.extensions.at(-1)?.params).toEqual(['a', 'b']);
	});

	it('is tolerant: lower case, leading spaces, blank lines, the legacy AUTH= form', () => {
		const info = parseEhlo(reply('250-mx\r\n250- pipelining\r\n250-\r\n250-auth=login plain\r\n250 auth plain cram-md5'));
		expect(hasExtension(info, 'PIPELINING')).toBe(true);
		expect(info.auth).toEqual(['LOGIN', 'PLAIN', 'CRAM-MD5']);
		expect(info.legacyAuth).toBe(true);
		expect(info.extensions.filter(extension => extension.keyword === 'AUTH')).toHaveLength(1);
	});

	it('SIZE without a number means no fixed limit; no SIZE means unknown', () => {
		expect(parseEhlo(ehloReply('SIZE')).sizeLimit).toBe(0);
		expect(parseEhlo(ehloReply('PIPELINING')).sizeLimit).toBeUndefined();
	});

	it('tells what STARTTLS changed', () => {
		const before = parseEhlo(ehloReply('PIPELINING', 'STARTTLS', 'SIZE 10'));
		const after = parseEhlo(ehloReply('PIPELINING', 'AUTH PLAIN', 'SIZE 20'));
		expect(diffExtensions(before, after)).toEqual({gained: ['AUTH PLAIN'], lost: ['STARTTLS'], changed: ['SIZE 20']});
	});
});

describe('targets', () => {
	it('parses host names, IPv4, IPv6 and socket paths', () => {
		expect(parseTarget('mx.example.com')).toEqual({ok: true, target: {kind: 'tcp', host: 'mx.example.com', port: 25}});
		expect(parseTarget('192.0.2.1:2525')).toEqual({ok: true, target: {kind: 'tcp', host: '192.0.2.1', port: 2525}});
		expect(parseTarget('[::1]:2525')).toEqual({ok: true, target: {kind: 'tcp', host: '::1', port: 2525}});
		expect(parseTarget('2001:db8::25', 587)).toEqual({ok: true, target: {kind: 'tcp', host: '2001:db8::25', port: 587}});
		expect(parseTarget('/run/dovecot/lmtp')).toEqual({ok: true, target: {kind: 'unix', path: '/run/dovecot/lmtp'}});
		expect(parseTarget('unix:./lmtp.sock')).toEqual({ok: true, target: {kind: 'unix', path: './lmtp.sock'}});
	});

	it('refuses bad hosts and ports with a clear error (A8)', () => {
		for (const bad of ['host:0', 'host:65536', 'host:http', 'bad_host!:25', '[nonsense]:25', '', '1:2:3']) {
			const result = parseTarget(bad);
			expect(result.ok, bad).toBe(false);
			if (!result.ok) expect(result.error.length).toBeGreaterThan(5);
		}
	});

	it('knows loopback targets and formats targets back', () => {
		expect(isLoopback({kind: 'tcp', host: '127.0.0.1', port: 25})).toBe(true);
		expect(isLoopback({kind: 'tcp', host: '::1', port: 25})).toBe(true);
		expect(isLoopback({kind: 'tcp', host: 'localhost', port: 25})).toBe(true);
		expect(isLoopback({kind: 'tcp', host: 'mx.example.com', port: 25})).toBe(false);
		expect(formatTarget({kind: 'tcp', host: '::1', port: 2525})).toBe('[::1]:2525');
	});
});
