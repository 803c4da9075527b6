import {readFileSync} from 'node:fs';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {main as probe, type ProbeReport} from '../../source/commands/probe.js';
import {main as run} from '../../source/commands/run.js';
import {main as send} from '../../source/commands/send.js';
import {fakeIo, tempDir} from '../helpers/command-io.js';
import {type DnsServer, startDnsmasq} from '../helpers/interop/dnsmasq.js';
import {type Dovecot, startDovecot} from '../helpers/interop/dovecot.js';
import {missingPackages} from '../helpers/interop/packages.js';
import {deliveredBy, type Postfix, startPostfix} from '../helpers/interop/postfix.js';

/**
The commands against a real Postfix (started in a temporary directory on loopback ports):
STARTTLS and AUTH through Dovecot's SASL, XCLIENT and XFORWARD changing what Postfix
records as the client (read back from the delivered message's Received header), PROXY
protocol v1 and v2 on a listener with smtpd_upstream_proxy_protocol = haproxy, and the
MX fallback across a dead first host (dnsmasq).
*/

const missing = missingPackages('postfix', 'dovecot-core', 'dnsmasq-base');

describe.skipIf(missing.length > 0)('against a real Postfix', () => {
	let dovecot: Dovecot;
	let postfix: Postfix;
	let dns: DnsServer;
	const dir = tempDir();
	let sent = 0;

	beforeAll(async () => {
		dovecot = await startDovecot();
		postfix = await startPostfix({saslSocket: dovecot.authSocket});
		dns = await startDnsmasq([
			'--mx-host=interop.test,dead.interop.test,10',
			'--mx-host=interop.test,postfix.interop.test,20',
			'--host-record=dead.interop.test,127.0.0.2',
			'--host-record=postfix.interop.test,127.0.0.1',
		], ['test']);
	}, 60_000);

	afterAll(async () => {
		await postfix?.stop();
		await dovecot?.stop();
		await dns?.stop();
		dir.remove();
	}, 60_000);

	/** Sends one message to bob@interop.test and returns it as delivered, or fails with what send said. */
	const deliver = async (target: string, extra: string[], env: NodeJS.ProcessEnv = {}) => {
		const io = fakeIo({env});
		const subject = `interop ${++sent}`;
		const code = await send([target, '--ehlo', 'client.example.com', '--from', 'sender@example.com', '--to', 'bob@interop.test', '--subject', subject, '--body', 'hello from the interop tier', ...extra], io.io);
		expect(io.stderr).toBe('');
		expect(code).toBe(0);
		const message = await deliveredBy(postfix, 'bob', sent);
		expect(message).toContain(`Subject: ${subject}`);
		return message;
	};

	/** The first Received field, unfolded. */
	const received = (message: string) => /^Received: (.*(?:\r?\n[ \t].*)*)/m.exec(message)![1]!.replaceAll(/\r?\n[ \t]+/g, ' ');

	it('probe: banner, STARTTLS verified with the test CA, AUTH only after TLS, XCLIENT and XFORWARD offered', async () => {
		const io = fakeIo();
		const code = await probe([`localhost:${postfix.smtpPort}`, '--ca', postfix.caFile, '--ehlo', 'probe.example.com'], io.io);
		expect(io.stderr).toBe('');
		expect(code).toBe(0);
		const report = JSON.parse(io.stdout) as ProbeReport;
		expect(report.banner).toEqual({code: 220, text: 'postfix.interop.test ESMTP Postfix (interop)'});
		expect(report.starttls).toBe('upgraded');
		expect(report.tls?.verified).toBe(true);
		const before = report.extensionsBeforeTls!.map(extension => extension.keyword);
		expect(before).toEqual(expect.arrayContaining(['STARTTLS', 'XCLIENT', 'XFORWARD']));
		expect(before).not.toContain('AUTH');
		expect(report.authMechanisms).toEqual(['PLAIN', 'LOGIN']);
	});

	it('send: STARTTLS, AUTH PLAIN checked by Dovecot, the message delivered and marked as authenticated', async () => {
		const message = await deliver(`localhost:${postfix.smtpPort}`, ['--ca', postfix.caFile, '--user', 'alice'], {SMTP_EXPLORER_PASSWORD: dovecot.users.alice});
		expect(received(message)).toMatch(/^from client\.example\.com \(localhost \[127\.0\.0\.1\]\) \(Authenticated sender: alice\) by postfix\.interop\.test \(Postfix\) with ESMTPSA id \w+/);
	});

	it('send --xclient: Postfix records the client XCLIENT named, and the session greets again after the 220', async () => {
		const message = await deliver(`127.0.0.1:${postfix.smtpPort}`, ['--no-starttls', '--xclient', 'ADDR=192.0.2.7', '--xclient', 'NAME=relay.example.net', '--transcript', dir.file('xclient.txt')]);
		// The HELO name is the one sent after XCLIENT's 220: the session started over.
		expect(received(message)).toMatch(/^from client\.example\.com \(relay\.example\.net \[192\.0\.2\.7\]\) by postfix\.interop\.test/);
		const transcript = readFileSync(dir.file('xclient.txt'), 'utf8');
		expect(transcript).toMatch(/-> XCLIENT ADDR=192\.0\.2\.7 NAME=relay\.example\.net[\s\S]*<- +220 postfix\.interop\.test[\s\S]*XCLIENT accepted[\s\S]*-> EHLO client\.example\.com/);
	});

	it('run with XFORWARD: Postfix logs the forwarded client as the original one (XFORWARD changes logging, not the session)', async () => {
		const script = dir.file('xforward.smtp', [
			'EHLO filter.example.com', 'EXPECT 250',
			'XFORWARD NAME=origin.example.org ADDR=198.51.100.20 HELO=origin-helo.example.org PROTO=ESMTP', 'EXPECT 250',
			'MAIL FROM:<sender@example.com>', 'EXPECT 250',
			'RCPT TO:<bob@interop.test>', 'EXPECT 250',
			'DATA', `Subject: interop ${++sent}`, '', 'forwarded', '.', 'EXPECT 250',
			'QUIT', 'EXPECT 221', '',
		].join('\n'));
		const io = fakeIo();
		const code = await run([script, `127.0.0.1:${postfix.smtpPort}`], io.io);
		expect(io.stderr).toBe('');
		expect(code).toBe(0);
		const message = await deliveredBy(postfix, 'bob', sent);
		const queueId = /with ESMTP id (\w+)/.exec(received(message))![1]!;
		expect(postfix.log()).toContain(`${queueId}: client=localhost[127.0.0.1], orig_client=origin.example.org[198.51.100.20]`);
	});

	it.each(['v1', 'v2'])('PROXY protocol %s: Postfix takes the client from the header', async version => {
		const message = await deliver(`127.0.0.1:${postfix.proxyPort}`, ['--proxy-protocol', version, '--proxy-source', '203.0.113.9:40000', '--proxy-destination', '198.51.100.1:25', '--no-starttls']);
		expect(received(message)).toMatch(/^from client\.example\.com \(unknown \[203\.0\.113\.9\]\) by postfix\.interop\.test/);
	});

	it('mx:interop.test: past the dead first MX to Postfix, each attempt in the transcript', async () => {
		await deliver(`mx:interop.test:${postfix.smtpPort}`, ['--dns-server', dns.server, '--no-starttls', '--transcript', dir.file('mx.txt')]);
		const transcript = readFileSync(dir.file('mx.txt'), 'utf8');
		expect(transcript).toMatch(/MX hosts of interop\.test, in the order to try: dead\.interop\.test \(10\), postfix\.interop\.test \(20\)/);
		expect(transcript).toMatch(/could not connect to dead\.interop\.test:\d+: connection refused[\s\S]*trying the next MX host[\s\S]*connecting to postfix\.interop\.test:\d+/);
	});
});
