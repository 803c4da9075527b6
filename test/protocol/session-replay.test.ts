import {describe, expect, it} from 'vitest';
import {curlCode, nodeCode, pythonBytes, pythonCode, swaksCode} from '../../source/protocol/session-code.js';
import {exportScript} from '../../source/protocol/session-export.js';
import {extractReplay, hideAuthSecrets, type Replay} from '../../source/protocol/session-replay.js';
import type {NewEntry, TranscriptEntry} from '../../source/protocol/transcript.js';

function transcript(...items: NewEntry[]): TranscriptEntry[] {
	return items.map((item, index) => ({...item, id: index + 1, at: 1_750_000_000_000 + index}));
}

const info = (text: string): NewEntry => ({kind: 'info', tls: false, text});
const sent = (text: string, extra: Partial<NewEntry> = {}): NewEntry => ({kind: 'sent', tls: false, text, ...extra});
const reply = (line: string, extra: Partial<NewEntry> = {}): NewEntry => ({kind: 'received', tls: false, text: line, code: Number(line.slice(0, 3)), final: line[3] !== '-', ...extra});

const secret = Buffer.from('\u0000alice\u0000correct horse').toString('base64');

/** A STARTTLS + AUTH session saved with --reveal-secrets: the secrets are in the file. */
const revealed = transcript(
	info('connecting to mx.example.com:587'),
	reply('220 mx ESMTP'),
	sent('EHLO client.example.com'),
	reply('250 STARTTLS'),
	sent('STARTTLS'),
	reply('220 go ahead'),
	info('TLS established (starttls): TLSv1.3, TLS_AES_256_GCM_SHA384'),
	sent('EHLO client.example.com'),
	reply('250 AUTH PLAIN LOGIN'),
	sent('AUTH LOGIN'),
	reply('334 VXNlcm5hbWU6'),
	sent('YWxpY2U='),
	reply('334 UGFzc3dvcmQ6'),
	sent('Y29ycmVjdCBob3JzZQ=='),
	reply('235 2.7.0 ok'),
	sent(`AUTH PLAIN ${secret}`),
	reply('503 already authenticated'),
	sent('MAIL FROM:<alice@example.com> BODY=8BITMIME SIZE=120'),
	sent('RCPT TO:<bob@example.org> NOTIFY=SUCCESS'),
	sent('RCPT TO:<carol@example.net>'),
	sent('DATA'),
	reply('250 ok'),
	reply('250 ok'),
	reply('550 no'),
	reply('354 go'),
	sent('Subject: hi'),
	sent(''),
	sent('..leading dot', {bytes: new Uint8Array(Buffer.from('..leading dot\r\n'))}),
	sent('caf\u00e9'),
	sent('.'),
	reply('250 queued'),
	sent('QUIT'),
	reply('221 bye'),
);

describe('hideAuthSecrets', () => {
	it('hides the initial response and every SASL line, whatever the file kept', () => {
		const hidden = hideAuthSecrets(revealed);
		const text = hidden.map(entry => entry.text).join('\n');
		expect(text).not.toContain(secret);
		expect(text).not.toContain('YWxpY2U=');
		expect(text).not.toContain('Y29ycmVjdCBob3JzZQ==');
		expect(hidden.filter(entry => entry.redacted).map(entry => entry.text)).toEqual(['<redacted>', '<redacted>', 'AUTH PLAIN <redacted>']);
		// The bytes go too: wireBytes would otherwise hand the secret to a writer.
		expect(hidden.filter(entry => entry.redacted).every(entry => entry.bytes === undefined)).toBe(true);
		expect(exportScript(hidden)).not.toContain(secret);
		// Lines after the exchange are left alone.
		expect(hidden.find(entry => entry.text.startsWith('MAIL'))).toBe(revealed.find(entry => entry.text.startsWith('MAIL')));
	});
});

describe('extractReplay', () => {
	it('reads the target, TLS mode, EHLO name, mechanism, envelope as sent and the unstuffed message', () => {
		const result = extractReplay(hideAuthSecrets(revealed));
		expect(result.ok).toBe(true);
		const {replay} = result as {ok: true; replay: Replay};
		expect(replay).toMatchObject({
			target: {kind: 'tcp', host: 'mx.example.com', port: 587},
			tls: 'starttls',
			ehloName: 'client.example.com',
			// The AUTH that got 235, not the later one refused with 503.
			authMechanism: 'LOGIN',
			from: 'alice@example.com',
			mailParams: ['BODY=8BITMIME', 'SIZE=120'],
			recipients: [{address: 'bob@example.org', params: ['NOTIFY=SUCCESS']}, {address: 'carol@example.net', params: []}],
		});
		expect(Buffer.from(replay.message).toString('utf8')).toBe('Subject: hi\r\n\r\n.leading dot\r\ncafé\r\n');
	});

	it('takes the last message sent to its final dot, and forgets a transaction reset with RSET', () => {
		const entries = transcript(
			info('connecting to 127.0.0.1:25'),
			sent('HELO a.example'),
			sent('MAIL FROM:<first@example.com>'), sent('RCPT TO:<x@example.org>'), sent('DATA'), reply('354 go'), sent('one'), sent('.'), reply('250 ok'),
			sent('MAIL FROM:<>'), sent('RCPT TO:<y@example.org>'), sent('DATA'), reply('354 go'), sent('two'), sent('.'), reply('250 ok'),
			sent('MAIL FROM:<third@example.com>'), sent('RSET'), sent('DATA'), reply('503 no'),
		);
		const result = extractReplay(entries);
		expect(result.ok && result.replay.from).toBe('');
		expect(result.ok && Buffer.from(result.replay.message).toString()).toBe('two\r\n');
		expect(result.ok && result.replay.tls).toBe('none');
	});

	it('says why when there is nothing to replay', () => {
		expect(extractReplay(transcript(sent('EHLO x')))).toEqual({ok: false, problem: 'no-connection'});
		expect(extractReplay(transcript(info('connecting to a.example:25'), sent('EHLO x'), sent('QUIT')))).toEqual({ok: false, problem: 'no-message'});
		expect(extractReplay(transcript(info('connecting to a.example:25'), sent('MAIL FROM:<a@b.example>'), sent('RCPT TO:<c@d.example>'), sent('DATA'), reply('354 go'), sent('x'), info('… the rest of the message (500 more bytes) sent, not shown'), sent('.')))).toEqual({ok: false, problem: 'message-cut'});
		expect(extractReplay(transcript(info('connecting to a.example:25'), sent('MAIL FROM:<a@b.example>'), sent('RCPT TO:<c@d.example>'), sent('BDAT 10 LAST')))).toEqual({ok: false, problem: 'bdat'});
		expect(extractReplay(transcript(info('connecting to unix:/run/lmtp'), sent('LHLO x'), sent('MAIL FROM:<a@b.example>'), sent('RCPT TO:<c@d.example>'), sent('DATA'), reply('354 go'), sent('x'), sent('.')))).toEqual({ok: false, problem: 'lmtp'});
	});

	it('notes implicit TLS from the connecting line', () => {
		const result = extractReplay(transcript(info('connecting to smtp.example.com:465 (implicit TLS)'), sent('EHLO x.example'), sent('MAIL FROM:<a@b.example>'), sent('RCPT TO:<c@d.example>'), sent('DATA'), reply('354 go'), sent('x'), sent('.')));
		expect(result.ok && result.replay.tls).toBe('implicit');
	});
});

const base: Replay = {
	target: {kind: 'tcp', host: 'smtp.example.com', port: 465},
	tls: 'implicit',
	ehloName: 'client.example.com',
	authMechanism: 'PLAIN',
	from: 'alice@example.com',
	mailParams: [],
	recipients: [{address: 'bob@example.org', params: []}],
	message: new Uint8Array(Buffer.from('Subject: hi\r\n\r\nhello\r\n')),
};

describe('the code forms', () => {
	it('writes bytes literals Python reads back exactly', () => {
		expect(pythonBytes(new Uint8Array([0x41, 0x27, 0x5c, 0x0d, 0x0a, 0xc3, 0xa9, 0x00, 0x1b]))).toBe(String.raw`b'A\'\\\r\n\xc3\xa9\x00\x1b'`);
	});

	it('Python: implicit TLS through SMTP_SSL; per-recipient options spelled out when they differ', () => {
		const implicit = pythonCode(base, 'x.jsonl');
		expect(implicit.ok && implicit.code).toContain('smtplib.SMTP_SSL(HOST, PORT, local_hostname=EHLO_NAME, context=context, timeout=60)');
		expect(implicit.ok && implicit.code).not.toContain('starttls');
		const differing = pythonCode({...base, recipients: [{address: 'a@example.org', params: ['NOTIFY=NEVER']}, {address: 'b@example.org', params: []}]}, 'x.jsonl');
		expect(differing.ok && differing.code).toContain('RCPT_OPTIONS = {"a@example.org": ["NOTIFY=NEVER"], "b@example.org": []}');
		expect(differing.ok && differing.code).toContain('smtp.rcpt(address, RCPT_OPTIONS[address])');
	});

	it('refuses what a form cannot do, saying why', () => {
		expect(pythonCode({...base, authMechanism: 'XOAUTH2'}, 'x')).toEqual({ok: false, problem: 'auth-mechanism', detail: 'XOAUTH2'});
		expect(nodeCode({...base, target: {kind: 'unix', path: '/run/smtp'}}, 'x')).toEqual({ok: false, problem: 'unix-socket', detail: '/run/smtp'});
		expect(swaksCode({...base, message: new Uint8Array(Buffer.from('a\u001b[31mred\r\n'))})).toMatchObject({ok: false, problem: 'control-characters'});
		expect(swaksCode({...base, message: new Uint8Array(Buffer.from('path C:\\new\r\n'))})).toEqual({ok: false, problem: 'swaks-tokens', detail: '\\n'});
		expect(curlCode({...base, message: new Uint8Array([0xff, 0x0d, 0x0a])})).toMatchObject({ok: false, problem: 'control-characters'});
	});

	it('never writes a secret, only references to the environment', () => {
		for (const result of [pythonCode(base, 'x'), nodeCode(base, 'x'), swaksCode(base), curlCode(base)]) {
			expect(result.ok).toBe(true);
			const code = result.ok ? result.code : '';
			expect(code).toMatch(/SMTP_PASSWORD/);
			expect(code).not.toMatch(/password\s*[=:]\s*['"][^'"$]/i);
		}

		const curl = curlCode(base);
		expect(curl.ok && curl.code.split('\n')[0]).toBe(`curl --silent --show-error --url smtps://smtp.example.com:465/client.example.com \${SMTP_CA_FILE:+--cacert "$SMTP_CA_FILE"} --user "$SMTP_USER:$SMTP_PASSWORD" --login-options AUTH=PLAIN --mail-from alice@example.com --mail-rcpt bob@example.org --crlf --upload-file - <<'SMTP_EXPLORER_MESSAGE'`);
	});

	it('picks a here-document delimiter the message does not contain', () => {
		const tricky = swaksCode({...base, message: new Uint8Array(Buffer.from('SMTP_EXPLORER_MESSAGE\r\n'))});
		expect(tricky.ok && tricky.code).toMatch(/<<'SMTP_EXPLORER_MESSAGE_'\nSMTP_EXPLORER_MESSAGE\n\.\nSMTP_EXPLORER_MESSAGE_\n$/);
	});
});
