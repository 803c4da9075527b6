/**
The route on screen, at 80x24 and 120x40: the header's summary (the MX that answered, the
proxy, the PROXY header, LMTP) and the sidebar's route section. The App is driven against
a real loopback server that reads a PROXY v1 line and speaks LMTP; the MX rows are drawn
from a route as the controller records it (the real lookup is in the tmux e2e test).
*/
import {afterEach, describe, expect, it} from 'vitest';
import type {Target} from '../../source/protocol/target.js';
import {type RouteInfo, SessionController} from '../../source/session/controller.js';
import {Header} from '../../source/ui/components/header.js';
import {Sidebar} from '../../source/ui/components/sidebar.js';
import {sidebarSections} from '../../source/ui/sidebar-model.js';
import {ThemeProvider} from '../../source/ui/theme.js';
import {startFakeServer} from '../helpers/fake-smtp-server.js';
import {keys, renderAt} from '../helpers/ink.js';
import {renderApp} from '../helpers/render-app.js';
import {greetedState, testTls} from '../helpers/session-state.js';

const clock = () => Date.parse('2026-11-28T12:00:00.000Z');
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
	while (cleanups.length > 0) await cleanups.pop()!();
});

const mxTarget: Target = {kind: 'mx', domain: 'example.test', port: 2525};
const route: RouteInfo = {
	mx: {
		domain: 'example.test',
		implicit: false,
		hosts: [
			{host: 'mx1.example.test', preference: 10},
			{host: 'mx2.example.test', preference: 20},
		],
		tried: [{host: 'mx1.example.test', result: 'connection refused'}, {host: 'mx2.example.test', result: '220 mx2 ESMTP'}],
		answered: 'mx2.example.test',
	},
	proxy: 'socks5://127.0.0.1:1080',
	endpoint: {kind: 'tcp', host: 'mx2.example.test', port: 2525},
};

function drawn(node: React.ReactElement, width: number) {
	const ui = renderAt(<ThemeProvider theme={{color: false}}>{node}</ThemeProvider>, width);
	cleanups.push(() => ui.unmount());
	return ui.frame();
}

describe('the MX route drawn', () => {
	it.each([80, 120])('at %i columns the header names the target, then the MX that answered and the proxy, in one row', width => {
		const row = drawn(<Header width={width} target={mxTarget} state={greetedState([], {tls: testTls})} insecure={false} route={route} />, width);
		expect(row.split('\n')).toHaveLength(1);
		expect(row.length).toBeLessThanOrEqual(width);
		expect(row).toContain(' mx:example.test:2525 → mx2.example.test  TLSv1.3  via socks5');
		expect(row).toMatch(/greeted {2}F1 help\s*$/);
		// At 120 columns there is room for the program's name and the whole proxy; at 80 the name goes first.
		if (width === 120) expect(row).toMatch(/^ smtp-explorer {2}mx:example.test:2525 → mx2.example.test {2}TLSv1.3 {2}via socks5 127.0.0.1:1080 +greeted/);
		else expect(row).not.toContain('smtp-explorer');
	});

	it('at 120x40 the sidebar lists each MX host with what happened, and the proxy', () => {
		const sections = sidebarSections({state: greetedState([], {tls: testTls}), target: mxTarget, insecure: false, queued: 0, now: clock(), plan: {ehloName: 'c'}, route});
		// 38 columns: the sidebar's width beside a 120-column transcript.
		const frame = drawn(<Sidebar sections={sections} width={38} height={30} focused={false} />, 38);
		const rows = frame.split('\n').map(row => row.replace(/^│ /, '').trimEnd());
		const start = rows.findIndex(row => row.startsWith('─ route'));
		expect(rows.slice(start + 1, start + 4)).toEqual(['tried      mx1.example.test: connec…', 'answered   mx2.example.test', 'proxy      socks5 127.0.0.1:1080']);
		expect(rows.every(row => row.length <= 38)).toBe(true);
	});
});

describe('the App through a PROXY v1 header to an LMTP server', () => {
	async function session(width: number, height: number) {
		// The server reads the PROXY line and says nothing to it, as a real listener behind a load balancer does.
		const server = await startFakeServer({replies: {PROXY: () => {}, LHLO: '250-fake.test\r\n250 PIPELINING\r\n'}});
		const controller = new SessionController({
			target: {kind: 'tcp', host: '127.0.0.1', port: server.port},
			route: {proxyHeader: {version: 'v1', source: {address: '203.0.113.9', port: 4000, family: 4}, destination: {address: '192.0.2.1', port: 24, family: 4}}},
			clock,
		});
		const ui = renderApp({controller, width, height, plan: {ehloName: 'client.example.com', lmtp: true}, onExit: () => {}, clock});
		cleanups.push(async () => {
			ui.unmount();
			controller.close();
			await server.close();
		});
		await controller.connect();
		await ui.waitFor(frame => frame.includes('220 fake.test'), 'the banner');
		expect(await server.waitForLine(/^PROXY /)).toBe('PROXY TCP4 203.0.113.9 192.0.2.1 4000 24');
		return {ui, server};
	}

	it('120x40: the header says LMTP and PROXY v1; the sidebar the header sent and the protocol; Ctrl+N offers LHLO', async () => {
		const {ui} = await session(120, 40);
		const frame = ui.frame();
		const header = frame.split('\n')[0]!;
		expect(header).toMatch(/^ smtp-explorer {2}127\.0\.0\.1:\d+ {2}LMTP {2}PROXY v1 {3}PLAINTEXT +connected {2}F1 help\s*$/);
		const sidebar = frame.split('\n').map(row => row.split('│')[1]?.trim() ?? '');
		const start = sidebar.findIndex(row => row.startsWith('─ route'));
		expect(sidebar.slice(start + 1, start + 4)).toEqual(['PROXY v1   from 203.0.113.9:4000', 'to 192.0.2.1:24', 'protocol   LMTP (RFC 2033)']);
		expect(frame).toContain('try        LHLO client.example.com');
		await ui.press(keys.ctrl('n'));
		await ui.waitFor(current => current.includes('> LHLO client.example.com'), 'LHLO in the composer');
		expect(frame.split('\n').every(row => row.length <= 120)).toBe(true);
	});

	it('80x24: the header keeps LMTP and PROXY v1 with help; F4 shows the route section', async () => {
		const {ui} = await session(80, 24);
		const header = ui.frame().split('\n')[0]!;
		expect(header).toMatch(/127\.0\.0\.1:\d+ {2}LMTP {2}PROXY v1/);
		expect(header.length).toBeLessThanOrEqual(80);
		expect(header).toMatch(/F1 help\s*$/);
		await ui.press('\u001BOS');
		const frame = await ui.waitFor(current => current.includes('─ route'), 'the sidebar with its route section');
		expect(frame).toContain('PROXY v1   from 203.0.113.9:4000');
		expect(frame).toContain('protocol   LMTP (RFC 2033)');
		expect(frame.split('\n').every(row => row.length <= 80)).toBe(true);
	});
});
