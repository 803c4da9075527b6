import {beforeAll, describe, expect, it} from 'vitest';
import {sessionSettings, targetOf} from '../../source/commands/connection-flags.js';
import {describeExtension, main, type ProbeReport} from '../../source/commands/probe.js';
import type {DemoServer} from '../../source/demo/server.js';
import {closedPort, fakeIo, useCommandServers} from '../helpers/command-io.js';
import type {FakeServerOptions} from '../helpers/fake-smtp-server.js';
import {createTestPki} from '../helpers/test-certs.js';

const servers = useCommandServers();
const {fake} = servers;
let demo: DemoServer;
let caFile: string;
let testCaFile: string;
beforeAll(() => {
	({demo, caFile, testCaFile} = servers);
});

async function probe(argv: string[]) {
	const run = fakeIo();
	const code = await main([...argv, '--ehlo', 'probe.example.com'], run.io);
	return {code, stdout: run.stdout, stderr: run.stderr};
}

describe('probe against the demo server', () => {
	it('reports banner, extensions before and after STARTTLS, the verified certificate and timings as JSON', async () => {
		const {code, stdout, stderr} = await probe([`${demo.host}:${demo.port}`, '--ca', caFile]);
		expect(stderr).toBe('');
		expect(code).toBe(0);
		const report = JSON.parse(stdout) as ProbeReport;
		expect(report.target).toBe(`${demo.host}:${demo.port}`);
		expect(report.banner?.code).toBe(220);
		expect(report.starttls).toBe('upgraded');
		expect(report.extensionsBeforeTls?.map(extension => extension.keyword)).toContain('STARTTLS');
		expect(report.extensionsBeforeTls?.map(extension => extension.keyword)).not.toContain('AUTH');
		expect(report.extensionsAfterTls).toContainEqual({keyword: 'AUTH', params: ['PLAIN', 'LOGIN', 'CRAM-MD5']});
		expect(report.changedByTls?.gained).toContain('AUTH PLAIN LOGIN CRAM-MD5');
		expect(report.authMechanisms).toEqual(['PLAIN', 'LOGIN', 'CRAM-MD5']);
		expect(report.sizeLimit).toBe(25 * 1024 * 1024);
		expect(report.tls).toMatchObject({verified: true, certificate: {subject: 'localhost', issuer: 'smtp-explorer demo CA'}});
		expect(report.tls?.certificate?.daysToExpiry).toBeGreaterThan(20);
		expect(report.timings.map(timing => timing.step)).toEqual(['connect and banner', 'EHLO', 'STARTTLS and handshake', 'EHLO', 'QUIT']);
		expect(report.error).toBeUndefined();
	});

	it('prints a readable report with each extension explained', async () => {
		const {code, stdout} = await probe([`${demo.host}:${demo.port}`, '--ca', caFile, '--format', 'text']);
		expect(code).toBe(0);
		expect(stdout).toMatch(/^Probe of 127\.0\.0\.1:\d+\n/);
		expect(stdout).toMatch(/SIZE 26214400 +messages up to 25 MB/);
		expect(stdout).toMatch(/AUTH PLAIN LOGIN CRAM-MD5 +sign in with PLAIN, LOGIN, CRAM-MD5/);
		expect(stdout).toMatch(/PIPELINING +Several commands may be sent without waiting for replies/);
		expect(stdout).toContain('certificate verified');
		expect(stdout).toContain('TLS changed: gained AUTH PLAIN LOGIN CRAM-MD5');
		expect(stdout).toContain('Result: ok');
	});

	it('checks the certificate against --servername instead of the address', async () => {
		const {code, stdout} = await probe([`${demo.host}:${demo.port}`, '--ca', caFile, '--servername', 'localhost']);
		expect(code).toBe(0);
		expect((JSON.parse(stdout) as ProbeReport).tls?.verified).toBe(true);
		const wrong = await probe([`${demo.host}:${demo.port}`, '--ca', caFile, '--servername', 'mail.example.org']);
		expect(wrong.code).toBe(4);
		expect(wrong.stderr).toContain('wrong host name');
	});

	it('with --no-starttls stays in plaintext and reports STARTTLS as not tried', async () => {
		const {code, stdout} = await probe([`${demo.host}:${demo.port}`, '--no-starttls']);
		expect(code).toBe(0);
		const report = JSON.parse(stdout) as ProbeReport;
		expect(report).toMatchObject({starttls: 'not tried', tls: null, extensionsAfterTls: null});
	});
});

describe('probe failures and their exit codes', () => {
	it('exits 3 when nothing listens on the port', async () => {
		const port = await closedPort();
		const {code, stdout, stderr} = await probe([`127.0.0.1:${port}`]);
		expect(code).toBe(3);
		expect(stderr).toContain(`connection refused by 127.0.0.1:${port}`);
		expect(JSON.parse(stdout)).toMatchObject({banner: null, error: {stage: 'connect'}});
	});

	it('exits 5 on a 421 banner, and reports it', async () => {
		const server = await fake({greeting: ['421 4.3.2 too busy, try later\r\n', {close: 'fin'}]});
		const {code, stdout, stderr} = await probe([`127.0.0.1:${server.port}`]);
		expect(code).toBe(5);
		expect(stderr).toBe('smtp-explorer probe: banner failed: the server refused service in its banner: 421 4.3.2 too busy, try later\n');
		expect(JSON.parse(stdout)).toMatchObject({banner: {code: 421, text: '4.3.2 too busy, try later'}, error: {stage: 'greeting', type: 'reply', reply: {code: 421, enhanced: '4.3.2', text: '4.3.2 too busy, try later'}}});
		expect(server.received.toString()).toBe('');
	});

	it('exits 6 when EHLO (and HELO) are refused', async () => {
		const server = await fake({replies: {EHLO: '502 5.5.1 no EHLO here\r\n', HELO: '502 5.5.1 no HELO either\r\n'}});
		const {code, stderr} = await probe([`127.0.0.1:${server.port}`]);
		expect(code).toBe(6);
		expect(stderr).toContain('EHLO failed');
	});

	it('exits 4 when STARTTLS is required but not offered', async () => {
		const server = await fake({});
		const {code, stdout, stderr} = await probe([`127.0.0.1:${server.port}`, '--starttls']);
		expect(code).toBe(4);
		expect(stderr).toContain('does not offer STARTTLS');
		expect(JSON.parse(stdout)).toMatchObject({starttls: 'not offered', error: {stage: 'starttls'}});
	});

	it('exits 4 when a required STARTTLS is refused; without --starttls the refusal is only reported', async () => {
		const options: FakeServerOptions = {replies: {EHLO: '250-fake.test\r\n250 STARTTLS\r\n', STARTTLS: '454 4.7.0 TLS not available\r\n'}};
		const server = await fake(options);
		const required = await probe([`127.0.0.1:${server.port}`, '--starttls']);
		expect(required.code).toBe(4);
		expect(required.stderr).toBe('smtp-explorer probe: STARTTLS failed: STARTTLS refused: 454 4.7.0 TLS not available\n');
		const optional = await probe([`127.0.0.1:${server.port}`]);
		expect(optional.code).toBe(0);
		expect(JSON.parse(optional.stdout)).toMatchObject({starttls: 'refused', tls: null});
	});

	it('exits 4 when the STARTTLS certificate has expired', async () => {
		const pki = await createTestPki();
		const server = await fake({tls: pki.expired});
		const {code, stdout, stderr} = await probe([`127.0.0.1:${server.port}`, '--ca', testCaFile]);
		expect(code).toBe(4);
		expect(stderr).toContain('certificate expired');
		expect(JSON.parse(stdout)).toMatchObject({starttls: 'failed', error: {stage: 'starttls'}});
	});

	it('goes on with --insecure, and reports the certificate as not verified', async () => {
		const pki = await createTestPki();
		const server = await fake({tls: pki.expired});
		const {code, stdout} = await probe([`127.0.0.1:${server.port}`, '--insecure', '--format', 'text']);
		expect(code).toBe(0);
		expect(stdout).toContain('certificate NOT verified (--insecure)');
		expect(stdout).toContain('EXPIRED');
	});

	it('exits 4 when the implicit-TLS certificate names another host', async () => {
		const pki = await createTestPki();
		const server = await fake({tls: pki.wrongHost, implicitTls: true});
		const {code, stderr} = await probe([`127.0.0.1:${server.port}`, '--tls', '--ca', testCaFile]);
		expect(code).toBe(4);
		expect(stderr).toContain('wrong host name');
	});

	it('never prints server text raw', async () => {
		const server = await fake({greeting: '220 evil \u001B]0;owned\u0007 title\r\n'});
		const {code, stdout} = await probe([`127.0.0.1:${server.port}`, '--format', 'text']);
		expect(code).toBe(0);
		expect(stdout).not.toContain('\u001B');
		expect(stdout).toContain(String.raw`\x1b]0;owned\x07`);
	});
});

describe('probe usage', () => {
	it('prints help with the exit codes and exits 0', async () => {
		const {code, stdout} = await probe(['--help']);
		expect(code).toBe(0);
		expect(stdout).toContain('Exit codes');
		expect(stdout).toContain('--starttls');
	});

	it.each([
		[[], 'no server given'],
		[['localhost', '--format', 'xml'], '--format must be json or text'],
		[['localhost', '--bogus'], 'unknown option --bogus'],
		[['localhost', '--tls', '--starttls'], 'exclude each other'],
		[['localhost', '--timeout', 'soon'], 'is not a duration'],
		[['localhost', '--ca', '/nonexistent/ca.pem'], 'cannot read --ca'],
	])('exits 2 for %j', async (argv, message) => {
		const {code, stderr} = await probe(argv);
		expect(code).toBe(2);
		expect(stderr).toContain(message);
	});
});

describe('connection flags', () => {
	const flags = {starttls: false, tls: false, requireTls: false, submission: false, insecure: false};

	it('picks the default port: 25, 587 with --submission, 465 with --tls', () => {
		expect(targetOf('mx.example.com', flags)).toEqual({ok: true, target: {kind: 'tcp', host: 'mx.example.com', port: 25}, lmtp: false});
		expect(targetOf('mx.example.com', {...flags, submission: true})).toMatchObject({target: {port: 587}});
		expect(targetOf('mx.example.com', {...flags, tls: true, submission: true})).toMatchObject({target: {port: 465}});
		expect(targetOf('[::1]:2525', flags)).toMatchObject({target: {host: '::1', port: 2525}});
	});

	it('reads lmtp: and --lmtp (port 24 by default) and mx:DOMAIN[:PORT]', () => {
		expect(targetOf('lmtp:mail.example.com', flags)).toEqual({ok: true, target: {kind: 'tcp', host: 'mail.example.com', port: 24}, lmtp: true});
		expect(targetOf('lmtp:/run/dovecot/lmtp', flags)).toEqual({ok: true, target: {kind: 'unix', path: '/run/dovecot/lmtp'}, lmtp: true});
		expect(targetOf('mail.example.com', {...flags, lmtp: true})).toMatchObject({target: {port: 24}, lmtp: true});
		expect(targetOf('mx:Example.ORG', flags)).toEqual({ok: true, target: {kind: 'mx', domain: 'example.org', port: 25}, lmtp: false});
		expect(targetOf('mx:example.org:2525', flags)).toMatchObject({target: {kind: 'mx', port: 2525}});
		expect(targetOf('lmtp:mx:example.org', flags)).toMatchObject({ok: false, error: expect.stringContaining('LMTP delivers to one mailbox server')});
		expect(targetOf('mx:192.0.2.1', flags)).toMatchObject({ok: false, error: expect.stringContaining('is an address')});
		expect(targetOf('mx:example.org:0', flags)).toMatchObject({ok: false, error: expect.stringContaining('not a valid port')});
		expect(targetOf('mx:', flags)).toMatchObject({ok: false, error: expect.stringContaining('needs a mail domain')});
	});

	it('turns --starttls, --no-starttls, --require-tls and --tls into a STARTTLS mode', () => {
		const mode = (overrides: Partial<typeof flags>, argv: string[] = []) => {
			const result = sessionSettings({...flags, ehlo: 'client.example.com', ...overrides}, argv);
			return result.ok ? result.settings.startTls : result.error;
		};

		expect(mode({})).toBe('starttls');
		expect(mode({starttls: true}, ['--starttls'])).toBe('require');
		expect(mode({requireTls: true})).toBe('require');
		expect(mode({}, ['--no-starttls'])).toBe('no');
		expect(mode({tls: true})).toBe('no');
		expect(mode({requireTls: true}, ['--no-starttls'])).toContain('leaves no way to encrypt');
	});

	it('applies --timeout to every wait', () => {
		const result = sessionSettings({...flags, ehlo: 'client.example.com', timeout: '2s'}, []);
		expect(result.ok && result.settings.timeouts).toMatchObject({connect: 2000, greeting: 2000, dataEnd: 2000, quit: 2000});
	});
});

describe('describeExtension', () => {
	it('decodes SIZE and AUTH parameters and explains the rest from the catalog', () => {
		expect(describeExtension({keyword: 'SIZE', params: ['35882577']})).toBe('messages up to 34.2 MB');
		expect(describeExtension({keyword: 'SIZE', params: ['0']})).toBe('no fixed message size limit');
		expect(describeExtension({keyword: 'AUTH', params: ['PLAIN', 'LOGIN']})).toBe('sign in with PLAIN, LOGIN');
		expect(describeExtension({keyword: '8BITMIME', params: []})).toBe('The server takes 8-bit MIME content');
		expect(describeExtension({keyword: 'XYZZY', params: []})).toBe('a local extension (X-)');
		expect(describeExtension({keyword: 'WIBBLE', params: []})).toBe('not in the catalog');
	});
});
