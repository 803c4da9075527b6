import {text as say} from '../i18n/messages.js';
import type {EhloInfo} from './ehlo.js';
import {encodeUtf8} from './text.js';

/**
XCLIENT and XFORWARD (Postfix's XCLIENT_README and XFORWARD_README): NAME=VALUE
attributes, each value in xtext (RFC 3461 4). They tell a trusted server who the real
client was, so what the server logs and checks must never carry a control byte.
*/

export type AttributeVerb = 'XCLIENT' | 'XFORWARD';

/** The attribute names Postfix defines for each command. */
export const knownAttributes: Record<AttributeVerb, readonly string[]> = {
	XCLIENT: ['NAME', 'REVERSE_NAME', 'ADDR', 'PORT', 'PROTO', 'HELO', 'LOGIN', 'DESTADDR', 'DESTPORT'],
	XFORWARD: ['NAME', 'ADDR', 'PORT', 'PROTO', 'HELO', 'IDENT', 'SOURCE'],
};

/** The longest value taken: a DNS name's limit (RFC 1035 2.3.4); no attribute needs more. */
export const maxAttributeOctets = 255;

export type AttributeIssue = {severity: 'error' | 'warning'; message: string; start: number; end: number};

/** RFC 3461 4: printable ASCII except "+" and "=" stands for itself; any other octet is "+" and two upper-case hex digits. */
export function encodeXtext(value: string): string {
	let out = '';
	for (const byte of encodeUtf8(value)) {
		out += byte >= 0x21 && byte <= 0x7e && byte !== 0x2b && byte !== 0x3d ? String.fromCharCode(byte) : `+${byte.toString(16).toUpperCase().padStart(2, '0')}`;
	}

	return out;
}

/** The octets an xtext stands for, or where it breaks the grammar. */
export function decodeXtext(text: string): {ok: true; bytes: Uint8Array} | {ok: false; error: string; offset: number} {
	const bytes: number[] = [];
	for (let index = 0; index < text.length; index++) {
		const code = text.charCodeAt(index);
		if (text[index] === '+') {
			const hex = text.slice(index + 1, index + 3);
			if (!/^[\dA-F]{2}$/.test(hex)) return {ok: false, error: say()['xclient.plusHex'](hex), offset: index};
			bytes.push(Number.parseInt(hex, 16));
			index += 2;
		} else if (code < 0x21 || code > 0x7e || code === 0x3d) {
			return {ok: false, error: say()['xclient.escape'](text[index]!, `+${code.toString(16).toUpperCase().padStart(2, '0')}`), offset: index};
		} else {
			bytes.push(code);
		}
	}

	return {ok: true, bytes: Uint8Array.from(bytes)};
}

const namePattern = /^[A-Z][A-Z_]*$/i;

/** Problems with one attribute's raw (decoded) value: control bytes and length. */
function valueIssues(name: string, bytes: Uint8Array): string | undefined {
	const control = bytes.findIndex(byte => byte < 0x20 || byte === 0x7f);
	if (control !== -1) return say()['xclient.controlByte'](name, `0x${bytes[control]!.toString(16).padStart(2, '0')}`);
	if (bytes.length > maxAttributeOctets) return say()['xclient.tooLong'](name, bytes.length, maxAttributeOctets);
	return undefined;
}

/**
Checks the arguments of an XCLIENT or XFORWARD line as typed (values already in xtext).
Offsets are into `args`. `advertised` is the list after the keyword in the EHLO reply.
*/
export function checkAttributeArgs(verb: AttributeVerb, args: string, advertised?: readonly string[]): AttributeIssue[] {
	const issues: AttributeIssue[] = [];
	const words = [...args.matchAll(/\S+/g)];
	if (words.length === 0) {
		return [{severity: 'error', message: say()['xclient.none'](verb), start: 0, end: Math.max(1, args.length)}];
	}

	const offered = advertised?.map(name => name.toUpperCase());
	for (const word of words) {
		const start = word.index;
		const end = start + word[0].length;
		const equals = word[0].indexOf('=');
		const name = equals === -1 ? word[0] : word[0].slice(0, equals);
		if (equals === -1 || !namePattern.test(name)) {
			issues.push({severity: 'error', message: say()['xclient.notNameValue'](word[0]), start, end});
			continue;
		}

		const upper = name.toUpperCase();
		if (offered && offered.length > 0 && !offered.includes(upper)) {
			issues.push({severity: 'warning', message: say()['xclient.notListed'](upper, verb, offered.join(' ')), start, end: start + name.length});
		} else if (!knownAttributes[verb].includes(upper)) {
			issues.push({severity: 'warning', message: say()['xclient.unknown'](upper, verb, knownAttributes[verb].join(' ')), start, end: start + name.length});
		}

		const decoded = decodeXtext(word[0].slice(equals + 1));
		if (!decoded.ok) {
			issues.push({severity: 'error', message: decoded.error, start: start + equals + 1 + decoded.offset, end: start + equals + 2 + decoded.offset});
			continue;
		}

		const problem = valueIssues(upper, decoded.bytes);
		if (problem) issues.push({severity: 'error', message: problem, start: start + equals + 1, end});
	}

	return issues;
}

/** One `--xclient NAME=VALUE` flag: a known name and a raw value, checked before anything is sent. */
export function parseAttributeFlag(verb: AttributeVerb, text: string): {ok: true; name: string; value: string} | {ok: false; error: string} {
	const equals = text.indexOf('=');
	const name = (equals === -1 ? text : text.slice(0, equals)).toUpperCase();
	if (equals === -1 || !namePattern.test(name)) return {ok: false, error: say()['xclient.notNameValue'](text)};
	if (!knownAttributes[verb].includes(name)) return {ok: false, error: say()['xclient.flagUnknown'](name, verb, knownAttributes[verb].join(', '))};
	const value = text.slice(equals + 1);
	const problem = valueIssues(name, encodeUtf8(value));
	return problem ? {ok: false, error: problem} : {ok: true, name, value};
}

/** The command line for these attributes, values xtext-encoded (`[UNAVAILABLE]` stays as it is). */
export function buildAttributeCommand(verb: AttributeVerb, attributes: ReadonlyArray<{name: string; value: string}>): string {
	return `${verb} ${attributes.map(({name, value}) => `${name}=${encodeXtext(value)}`).join(' ')}`;
}

/** The names the server listed after XCLIENT or XFORWARD in its EHLO reply (upper-cased); undefined when it did not list the keyword. */
export function advertisedAttributes(verb: AttributeVerb, ehlo: EhloInfo | undefined): string[] | undefined {
	return ehlo?.extensions.find(extension => extension.keyword === verb)?.params.map(name => name.toUpperCase());
}

/** A value to start from for each attribute: documentation addresses (RFC 5737) and names (RFC 2606). */
const exampleValues: Record<string, string> = {
	NAME: 'client.example.com',
	REVERSE_NAME: 'client.example.com',
	ADDR: '192.0.2.10',
	PORT: '54321',
	PROTO: 'ESMTP',
	HELO: 'client.example.com',
	LOGIN: 'alice',
	DESTADDR: '198.51.100.25',
	DESTPORT: '25',
	IDENT: 'ABC123DEF',
	SOURCE: 'REMOTE',
};

/**
A line to edit with every attribute the server advertised, each with an example value; with
no list in the EHLO reply, every attribute Postfix defines for the command.
*/
export function attributeTemplate(verb: AttributeVerb, ehlo: EhloInfo | undefined): {line: string; names: string[]; advertised: boolean} {
	const listed = advertisedAttributes(verb, ehlo) ?? [];
	const names = listed.length > 0 ? listed : [...knownAttributes[verb]];
	// A name the server lists but Postfix does not document gets [UNAVAILABLE], which Postfix reads as "not known".
	const line = buildAttributeCommand(verb, names.map(name => ({name, value: exampleValues[name] ?? '[UNAVAILABLE]'})));
	return {line, names, advertised: listed.length > 0};
}
