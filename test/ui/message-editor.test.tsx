/**
The message editor inside the App, against a fake server that answers DATA with 354 and
the final dot with 250: what it is filled with, what it says about the bytes before they
go (dot-stuffing, CRLF, SIZE, 8-bit, long lines), and that nothing reaches the server
until the user sends it (and, on a real server, confirms).
*/
import {afterEach, describe, expect, it} from 'vitest';
import {formatDate} from '../../source/protocol/message-builder.js';
import {SessionController} from '../../source/session/controller.js';
import {type FakeServerOptions, startFakeServer} from '../helpers/fake-smtp-server.js';
import {keys} from '../helpers/ink.js';
import {renderApp} from '../helpers/render-app.js';

const clock = () => Date.parse('2026-11-28T12:00:00.000Z');
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
	while (cleanups.length > 0) await cleanups.pop()!();
});

const ehlo = (...keywords: string[]) => ['250-fake.test', ...keywords.map((keyword, index) => `250${index === keywords.length - 1 ? ' ' : '-'}${keyword}`)].join('\r\n') + '\r\n';

type Setup = {
	/** EHLO keywords (default: PIPELINING, SIZE 1000000, 8BITMIME). */
	extensions?: string[];
	/** MAIL FROM line (default `MAIL FROM:<sender@example.com>`). */
	mail?: string;
	/** Recipients and the reply each gets (default one, accepted). */
	recipients?: Array<{address: string; reply: string}>;
	server?: FakeServerOptions;
};

/**
The App against a fake server, with EHLO, MAIL and RCPT done through the controller; then
the user types DATA and presses Enter, and the test waits for the editor to open.
*/
async function atDataPrompt(options: Setup = {}) {
	const recipients = options.recipients ?? [{address: 'rcpt@example.org', reply: '250 2.1.5 OK'}];
	const server = await startFakeServer({
		...options.server,
		replies: {EHLO: ehlo(...(options.extensions ?? ['PIPELINING', 'SIZE 1000000', '8BITMIME'])), 'DATA-END': '250 2.0.0 queued as 42\r\n', ...options.server?.replies},
		sequences: {RCPT: recipients.map(recipient => `${recipient.reply}\r\n`)},
	});
	const controller = new SessionController({target: {kind: 'tcp', host: '127.0.0.1', port: server.port}, clock});
	const ui = renderApp({controller, width: 120, height: 32, plan: {ehloName: 'client.example.com'}, onExit: () => {}, clock});
	cleanups.push(async () => {
		ui.unmount();
		controller.close();
		await server.close();
	});
	await controller.connect();
	await controller.command('EHLO client.example.com');
	await controller.command(options.mail ?? 'MAIL FROM:<sender@example.com>');
	for (const recipient of recipients) await controller.command(`RCPT TO:<${recipient.address}>`);
	await ui.waitFor(frame => frame.includes('rcpt'), 'the envelope');
	await ui.type('DATA');
	await ui.waitFor(frame => frame.includes('> DATA'), 'DATA in the composer');
	await ui.press(keys.enter);
	await ui.waitFor(frame => frame.includes('│   1  From: '), 'the message editor');
	const afterData = () => server.lines.slice(server.lines.indexOf('DATA') + 1);
	return {server, controller, ui, afterData};
}

/** The editor's rows as shown, without the border: `  7· .hello`. */
function editorRows(frame: string): string[] {
	return frame
		.split('\n')
		.filter(row => row.startsWith('│'))
		.map(row => row.slice(2, -1).trimEnd());
}

describe('the message editor after 354', () => {
	it('opens filled from the envelope: From, To with only the accepted recipients, Subject, Date, Message-ID, a blank line', async () => {
		const {ui} = await atDataPrompt({
			recipients: [
				{address: 'alice@example.org', reply: '250 2.1.5 OK'},
				{address: 'nobody@example.org', reply: '550 5.1.1 no such user'},
				{address: 'bob@example.org', reply: '250 2.1.5 OK'},
			],
		});
		const rows = editorRows(ui.frame());
		const lines = rows.filter(row => /^ {0,2}\d+[ ·!] /.test(row) || /^ {0,2}\d+$/.test(row));
		expect(lines.slice(0, 7)).toEqual([
			'  1  From: <sender@example.com>',
			'  2  To: <alice@example.org>, <bob@example.org>',
			'  3  Subject: Test from smtp-explorer',
			`  4  Date: ${formatDate(new Date(clock()))}`,
			expect.stringMatching(/^ {2}5 {2}Message-ID: <[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12}@client\.example\.com>$/),
			'  6',
			'  7',
		]);
	});

	it('a line starting with "." is marked · and the notes say it will be dot-stuffed, with its line number', async () => {
		const {ui} = await atDataPrompt();
		await ui.type('Hello');
		await ui.press(keys.enter);
		await ui.type('.signature');
		const frame = await ui.waitFor(current => current.includes('dot-stuffed'), 'the dot-stuffing note');
		expect(editorRows(frame)).toContain('  7  Hello');
		expect(editorRows(frame)).toContain('  8· .signature');
		expect(frame).toContain('dot-stuffed (a second "." is added on the wire): line 8');
	});

	it('Ctrl+V shows the wire view: the extra dot, ␍␊ at each line end and the final ".␍␊"', async () => {
		const {ui} = await atDataPrompt();
		await ui.type('.hi');
		await ui.press(keys.ctrl('v'));
		const frame = await ui.waitFor(current => current.includes('(as sent)'), 'the wire view');
		const rows = editorRows(frame);
		expect(rows).toContain('  1  From: <sender@example.com>␍␊');
		expect(rows).toContain('  6  ␍␊');
		expect(rows).toContain('  7· ..hi␍␊');
		expect(rows).toContain('     .␍␊ (ends the message)');
		// Ctrl+V again is back to the text as typed.
		await ui.press(keys.ctrl('v'));
		const back = await ui.waitFor(current => !current.includes('(as sent)'), 'the edit view');
		expect(editorRows(back)).toContain('  7· .hi');
	});

	it('a message over the advertised SIZE shows the size warning', async () => {
		const {ui} = await atDataPrompt({extensions: ['PIPELINING', 'SIZE 200', '8BITMIME']});
		expect(ui.frame()).toMatch(/\d+ bytes of 200 bytes/);
		expect(ui.frame()).not.toContain('over the server');
		await ui.type('This body line takes the message past 200 bytes.');
		const frame = await ui.waitFor(current => current.includes('SIZE limit'), 'the size warning');
		expect(frame).toMatch(/\d+ bytes: over the server's SIZE limit of 200 bytes \(expect 552\)/);
	});

	it('8-bit text with 8BITMIME advertised but no BODY=8BITMIME on MAIL says MAIL lacked it', async () => {
		const {ui} = await atDataPrompt({extensions: ['PIPELINING', '8BITMIME']});
		expect(ui.frame()).not.toContain('8-bit');
		await ui.type('Grüße');
		const frame = await ui.waitFor(current => current.includes('8-bit'), 'the 8-bit note');
		expect(frame).toContain('8-bit content: MAIL lacked BODY=8BITMIME (or SMTPUTF8); declare it next time, or use a MIME encoding');
	});

	it('8-bit text to a server without 8BITMIME says to encode it', async () => {
		const {ui} = await atDataPrompt({extensions: ['PIPELINING']});
		await ui.type('Grüße');
		const frame = await ui.waitFor(current => current.includes('8-bit'), 'the 8-bit note');
		expect(frame).toContain('8-bit content and no 8BITMIME here: encode it (quoted-printable or base64 MIME)');
	});

	it('8-bit text after MAIL with BODY=8BITMIME says it was declared on MAIL', async () => {
		const {ui} = await atDataPrompt({extensions: ['PIPELINING', '8BITMIME'], mail: 'MAIL FROM:<sender@example.com> BODY=8BITMIME'});
		await ui.type('Grüße');
		const frame = await ui.waitFor(current => current.includes('8-bit'), 'the 8-bit note');
		expect(frame).toContain('8-bit content, declared on MAIL');
		expect(frame).not.toContain('MAIL lacked');
	});

	it('a line of 998 octets is fine; one of 999 is marked ! and flagged (RFC 5321 4.5.3.1.6)', async () => {
		const {ui} = await atDataPrompt();
		// One write of printable text is one insert (a paste): typing 999 keys would take seconds.
		ui.stdin.write('x'.repeat(998));
		await ui.waitFor(current => current.includes('  7  xxxx'), 'the 998-octet line');
		expect(ui.frame()).not.toContain('998 octets');
		await ui.type('y');
		const frame = await ui.waitFor(current => current.includes('over 998 octets'), 'the long-line note');
		expect(frame).toContain('over 998 octets (RFC 5321 4.5.3.1.6): line 7');
		expect(editorRows(frame).some(row => row.startsWith('  7! '))).toBe(true);
	});

	it('line length is counted in octets, not characters: 500 "é" is 1000 octets and flagged', async () => {
		const {ui} = await atDataPrompt();
		ui.stdin.write('é'.repeat(500));
		const frame = await ui.waitFor(current => current.includes('over 998 octets'), 'the long-line note');
		expect(frame).toContain('over 998 octets (RFC 5321 4.5.3.1.6): line 7');
		expect(editorRows(frame).some(row => row.startsWith('  7! '))).toBe(true);
	});
});

describe('sending, leaving and abandoning the message', () => {
	it('Ctrl+D on a real server asks first and sends nothing', async () => {
		const {server, controller, ui, afterData} = await atDataPrompt();
		await ui.type('Hello');
		await ui.press(keys.ctrl('d'));
		const frame = await ui.waitFor(current => current.includes('Ctrl+D again sends'), 'the confirmation');
		expect(frame).toMatch(/send \d+ bytes and the final dot\?/);
		// Sending starts synchronously: had it begun, the session would already know.
		expect(controller.sessionState.envelope.body).toBe('none');
		expect(afterData()).toEqual([]);
		expect(server.lines.at(-1)).toBe('DATA');
	});

	it('after the first Ctrl+D, typing goes on editing and the next Ctrl+D asks again', async () => {
		const {controller, ui, afterData} = await atDataPrompt();
		await ui.type('Hello');
		await ui.press(keys.ctrl('d'));
		await ui.waitFor(current => current.includes('Ctrl+D again sends'), 'the confirmation');
		await ui.type('!');
		await ui.waitFor(current => current.includes('  7  Hello!') && !current.includes('Ctrl+D again sends'), 'the edit, and the question gone');
		await ui.press(keys.ctrl('d'));
		await ui.waitFor(current => current.includes('Ctrl+D again sends'), 'the confirmation again');
		expect(controller.sessionState.envelope.body).toBe('none');
		expect(afterData()).toEqual([]);
	});

	it('a second Ctrl+D sends exactly the dot-stuffed CRLF message and the final dot', async () => {
		const {server, ui, afterData} = await atDataPrompt();
		const messageId = /Message-ID: (<[^>]+>)/.exec(ui.frame())![1]!;
		await ui.type('Hello');
		await ui.press(keys.enter);
		await ui.type('.dot line');
		await ui.press(keys.ctrl('d'));
		await ui.waitFor(current => current.includes('Ctrl+D again sends'), 'the confirmation');
		await ui.press(keys.ctrl('d'));
		await server.waitForLine('.');
		await ui.waitFor(current => current.includes('250 2.0.0 queued as 42'), 'the reply to the message');
		const expected = [
			'From: <sender@example.com>',
			'To: <rcpt@example.org>',
			'Subject: Test from smtp-explorer',
			`Date: ${formatDate(new Date(clock()))}`,
			`Message-ID: ${messageId}`,
			'',
			'Hello',
			'..dot line',
			'.',
		];
		expect(afterData()).toEqual(expected);
		// Byte for byte: CRLF after every line, nothing else after DATA.
		const received = server.received.toString('utf8');
		expect(received.slice(received.indexOf('DATA\r\n') + 'DATA\r\n'.length)).toBe(expected.map(line => `${line}\r\n`).join(''));
	});

	it('Esc leaves without sending anything, and Ctrl+O reopens the editor with the draft kept', async () => {
		const {ui, afterData} = await atDataPrompt();
		await ui.type('Kept draft line');
		await ui.press(keys.escape);
		const frame = await ui.waitFor(current => !current.includes('│   1  From: '), 'the editor closed');
		expect(frame).toContain('the message is not sent yet');
		expect(frame).toContain('Ctrl+O reopens the editor');
		expect(afterData()).toEqual([]);
		await ui.press(keys.ctrl('o'));
		const reopened = await ui.waitFor(current => current.includes('│   1  From: '), 'the editor again');
		expect(editorRows(reopened)).toContain('  7  Kept draft line');
		expect(afterData()).toEqual([]);
	});

	it('Ctrl+C after 354 asks to close the connection; Enter closes it, says NOT sent, and no final dot is received', async () => {
		const {server, controller, ui, afterData} = await atDataPrompt();
		await ui.type('Never sent');
		await ui.press(keys.ctrl('c'));
		const prompt = await ui.waitFor(current => current.includes('SMTP cannot cancel DATA'), 'the abandon prompt');
		expect(prompt).toContain('Enter closes');
		expect(afterData()).toEqual([]);
		await ui.press(keys.enter);
		const frame = await ui.waitFor(current => current.includes('NOT sent'), 'the not-sent note');
		expect(frame).toContain('the message was NOT sent; the connection is closed');
		await ui.waitFor(() => controller.sessionState.phase === 'closed', 'the connection to close');
		expect(afterData()).toEqual([]);
		expect(server.lines).not.toContain('.');
		expect(server.received.toString('utf8')).not.toContain('Never sent');
	});
});
