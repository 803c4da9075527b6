import {describe, expect, it} from 'vitest';
import {exportScript, exportSwaksCommand, shellQuote} from '../../source/protocol/session-export.js';
import type {NewEntry, TranscriptEntry} from '../../source/protocol/transcript.js';

/** Entries shaped as the controller records them. */
function transcript(...items: NewEntry[]): TranscriptEntry[] {
	return items.map((item, index) => ({...item, id: index + 1, at: 1_750_000_000_000 + index}));
}

const info = (text: string): NewEntry => ({kind: 'info', tls: false, text});
const sent = (text: string, extra: Partial<NewEntry> = {}): NewEntry => ({kind: 'sent', tls: false, text, ...extra});
const reply = (line: string, inReplyTo: string, extra: Partial<NewEntry> = {}): NewEntry => ({
	kind: 'received',
	tls: false,
	text: line,
	code: Number(line.slice(0, 3)),
	final: line[3] !== '-',
	inReplyTo,
	...extra,
});

const password = 'correct horse';
const plainSecret = Buffer.from(`\u0000alice\u0000${password}`).toString('base64');

const session = transcript(
	info('connecting to mx.example.com:25'),
	info('connected to 192.0.2.1:25 from 192.0.2.9:40000'),
	reply('220 mx.example.com ESMTP', ''),
	sent('EHLO client.example.com'),
	reply('250-mx.example.com', 'EHLO'),
	reply('250 AUTH PLAIN LOGIN', 'EHLO'),
	sent('AUTH PLAIN <redacted>', {redacted: true}),
	reply('235 2.7.0 ok', 'AUTH'),
	sent('MAIL FROM:<alice@example.com>'),
	sent('RCPT TO:<bob@example.org>'),
	sent('RCPT TO:<nobody@example.org>'),
	sent('DATA'),
	reply('250 2.1.0 ok', 'MAIL'),
	reply('250 2.1.5 ok', 'RCPT'),
	reply('550 5.1.1 no such user', 'RCPT'),
	reply('354 go ahead', 'DATA'),
	sent('Subject: hi'),
	sent(''),
	sent('..leading dot'),
	sent('..'),
	sent('...'),
	sent('.'),
	reply('250 2.0.0 queued as 12345', ''),
	sent('QUIT'),
	reply('221 2.0.0 bye', 'QUIT'),
	info('connection closed (QUIT)'),
);

describe('exportScript', () => {
	it('writes each command with the code that came back, the body as a DATA block, and hides AUTH secrets', () => {
		expect(exportScript(session)).toBe(
			[
				'# smtp-explorer script exported from a transcript; replay it with: smtp-explorer run FILE',
				'CONNECT mx.example.com:25',
				'EXPECT 220',
				'EHLO client.example.com',
				'EXPECT 250',
				'# AUTH line redacted: add it by hand',
				'# EXPECT 235',
				'MAIL FROM:<alice@example.com>',
				'EXPECT 250',
				'RCPT TO:<bob@example.org>',
				'EXPECT 250',
				'RCPT TO:<nobody@example.org>',
				'EXPECT 550',
				'DATA',
				'Subject: hi',
				'',
				'.leading dot',
				// The wire's ".." is the message line "."; in a script a line of dots stands for one fewer.
				'..',
				'...',
				'.',
				'EXPECT 250',
				'QUIT',
				'EXPECT 221',
				'',
			].join('\n'),
		);
	});

	it('never holds a secret, even when the transcript text does not say <redacted> for the SASL lines', () => {
		const login = transcript(
			info('connecting to mx.example.com:587'),
			reply('220 ready', ''),
			sent('AUTH LOGIN', {redacted: true}),
			reply('334 VXNlcm5hbWU6', 'AUTH'),
			sent('<redacted>', {redacted: true}),
			reply('334 UGFzc3dvcmQ6', ''),
			sent('<redacted>', {redacted: true}),
			reply('235 ok', ''),
		);
		const script = exportScript(login);
		expect(script).toContain('AUTH LOGIN\nEXPECT 334\n# AUTH line redacted: add it by hand\n# EXPECT 334\n# AUTH line redacted: add it by hand\n# EXPECT 235\n');
		expect(script).not.toContain(plainSecret);
	});

	it('writes an empty block when DATA was refused, so the expectation checks DATA itself', () => {
		const refused = transcript(info('connecting to mx.example.com:25'), reply('220 ready', ''), sent('DATA'), reply('554 5.5.1 no valid recipients', 'DATA'));
		expect(exportScript(refused)).toContain('DATA\n.\nEXPECT 554\n');
	});

	it('skips unsolicited replies and comments out a message the session never finished', () => {
		const unfinished = transcript(
			info('connecting to mx.example.com:25'),
			reply('220 ready', ''),
			reply('250 surprise', '', {note: 'unsolicited: no command was waiting for it'}),
			sent('NOOP'),
			reply('250 ok', 'NOOP'),
			sent('DATA'),
			reply('354 go', 'DATA'),
			sent('half a message'),
		);
		expect(exportScript(unfinished)).toBe(
			[
				'# smtp-explorer script exported from a transcript; replay it with: smtp-explorer run FILE',
				'CONNECT mx.example.com:25',
				'EXPECT 220',
				'NOOP',
				'EXPECT 250',
				'# DATA: the transcript ends before the message was finished',
				'',
			].join('\n'),
		);
	});
});

describe('exportSwaksCommand', () => {
	it('repeats the transaction with the server, TLS mode, sender, recipients, AUTH and EHLO name, never a password', () => {
		const command = exportSwaksCommand({target: {kind: 'tcp', host: 'mx.example.com', port: 587}, tls: 'starttls', entries: session, user: 'alice'});
		expect(command).toBe('swaks --server mx.example.com:587 --from alice@example.com --to bob@example.org,nobody@example.org --tls --auth PLAIN --auth-user alice --ehlo client.example.com');
		expect(command).not.toContain(password);
		expect(command).not.toContain(plainSecret);
	});

	it('uses --tls-on-connect, a bracketed IPv6 server, the null sender, and quotes what the shell would read', () => {
		const entries = transcript(sent("EHLO it's.me"), sent('MAIL FROM:<>'), sent("RCPT TO:<o'brien@example.org>"));
		expect(exportSwaksCommand({target: {kind: 'tcp', host: '::1', port: 465}, tls: 'implicit', entries})).toBe(
			String.raw`swaks --server '[::1]:465' --from '<>' --to 'o'\''brien@example.org' --tls-on-connect --ehlo 'it'\''s.me'`,
		);
	});

	it('names a Unix socket with --socket and leaves out what the transcript does not have', () => {
		expect(exportSwaksCommand({target: {kind: 'unix', path: '/run/lmtp'}, tls: 'none', entries: []})).toBe('swaks --socket /run/lmtp');
	});
});

describe('shellQuote', () => {
	it('leaves safe words bare, single-quotes the rest, and never lets a control character through', () => {
		expect(shellQuote('user@example.com')).toBe('user@example.com');
		expect(shellQuote('a b')).toBe("'a b'");
		expect(shellQuote('$(rm -rf ~)')).toBe("'$(rm -rf ~)'");
		expect(shellQuote('a\nb')).toBe(String.raw`'a\nb'`);
	});
});
