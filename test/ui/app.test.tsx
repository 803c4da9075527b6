import {afterEach, describe, expect, it} from 'vitest';
import {SessionController} from '../../source/session/controller.js';
import {startFakeServer, type FakeServer} from '../helpers/fake-smtp-server.js';
import {keys} from '../helpers/ink.js';
import {renderApp} from '../helpers/render-app.js';
import {createTestPki} from '../helpers/test-certs.js';

const clock = () => Date.parse('2026-11-28T12:00:00.000Z') - new Date('2026-11-28T12:00:00.000Z').getTimezoneOffset() * 60_000;
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
	while (cleanups.length > 0) await cleanups.pop()!();
});

async function setup(options: {width: number; height: number; server?: Parameters<typeof startFakeServer>[0]; tls?: {ca: string}; user?: string}) {
	const server: FakeServer = await startFakeServer(options.server);
	const controller = new SessionController({target: {kind: 'tcp', host: '127.0.0.1', port: server.port}, clock, ...(options.tls ? {tls: options.tls} : {})});
	const exits: number[] = [];
	const ui = renderApp({controller, width: options.width, height: options.height, plan: {ehloName: 'client.example.com', ...(options.user ? {user: options.user} : {})}, onExit: () => exits.push(1), clock});
	cleanups.push(async () => {
		ui.unmount();
		controller.close();
		await server.close();
	});
	// Ports differ per run: whole-frame comparisons read PORT instead.
	const normalized = () => ui.frame().replaceAll(/127\.0\.0\.1:\d+/g, '127.0.0.1:PORT');
	return {server, controller, ui, normalized, exits};
}

describe('the explorer screen', () => {
	it('80x24: header, transcript, collapsed sidebar, composer and key hints', async () => {
		const {controller, ui, normalized} = await setup({width: 80, height: 24});
		await controller.connect();
		await ui.waitFor(frame => frame.includes('220 fake.test'), 'the banner');
		expect(normalized()).toMatchInlineSnapshot(`
			" smtp-explorer  127.0.0.1:PORT   PLAINTEXT                  connected  F1 help
			 next: EHLO client.example.com
			12:00:00.000 === connecting to 127.0.0.1:PORT
			12:00:00.000 === connected to 127.0.0.1:PORT from 127.0.0.1:PORT
			12:00:00.000 <-  220 fake.test ESMTP ready













			────────────────────────────────────────────────────────────────────────────────
			>
			type a command; Tab completes, Ctrl+P searches the catalog, Ctrl+N suggests the…

			 Tab complete  F1 help  ^C quit  ^P palette  ^N next step  PgUp scroll  ^S save"
		`);
	});

	it('120x40: the sidebar sits beside the transcript with the session in words', async () => {
		const {controller, ui, normalized} = await setup({width: 120, height: 40});
		await controller.connect();
		await controller.command('EHLO client.example.com');
		await ui.waitFor(frame => frame.includes('extensions (3)'), 'the extensions');
		expect(normalized()).toMatchInlineSnapshot(`
			" smtp-explorer  127.0.0.1:PORT   PLAINTEXT                                                            greeted  F1 help
			12:00:00.000 === connecting to 127.0.0.1:PORT                                    │ ─ session ──────────────────────────
			12:00:00.000 === connected to 127.0.0.1:PORT from 127.0.0.1:PORT                │ server     127.0.0.1:PORT
			12:00:00.000 <-  220 fake.test ESMTP ready                                        │ phase      greeted
			12:00:00.000  -> EHLO client.example.com                                          │ waiting    –
			12:00:00.000 <-  250-fake.test                                                    │ ─ tls ──────────────────────────────
			12:00:00.000 <-  250-PIPELINING                                                   │ tls        none: PLAINTEXT
			12:00:00.000 <-  250-SIZE 1000000                                                 │ ─ identity ─────────────────────────
			12:00:00.000 <-  250 8BITMIME                                                 +0ms│ ehlo       client.example.com
			                                                                                  │ ─ extensions (3) ───────────────────
			                                                                                  │ PIPELINING batches of commands
			                                                                                  │ SIZE       up to 977 KB
			                                                                                  │ 8BITMIME   8-bit message bodies
			                                                                                  │ ─ next ─────────────────────────────
			                                                                                  │ try        MAIL FROM:<me@example.co…
			                                                                                  │
			                                                                                  │
			                                                                                  │
			                                                                                  │
			                                                                                  │
			                                                                                  │
			                                                                                  │
			                                                                                  │
			                                                                                  │
			                                                                                  │
			                                                                                  │
			                                                                                  │
			                                                                                  │
			                                                                                  │
			                                                                                  │
			                                                                                  │
			                                                                                  │
			                                                                                  │
			                                                                                  │
			────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────
			>
			type a command; Tab completes, Ctrl+P searches the catalog, Ctrl+N suggests the next step

			 Tab complete  F1 help  ^C quit  ^P palette  ^N next step  PgUp scroll  Shift+Tab focus  F4 session  ^S save"
		`);
	});

	it('below 80x24 it says so instead of drawing a broken layout', async () => {
		const {ui} = await setup({width: 79, height: 24});
		expect(await ui.waitFor(frame => frame.includes('needs at least'))).toMatchInlineSnapshot(`
			"smtp-explorer needs at least 80x24
			this terminal is 79x24: enlarge it
			Ctrl+C quits




















			"
		`);
	});

	it('validation: an error blocks Enter and nothing is sent; a warning needs a second Enter', async () => {
		const {controller, server, ui} = await setup({width: 80, height: 24});
		await controller.connect();
		// Escape sequences arrive as keys; control bytes inside pasted text (bracketed paste) reach the composer.
		ui.stdin.write('\u001B[200~NOOP\u0000DATA\u001B[201~');
		await ui.waitFor(frame => frame.includes('NUL (0x00) at character 5'), 'the injection error');
		expect(ui.frame().split('\n').at(-4)).toBe(String.raw`> NOOP\x00DATA`);
		expect(ui.frame().split('\n').at(-2)).toBe('✗ NUL (0x00) at character 5 (byte 5): a command is one line, so this could inje…');
		await ui.press(keys.enter);
		expect(server.lines).toEqual([]);

		await ui.press(keys.ctrl('u'));
		await ui.type('MAIL FROM:<a@example.com>');
		await ui.waitFor(frame => frame.includes('! MAIL before EHLO or HELO'), 'the sequence warning');
		expect(ui.frame().split('\n').at(-4)).toBe('> MAIL FROM:<a@example.com>');
		expect(ui.frame().split('\n').at(-3)).toBe('MAIL FROM:<reverse-path> [SP mail-parameters]  Start a transaction and give the…');
		await ui.press(keys.enter);
		await ui.waitFor(frame => frame.includes('! Enter again to send anyway: MAIL before EHLO'), 'the confirmation');
		expect(server.lines).toEqual([]);
		await ui.press(keys.enter);
		await server.waitForLine('MAIL FROM:<a@example.com>');
		await ui.waitFor(frame => frame.includes(' -> MAIL FROM:<a@example.com>'), 'the sent line');
	});

	it('a paste of several lines is previewed, and only Enter sends it', async () => {
		const {controller, server, ui} = await setup({width: 80, height: 24});
		await controller.connect();
		ui.stdin.write('\u001B[200~EHLO client.example.com\rNOOP\r\u001B[201~');
		await ui.waitFor(frame => frame.includes('Paste of 2 lines'), 'the preview');
		expect(server.lines).toEqual([]);
		await ui.press(keys.enter);
		await server.waitForLine('NOOP');
		expect(server.lines).toEqual(['EHLO client.example.com', 'NOOP']);

		ui.stdin.write('\u001B[200~RSET\rQUIT\r\u001B[201~');
		await ui.waitFor(frame => frame.includes('Paste of 2 lines'), 'the second preview');
		await ui.press(keys.escape);
		await ui.waitFor(frame => frame.includes('paste cancelled: nothing was sent'), 'the cancel note');
		expect(server.lines).toEqual(['EHLO client.example.com', 'NOOP']);
	});

	it('the palette filters the whole catalog and Enter puts a template in the composer', async () => {
		const {controller, ui} = await setup({width: 100, height: 30});
		await controller.connect();
		await ui.press(keys.ctrl('p'));
		await ui.type('rcpt');
		const frame = await ui.waitFor(current => current.includes('› RCPT'), 'RCPT first');
		expect(frame).toContain('syntax   RCPT TO:<forward-path> [SP rcpt-parameters]');
		await ui.press(keys.ctrl('u'));
		await ui.type('5.7.1');
		await ui.waitFor(current => /› X\.7\.1\s+status\s+Delivery not authorized/.test(current), 'X.7.1 first');
		await ui.press(keys.ctrl('u'));
		await ui.type('rset');
		await ui.waitFor(current => current.includes('› RSET'), 'RSET first');
		await ui.press(keys.enter);
		await ui.waitFor(current => current.includes('> RSET'), 'the template in the composer');
	});

	it('the line cursor explains a selected 550 5.7.1 reply', async () => {
		const {controller, ui} = await setup({width: 80, height: 24, server: {replies: {MAIL: '550 5.7.1 relaying denied for <a@example.com>\r\n'}}});
		await controller.connect();
		await controller.command('EHLO client.example.com');
		await controller.command('MAIL FROM:<a@example.com>');
		await ui.waitFor(frame => frame.includes('550 5.7.1 relaying denied'), 'the refusal');
		await ui.press(keys.shiftTab);
		const frame = await ui.waitFor(current => current.includes('550 5.7.1 · permanent failure · reply to MAIL'), 'the explanation');
		expect(frame).toContain('550 5.7.1 · permanent failure · reply to MAIL');
		expect(frame).toMatch(/try: /);
		expect(frame).toMatch(/see RFC 5321 4\.2\.3, RFC 3463 3\.8/);
	});

	it('after STARTTLS the sidebar shows the certificate and what TLS changed', async () => {
		const pki = await createTestPki();
		const {controller, ui} = await setup({
			width: 120,
			height: 40,
			server: {tls: pki.valid, replies: {EHLO: [(connection => connection.write(connection.secure ? '250-fake.test\r\n250-AUTH PLAIN\r\n250 SIZE 1048576\r\n' : '250-fake.test\r\n250-STARTTLS\r\n250 SIZE 1048576\r\n'))]}},
			tls: {ca: pki.ca.cert},
		});
		await controller.connect();
		await controller.command('EHLO client.example.com');
		await controller.command('STARTTLS');
		await controller.command('EHLO client.example.com');
		const frame = await ui.waitFor(current => current.includes('after STARTTLS'), 'the TLS diff');
		const sidebar = frame.split('\n').map(line => line.split('│')[1] ?? '').join('\n');
		expect(sidebar).toMatch(/tls\s+TLSv1\.3 \(starttls\)/);
		expect(sidebar).toMatch(/cert\s+localhost, \d+d left/);
		expect(sidebar).toMatch(/verified\s+127\.0\.0\.1/);
		expect(sidebar).toMatch(/\+\s+AUTH PLAIN/);
		expect(sidebar).toMatch(/-\s+STARTTLS/);
		expect(frame.split('\n')[0]).toMatch(/TLSv1\.3/);
		expect(frame.split('\n')[0]).not.toMatch(/PLAINTEXT/);
	});

	it('Ctrl+C from idle sends QUIT, waits for 221 and exits', async () => {
		const {controller, server, ui, exits} = await setup({width: 80, height: 24});
		await controller.connect();
		await ui.press(keys.ctrl('c'));
		await server.waitForLine('QUIT');
		await ui.waitFor(() => exits.length === 1, 'the exit');
		expect(server.lines).toEqual(['QUIT']);
	});

	it('Ctrl+C while a reply is awaited cancels the wait and does not quit', async () => {
		const {controller, server, ui, exits} = await setup({width: 80, height: 24, server: {replies: {NOOP: {silence: true}}}});
		await controller.connect();
		controller.send('NOOP');
		await server.waitForLine('NOOP');
		await ui.press(keys.ctrl('c'));
		await ui.waitFor(frame => frame.includes('cancelled; the connection is closed'), 'the cancel note');
		expect(exits).toEqual([]);
		expect(server.lines).toEqual(['NOOP']);
	});
});
