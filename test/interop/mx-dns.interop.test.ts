import {readFileSync} from 'node:fs';
import {createServer, type Server} from 'node:net';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {main as probe, type ProbeReport} from '../../source/commands/probe.js';
import {main as send} from '../../source/commands/send.js';
import {type DemoServer, startDemoServer} from '../../source/demo/server.js';
import {fakeIo, tempDir} from '../helpers/command-io.js';
import {type DnsServer, startDnsmasq, wireName} from '../helpers/interop/dnsmasq.js';
import {missingPackages} from '../helpers/interop/packages.js';

/**
MX targets against a real DNS server (dnsmasq on a loopback port) and the demo server:
the order of MX hosts, the fallback across a dead host and a refusing banner, the implicit
MX, the null MX, and each broken zone refused before anything is sent.
*/

const missing = missingPackages('dnsmasq-base');

describe.skipIf(missing.length > 0)('mx: targets through dnsmasq', () => {
	let dns: DnsServer;
	let demo: DemoServer;
	let refuser: Server;
	const refused: string[] = [];
	const dir = tempDir();
	let caFile: string;

	beforeAll(async () => {
		demo = await startDemoServer();
		caFile = dir.file('demo-ca.pem', demo.caCert);
		// 127.0.0.3 on the demo's port: a server that refuses service in its banner (RFC 5321 3.1).
		refuser = createServer(socket => {
			refused.push('connection');
			// Read (and drop) what the client says, so its FIN is seen and the socket closes.
			socket.resume();
			socket.end('554 5.7.1 no service here\r\n');
		});
		await new Promise<void>(resolve => refuser.listen(demo.port, '127.0.0.3', resolve));
		const manyMx = Array.from({length: 11}, (_, index) => `--mx-host=many.test,mx${index}.many.test,${index}`);
		dns = await startDnsmasq([
			// Dead first MX (nothing listens on 127.0.0.2), then a refusing banner, then the demo server.
			'--mx-host=fallback.test,dead.fallback.test,10',
			'--mx-host=fallback.test,refuses.fallback.test,20',
			'--mx-host=fallback.test,demo.fallback.test,30',
			'--host-record=dead.fallback.test,127.0.0.2',
			'--host-record=refuses.fallback.test,127.0.0.3',
			'--host-record=demo.fallback.test,127.0.0.1',
			'--mx-host=good.test,demo.good.test,5',
			'--host-record=demo.good.test,127.0.0.1',
			'--host-record=implicit.test,127.0.0.1',
			'--mx-host=null.test,.,0',
			'--mx-host=literal.test,192.0.2.1,10',
			...manyMx,
			`--dns-rr=loop1.test,5,${wireName('loop2.test')}`,
			`--dns-rr=loop2.test,5,${wireName('loop1.test')}`,
		], ['test']);
	});

	afterAll(async () => {
		await dns?.stop();
		await new Promise<void>(resolve => (refuser ? refuser.close(() => resolve()) : resolve()));
		await demo?.close();
		dir.remove();
	});

	const probeJson = async (target: string, ...extra: string[]) => {
		const run = fakeIo();
		const code = await probe([target, '--dns-server', dns.server, '--ehlo', 'probe.example.com', '--no-starttls', ...extra], run.io);
		return {code, stdout: run.stdout, stderr: run.stderr};
	};

	it('tries the MX hosts in preference order: past a dead host and a 554 banner, to the one that greets', async () => {
		refused.length = 0;
		const {code, stdout, stderr} = await probeJson(`mx:fallback.test:${demo.port}`);
		expect(stderr).toBe('');
		expect(code).toBe(0);
		const report = JSON.parse(stdout) as ProbeReport;
		expect(report.banner?.code).toBe(220);
		expect(report.route.mx?.hosts.map(host => host.host)).toEqual(['dead.fallback.test', 'refuses.fallback.test', 'demo.fallback.test']);
		expect(report.route.mx?.tried.map(attempt => attempt.host)).toEqual(['dead.fallback.test', 'refuses.fallback.test', 'demo.fallback.test']);
		expect(report.route.mx?.tried[0]?.result).toMatch(/refused/);
		expect(report.route.mx?.tried[1]?.result).toBe('banner 554');
		expect(report.route.mx?.answered).toBe('demo.fallback.test');
		expect(report.route.connectedTo).toBe(`demo.fallback.test:${demo.port}`);
		expect(refused).toEqual(['connection']);
	});

	it('sends to mx:DOMAIN, verifying STARTTLS against the MX host name given with --servername', async () => {
		const before = demo.messages.length;
		const run = fakeIo();
		const code = await send([`mx:good.test:${demo.port}`, '--dns-server', dns.server, '--ca', caFile, '--servername', 'localhost', '--starttls', '--ehlo', 'client.example.com',
			'--from', 'a@example.com', '--to', 'b@good.test', '--subject', 'via MX', '--body', 'hello'], run.io);
		expect(run.stderr).toBe('');
		expect(code).toBe(0);
		expect(demo.messages.length).toBe(before + 1);
		expect(demo.messages.at(-1)?.recipients).toEqual(['b@good.test']);
	});

	it('falls back to the domain itself when it has no MX record (the implicit MX), and says so', async () => {
		const {code, stdout} = await probeJson(`mx:implicit.test:${demo.port}`, '--format', 'text');
		expect(code).toBe(0);
		expect(stdout).toContain('implicit.test (0) (implicit MX: no MX record)');
		expect(stdout).toContain('answered     implicit.test');
	});

	it('reports a null MX as a domain that accepts no mail, not as an error', async () => {
		const {code, stdout, stderr} = await probeJson('mx:null.test');
		expect(code).toBe(0);
		expect(stderr).toBe('');
		expect(JSON.parse(stdout)).toMatchObject({banner: null, route: {nullMx: true}});
		const all = await probeJson('mx:null.test', '--all', '--format', 'text');
		expect(all.stdout).toBe('null.test accepts no mail: it publishes a null MX (RFC 7505)\n');
	});

	it('probes every MX host with --all, in one table and in JSON', async () => {
		const text = await probeJson(`mx:fallback.test:${demo.port}`, '--all', '--format', 'text');
		const lines = text.stdout.split('\n');
		expect(lines[0]).toBe('MX hosts of fallback.test');
		expect(lines[1]).toMatch(/^host\s+pref\s+banner\s+TLS\s+certificate\s+extensions$/);
		expect(lines[2]).toMatch(/^dead\.fallback\.test\s+10\s+failed: connection refused/);
		expect(lines[3]).toMatch(/^refuses\.fallback\.test\s+20\s+554 5\.7\.1 no service here/);
		expect(lines[4]).toMatch(/^demo\.fallback\.test\s+30\s+220 .*STARTTLS/);
		expect(text.code).toBe(3);
		const json = await probeJson(`mx:fallback.test:${demo.port}`, '--all');
		const parsed = JSON.parse(json.stdout) as {domain: string; hosts: Array<ProbeReport & {host: string; preference: number}>};
		expect(parsed.hosts.map(host => [host.host, host.preference, host.banner?.code ?? null])).toEqual([['dead.fallback.test', 10, null], ['refuses.fallback.test', 20, 554], ['demo.fallback.test', 30, 220]]);
	});

	it('says the --all table, the implicit MX and the null MX in Portuguese with --lang pt, and keeps the JSON in English', async () => {
		const text = await probeJson(`mx:fallback.test:${demo.port}`, '--all', '--format', 'text', '--lang', 'pt');
		const lines = text.stdout.split('\n');
		expect(lines[0]).toBe('Hosts MX de fallback.test');
		expect(lines[1]).toMatch(/^host\s+pref\s+banner\s+TLS\s+certificado\s+extensões$/);
		expect(lines[2]).toMatch(/^dead\.fallback\.test\s+10\s+falhou: \S/);
		expect(lines[2]).toMatch(/\s+não tentado\s+-/);
		expect(lines[3]).toMatch(/^refuses\.fallback\.test\s+20\s+554 5\.7\.1 no service here/);
		expect(lines[4]).toMatch(/^demo\.fallback\.test\s+30\s+220 .*\s+não tentado\s+-\s+.*STARTTLS/);
		expect(text.code).toBe(3);
		const implicit = await probeJson(`mx:implicit.test:${demo.port}`, '--format', 'text', '--lang', 'pt');
		expect(implicit.stdout).toContain('  hosts MX     implicit.test (0) (MX implícito: não há registro MX)\n');
		expect(implicit.stdout).toContain('  respondeu    implicit.test\n');
		const none = await probeJson('mx:null.test', '--format', 'text', '--lang', 'pt');
		expect(none.stdout).toContain('  e-mail       este domínio não recebe e-mail (MX nulo, RFC 7505)\n');
		const all = await probeJson('mx:null.test', '--all', '--format', 'text', '--lang', 'pt');
		expect(all.stdout).toBe('null.test não recebe e-mail: publica um MX nulo (RFC 7505)\n');
		const json = await probeJson('mx:null.test', '--all', '--lang', 'pt');
		expect(json.stdout).toBe('{"domain":"null.test","nullMx":true,"hosts":[]}\n');
	});

	describe('broken zones: a clear error, and no connection to any mail server', () => {
		it.each([
			['a name that does not resolve', 'mx:nothing-here.test', /nothing-here\.test does not exist in DNS/],
			['a CNAME loop', 'mx:loop1.test', /loop1\.test is a CNAME loop: loop1\.test -> loop2\.test -> loop1\.test/],
			['an MX pointing to an IP literal', 'mx:literal.test', /points to the IP address literal 192\.0\.2\.1/],
			['more than 10 MX records', 'mx:many.test', /many\.test has 11 MX records; more than 10 is refused/],
		])('%s', async (_, target, message) => {
			const before = demo.messages.length;
			const run = fakeIo();
			const code = await send([`${target}:${demo.port}`, '--dns-server', dns.server, '--ehlo', 'client.example.com', '--from', 'a@example.com', '--to', 'b@example.org', '--subject', 's', '--body', 'b', '--transcript', dir.file(`${target.slice(3)}.txt`)], run.io);
			expect(code).toBe(3);
			expect(run.stderr).toMatch(message);
			expect(demo.messages.length).toBe(before);
			expect(readFileSync(dir.file(`${target.slice(3)}.txt`), 'utf8')).not.toMatch(/connecting to/);
		});
	});
});
