import {mkdtempSync, rmSync} from 'node:fs';
import {createServer, type Server} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {type DemoServer, startDemoServer} from '../../source/demo/server.js';
import {type DnsServer, startDnsmasq} from '../helpers/interop/dnsmasq.js';
import {type SocksServer, startMicrosocks} from '../helpers/interop/microsocks.js';
import {missingPackages} from '../helpers/interop/packages.js';
import {cli, hasTmux} from '../helpers/terminal.js';
import {useTerminals} from '../helpers/use-terminals.js';

/**
The route on screen, from the built explorer in a real terminal (tmux):
- an mx: target resolved by a real DNS server (dnsmasq on a loopback port): the first MX
  is dead, the second refuses service in its banner, the third (the demo server) answers.
  The sidebar's route rows and the header say which MX answered and which were tried, at
  120x40 and, after a resize, at 80x24;
- the demo server through a real SOCKS5 proxy (microsocks): the header and the sidebar
  name the proxy hop.
*/

describe.runIf(hasTmux && missingPackages('dnsmasq-base').length === 0)('the explorer on an mx: target', () => {
	let dns: DnsServer;
	let demo: DemoServer;
	let refuser: Server;
	const state = mkdtempSync(join(tmpdir(), 'smtp-explorer-mx-e2e-'));
	const e2e = useTerminals();

	beforeAll(async () => {
		demo = await startDemoServer();
		// 127.0.0.3 on the demo's port: a server that refuses service in its banner (RFC 5321 3.1).
		refuser = createServer(socket => {
			socket.resume();
			socket.end('554 5.7.1 no service here\r\n');
		});
		await new Promise<void>(resolve => refuser.listen(demo.port, '127.0.0.3', resolve));
		dns = await startDnsmasq([
			// Nothing listens on 127.0.0.2.
			'--mx-host=fallback.test,dead.fallback.test,10',
			'--mx-host=fallback.test,refuses.fallback.test,20',
			'--mx-host=fallback.test,demo.fallback.test,30',
			'--host-record=dead.fallback.test,127.0.0.2',
			'--host-record=refuses.fallback.test,127.0.0.3',
			'--host-record=demo.fallback.test,127.0.0.1',
		], ['test']);
	}, 30_000);

	afterAll(async () => {
		await dns?.stop();
		await new Promise<void>(resolve => (refuser ? refuser.close(() => resolve()) : resolve()));
		await demo?.close();
		rmSync(state, {recursive: true, force: true});
	});

	it('the sidebar lists the MX hosts tried and the one that answered; the header names it at both sizes', {timeout: 60_000}, async () => {
		const term = e2e.start(`node ${cli} mx:fallback.test:${demo.port} --dns-server ${dns.server} --ehlo client.example.com`, {width: 120, height: 40, env: {XDG_STATE_HOME: state}});
		const wide = await term.waitFor(/answered +demo\.fallback\.test/, 'the answered row in the sidebar');
		const sidebar = wide.split('\n').map(row => row.split('│')[1]?.trim() ?? '');
		const start = sidebar.findIndex(row => row.startsWith('─ route'));
		expect(sidebar.slice(start + 1, start + 4)).toEqual([
			expect.stringMatching(/^tried {6}dead\.fallback\.test: /),
			expect.stringMatching(/^tried {6}refuses\.fallback\.test: b/),
			'answered   demo.fallback.test',
		]);
		expect(wide.split('\n')[0]).toMatch(new RegExp(`^ smtp-explorer {2}mx:fallback\\.test:${demo.port} → demo\\.fallback\\.test .* connected {2}F1 help$`));
		// The transcript holds every attempt too (its rows joined: long notes wrap).
		const transcript = wide.split('\n').map(row => row.split('│')[0]!.trim()).join(' ');
		expect(transcript).toContain('refuses.fallback.test did not take the session (banner 554); trying the next MX host');

		term.resize(80, 24);
		const narrow = await term.waitFor(screen => screen.split('\n').every(row => row.length <= 80) && /→ demo\.fallback\.test/.test(screen.split('\n')[0]!), 'the 80-column header');
		expect(narrow.split('\n')[0]).toMatch(/→ demo\.fallback\.test .*connected {2}F1 help$/);
		await term.keys('F4');
		const details = await term.waitFor(/answered +demo\.fallback\.test/, 'the sidebar at 80 columns (F4)');
		expect(details).toMatch(/tried +refuses\.fallback\.test/);
		expect(details.split('\n').every(row => row.length <= 80)).toBe(true);
	});
});

describe.runIf(hasTmux && missingPackages('microsocks').length === 0)('the explorer through a SOCKS5 proxy', () => {
	let demo: DemoServer;
	let socks: SocksServer;
	const state = mkdtempSync(join(tmpdir(), 'smtp-explorer-socks-e2e-'));
	const e2e = useTerminals();

	beforeAll(async () => {
		demo = await startDemoServer();
		socks = await startMicrosocks();
	}, 30_000);

	afterAll(async () => {
		await socks?.stop();
		await demo?.close();
		rmSync(state, {recursive: true, force: true});
	});

	it('the header and the sidebar name the proxy hop', {timeout: 60_000}, async () => {
		const term = e2e.start(`node ${cli} 127.0.0.1:${demo.port} --proxy ${socks.url()} --ehlo client.example.com`, {width: 120, height: 40, env: {XDG_STATE_HOME: state}});
		const screen = await term.waitFor('220 demo.smtp-explorer.test', 'the banner through the proxy');
		expect(screen.split('\n')[0]).toMatch(new RegExp(`^ smtp-explorer {2}127\\.0\\.0\\.1:${demo.port} {2}via socks5 127\\.0\\.0\\.1:${socks.port} .*connected {2}F1 help$`));
		expect(screen).toMatch(new RegExp(`│ proxy {6}socks5 127\\.0\\.0\\.1:${socks.port}`));
		expect(screen.split('\n').map(row => row.split('│')[0]!.trim()).join(' ')).toContain(`through the proxy socks5://127.0.0.1:${socks.port}`);
	});
});
