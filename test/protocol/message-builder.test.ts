import {describe, expect, it} from 'vitest';
import {buildMessage, formatDate, type MessageInput, parseHeaderField, parseMailbox, quotedPrintable} from '../../source/protocol/message-builder.js';

const date = new Date('2025-07-01T10:52:37Z');

function input(overrides: Partial<MessageInput> = {}): MessageInput {
	return {
		from: {address: 'alice@example.com', name: 'Alice Example'},
		to: [{address: 'bob@example.org'}],
		cc: [],
		subject: 'Hello',
		body: new TextEncoder().encode('Hi Bob,\nall fine.\n'),
		headers: [],
		date,
		messageId: 'abc123@client.example.com',
		eightBitMime: true,
		...overrides,
	};
}

function split(bytes: Uint8Array): {header: string; body: string; fields: string[]} {
	const text = Buffer.from(bytes).toString('utf8');
	const end = text.indexOf('\r\n\r\n');
	const header = text.slice(0, end);
	return {header, body: text.slice(end + 4), fields: header.split(/\r\n(?![ \t])/)};
}

/** Unfolds a field (RFC 5322 2.2.3) and decodes its encoded-words (RFC 2047 6.2). */
function decodeField(field: string): string {
	const unfolded = field.replace(/\r\n(?=[ \t])/g, '');
	const value = unfolded.slice(unfolded.indexOf(':') + 1).trim();
	return value
		.replace(/\?=\s+=\?/g, '?==?')
		.replace(/=\?UTF-8\?B\?([^?]*)\?=/g, (_, base64: string) => Buffer.from(base64, 'base64').toString('utf8'));
}

function decodeQuotedPrintable(text: string): Buffer {
	const joined = text.replace(/=\r\n/g, '');
	const bytes: number[] = [];
	for (let i = 0; i < joined.length; i++) {
		if (joined[i] === '=') {
			bytes.push(Number.parseInt(joined.slice(i + 1, i + 3), 16));
			i += 2;
		} else {
			bytes.push(joined.charCodeAt(i));
		}
	}

	return Buffer.from(bytes);
}

describe('buildMessage', () => {
	it('writes Date, From, To, Subject, Message-ID and the MIME fields, then the body with CRLF line ends', () => {
		const message = buildMessage(input());
		const {fields, body} = split(message.bytes);
		expect(fields.map(field => field.split(':')[0])).toEqual(['Date', 'From', 'To', 'Subject', 'Message-ID', 'MIME-Version', 'Content-Type', 'Content-Transfer-Encoding']);
		expect(fields).toContain('From: Alice Example <alice@example.com>');
		expect(fields).toContain('To: bob@example.org');
		expect(fields).toContain('Message-ID: <abc123@client.example.com>');
		expect(fields).toContain('Content-Type: text/plain; charset=utf-8');
		expect(fields).toContain('Content-Transfer-Encoding: 7bit');
		expect(body).toBe('Hi Bob,\r\nall fine.\r\n');
		expect(message).toMatchObject({transferEncoding: '7bit', eightBit: false});
	});

	it('dates the message in RFC 5322 form, in local time with its offset', () => {
		const text = formatDate(date);
		expect(text).toMatch(/^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}$/);
		expect(Date.parse(text)).toBe(date.getTime());
	});

	it('encodes a non-ASCII subject as RFC 2047 encoded-words, folded under 78 characters', () => {
		const subject = 'Grüße aus Köln: eine längere Betreffzeile mit Umlauten, damit gefaltet wird ✉';
		const {fields} = split(buildMessage(input({subject})).bytes);
		const field = fields.find(candidate => candidate.startsWith('Subject:'))!;
		expect(field).toMatch(/^Subject: =\?UTF-8\?B\?/);
		for (const line of field.split('\r\n')) expect(line.length).toBeLessThanOrEqual(78);
		expect(field.split('\r\n').length).toBeGreaterThan(1);
		expect(decodeField(field)).toBe(subject);
	});

	it('folds a long ASCII subject at spaces and keeps it whole when unfolded', () => {
		const subject = Array.from({length: 30}, (_, index) => `word${index}`).join(' ');
		const {fields} = split(buildMessage(input({subject})).bytes);
		const field = fields.find(candidate => candidate.startsWith('Subject:'))!;
		for (const line of field.split('\r\n')) expect(line.length).toBeLessThanOrEqual(78);
		expect(field.replace(/\r\n(?=[ \t])/g, '')).toBe(`Subject: ${subject}`);
	});

	it('encodes ASCII text that looks like an encoded-word, so it is not decoded by mistake', () => {
		const {fields} = split(buildMessage(input({subject: 'about =?x?Q?y?='})).bytes);
		const field = fields.find(candidate => candidate.startsWith('Subject:'))!;
		expect(field).toMatch(/^Subject: =\?UTF-8\?B\?/);
		expect(decodeField(field)).toBe('about =?x?Q?y?=');
	});

	it('quotes display names with specials and encodes non-ASCII ones; lists several addresses', () => {
		const {fields} = split(buildMessage(input({
			to: [{address: 'john@example.org', name: 'Smith, John'}, {address: 'j@example.org', name: 'Jörg Müller'}],
			cc: [{address: 'carol@example.net'}],
		})).bytes);
		const to = fields.find(field => field.startsWith('To:'))!;
		for (const line of to.split('\r\n')) expect(line.length).toBeLessThanOrEqual(78);
		expect(to.replace(/\r\n(?=[ \t])/g, '')).toMatch(/^To: "Smith, John" <john@example\.org>, =\?UTF-8\?B\?[^?]+\?= <j@example\.org>$/);
		expect(decodeField(to)).toBe('"Smith, John" <john@example.org>, Jörg Müller <j@example.org>');
		expect(fields).toContain('Cc: carol@example.net');
	});

	it('sends an 8-bit body as 8bit when the server takes 8BITMIME', () => {
		const message = buildMessage(input({body: new TextEncoder().encode('Grüße\n')}));
		expect(message).toMatchObject({transferEncoding: '8bit', eightBit: true});
		expect(split(message.bytes).body).toBe('Grüße\r\n');
	});

	it('falls back to quoted-printable without 8BITMIME, keeping every byte ASCII', () => {
		const text = `Grüße = Grüße\n${'ä'.repeat(60)}\ntrailing space \n`;
		const message = buildMessage(input({body: new TextEncoder().encode(text), eightBitMime: false}));
		expect(message).toMatchObject({transferEncoding: 'quoted-printable', eightBit: false});
		const {body, fields} = split(message.bytes);
		expect(fields).toContain('Content-Transfer-Encoding: quoted-printable');
		for (const line of body.split('\r\n')) expect(line.length).toBeLessThanOrEqual(76);
		expect(decodeQuotedPrintable(body).toString('utf8')).toBe(text.replaceAll('\n', '\r\n'));
	});

	it('uses quoted-printable for a line over 998 octets even in ASCII (RFC 5321 4.5.3.1.6)', () => {
		const message = buildMessage(input({body: new TextEncoder().encode(`${'x'.repeat(1200)}\n`)}));
		expect(message.transferEncoding).toBe('quoted-printable');
	});

	it('writes a UTF-8 address as it is (for SMTPUTF8) and appends extra header fields', () => {
		const message = buildMessage(input({to: [{address: 'jörg@bücher.example'}], headers: [{name: 'X-Test', value: 'yes'}]}));
		const {fields} = split(message.bytes);
		expect(fields).toContain('To: jörg@bücher.example');
		expect(fields.at(-1)).toBe('X-Test: yes');
		expect(message.eightBit).toBe(true);
	});
});

describe('quotedPrintable', () => {
	it('encodes "=", a space or tab before a line end, and bytes outside printable ASCII', () => {
		const encoded = (text: string) => Buffer.from(quotedPrintable(new TextEncoder().encode(text))).toString();
		expect(encoded('a=b')).toBe('a=3Db');
		expect(encoded('end \r\nnext\t')).toBe('end=20\r\nnext=09');
		expect(encoded('é')).toBe('=C3=A9');
		expect(encoded('x'.repeat(80))).toBe(`${'x'.repeat(75)}=\r\n${'x'.repeat(5)}`);
	});
});

describe('parseMailbox', () => {
	it('refuses specials outside quotes in a display name, naming the character and its position (RFC 5322 3.2.3)', () => {
		expect(parseMailbox('Smith, John <j@example.org>')).toEqual({ok: false, error: expect.stringContaining('has "," at position 6 outside quotes') as string});
		expect(parseMailbox('victim@example.com\u010D\u010ARCPT TO:<evil@example.com>')).toEqual({ok: false, error: expect.stringContaining('has "@" at position 7 outside quotes') as string});
		expect(parseMailbox('Bob <bob@example.org> <evil@example.com>')).toEqual({ok: false, error: expect.stringContaining('has "<" at position 5 outside quotes') as string});
		expect(parseMailbox('"Bob <j@example.org>')).toEqual({ok: false, error: expect.stringContaining('opens a quote it never closes') as string});
		expect(parseMailbox('"Smith, John (ops) <x@y>" <j@example.org>')).toEqual({ok: true, mailbox: {address: 'j@example.org', name: 'Smith, John (ops) <x@y>'}, nonAscii: false});
		// obs-phrase (RFC 5322 4.1): a period between words is read, and quoted when written.
		expect(parseMailbox('John Q. Public <j@example.org>')).toMatchObject({ok: true, mailbox: {name: 'John Q. Public'}});
	});

	it('reads a bare address or a display name with an address', () => {
		expect(parseMailbox('bob@example.org')).toEqual({ok: true, mailbox: {address: 'bob@example.org'}, nonAscii: false});
		expect(parseMailbox('Bob Example <bob@example.org>')).toEqual({ok: true, mailbox: {address: 'bob@example.org', name: 'Bob Example'}, nonAscii: false});
		expect(parseMailbox('"Smith, John" <j@example.org>')).toMatchObject({ok: true, mailbox: {name: 'Smith, John'}});
		expect(parseMailbox('jörg@example.org')).toMatchObject({ok: true, nonAscii: true});
	});

	it('refuses control characters and addresses that are not addresses', () => {
		expect(parseMailbox('a@example.org\r\nRCPT TO:<x@y>')).toMatchObject({ok: false, error: expect.stringContaining('control character')});
		expect(parseMailbox('no-at-sign')).toMatchObject({ok: false, error: expect.stringContaining('@domain')});
		expect(parseMailbox('a>b@example.org')).toMatchObject({ok: false});
	});
});

describe('parseHeaderField', () => {
	it('accepts "Name: value" and refuses line breaks, bad names and fields send writes itself', () => {
		expect(parseHeaderField('X-Priority: 1')).toEqual({ok: true, field: {name: 'X-Priority', value: '1'}});
		expect(parseHeaderField('X-Evil: a\r\nBcc: victim@example.org')).toMatchObject({ok: false, error: expect.stringContaining('line break')});
		expect(parseHeaderField('Bad Name: x')).toMatchObject({ok: false, error: expect.stringContaining('not a header field')});
		expect(parseHeaderField('no colon')).toMatchObject({ok: false});
		expect(parseHeaderField('Subject: again')).toMatchObject({ok: false, error: expect.stringContaining('written by send itself')});
	});
});
