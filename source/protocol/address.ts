import {text as say} from '../i18n/messages.js';
/**
Mail paths as RFC 5321 4.1.2 defines them, with the RFC 6531 3.3 extension for UTF-8:
`<local-part@domain>`, `<user@[192.0.2.1]>`, the null reverse-path `<>`, the obsolete
source route `<@relay:user@domain>` (accepted, RFC 5321 4.1.2 and C), and `<Postmaster>`.
*/

export type PathProblem = {
	severity: 'error' | 'warning';
	message: string;
	hint?: string;
	/** Offsets into the path text (code units). */
	start: number;
	end: number;
};

export type ParsedPath = {
	/** The address without brackets or source route; '' for `<>`. */
	address: string;
	localPart: string;
	domain: string;
	isNull: boolean;
	/** True when the address has characters outside ASCII (needs SMTPUTF8, RFC 6531). */
	nonAscii: boolean;
	/** Length of the text that made up the path, brackets included. */
	length: number;
	problems: PathProblem[];
};

/** Limits from RFC 5321 4.5.3.1.1-3, in octets. */
export const pathLimits = {localPart: 64, domain: 255, path: 256} as const;

const atext = /[\p{L}\p{N}!#$%&'*+\-/=?^_`{|}~\u0080-\u{10FFFF}]/u;
const subDomain = /^[\p{L}\p{N}\u0080-\u{10FFFF}]([\p{L}\p{N}\u0080-\u{10FFFF}-]*[\p{L}\p{N}\u0080-\u{10FFFF}])?$/u;
/** A dotted-quad IPv4 address. */
export const ipv4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

const octets = (text: string) => Buffer.byteLength(text, 'utf8');

/** True for `domain` (dot-separated LDH labels, UTF-8 labels allowed) or an address literal. */
export function isDomainOrLiteral(text: string): boolean {
	return isDomain(text) || isAddressLiteral(text);
}

export function isDomain(text: string): boolean {
	if (text === '' || text.endsWith('.')) return false;
	return text.split('.').every(label => subDomain.test(label));
}

/** `[192.0.2.1]`, `[IPv6:2001:db8::1]` or a general literal `[tag:content]` (RFC 5321 4.1.3). */
export function isAddressLiteral(text: string): boolean {
	const match = /^\[(.*)\]$/.exec(text);
	if (!match) return false;
	const inner = match[1]!;
	if (ipv4.test(inner)) return true;
	if (/^ipv6:/i.test(inner)) return /^[\da-f:.]+$/i.test(inner.slice(5)) && inner.slice(5).includes(':');
	return /^[a-z\d-]*[a-z\d]:[\x21-\x5a\x5e-\x7e]+$/i.test(inner);
}

/**
Parses a path that starts at the beginning of `text`, which may go on with parameters
after the closing `>`. Problems are reported, never thrown.
*/
export function parsePath(text: string, options: {allowNull: boolean; allowPostmaster: boolean}): ParsedPath {
	const problems: PathProblem[] = [];
	const result = (address: string, localPart: string, domain: string, length: number): ParsedPath => ({
		address,
		localPart,
		domain,
		isNull: address === '' && length === 2,
		nonAscii: /[^\u0000-\u007F]/.test(address),
		length,
		problems,
	});

	if (!text.startsWith('<')) {
		const end = text.search(/\s|$/);
		problems.push({
			severity: 'warning',
			message: say()['path.brackets'],
			hint: say()['path.brackets.hint'](text.slice(0, end) || 'user@example.com'),
			start: 0,
			end: Math.max(end, 1),
		});
		const bare = text.slice(0, end);
		const at = bare.lastIndexOf('@');
		return result(bare, at === -1 ? bare : bare.slice(0, at), at === -1 ? '' : bare.slice(at + 1), end);
	}

	const close = findClosingBracket(text);
	if (close === -1) {
		problems.push({severity: 'warning', message: say()['path.noClose'], hint: say()['path.noClose.hint'], start: 0, end: text.length});
		return result(text.slice(1), '', '', text.length);
	}

	const inner = text.slice(1, close);
	const length = close + 1;
	if (inner === '') {
		if (!options.allowNull) {
			problems.push({severity: 'warning', message: say()['path.null'], start: 0, end: 2});
		}

		return result('', '', '', 2);
	}

	// Obsolete source route "@a,@b:" (RFC 5321 4.1.2): accepted, ignored, and mentioned.
	let mailboxStart = 1;
	const route = /^(@[^,:]+)(,@[^,:]+)*:/.exec(inner);
	if (route) {
		mailboxStart += route[0].length;
		problems.push({
			severity: 'warning',
			message: say()['path.sourceRoute'],
			hint: say()['path.sourceRoute.hint'],
			start: 1,
			end: mailboxStart,
		});
	}

	const mailbox = text.slice(mailboxStart, close);
	if (options.allowPostmaster && /^postmaster$/i.test(mailbox)) return result(mailbox, mailbox, '', length);

	const at = mailbox.lastIndexOf('@');
	if (at === -1) {
		problems.push({
			severity: 'warning',
			message: say()['path.noDomain'],
			hint: say()['path.noDomain.hint'],
			start: mailboxStart,
			end: close,
		});
		return result(mailbox, mailbox, '', length);
	}

	const localPart = mailbox.slice(0, at);
	const domain = mailbox.slice(at + 1);
	const localStart = mailboxStart;
	const domainStart = mailboxStart + at + 1;

	checkLocalPart(localPart, localStart, problems);
	if (!isDomainOrLiteral(domain)) {
		problems.push({
			severity: 'warning',
			message: domain === '' ? say()['path.domainMissing'] : say()['path.badDomain'](domain),
			hint: say()['path.badDomain.hint'],
			start: domainStart,
			end: close,
		});
	}

	if (octets(localPart) > pathLimits.localPart) {
		problems.push({
			severity: 'warning',
			message: say()['path.localTooLong'](octets(localPart), pathLimits.localPart),
			start: localStart,
			end: domainStart - 1,
		});
	}

	if (octets(domain) > pathLimits.domain) {
		problems.push({
			severity: 'warning',
			message: say()['path.domainTooLong'](octets(domain), pathLimits.domain),
			start: domainStart,
			end: close,
		});
	}

	if (octets(text.slice(0, length)) > pathLimits.path) {
		problems.push({
			severity: 'warning',
			message: say()['path.tooLong'](octets(text.slice(0, length)), pathLimits.path),
			start: 0,
			end: length,
		});
	}

	return result(mailbox, localPart, domain, length);
}

/** The index of the `>` that closes the path, skipping quoted strings. */
function findClosingBracket(text: string): number {
	let quoted = false;
	for (let i = 1; i < text.length; i++) {
		const char = text[i];
		if (quoted && char === '\\') {
			i++;
		} else if (char === '"') {
			quoted = !quoted;
		} else if (char === '>' && !quoted) {
			return i;
		}
	}

	return -1;
}

function checkLocalPart(localPart: string, start: number, problems: PathProblem[]) {
	if (localPart === '') {
		problems.push({severity: 'warning', message: say()['path.emptyLocal'], start, end: start + 1});
		return;
	}

	if (localPart.startsWith('"')) {
		// Quoted-string = DQUOTE *(qtextSMTP / quoted-pairSMTP) DQUOTE (RFC 5321 4.1.2).
		if (!/^"([\x20\x21\x23-\x5b\x5d-\x7e\u0080-\u{10FFFF}]|\\[\x20-\x7e])*"$/u.test(localPart)) {
			problems.push({severity: 'warning', message: say()['path.badQuoted'], start, end: start + localPart.length});
		}

		return;
	}

	const atoms = localPart.split('.');
	const bad = atoms.findIndex(atom => atom === '' || ![...atom].every(char => atext.test(char)));
	if (bad !== -1) {
		problems.push({
			severity: 'warning',
			message: say()['path.badLocal'],
			hint: say()['path.badLocal.hint'],
			start,
			end: start + localPart.length,
		});
	}
}
