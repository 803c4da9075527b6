/**
XCLIENT in the App, at 80x24 and 120x40, against a loopback server that advertises it as
Postfix does: Tab completes the attribute names it listed, and the palette fills the whole
command with them (the real Postfix run is in test/interop/explorer.interop.test.ts).
*/
import {afterEach, describe, expect, it} from 'vitest';
import {SessionController} from '../../source/session/controller.js';
import {startFakeServer} from '../helpers/fake-smtp-server.js';
import {keys} from '../helpers/ink.js';
import {renderApp} from '../helpers/render-app.js';

const clock = () => Date.parse('2026-11-28T12:00:00.000Z');
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
	while (cleanups.length > 0) await cleanups.pop()!();
});

async function greeted(width: number, height: number) {
	const server = await startFakeServer({replies: {EHLO: '250-fake.test\r\n250-PIPELINING\r\n250-XCLIENT NAME ADDR PROTO HELO\r\n250 8BITMIME\r\n'}});
	const controller = new SessionController({target: {kind: 'tcp', host: '127.0.0.1', port: server.port}, clock});
	const ui = renderApp({controller, width, height, plan: {ehloName: 'client.example.com'}, onExit: () => {}, clock});
	cleanups.push(async () => {
		ui.unmount();
		controller.close();
		await server.close();
	});
	await controller.connect();
	await controller.command('EHLO client.example.com');
	await ui.waitFor(frame => frame.includes('XCLIENT NAME ADDR'), 'the EHLO reply');
	return {ui, server};
}

describe.each([
	[80, 24],
	[120, 40],
])('XCLIENT at %ix%i', (width, height) => {
	it('Tab lists the attribute names the server listed, Tab again takes the first; a prefix completes to its one name', async () => {
		const {ui} = await greeted(width, height);
		await ui.type('XCLIENT ');
		await ui.press(keys.tab);
		await ui.waitFor(frame => frame.includes('NAME=  ADDR=  PROTO=  HELO='), 'the names offered');
		await ui.press(keys.tab);
		await ui.waitFor(frame => /^> XCLIENT NAME=/m.test(frame), 'the first name');
		await ui.type('mx.example.org a');
		await ui.press(keys.tab);
		const frame = await ui.waitFor(current => /^> XCLIENT NAME=mx\.example\.org ADDR=/m.test(current), 'ADDR= completed');
		expect(frame.split('\n').every(row => row.length <= width)).toBe(true);
	});

	it('the palette fills XCLIENT with every listed attribute, explains the 220 reset, and nothing is sent before Enter', async () => {
		const {ui, server} = await greeted(width, height);
		await ui.press(keys.ctrl('p'));
		await ui.waitFor(frame => frame.includes('search'), 'the palette');
		await ui.type('xclient');
		await ui.waitFor(frame => /› XCLIENT\s+command/.test(frame), 'XCLIENT selected');
		await ui.press(keys.enter);
		const frame = await ui.waitFor(current => current.includes('XCLIENT helper'), 'the helper panel');
		// The panel's rows, without the sidebar beside them at 120 columns.
		const flat = frame.split('\n').map(row => row.split('│')[0]!.trim()).join(' ');
		expect(flat).toContain('listed after XCLIENT in its EHLO reply: NAME ADDR PROTO HELO.');
		expect(flat).toContain('send EHLO again');
		// The composer holds the command; the row may scroll at 80 columns, so read the controller's view of it: nothing sent yet.
		expect(frame).toMatch(/^> .*XCLIENT NAME=client\.example\.com ADDR=192\.0\.2\.10|^> .*PROTO=ESMTP HELO=client\.example\.com/m);
		expect(server.lines).toEqual(['EHLO client.example.com']);
		expect(frame.split('\n').every(row => row.length <= width)).toBe(true);
		await ui.press(keys.enter);
		expect(await server.waitForLine(/^XCLIENT /)).toBe('XCLIENT NAME=client.example.com ADDR=192.0.2.10 PROTO=ESMTP HELO=client.example.com');
	});
});
