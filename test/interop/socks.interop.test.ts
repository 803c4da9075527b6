import {readFileSync} from 'node:fs';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {main as probe, type ProbeReport} from '../../source/commands/probe.js';
import {main as run} from '../../source/commands/run.js';
import {main as send} from '../../source/commands/send.js';
import {type DemoServer, startDemoServer} from '../../source/demo/server.js';
import {closedPort, fakeIo, tempDir} from '../helpers/command-io.js';
import {type SocksServer, startMicrosocks} from '../helpers/interop/microsocks.js';
import {missingPackages} from '../helpers/interop/packages.js';

/**
SOCKS5 against a real proxy (microsocks on loopback ports), with and without its user
name and password (RFC 1929), in front of the demo server; and each way a proxy fails,
named as a proxy failure with its own exit code (12).
*/

const missing = missingPackages('microsocks');

describe.skipIf(missing.length > 0)('--proxy socks5:// through microsocks', () => {
	let open: SocksServer;
	let guarded: SocksServer;
	let demo: DemoServer;
	const dir = tempDir();
	let caFile: string;

	beforeAll(async () => {
		demo = await startDemoServer();
		caFile = dir.file('demo-ca.pem', demo.caCert);
		open = await startMicrosocks();
		guarded = await startMicrosocks({user: 'relay', password: 'proxy-secret'});
	});

	afterAll(async () => {
		await open?.stop();
		await guarded?.stop();
		await demo?.close();
		dir.remove();
	});

	const sendThrough = async (proxyUrl: string, env: NodeJS.ProcessEnv = {}, target = `localhost:${demo.port}`) => {
		const io = fakeIo({env});
		const code = await send([target, '--proxy', proxyUrl, '--ca', caFile, '--ehlo', 'client.example.com', '--from', 'a@example.com', '--to', 'b@example.org', '--subject', 'through SOCKS', '--body', 'hello', '--transcript', dir.file('send.txt')], io.io);
		return {code, stdout: io.stdout, stderr: io.stderr};
	};

	it('sends through a proxy without sign-in, with STARTTLS verified against the name given (socks5h: the proxy resolves it)', async () => {
		const before = demo.messages.length;
		const result = await sendThrough(open.url().replace('socks5:', 'socks5h:'));
		expect(result.stderr).toBe('');
		expect(result.code).toBe(0);
		expect(demo.messages.length).toBe(before + 1);
		const transcript = readFileSync(dir.file('send.txt'), 'utf8');
		expect(transcript).toContain(`connecting to localhost:${demo.port} through the proxy socks5h://127.0.0.1:${open.port}`);
		expect(transcript).toContain('certificate verified for localhost');
	});

	it('signs in to the proxy with the user in the URL and the password from SMTP_EXPLORER_PROXY_PASSWORD', async () => {
		const before = demo.messages.length;
		const result = await sendThrough(guarded.url('relay'), {SMTP_EXPLORER_PROXY_PASSWORD: 'proxy-secret'});
		expect(result.stderr).toBe('');
		expect(result.code).toBe(0);
		expect(demo.messages.length).toBe(before + 1);
		expect(readFileSync(dir.file('send.txt'), 'utf8')).not.toContain('proxy-secret');
	});

	it('probe shows the proxy hop in its JSON', async () => {
		const io = fakeIo();
		const code = await probe([`127.0.0.1:${demo.port}`, '--proxy', open.url(), '--ca', caFile, '--ehlo', 'probe.example.com'], io.io);
		expect(code).toBe(0);
		const report = JSON.parse(io.stdout) as ProbeReport;
		expect(report.route.proxy).toBe(`socks5://127.0.0.1:${open.port}`);
		expect(report.starttls).toBe('upgraded');
	});

	it('run replays a script through the proxy', async () => {
		const script = dir.file('script.smtp', 'EHLO client.example.com\nEXPECT 250\nNOOP\nEXPECT 250\nQUIT\nEXPECT 221\n');
		const io = fakeIo();
		const code = await run([script, `127.0.0.1:${demo.port}`, '--proxy', open.url()], io.io);
		expect(io.stderr).toBe('');
		expect(code).toBe(0);
	});

	describe('proxy failures: named as such, exit code 13, no message sent', () => {
		it('a wrong proxy password', async () => {
			const before = demo.messages.length;
			const result = await sendThrough(guarded.url('relay'), {SMTP_EXPLORER_PROXY_PASSWORD: 'wrong'});
			expect(result.code).toBe(13);
			expect(result.stderr).toContain(`the proxy socks5://relay@127.0.0.1:${guarded.port} refused the user name or password`);
			expect(demo.messages.length).toBe(before);
		});

		it('no sign-in offered to a proxy that demands it', async () => {
			const result = await sendThrough(guarded.url());
			expect(result.code).toBe(13);
			expect(result.stderr).toContain('accepts none of the offered ways to sign in');
		});

		it('a proxy that is not there', async () => {
			const port = await closedPort();
			const result = await sendThrough(`socks5://127.0.0.1:${port}`);
			expect(result.code).toBe(13);
			expect(result.stderr).toContain(`connection refused by the proxy socks5://127.0.0.1:${port}`);
		});

		it('the proxy cannot reach the mail server', async () => {
			const port = await closedPort();
			const result = await sendThrough(open.url(), {}, `127.0.0.1:${port}`);
			expect(result.code).toBe(13);
			expect(result.stderr).toMatch(/the proxy socks5:\/\/127\.0\.0\.1:\d+ refused to connect to the mail server: /);
		});

		it('a user in the URL and no password anywhere: a usage error before connecting', async () => {
			const result = await sendThrough(guarded.url('relay'));
			expect(result.code).toBe(2);
			expect(result.stderr).toContain('the proxy user needs a password: set SMTP_EXPLORER_PROXY_PASSWORD');
		});
	});
});
