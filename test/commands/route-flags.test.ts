import {describe, expect, it} from 'vitest';
import {main as probe} from '../../source/commands/probe.js';
import {main as run} from '../../source/commands/run.js';
import {main as send} from '../../source/commands/send.js';
import {fakeIo, useCommandServers} from '../helpers/command-io.js';

/**
The route flags' bad input: each is a usage error (exit 2) before any connection, proved
on a fake server that counts the connections it accepted.
*/

const servers = useCommandServers();

const message = ['--from', 'a@example.com', '--to', 'b@example.org', '--subject', 's', '--body', 'b', '--ehlo', 'client.example.com'];

describe('route flags: refused before anything is sent', () => {
	it.each([
		['a proxy URL with a bad scheme', ['--proxy', 'http://127.0.0.1:8080'], '--proxy: the proxy scheme "http" is not supported'],
		['a proxy URL with a bad port', ['--proxy', 'socks5://127.0.0.1:65536'], '--proxy: "65536" is not a valid proxy port'],
		['a proxy password in the URL', ['--proxy', 'socks5://u:p@127.0.0.1:1080'], 'may not be given in the URL'],
		['PROXY header addresses of two families', ['--proxy-protocol', 'v2', '--proxy-source', '192.0.2.1:1000', '--proxy-destination', '[2001:db8::1]:25'], 'needs both addresses in one family'],
		['a PROXY version that does not exist', ['--proxy-protocol', 'v3'], '--proxy-protocol must be v1 or v2'],
		['PROXY addresses without --proxy-protocol', ['--proxy-source', '192.0.2.1:1000'], 'go with --proxy-protocol'],
		['a DNS server that is not an address', ['--dns-server', 'dns.example:53'], '--dns-server "dns.example:53" is not IP[:PORT]'],
		['an XCLIENT value with a control byte', ['--xclient', 'NAME=a\r\nRCPT TO:<x@example.org>'], 'holds the control byte 0x0d'],
		['an XCLIENT value over 255 octets', ['--xclient', `LOGIN=${'x'.repeat(300)}`], 'the LOGIN value is 300 octets; at most 255'],
		['an XCLIENT line over 512 octets', ['--xclient', `NAME=${'n'.repeat(250)}`, '--xclient', `LOGIN=${'l'.repeat(250)}`], 'a command line holds at most 512'],
		['an XCLIENT attribute Postfix does not define', ['--xclient', 'SOURCE=REMOTE'], 'SOURCE is not a XCLIENT attribute'],
	])('%s', async (_, flags, error) => {
		const server = await servers.fake();
		for (const command of ['send', 'probe', 'run'] as const) {
			const io = fakeIo();
			const target = `127.0.0.1:${server.port}`;
			const code = command === 'send'
				? await send([target, ...flags, ...message], io.io)
				: command === 'probe'
					? await probe([target, ...flags, '--ehlo', 'client.example.com'], io.io)
					: await run([servers.dir.file('noop.smtp', 'NOOP\n'), target, ...flags], io.io);
			expect(io.stderr, command).toContain(error);
			expect(code, command).toBe(2);
		}

		expect(server.connections).toBe(0);
	});

	it('--all needs an mx: target', async () => {
		const io = fakeIo();
		expect(await probe(['127.0.0.1:25', '--all'], io.io)).toBe(2);
		expect(io.stderr).toContain('--all probes every MX host of a domain: give mx:DOMAIN');
	});

	it('--xclient goes out after EHLO, and a refusal stops the session (probe exit 14)', async () => {
		const server = await servers.fake({replies: {EHLO: '250-fake.test\r\n250 XCLIENT NAME ADDR\r\n', XCLIENT: '550 5.7.0 Error: insufficient authorization\r\n'}});
		const io = fakeIo();
		const code = await probe([`127.0.0.1:${server.port}`, '--xclient', 'ADDR=192.0.2.1', '--xclient', 'NAME=[UNAVAILABLE]', '--ehlo', 'client.example.com', '--no-starttls'], io.io);
		expect(code).toBe(14);
		expect(io.stderr).toMatch(/XCLIENT failed: XCLIENT refused: 550 .*insufficient authorization/);
		expect(server.lines.slice(0, 2)).toEqual(['EHLO client.example.com', 'XCLIENT ADDR=192.0.2.1 NAME=[UNAVAILABLE]']);
	});
});
