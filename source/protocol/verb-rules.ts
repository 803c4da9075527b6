import {isDomainOrLiteral, parsePath} from './address.js';
import type {Diagnostic} from './diagnostic.js';
import {hasExtension} from './ehlo.js';
import {extensionForParam, findParamSpec} from './esmtp-params.js';
import {reusableSecretMechanisms} from './sasl.js';
import {recipientCounts, type SessionState} from './session.js';
import {fromBase64} from './text.js';
import {advertisedAttributes, type AttributeVerb, checkAttributeArgs} from './xclient.js';
import type {ValidationContext} from './validate.js';

/**
Per-verb syntax and sequence rules. Each rule returns diagnostics with positions in the
typed line. Sequence and extension problems are warnings: an explorer may send odd
traffic, but only when the user confirms it.
*/

export type RuleInput = {
	verb: string;
	args: string;
	/** Offset of the first argument character in the typed line. */
	argsStart: number;
	/** Offset just past the verb. */
	verbEnd: number;
	context: ValidationContext;
};

type Rule = (input: RuleInput) => Diagnostic[];

const verbSpan = (input: RuleInput) => ({start: input.verbEnd - input.verb.length, end: input.verbEnd});
const argsSpan = (input: RuleInput) => ({start: input.argsStart, end: Math.max(input.argsStart + input.args.length, input.argsStart + 1)});

function warn(code: string, message: string, span: {start: number; end: number}, hint?: string): Diagnostic {
	return {severity: 'warning', code, message, ...(hint ? {hint} : {}), ...span};
}

function info(code: string, message: string, span: {start: number; end: number}): Diagnostic {
	return {severity: 'info', code, message, ...span};
}

function error(code: string, message: string, span: {start: number; end: number}, hint?: string): Diagnostic {
	return {severity: 'error', code, message, ...(hint ? {hint} : {}), ...span};
}

/** Warn when the server did not advertise the extension a command or parameter needs. */
function needsExtension(state: SessionState, keyword: string, what: string, span: {start: number; end: number}): Diagnostic[] {
	if (!state.hello) return [];
	if (state.hello.verb === 'HELO') {
		return [warn('needs-ehlo', `${what} needs the ${keyword} extension, and HELO gives no extension list.`, span, 'Send EHLO instead of HELO to learn what the server offers.')];
	}

	if (hasExtension(state.ehlo, keyword)) return [];
	return [warn('not-advertised', `${what} needs ${keyword}, which this server did not advertise in its EHLO reply.`, span, 'The server will probably refuse it (500, 502 or 555).')];
}

/** Warn before EHLO/HELO, and before the new EHLO that RFC 3207 4.2 requires after STARTTLS. */
function needsGreeting(state: SessionState, verb: string, span: {start: number; end: number}): Diagnostic[] {
	if (state.needsEhlo) {
		return [warn('ehlo-after-tls', `After STARTTLS the client must send EHLO again before ${verb} (RFC 3207 4.2).`, span, 'Send EHLO first.')];
	}

	if (!state.hello && (state.phase === 'connected' || state.phase === 'greeting')) {
		return [warn('before-ehlo', `${verb} before EHLO or HELO; the server will answer 503 (RFC 5321 4.1.4).`, span, 'Send EHLO first.')];
	}

	return [];
}

function noArguments(input: RuleInput, rfc: string): Diagnostic[] {
	if (input.args.trim() === '') return [];
	return [warn('no-arguments', `${input.verb} takes no arguments (${rfc}).`, argsSpan(input), 'Remove the text after the verb.')];
}

function plaintextGuard(input: RuleInput, what: string): Diagnostic[] {
	const {state, requireTls} = input.context;
	if (!requireTls || state.tls) return [];
	return [error('require-tls', `--require-tls is on and the session is in plaintext, so ${what} is not sent.`, verbSpan(input), 'Send STARTTLS first (or connect with --tls).')];
}

const hello: Rule = input => {
	const {state} = input.context;
	const found: Diagnostic[] = [];
	const name = input.args.trim();
	if (name === '') {
		found.push(warn('missing-domain', `${input.verb} needs the client's domain name or address literal (RFC 5321 4.1.1.1).`, verbSpan(input), `Write ${input.verb} client.example.com or ${input.verb} [192.0.2.1].`));
	} else if (!isDomainOrLiteral(name) || /\s/.test(name)) {
		found.push(warn('bad-domain', `"${name}" is not a domain or an address literal like [192.0.2.1].`, argsSpan(input), 'Use your host name or [your.ip.address].'));
	}

	if (state.phase === 'mail' || state.phase === 'rcpt') {
		found.push(info('resets-transaction', `${input.verb} in the middle of a transaction resets it, like RSET (RFC 5321 4.1.4).`, verbSpan(input)));
	}

	if (input.verb === 'LHLO') found.push(info('lmtp', 'LHLO is the LMTP greeting (RFC 2033); SMTP servers answer 500.', verbSpan(input)));
	if (input.verb === 'HELO') found.push(info('helo-no-extensions', 'HELO gets no list of extensions; EHLO is the modern greeting.', verbSpan(input)));
	return found;
};

const startTls: Rule = input => {
	const {state} = input.context;
	const span = verbSpan(input);
	if (state.tls) {
		return [error('already-tls', 'The session is already encrypted; a second STARTTLS is refused locally.', span)];
	}

	return [
		...noArguments(input, 'RFC 3207 4'),
		...needsGreeting(state, 'STARTTLS', span),
		...needsExtension(state, 'STARTTLS', 'STARTTLS', span),
		...(state.phase === 'mail' || state.phase === 'rcpt' ? [warn('tls-in-transaction', 'STARTTLS in the middle of a transaction; servers refuse it or lose the envelope.', span, 'Send RSET first.')] : []),
	];
};

const auth: Rule = input => {
	const {state, loopback} = input.context;
	const span = verbSpan(input);
	const found: Diagnostic[] = [...plaintextGuard(input, 'AUTH'), ...needsGreeting(state, 'AUTH', span)];
	const [mechanism = '', initial, ...extra] = input.args.trim().split(/\s+/);
	const mechanismUpper = mechanism.toUpperCase();
	const mechanismSpan = {start: input.argsStart, end: input.argsStart + Math.max(mechanism.length, 1)};

	if (mechanism === '') {
		found.push(warn('missing-mechanism', 'AUTH needs a SASL mechanism name (RFC 4954 4).', span, 'Write AUTH PLAIN, AUTH LOGIN or AUTH CRAM-MD5.'));
	} else if (!/^[A-Z\d_-]{1,20}$/.test(mechanismUpper)) {
		found.push(warn('bad-mechanism', `"${mechanism}" is not a SASL mechanism name: 1 to 20 letters, digits, "-" or "_" (RFC 4422 3.1).`, mechanismSpan));
	}

	if (state.auth) found.push(warn('already-authenticated', 'Already authenticated; a second AUTH gets 503 (RFC 4954 4).', span));
	if (state.phase === 'mail' || state.phase === 'rcpt') {
		found.push(warn('auth-in-transaction', 'AUTH is not allowed during a mail transaction (RFC 4954 4).', span, 'Send RSET first.'));
	}

	found.push(...needsExtension(state, 'AUTH', 'AUTH', span));
	if (mechanism !== '' && state.ehlo && state.ehlo.auth.length > 0 && !state.ehlo.auth.includes(mechanismUpper)) {
		found.push(warn('mechanism-not-advertised', `The server offers ${state.ehlo.auth.join(', ')}, not ${mechanismUpper}.`, mechanismSpan));
	}

	if (initial !== undefined && initial !== '=' && !fromBase64(initial)) {
		found.push(warn('initial-not-base64', 'The initial response must be base64, or "=" for an empty one (RFC 4954 4).', {start: input.argsStart + mechanism.length + 1, end: input.argsStart + input.args.length}));
	}

	if (extra.length > 0) found.push(warn('auth-extra', 'AUTH takes a mechanism and at most one initial response.', argsSpan(input)));

	// Go's PlainAuth rule: reusable secrets only over TLS or to this machine (E1).
	const reusable = reusableSecretMechanisms.includes(mechanismUpper);
	if (reusable && !state.tls && !loopback) {
		found.push(warn('plaintext-credentials', `${mechanismUpper} sends the password (or token) readable by anyone on the path: this session is not encrypted and the server is not on this machine.`, span, 'Send STARTTLS first; confirm only if you accept the risk.'));
	}

	return found;
};

/** Splits `FROM:<a@b> K=V K2` into the prefix, the path text and the parameter words with offsets. */
function splitEnvelopeArgs(input: RuleInput, prefix: 'FROM' | 'TO') {
	const found: Diagnostic[] = [];
	const match = new RegExp(`^${prefix}:`, 'i').exec(input.args);
	let rest = input.args;
	let offset = input.argsStart;
	if (match) {
		rest = rest.slice(match[0].length);
		offset += match[0].length;
	} else {
		found.push(warn('missing-prefix', `${input.verb} needs "${prefix}:" before the address (RFC 5321 4.1.1.${prefix === 'FROM' ? 2 : 3}).`, argsSpan(input), `Write ${input.verb} ${prefix}:<user@example.com>.`));
		rest = rest.replace(/^\S+?:/, match => {
			offset += match.length;
			return '';
		});
	}

	if (/^\s/.test(rest)) {
		const spaces = rest.length - rest.trimStart().length;
		found.push(warn('space-after-colon', `RFC 5321 has no space after "${prefix}:"; strict servers refuse it.`, {start: offset, end: offset + spaces}, 'Remove the space.'));
		rest = rest.trimStart();
		offset += spaces;
	}

	return {found, rest, offset};
}

function parameters(input: RuleInput, command: 'MAIL' | 'RCPT', text: string, offset: number): {found: Diagnostic[]; keys: Map<string, string | undefined>} {
	const {state} = input.context;
	const found: Diagnostic[] = [];
	const keys = new Map<string, string | undefined>();
	const pattern = /\S+/g;
	for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
		const word = match[0];
		const span = {start: offset + match.index, end: offset + match.index + word.length};
		const equals = word.indexOf('=');
		const key = (equals === -1 ? word : word.slice(0, equals)).toUpperCase();
		const value = equals === -1 ? undefined : word.slice(equals + 1);

		if (!/^[A-Z\d][A-Z\d-]*$/.test(key)) {
			found.push(warn('bad-parameter', `"${word}" is not a KEY=VALUE parameter (RFC 5321 4.1.2).`, span));
			continue;
		}

		if (keys.has(key)) found.push(warn('duplicate-parameter', `${key} is given twice.`, span));
		keys.set(key, value);

		if (state.hello?.verb === 'HELO') {
			found.push(warn('params-after-helo', 'Parameters need EHLO; after HELO the server knows no extensions.', span, 'Send EHLO instead of HELO.'));
			continue;
		}

		const spec = findParamSpec(command, key);
		if (!spec) {
			found.push(warn('unknown-parameter', `${key} is not a ${command} parameter smtp-explorer knows.`, span));
			continue;
		}

		if (spec.value === 'none' && value !== undefined) {
			found.push(warn('parameter-takes-no-value', `${key} takes no value (${spec.rfc}).`, span, `Write just ${key}.`));
		} else if (spec.value === 'required' && (value === undefined || value === '')) {
			found.push(warn('parameter-needs-value', `${key} needs a value (${spec.rfc}).`, span, `For example ${spec.example}.`));
		} else if (value !== undefined && spec.check) {
			const problem = spec.check(value);
			if (problem) found.push(warn('bad-parameter-value', `${key} ${problem} (${spec.rfc}).`, span, `For example ${spec.example}.`));
		}

		const extension = extensionForParam(spec, value);
		if (state.ehlo && !hasExtension(state.ehlo, extension)) {
			found.push(warn('parameter-not-advertised', `${key} needs ${extension}, which this server did not advertise.`, span, 'The server will probably answer 555 (RFC 5321 4.1.1.11).'));
		}

		if (key === 'SIZE' && value && /^\d+$/.test(value) && state.ehlo?.sizeLimit) {
			const limit = state.ehlo.sizeLimit;
			if (Number(value) > limit) {
				found.push(warn('size-over-limit', `SIZE=${value} is more than the server's limit of ${limit} bytes; expect 552 (RFC 1870 6).`, span));
			}
		}

		if (key === 'REQUIRETLS' && !state.tls) {
			found.push(warn('requiretls-plaintext', 'REQUIRETLS only makes sense over TLS; servers refuse it in plaintext (RFC 8689 4.1).', span));
		}
	}

	return {found, keys};
}

function envelopeCommand(input: RuleInput, command: 'MAIL' | 'RCPT'): {found: Diagnostic[]; nonAscii: boolean; keys: Map<string, string | undefined>} {
	const {state} = input.context;
	const split = splitEnvelopeArgs(input, command === 'MAIL' ? 'FROM' : 'TO');
	const found = [...split.found];
	const path = parsePath(split.rest, {allowNull: command === 'MAIL', allowPostmaster: command === 'RCPT'});
	for (const problem of path.problems) {
		found.push({severity: problem.severity, code: 'bad-path', message: problem.message, ...(problem.hint ? {hint: problem.hint} : {}), start: split.offset + problem.start, end: split.offset + problem.end});
	}

	const paramsText = split.rest.slice(path.length);
	if (paramsText !== '' && !/^\s/.test(paramsText)) {
		found.push(warn('params-need-space', 'Parameters must be separated from the address by a space.', {start: split.offset + path.length, end: split.offset + path.length + 1}));
	}

	const params = parameters(input, command, paramsText, split.offset + path.length);
	found.push(...params.found);

	if (path.nonAscii && state.ehlo && !hasExtension(state.ehlo, 'SMTPUTF8')) {
		found.push(warn('needs-smtputf8', 'The address has non-ASCII characters and the server did not advertise SMTPUTF8 (RFC 6531).', {start: split.offset, end: split.offset + path.length}, 'Use an ASCII address, or a server that offers SMTPUTF8.'));
	}

	return {found, nonAscii: path.nonAscii, keys: params.keys};
}

const mail: Rule = input => {
	const {state} = input.context;
	const span = verbSpan(input);
	const found: Diagnostic[] = [...plaintextGuard(input, 'the transaction'), ...needsGreeting(state, 'MAIL', span)];
	if (state.phase === 'mail' || state.phase === 'rcpt' || state.phase === 'bdat' || state.envelope.from?.status === 'pending') {
		found.push(warn('transaction-open', 'A transaction is already open; the server will answer 503 (RFC 5321 4.1.4).', span, 'Send RSET to start over.'));
	}

	const envelope = envelopeCommand(input, 'MAIL');
	found.push(...envelope.found);
	if (envelope.nonAscii && hasExtension(state.ehlo, 'SMTPUTF8') && !envelope.keys.has('SMTPUTF8')) {
		found.push(warn('missing-smtputf8-param', 'The sender has non-ASCII characters; add the SMTPUTF8 parameter (RFC 6531 3.4).', argsSpan(input), 'Append " SMTPUTF8".'));
	}

	return found;
};

const rcpt: Rule = input => {
	const {state} = input.context;
	const span = verbSpan(input);
	const found: Diagnostic[] = [...plaintextGuard(input, 'the transaction'), ...needsGreeting(state, 'RCPT', span)];
	const mailDue = state.envelope.from && state.envelope.from.status !== 'rejected';
	if (state.phase !== 'mail' && state.phase !== 'rcpt' && !mailDue) {
		found.push(warn('rcpt-before-mail', 'RCPT before an accepted MAIL; the server will answer 503 (RFC 5321 4.1.4).', span, 'Send MAIL FROM:<you@example.com> first.'));
	}

	found.push(...envelopeCommand(input, 'RCPT').found);
	return found;
};

/** True when a recipient was accepted or is still awaiting its reply (PIPELINING). */
function hasRecipients(state: SessionState): boolean {
	const counts = recipientCounts(state.envelope);
	return counts.accepted + counts.pending > 0;
}

const data: Rule = input => {
	const {state} = input.context;
	const span = verbSpan(input);
	const found: Diagnostic[] = [...noArguments(input, 'RFC 5321 4.1.1.4'), ...plaintextGuard(input, 'the message'), ...needsGreeting(state, 'DATA', span)];
	if (state.phase === 'bdat') {
		found.push(warn('data-after-bdat', 'DATA cannot follow BDAT in the same transaction (RFC 3030 2).', span));
	} else if (!hasRecipients(state)) {
		found.push(warn('data-without-recipients', 'No recipient has been accepted, so the server will answer 503 or 554 (RFC 5321 4.1.1.4).', span, 'Send RCPT TO:<someone@example.org> first.'));
	}

	return found;
};

const bdat: Rule = input => {
	const {state} = input.context;
	const span = verbSpan(input);
	const found: Diagnostic[] = [...plaintextGuard(input, 'the message'), ...needsGreeting(state, 'BDAT', span), ...needsExtension(state, 'CHUNKING', 'BDAT', span)];
	const match = /^(\d{1,15})(?: (LAST))?$/i.exec(input.args.trim());
	if (!match) {
		found.push(error('bad-bdat', 'BDAT needs the chunk size in bytes, optionally followed by LAST (RFC 3030 2).', argsSpan(input), 'Write BDAT 0 LAST, or send chunks from the message editor.'));
		return found;
	}

	if (Number(match[1]) > 0) {
		found.push(error('bdat-needs-editor', `BDAT ${match[1]} must be followed by exactly ${match[1]} bytes of message, which one typed line cannot carry.`, argsSpan(input), 'Send the message from the message editor, which counts the bytes for you.'));
	}

	if (state.phase !== 'bdat' && !hasRecipients(state)) {
		found.push(warn('bdat-without-recipients', 'No recipient has been accepted, so the server will refuse the data.', span, 'Send RCPT TO:<someone@example.org> first.'));
	}

	return found;
};

const sessionVerb =
	(rfc: string, options: {argument?: 'none' | 'optional' | 'required'; note?: string} = {}): Rule =>
	input => {
		const found: Diagnostic[] = [];
		if (options.argument === 'none') found.push(...noArguments(input, rfc));
		if (options.argument === 'required' && input.args.trim() === '') {
			found.push(warn('missing-argument', `${input.verb} needs an argument (${rfc}).`, verbSpan(input)));
		}

		if (options.note) found.push(info('note', options.note, verbSpan(input)));
		return found;
	};

const etrn: Rule = input => {
	const {state} = input.context;
	const span = verbSpan(input);
	const found: Diagnostic[] = [...needsGreeting(state, 'ETRN', span), ...needsExtension(state, 'ETRN', 'ETRN', span)];
	const argument = input.args.trim();
	// RFC 1985 5: a domain, "@domain" for it and its subdomains, or "#queue".
	if (argument === '' || !(isDomainOrLiteral(argument.replace(/^@/, '')) || /^#\S+$/.test(argument))) {
		found.push(warn('bad-etrn', 'ETRN needs a domain, @domain (with subdomains) or #queue-name (RFC 1985 5).', argument === '' ? span : argsSpan(input)));
	}

	return found;
};

const postfixAttributes =
	(keyword: AttributeVerb): Rule =>
	input => {
		const {state} = input.context;
		const span = verbSpan(input);
		const found: Diagnostic[] = [...needsExtension(state, keyword, keyword, span)];
		const advertised = advertisedAttributes(keyword, state.ehlo);
		for (const issue of checkAttributeArgs(keyword, input.args, advertised)) {
			const at = {start: input.argsStart + issue.start, end: input.argsStart + issue.end};
			found.push(issue.severity === 'error' ? error('bad-attribute', issue.message, at) : warn('attribute-not-offered', issue.message, at));
		}

		if (keyword === 'XCLIENT' && (state.phase === 'mail' || state.phase === 'rcpt')) {
			found.push(warn('xclient-in-transaction', 'XCLIENT inside a mail transaction is refused with 503 (XCLIENT_README).', span, 'Send RSET first.'));
		}

		found.push(info('vendor', keyword === 'XCLIENT'
			? 'XCLIENT is a Postfix extension for trusted clients; on success the server starts a new session with a 220 greeting, and EHLO must be sent again.'
			: 'XFORWARD is a Postfix extension for trusted clients; its attributes last for one mail transaction.', span));
		return found;
	};

// RFC 4468 3: BURL SP absolute-URI [SP "LAST"], after RCPT like BDAT, and only after AUTH.
const burl: Rule = input => {
	const {state} = input.context;
	const span = verbSpan(input);
	const found: Diagnostic[] = [...plaintextGuard(input, 'the message'), ...needsGreeting(state, 'BURL', span), ...needsExtension(state, 'BURL', 'BURL', span)];
	if (!/^[a-z][a-z\d+.-]*:\S+(?: LAST)?$/i.test(input.args.trim())) {
		found.push(warn('bad-burl', 'BURL needs a URL, optionally followed by LAST (RFC 4468 3).', input.args.trim() === '' ? span : argsSpan(input), 'Write BURL imap://user@host/mailbox;UIDVALIDITY=1/;UID=1;urlauth=... LAST.'));
	}

	if (state.phase !== 'bdat' && !hasRecipients(state)) {
		found.push(warn('burl-without-recipients', 'No recipient has been accepted, so the server will refuse BURL with 503.', span, 'Send RCPT TO:<someone@example.org> first.'));
	}

	if (!state.auth) found.push(info('burl-needs-auth', 'Servers accept BURL only after AUTH (RFC 4468 3).', span));
	return found;
};

// RFC 2645: ATRN [SP domain *("," domain)] after AUTH; on 250 the roles reverse.
const atrn: Rule = input => {
	const {state} = input.context;
	const span = verbSpan(input);
	const found: Diagnostic[] = [...needsGreeting(state, 'ATRN', span), ...needsExtension(state, 'ATRN', 'ATRN', span)];
	const domains = input.args.trim();
	if (domains !== '' && domains.split(',').some(domain => !isDomainOrLiteral(domain.trim()))) {
		found.push(warn('bad-atrn', 'ATRN takes domain names separated by commas (RFC 2645).', argsSpan(input)));
	}

	found.push(info('atrn-reverses', 'On 250 the server becomes the client and delivers the queued mail; smtp-explorer cannot act as the server after that.', span));
	return found;
};

/**
Commands RFC 5321 dropped (SEND, SOML, SAML, TURN: RFC 5321 F.1, F.6) or that only old
Sendmail knew (VERB, ONEX). They are sent when asked, with a note: watching a server
refuse them is part of learning the protocol, so they need no confirmation.
*/
const historic =
	(why: string, options: {sender?: boolean; argument?: 'none'} = {}): Rule =>
	input => {
		const {state} = input.context;
		const span = verbSpan(input);
		const found: Diagnostic[] = [...needsGreeting(state, input.verb, span)];
		if (options.argument === 'none') found.push(...noArguments(input, why));
		if (options.sender) {
			found.push(...plaintextGuard(input, 'the transaction'));
			const split = splitEnvelopeArgs(input, 'FROM');
			found.push(...split.found);
			const path = parsePath(split.rest, {allowNull: true, allowPostmaster: false});
			for (const problem of path.problems) {
				found.push({severity: problem.severity, code: 'bad-path', message: problem.message, ...(problem.hint ? {hint: problem.hint} : {}), start: split.offset + problem.start, end: split.offset + problem.end});
			}
		}

		found.push(info('historic', `${input.verb} is historic (${why}); servers today answer 500 or 502.`, span));
		return found;
	};

export const verbRules: Record<string, Rule> = {
	EHLO: hello,
	HELO: hello,
	LHLO: hello,
	STARTTLS: startTls,
	AUTH: auth,
	MAIL: mail,
	RCPT: rcpt,
	DATA: data,
	BDAT: bdat,
	RSET: sessionVerb('RFC 5321 4.1.1.5', {argument: 'none'}),
	NOOP: sessionVerb('RFC 5321 4.1.1.9'),
	QUIT: sessionVerb('RFC 5321 4.1.1.10', {argument: 'none'}),
	VRFY: sessionVerb('RFC 5321 4.1.1.6', {argument: 'required', note: 'Many servers disable VRFY or answer 252 to every name, to stop address harvesting.'}),
	EXPN: sessionVerb('RFC 5321 4.1.1.7', {argument: 'required', note: 'Most servers disable EXPN, to keep list members private.'}),
	HELP: sessionVerb('RFC 5321 4.1.1.8'),
	ETRN: etrn,
	XCLIENT: postfixAttributes('XCLIENT'),
	XFORWARD: postfixAttributes('XFORWARD'),
	BURL: burl,
	ATRN: atrn,
	SEND: historic('RFC 821 3.4, dropped by RFC 5321 F.6', {sender: true}),
	SOML: historic('RFC 821 3.4, dropped by RFC 5321 F.6', {sender: true}),
	SAML: historic('RFC 821 3.4, dropped by RFC 5321 F.6', {sender: true}),
	TURN: historic('RFC 821 3.8, removed as unsafe by RFC 5321 F.1', {argument: 'none'}),
	VERB: historic('a Sendmail command no RFC defines', {argument: 'none'}),
	ONEX: historic('a Sendmail command no RFC defines', {argument: 'none'}),
};
