import {isAscii} from 'node:buffer';
import {parsePath} from './address.js';
import {type BodyFacts, BodyScanner, LineEndNormalizer, QuotedPrintableEncoder} from './body-stream.js';
import {sanitizeForDisplay} from './sanitize.js';
import {concatBytes, encodeUtf8, toBase64} from './text.js';

/**
Builds a whole Internet message for `send`: the header fields every mail needs (RFC 5322
3.6), MIME for a plain-text body (RFC 2045), non-ASCII header text as encoded-words
(RFC 2047), and a transfer encoding the server can carry. Pure: the date and the
Message-ID come in from the caller.
*/

/** An address with an optional display name: `Alice <alice@example.com>`. */
export type Mailbox = {address: string; name?: string};

export type MailboxResult = {ok: true; mailbox: Mailbox; nonAscii: boolean} | {ok: false; error: string};

/** RFC 5322 2.1.1: a line should stay within 78 characters; 998 is the hard limit. */
const foldWidth = 78;
const controlCharacter = /[\u0000-\u0008\u000A-\u001F\u007F]/;

/** True when header text holds a line break or another control character (a tab is fine): it could start a new field. */
export function hasControlCharacter(text: string): boolean {
	return controlCharacter.test(text);
}

/** Reads `alice@example.com` or `Alice Example <alice@example.com>` from the command line. */
export function parseMailbox(text: string): MailboxResult {
	if (hasControlCharacter(text)) return {ok: false, error: `"${sanitizeForDisplay(text)}" contains a line break or another control character.`};
	const trimmed = text.trim();
	const named = /^(.*?)\s*<([^<>]*)>$/s.exec(trimmed);
	const address = named ? named[2]!.trim() : trimmed;
	const nameProblem = named ? displayNameProblem(text, named[1]!) : undefined;
	if (nameProblem) return {ok: false, error: nameProblem};
	const name = named ? unquote(named[1]!.trim()) : '';
	const path = parsePath(`<${address}>`, {allowNull: false, allowPostmaster: false});
	const problem = path.problems[0];
	if (address === '' || problem || path.length !== address.length + 2) {
		return {ok: false, error: `"${trimmed}" is not a usable address${problem ? `: ${problem.message}` : '.'}`};
	}

	return {ok: true, mailbox: {address, ...(name ? {name} : {})}, nonAscii: path.nonAscii};
}

/** RFC 5322 3.2.3 specials: in a display name they are allowed only inside a quoted string. */
const specials = new Set(['(', ')', '<', '>', '[', ']', ':', ';', '@', '\\', ',', '"']);

/**
Checks a display name as RFC 5322 3.2.5 writes one: words that are atoms (ASCII atext, or
UTF-8 beyond ASCII, RFC 6532 3.2) or quoted strings, with "." between words tolerated
(obs-phrase, RFC 5322 4.1). A special outside quotes is refused, never reinterpreted:
`victim@example.com RCPT TO:<evil@example.com>` is not a name and an address. Says which
character and where (1-based, in `whole`), or undefined when the name is fine.
*/
function displayNameProblem(whole: string, name: string): string | undefined {
	const offset = [...whole.slice(0, whole.indexOf(name))].length;
	const chars = [...name];
	let quoted = false;
	for (let index = 0; index < chars.length; index++) {
		const char = chars[index]!;
		if (quoted) {
			if (char === '\\') index++;
			else if (char === '"') quoted = false;
			continue;
		}

		if (char === '"') {
			quoted = true;
			continue;
		}

		if (specials.has(char)) {
			return `the display name in "${sanitizeForDisplay(whole)}" has "${char}" at position ${offset + index + 1} outside quotes; RFC 5322 3.2.3 allows ( ) < > [ ] : ; @ \\ , " in a name only inside quotes, as in "Smith, John" <john@example.com>`;
		}
	}

	return quoted ? `the display name in "${sanitizeForDisplay(whole)}" opens a quote it never closes` : undefined;
}

function unquote(name: string): string {
	const quoted = /^"(.*)"$/s.exec(name);
	return quoted ? quoted[1]!.replace(/\\(.)/g, '$1') : name;
}

/** Fields the builder writes itself; a repeated one would make the message ambiguous (RFC 5322 3.6). */
const generatedFields = new Set(['date', 'from', 'to', 'cc', 'subject', 'message-id', 'mime-version', 'content-type', 'content-transfer-encoding']);

export type HeaderField = {name: string; value: string};

/** Checks one `--header "Name: value"`: a valid field name (RFC 5322 3.6.8), no line break. */
export function parseHeaderField(text: string): {ok: true; field: HeaderField} | {ok: false; error: string} {
	if (hasControlCharacter(text)) {
		return {ok: false, error: `the header "${sanitizeForDisplay(text)}" contains a line break or another control character, which would start a new header field`};
	}

	const match = /^([^:\s]+):[ \t]*(.*)$/s.exec(text);
	if (!match || !/^[\u0021-\u0039\u003B-\u007E]+$/.test(match[1]!)) {
		return {ok: false, error: `"${text}" is not a header field: write it as "Name: value", the name in printable ASCII without spaces (RFC 5322 3.6.8)`};
	}

	const name = match[1]!;
	if (generatedFields.has(name.toLowerCase())) {
		return {ok: false, error: `the ${name} header is written by send itself; use the matching option instead of --header`};
	}

	return {ok: true, field: {name, value: match[2]!.trimEnd()}};
}

export type MessageInput = HeaderInput & {body: Uint8Array};

/** Everything but the body: the header block depends only on these and the encoding. */
export type HeaderInput = {
	from: Mailbox;
	to: Mailbox[];
	cc: Mailbox[];
	subject: string;
	headers: HeaderField[];
	date: Date;
	/** Without angle brackets: `unique@domain`. */
	messageId: string;
	/** The server takes 8-bit bodies (8BITMIME, RFC 6152). */
	eightBitMime: boolean;
};

export type TransferEncoding = '7bit' | '8bit' | 'quoted-printable';

export type BuiltMessage = {
	bytes: Uint8Array;
	transferEncoding: TransferEncoding;
	/** True when any byte is above 127: MAIL needs BODY=8BITMIME (RFC 6152 3). */
	eightBit: boolean;
};

/** A whole message in memory; `send` streams the same pieces (messageHeader, then the encoded body). */
export function buildMessage(input: MessageInput): BuiltMessage {
	const normalizer = new LineEndNormalizer();
	const scanner = new BodyScanner();
	const body = concatBytes([normalizer.push(input.body), normalizer.end()]);
	scanner.push(body);
	const transferEncoding = chooseEncoding(scanner.facts, input.eightBitMime);
	const header = messageHeader(input, transferEncoding);
	const encodedBody = transferEncoding === 'quoted-printable' ? quotedPrintable(body) : body;
	return {bytes: concatBytes([header, encodedBody]), transferEncoding, eightBit: messageIsEightBit(header, transferEncoding)};
}

/** The header block, ended by its empty line. */
export function messageHeader(input: HeaderInput, transferEncoding: TransferEncoding): Uint8Array {
	const fields: string[] = [
		fold('Date', [formatDate(input.date)]),
		fold('From', mailboxTokens([input.from])),
		fold('To', mailboxTokens(input.to)),
		...(input.cc.length > 0 ? [fold('Cc', mailboxTokens(input.cc))] : []),
		fold('Subject', textTokens(input.subject)),
		fold('Message-ID', [`<${input.messageId}>`]),
		'MIME-Version: 1.0',
		'Content-Type: text/plain; charset=utf-8',
		`Content-Transfer-Encoding: ${transferEncoding}`,
		...input.headers.map(field => fold(field.name, textTokens(field.value))),
	];
	return encodeUtf8(`${fields.join('\r\n')}\r\n\r\n`);
}

/** A quoted-printable or 7bit body is ASCII, so only the header can add 8-bit bytes then. */
export function messageIsEightBit(header: Uint8Array, transferEncoding: TransferEncoding): boolean {
	return transferEncoding === '8bit' || !isAscii(header);
}

/**
7bit when every line is short ASCII; 8bit when the server takes it (RFC 6152) and no line
is over 998 octets or holds NUL (RFC 5321 4.5.3.1.6, RFC 6152 3); quoted-printable otherwise.
*/
export function chooseEncoding(facts: BodyFacts, eightBitMime: boolean): TransferEncoding {
	if (facts.longLine || facts.hasNul) return 'quoted-printable';
	if (!facts.eightBit) return '7bit';
	return eightBitMime ? '8bit' : 'quoted-printable';
}

const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** RFC 5322 3.3 in local time: `Tue, 01 Jul 2025 10:52:37 +0200`. */
export function formatDate(date: Date): string {
	const pad = (value: number) => String(value).padStart(2, '0');
	const offset = -date.getTimezoneOffset();
	const zone = `${offset < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(offset) / 60))}${pad(Math.abs(offset) % 60)}`;
	const time = `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
	return `${days[date.getDay()]}, ${pad(date.getDate())} ${months[date.getMonth()]} ${date.getFullYear()} ${time} ${zone}`;
}

/**
Joins tokens into `Name: value`, folding before a token (CRLF, then a space) whenever the
line would pass 78 characters (RFC 5322 2.2.3). A token longer than a line stays whole.
*/
function fold(name: string, tokens: string[]): string {
	const lines: string[] = [];
	let line = `${name}:`;
	for (const token of tokens) {
		if (token !== '' && line.length + 1 + token.length > foldWidth && line.trim() !== `${name}:`) {
			lines.push(line);
			line = ` ${token}`;
		} else {
			line += ` ${token}`;
		}
	}

	lines.push(line);
	return lines.join('\r\n');
}

const needsEncoding = (text: string) => /[^\u0020-\u007E\t]|=\?/.test(text);

/** Unstructured text (RFC 5322 3.2.5): words as they are, or encoded-words when not plain ASCII. */
function textTokens(text: string): string[] {
	if (text === '') return [];
	return needsEncoding(text) ? encodedWords(text) : text.split(' ');
}

/** A display name: an atom phrase, a quoted-string (RFC 5322 3.2.4), or encoded-words (RFC 2047 5). */
function phraseTokens(name: string): string[] {
	if (needsEncoding(name)) return encodedWords(name);
	if (/^[\w!#$%&'*+\-/=?^`{|}~ ]+$/.test(name)) return name.split(' ');
	return `"${name.replace(/["\\]/g, '\\$&')}"`.split(' ');
}

function mailboxTokens(mailboxes: Mailbox[]): string[] {
	const tokens: string[] = [];
	for (const [index, mailbox] of mailboxes.entries()) {
		const own = mailbox.name ? [...phraseTokens(mailbox.name), `<${mailbox.address}>`] : [mailbox.address];
		if (index < mailboxes.length - 1) own[own.length - 1] += ',';
		tokens.push(...own);
	}

	return tokens;
}

/**
RFC 2047 B encoding, UTF-8. Each encoded-word holds at most 30 bytes (52 characters with
its `=?UTF-8?B?` and `?=`), so even after a long field name a line stays near 78; a
character is never split across words (RFC 2047 5).
*/
function encodedWords(text: string): string[] {
	const words: string[] = [];
	let chunk = '';
	let size = 0;
	for (const char of text) {
		const length = encodeUtf8(char).length;
		if (size + length > 30) {
			words.push(`=?UTF-8?B?${toBase64(chunk)}?=`);
			chunk = '';
			size = 0;
		}

		chunk += char;
		size += length;
	}

	if (chunk !== '' || words.length === 0) words.push(`=?UTF-8?B?${toBase64(chunk)}?=`);
	return words;
}

/** Quoted-printable (RFC 2045 6.7) of a CRLF-normalised body, in one piece. */
export function quotedPrintable(body: Uint8Array): Uint8Array {
	const encoder = new QuotedPrintableEncoder();
	return concatBytes([encoder.push(body), encoder.end()]);
}
