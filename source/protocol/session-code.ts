import {shellQuote} from './session-export.js';
import type {Replay} from './session-replay.js';
import {formatTarget} from './target.js';
import {toBase64} from './text.js';
import {safeJson} from './transcript-format.js';

/**
A recorded session turned into code that sends the same message again: Python with
smtplib, Node with nodemailer, a swaks or a curl command line. Every form takes the
secrets from the environment (SMTP_USER, SMTP_PASSWORD, and SMTP_CA_FILE for a private
CA) and never writes one into the code; the envelope and the message are as they were sent.
*/

export type CodeForm = 'python' | 'node' | 'swaks' | 'curl';

export const codeForms: readonly CodeForm[] = ['python', 'node', 'swaks', 'curl'];

/** Why a replay cannot be written in a form; the caller words it for the user. */
export type CodeProblem = 'unix-socket' | 'auth-mechanism' | 'control-characters' | 'swaks-tokens';

export type CodeResult = {ok: true; code: string} | {ok: false; problem: CodeProblem; detail: string};

/** The mechanisms the library clients negotiate from a user name and password. */
const passwordMechanisms = new Set(['PLAIN', 'LOGIN', 'CRAM-MD5']);

// ------------------------------------------------------------------ Python

/** A Python bytes literal that is exactly these bytes: printable ASCII as is, the rest as \xNN. */
export function pythonBytes(bytes: Uint8Array): string {
	let text = '';
	for (const byte of bytes) {
		if (byte === 0x5c) text += '\\\\';
		else if (byte === 0x27) text += "\\'";
		else if (byte >= 0x20 && byte < 0x7f) text += String.fromCharCode(byte);
		else if (byte === 0x0d) text += '\\r';
		else if (byte === 0x0a) text += '\\n';
		else text += `\\x${byte.toString(16).padStart(2, '0')}`;
	}

	return `b'${text}'`;
}

/** A Python str literal; JSON's escapes are valid Python, and safeJson leaves no control character raw. */
function pythonString(text: string): string {
	return safeJson(text);
}

function messageLines(message: Uint8Array): Uint8Array[] {
	const lines: Uint8Array[] = [];
	let start = 0;
	for (let index = 0; index < message.length; index++) {
		if (message[index] === 0x0a) {
			lines.push(message.subarray(start, index + 1));
			start = index + 1;
		}
	}

	if (start < message.length) lines.push(message.subarray(start));
	return lines;
}

function sameParams(replay: Replay): string[] | undefined {
	const first = replay.recipients[0]?.params ?? [];
	return replay.recipients.every(recipient => recipient.params.join(' ') === first.join(' ')) ? first : undefined;
}

/**
A Python 3 script in the shape of the reference page's send_email_smtp: EHLO, STARTTLS,
EHLO again, login, sendmail (smtplib does each step as the session did).
*/
export function pythonCode(replay: Replay, source: string): CodeResult {
	if (replay.target.kind === 'unix') return {ok: false, problem: 'unix-socket', detail: replay.target.path};
	if (replay.authMechanism && !passwordMechanisms.has(replay.authMechanism)) return {ok: false, problem: 'auth-mechanism', detail: replay.authMechanism};
	const {host, port} = replay.target;
	// smtplib adds SIZE= itself when the server offers SIZE; a second one would be refused.
	const mailOptions = replay.mailParams.filter(param => !/^SIZE=/i.test(param));
	const common = sameParams(replay);
	const lines = [
		'#!/usr/bin/env python3',
		`"""Sends again the message of an SMTP session smtp-explorer recorded (${source}).`,
		'',
		'Secrets come from the environment, never from this file:',
		'  SMTP_USER, SMTP_PASSWORD   the AUTH user name and password',
		'  SMTP_CA_FILE               optional: a CA certificate (PEM) to trust as well',
		'"""',
		'import os',
		'import smtplib',
		'import ssl',
		'import sys',
		'',
		`HOST = ${pythonString(host)}`,
		`PORT = ${port}`,
		`EHLO_NAME = ${replay.ehloName === undefined ? 'None' : pythonString(replay.ehloName)}`,
		`SENDER = ${pythonString(replay.from)}`,
		`RECIPIENTS = [${replay.recipients.map(recipient => pythonString(recipient.address)).join(', ')}]`,
		`MAIL_OPTIONS = [${mailOptions.map(param => pythonString(param)).join(', ')}]`,
	];
	if (common) lines.push(`RCPT_OPTIONS = [${common.map(param => pythonString(param)).join(', ')}]`);
	else lines.push(`RCPT_OPTIONS = {${replay.recipients.map(recipient => `${pythonString(recipient.address)}: [${recipient.params.map(param => pythonString(param)).join(', ')}]`).join(', ')}}`);
	lines.push('# The message as it was sent: header fields, a blank line, the body.', 'MESSAGE = (');
	for (const line of messageLines(replay.message)) lines.push(`    ${pythonBytes(line)}`);
	lines.push(')', '', '', 'def send_email_smtp():');
	lines.push("    context = ssl.create_default_context(cafile=os.environ.get('SMTP_CA_FILE') or None)");
	if (replay.tls === 'implicit') {
		lines.push('    with smtplib.SMTP_SSL(HOST, PORT, local_hostname=EHLO_NAME, context=context, timeout=60) as smtp:', '        smtp.ehlo()');
	} else {
		lines.push('    with smtplib.SMTP(HOST, PORT, local_hostname=EHLO_NAME, timeout=60) as smtp:', '        smtp.ehlo()');
		if (replay.tls === 'starttls') lines.push('        smtp.starttls(context=context)', '        smtp.ehlo()');
	}

	if (replay.authMechanism) {
		lines.push(`        # The session used AUTH ${replay.authMechanism}; login() picks from CRAM-MD5, PLAIN and LOGIN what the server offers.`);
		lines.push("        smtp.login(os.environ['SMTP_USER'], os.environ['SMTP_PASSWORD'])");
	}

	if (common) {
		lines.push('        return smtp.sendmail(SENDER, RECIPIENTS, MESSAGE, mail_options=MAIL_OPTIONS, rcpt_options=RCPT_OPTIONS)');
	} else {
		// sendmail() gives every recipient the same options; these differ, so the steps are spelled out.
		lines.push(
			'        code, text = smtp.mail(SENDER, MAIL_OPTIONS)',
			'        if code != 250:',
			'            raise smtplib.SMTPSenderRefused(code, text, SENDER)',
			'        refused = {}',
			'        for address in RECIPIENTS:',
			'            code, text = smtp.rcpt(address, RCPT_OPTIONS[address])',
			'            if code not in (250, 251):',
			'                refused[address] = (code, text)',
			'        if len(refused) == len(RECIPIENTS):',
			'            raise smtplib.SMTPRecipientsRefused(refused)',
			'        code, text = smtp.data(MESSAGE)',
			'        if code != 250:',
			'            raise smtplib.SMTPDataError(code, text)',
			'        return refused',
		);
	}

	lines.push(
		'',
		'',
		"if __name__ == '__main__':",
		'    refused = send_email_smtp()',
		'    for address, (code, text) in refused.items():',
		"        print(f'refused {address}: {code} {text.decode(errors=\"replace\")}', file=sys.stderr)",
		"    print('sent')",
		'',
	);
	return {ok: true, code: lines.join('\n')};
}

// ------------------------------------------------------------------ Node

function isUtf8(bytes: Uint8Array): boolean {
	try {
		new TextDecoder('utf-8', {fatal: true}).decode(bytes);
		return true;
	} catch {
		return false;
	}
}

/** A Node.js (ESM) script that sends the same message with nodemailer (`npm install nodemailer`). */
export function nodeCode(replay: Replay, source: string): CodeResult {
	if (replay.target.kind === 'unix') return {ok: false, problem: 'unix-socket', detail: replay.target.path};
	if (replay.authMechanism && !passwordMechanisms.has(replay.authMechanism)) return {ok: false, problem: 'auth-mechanism', detail: replay.authMechanism};
	const {host, port} = replay.target;
	const header = [
		`// Sends again the message of an SMTP session smtp-explorer recorded (${source}).`,
		'// Needs nodemailer (npm install nodemailer). Secrets come from the environment, never from this file:',
		'//   SMTP_USER, SMTP_PASSWORD   the AUTH user name and password',
		'//   SMTP_CA_FILE               optional: a CA certificate (PEM) to trust as well',
	];
	const params = [...replay.mailParams, ...replay.recipients.flatMap(recipient => recipient.params)];
	if (params.length > 0) header.push(`// The session also sent the parameters ${params.join(' ')}; nodemailer chooses its own from what the server offers.`);
	header.push("import {readFileSync} from 'node:fs';", "import nodemailer from 'nodemailer';");

	const message = ['// The message as it was sent: header fields, a blank line, the body.'];
	if (isUtf8(replay.message)) {
		message.push('const message = Buffer.from([');
		for (const line of new TextDecoder().decode(replay.message).split('\r\n')) message.push(`\t${safeJson(line)},`);
		message.push("].join('\\r\\n'), 'utf8');");
	} else {
		message.push(`const message = Buffer.from(${safeJson(toBase64(replay.message))}, 'base64');`);
	}

	const transport = [
		'const transporter = nodemailer.createTransport({',
		`\thost: ${safeJson(host)},`,
		`\tport: ${port},`,
		`\tsecure: ${replay.tls === 'implicit'},`,
		// requireTLS: STARTTLS or fail, as the session did; ignoreTLS: plaintext, as the session was.
		...(replay.tls === 'starttls' ? ['\trequireTLS: true,'] : replay.tls === 'none' ? ['\tignoreTLS: true,'] : []),
		...(replay.ehloName === undefined ? [] : [`\tname: ${safeJson(replay.ehloName)},`]),
		...(replay.authMechanism ? [`\tauth: {user: process.env.SMTP_USER, pass: process.env.SMTP_PASSWORD, method: ${safeJson(replay.authMechanism)}},`] : []),
		'\ttls: process.env.SMTP_CA_FILE ? {ca: readFileSync(process.env.SMTP_CA_FILE)} : {},',
		'});',
	];
	const send = [
		'const info = await transporter.sendMail({',
		`\tenvelope: {from: ${safeJson(replay.from)}, to: [${replay.recipients.map(recipient => safeJson(recipient.address)).join(', ')}]},`,
		'\traw: message,',
		'});',
		'console.log(info.response);',
	];
	return {ok: true, code: `${[header, message, transport, send].map(section => section.join('\n')).join('\n\n')}\n`};
}

// ------------------------------------------------------------------ command lines

/** A here-document delimiter that no line of the message equals. */
function hereDelimiter(message: string): string {
	const lines = new Set(message.split('\n'));
	let delimiter = 'SMTP_EXPLORER_MESSAGE';
	while (lines.has(delimiter)) delimiter += '_';
	return delimiter;
}

/**
The message as here-document text: LF line ends (swaks and curl turn them into CRLF),
no control characters (the command will be pasted into a shell), and it must be UTF-8.
*/
function hereDocument(replay: Replay): {ok: true; text: string} | {ok: false; problem: CodeProblem; detail: string} {
	if (!isUtf8(replay.message)) return {ok: false, problem: 'control-characters', detail: 'bytes that are not UTF-8'};
	const text = new TextDecoder().decode(replay.message).replaceAll('\r\n', '\n');
	const bad = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069\r]/u.exec(text);
	if (bad) return {ok: false, problem: 'control-characters', detail: `\\u${bad[0].codePointAt(0)!.toString(16).padStart(4, '0')}`};
	return {ok: true, text};
}

function withHereDocument(words: string[], text: string): string {
	const delimiter = hereDelimiter(text);
	return `${words.join(' ')} <<'${delimiter}'\n${text}${text.endsWith('\n') ? '' : '\n'}${delimiter}\n`;
}

// swaks rewrites these in its --data (its own tokens, and a literal backslash-n as a line break).
const swaksTokens = /\\n|%(?:NEWLINE|FROM_ADDRESS|TO_ADDRESS|MESSAGEID|SWAKS_VERSION|DATE|BODY)%/;

/** Optional CA file from the environment, as shell words that vanish when it is unset. */
const caWords = (flag: string) => `\${SMTP_CA_FILE:+${flag} "$SMTP_CA_FILE"}`;

/** A swaks command with the message on standard input (swaks --data -). */
export function swaksCode(replay: Replay): CodeResult {
	const document = hereDocument(replay);
	if (!document.ok) return document;
	const token = swaksTokens.exec(document.text);
	if (token) return {ok: false, problem: 'swaks-tokens', detail: token[0]};
	const words = ['swaks'];
	if (replay.target.kind === 'unix') words.push('--socket', shellQuote(replay.target.path));
	else words.push('--server', shellQuote(formatTarget(replay.target)));
	if (replay.tls === 'starttls') words.push('--tls');
	if (replay.tls === 'implicit') words.push('--tls-on-connect');
	if (replay.tls !== 'none') words.push('--tls-verify', caWords('--tls-ca-path'));
	if (replay.ehloName !== undefined) words.push('--ehlo', shellQuote(replay.ehloName));
	if (replay.authMechanism) words.push('--auth', shellQuote(replay.authMechanism), '--auth-user', '"$SMTP_USER"', '--auth-password', '"$SMTP_PASSWORD"');
	// swaks reads "<>" as the null reverse-path, and keeps only the last --to: one list.
	words.push('--from', shellQuote(replay.from === '' ? '<>' : replay.from), '--to', shellQuote(replay.recipients.map(recipient => recipient.address).join(',')));
	// swaks drops a first line "From ..." (an mbox separator) unless told not to.
	if (document.text.startsWith('From ')) words.push('--no-strip-from');
	words.push('--data', '-');
	// swaks ends the data with its own CRLF.CRLF, and takes a last line "." as that end, so
	// the message's own last line break is not doubled.
	return {ok: true, code: withHereDocument(words, `${document.text}${document.text.endsWith('\n') || document.text === '' ? '' : '\n'}.\n`)};
}

/** A curl command (smtp:// or smtps://) with the message on standard input. */
export function curlCode(replay: Replay): CodeResult {
	if (replay.target.kind === 'unix') return {ok: false, problem: 'unix-socket', detail: replay.target.path};
	const document = hereDocument(replay);
	if (!document.ok) return document;
	const scheme = replay.tls === 'implicit' ? 'smtps' : 'smtp';
	// curl sends the URL's path as the EHLO name.
	const url = `${scheme}://${formatTarget(replay.target)}/${replay.ehloName ? encodeURIComponent(replay.ehloName) : ''}`;
	const words = ['curl', '--silent', '--show-error', '--url', shellQuote(url)];
	if (replay.tls === 'starttls') words.push('--ssl-reqd');
	if (replay.tls !== 'none') words.push(caWords('--cacert'));
	if (replay.authMechanism) words.push('--user', '"$SMTP_USER:$SMTP_PASSWORD"', '--login-options', shellQuote(`AUTH=${replay.authMechanism}`));
	words.push('--mail-from', shellQuote(replay.from));
	for (const recipient of replay.recipients) words.push('--mail-rcpt', shellQuote(recipient.address));
	words.push('--crlf', '--upload-file', '-');
	return {ok: true, code: withHereDocument(words, document.text)};
}
