/**
The demo mailbox (F2) inside the App in demo mode: every message the demo server accepted
(sender, recipients, size, subject), one of them exactly as it arrived, and new arrivals
shown while the mailbox is open.
*/
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {type DemoServer, startDemoServer} from '../../source/demo/server.js';
import {SessionController} from '../../source/session/controller.js';
import {formatBytes} from '../../source/ui/sidebar-model.js';
import {keys} from '../helpers/ink.js';
import {renderApp} from '../helpers/render-app.js';

const clock = () => Date.parse('2026-11-28T12:00:00.000Z');
/** F2 as xterm sends it (SS3 Q). */
const f2 = '\u001BOQ';

let demo: DemoServer;
const cleanups: Array<() => Promise<void> | void> = [];
beforeAll(async () => {
	demo = await startDemoServer();
});
afterEach(async () => {
	while (cleanups.length > 0) await cleanups.pop()!();
});
afterAll(async () => {
	await demo.close();
});

/** A new demo server per test would cost a PKI each time: tests tell their messages apart by subject. */
let counter = 0;
const uniqueSubject = (what: string) => `${what} #${++counter} ${process.pid}`;

async function connectedController() {
	const controller = new SessionController({target: {kind: 'tcp', host: demo.host, port: demo.port}, tls: {ca: demo.caCert}, clock});
	cleanups.push(() => controller.close());
	await controller.connect();
	await controller.command('EHLO client.example.com');
	return controller;
}

/** Sends one message through a controller: MAIL, RCPT for each recipient, DATA and the body. */
async function deliver(controller: SessionController, options: {from: string; to: string[]; message: string}) {
	expect((await controller.command(`MAIL FROM:<${options.from}>`)).ok).toBe(true);
	for (const recipient of options.to) await controller.command(`RCPT TO:<${recipient}>`);
	const data = await controller.command('DATA');
	expect(data.ok && data.reply.code).toBe(354);
	const sent = await controller.sendData(options.message);
	expect(sent.ok && sent.reply.code).toBe(250);
}

function messageText(subject: string, body: string[]): string {
	return ['From: <sender@example.com>', 'To: <alice@example.org>, <bob@example.org>', `Subject: ${subject}`, 'Date: Sat, 28 Nov 2026 12:00:00 +0000', '', ...body, ''].join('\n');
}

function renderDemo(controller: SessionController) {
	const ui = renderApp({controller, width: 120, height: 32, plan: {ehloName: 'client.example.com', user: 'demo'}, password: 'demo-password', demo, onExit: () => {}, clock});
	cleanups.push(() => ui.unmount());
	return ui;
}

/** The rows inside the mailbox box, border and padding removed. */
function boxRows(frame: string): string[] {
	return frame
		.split('\n')
		.filter(row => row.startsWith('│'))
		.map(row => row.slice(2, -1).trimEnd());
}

describe('the demo mailbox', () => {
	it('F2 lists the accepted messages: sender, recipients, size and subject', async () => {
		const controller = await connectedController();
		const subject = uniqueSubject('Listed');
		await deliver(controller, {from: 'sender@example.com', to: ['alice@example.org', 'bob@example.org'], message: messageText(subject, ['Hello.'])});
		const message = demo.messages.find(item => item.subject === subject)!;
		const ui = renderDemo(controller);
		await ui.press(f2);
		const frame = await ui.waitFor(current => current.includes('demo mailbox:'), 'the mailbox');
		expect(frame).toContain(`demo mailbox: ${demo.messages.length} message`);
		const row = boxRows(frame).find(line => line.includes(subject));
		expect(row).toBeDefined();
		expect(row).toContain('<sender@example.com>');
		expect(row).toContain('→ <alice@example.org>, <bob@example.org>');
		expect(row).toContain(formatBytes(message.size));
		expect(row).toMatch(new RegExp(`^› +${message.id} `));
	});

	it('Enter opens the selected message exactly as received, with the blank line between headers and body', async () => {
		const controller = await connectedController();
		const subject = uniqueSubject('Opened');
		const body = ['First body line.', '.A line that was dot-stuffed on the wire', '', 'After an empty line.'];
		await deliver(controller, {from: 'sender@example.com', to: ['alice@example.org', 'bob@example.org'], message: messageText(subject, body)});
		const ui = renderDemo(controller);
		await ui.press(f2);
		await ui.waitFor(current => current.includes(subject), 'the message listed');
		await ui.press(keys.enter);
		const frame = await ui.waitFor(current => current.includes('as received'), 'the opened message');
		const rows = boxRows(frame);
		const start = rows.findIndex(row => row === 'From: <sender@example.com>');
		expect(rows.slice(start, start + 9)).toEqual([
			'From: <sender@example.com>',
			'To: <alice@example.org>, <bob@example.org>',
			`Subject: ${subject}`,
			'Date: Sat, 28 Nov 2026 12:00:00 +0000',
			'',
			'First body line.',
			'.A line that was dot-stuffed on the wire',
			'',
			'After an empty line.',
		]);
	});

	it('Esc goes back from a message to the list, and Esc again closes the mailbox', async () => {
		const controller = await connectedController();
		const subject = uniqueSubject('Back');
		await deliver(controller, {from: 'sender@example.com', to: ['alice@example.org'], message: messageText(subject, ['Hi.'])});
		const ui = renderDemo(controller);
		await ui.press(f2);
		await ui.waitFor(current => current.includes('demo mailbox:'), 'the mailbox');
		await ui.press(keys.enter);
		await ui.waitFor(current => current.includes('as received'), 'the opened message');
		await ui.press(keys.escape);
		const list = await ui.waitFor(current => current.includes('demo mailbox:'), 'the list again');
		expect(list).not.toContain('as received');
		await ui.press(keys.escape);
		const closed = await ui.waitFor(current => !current.includes('demo mailbox:'), 'the mailbox closed');
		expect(closed).toMatch(/^>/m);
	});

	it('a message arriving while the mailbox is open appears without a keypress', async () => {
		const controller = await connectedController();
		await deliver(controller, {from: 'sender@example.com', to: ['alice@example.org'], message: messageText(uniqueSubject('Before'), ['One.'])});
		const ui = renderDemo(controller);
		await ui.press(f2);
		const before = await ui.waitFor(current => current.includes('demo mailbox:'), 'the mailbox');
		const count = demo.messages.length;
		expect(before).toContain(`demo mailbox: ${count} message`);

		const subject = uniqueSubject('Arrived');
		const other = await connectedController();
		await deliver(other, {from: 'late@example.net', to: ['carol@example.org'], message: messageText(subject, ['Two.'])});
		const after = await ui.waitFor(current => current.includes(subject), 'the new message listed');
		expect(after).toContain(`demo mailbox: ${count + 1} messages`);
		expect(boxRows(after).find(row => row.includes(subject))).toContain('<late@example.net>');
	});

	it('with nothing received yet it says how to get there', async () => {
		const empty = await startDemoServer();
		cleanups.push(async () => empty.close());
		const controller = new SessionController({target: {kind: 'tcp', host: empty.host, port: empty.port}, tls: {ca: empty.caCert}, clock});
		cleanups.push(() => controller.close());
		await controller.connect();
		const ui = renderApp({controller, width: 120, height: 32, plan: {ehloName: 'client.example.com'}, demo: empty, onExit: () => {}, clock});
		cleanups.push(() => ui.unmount());
		await ui.press(f2);
		const frame = await ui.waitFor(current => current.includes('demo mailbox:'), 'the mailbox');
		expect(frame).toContain('demo mailbox: 0 messages');
		expect(frame).toContain('Nothing yet: send a message to the demo server (Ctrl+N walks you there).');
	});
});
