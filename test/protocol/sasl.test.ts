import {createHmac} from 'node:crypto';
import {describe, expect, it} from 'vitest';
import {
	cramMd5Response,
	decodeChallenge,
	identityOf,
	loginResponses,
	oauthBearerResponse,
	plainResponse,
	redactAuthCommand,
	redactSaslResponse,
	xoauth2Response,
} from '../../source/protocol/sasl.js';

const decode = (base64: string) => Buffer.from(base64, 'base64').toString('utf8');

describe('SASL encoders', () => {
	it('PLAIN: authzid NUL user NUL password (RFC 4616 2)', () => {
		expect(decode(plainResponse({user: 'alice', password: 'sécret'}))).toBe('\u0000alice\u0000sécret');
		expect(decode(plainResponse({user: 'alice', password: 'p', authzid: 'admin'}))).toBe('admin\u0000alice\u0000p');
	});

	it('LOGIN: user then password, each base64', () => {
		expect(loginResponses({user: 'alice', password: 'pw'}).map(decode)).toEqual(['alice', 'pw']);
	});

	it('CRAM-MD5: user SP hex HMAC-MD5 of the challenge (RFC 2195 2 example)', () => {
		const challenge = Buffer.from('<1896.697170952@postoffice.reston.mci.net>').toString('base64');
		const response = cramMd5Response(challenge, {user: 'tim', password: 'tanstaaftanstaaf'});
		expect(decode(response!)).toBe('tim b913a602c7eda7a495b4e6e7334d3890');
		expect(cramMd5Response('not base64!', {user: 'a', password: 'b'})).toBeUndefined();
		expect(createHmac('md5', 'x').update('y').digest('hex')).toHaveLength(32);
	});

	it('XOAUTH2 and OAUTHBEARER initial responses', () => {
		expect(decode(xoauth2Response('a@example.com', 'tok'))).toBe('user=a@example.com\u0001auth=Bearer tok\u0001\u0001');
		expect(decode(oauthBearerResponse('a,b=c@example.com', 'tok', 'mx.example.com', 587))).toBe(
			'n,a=a=2Cb=3Dc@example.com,\u0001host=mx.example.com\u0001port=587\u0001auth=Bearer tok\u0001\u0001',
		);
	});

	it('decodes 334 challenges for display, and says when one is not base64', () => {
		expect(decodeChallenge('VXNlcm5hbWU6')).toEqual({ok: true, text: 'Username:'});
		expect(decodeChallenge('')).toEqual({ok: true, text: ''});
		expect(decodeChallenge('hello there')).toEqual({ok: false, text: 'hello there'});
	});

	it('reads the user name (not the secret) from responses', () => {
		expect(identityOf('PLAIN', plainResponse({user: 'alice', password: 'x'}))).toBe('alice');
		expect(identityOf('login', Buffer.from('bob').toString('base64'))).toBe('bob');
		expect(identityOf('XOAUTH2', xoauth2Response('carol@example.com', 't'))).toBe('carol@example.com');
		expect(identityOf('OAUTHBEARER', oauthBearerResponse('a,b', 't'))).toBe('a,b');
		expect(identityOf('PLAIN', 'not base64!')).toBeUndefined();
	});

	it('redaction keeps the verb and mechanism, hides the rest; * stays visible', () => {
		expect(redactAuthCommand('AUTH PLAIN AGFsaWNlAHB3')).toBe('AUTH PLAIN <redacted>');
		expect(redactAuthCommand('AUTH LOGIN')).toBe('AUTH LOGIN');
		expect(redactSaslResponse('YWxpY2U=')).toBe('<redacted>');
		expect(redactSaslResponse('*')).toBe('*');
	});
});
