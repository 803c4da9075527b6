import {type TextKey, text as say} from '../i18n/messages.js';
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
		return [warn('needs-ehlo', say()['check.needs-ehlo'](what, keyword), span, say()['check.needs-ehlo.hint'])];
	}

	if (hasExtension(state.ehlo, keyword)) return [];
	return [warn('not-advertised', say()['check.not-advertised'](what, keyword), span, say()['check.not-advertised.hint'])];
}

/** Warn before EHLO/HELO, and before the new EHLO that RFC 3207 4.2 requires after STARTTLS. */
function needsGreeting(state: SessionState, verb: string, span: {start: number; end: number}): Diagnostic[] {
	if (state.needsEhlo) {
		return [warn('ehlo-after-tls', say()['check.ehlo-after-tls'](verb), span, say()['check.ehlo-after-tls.hint'])];
	}

	if (!state.hello && (state.phase === 'connected' || state.phase === 'greeting')) {
		return [warn('before-ehlo', say()['check.before-ehlo'](verb), span, say()['check.before-ehlo.hint'])];
	}

	return [];
}

function noArguments(input: RuleInput, rfc: string): Diagnostic[] {
	if (input.args.trim() === '') return [];
	return [warn('no-arguments', say()['check.no-arguments'](input.verb, rfc), argsSpan(input), say()['check.no-arguments.hint'])];
}

function plaintextGuard(input: RuleInput, what: TextKey): Diagnostic[] {
	const {state, requireTls} = input.context;
	if (!requireTls || state.tls) return [];
	return [error('require-tls', say()['check.require-tls'](say()[what]), verbSpan(input), say()['check.require-tls.hint'])];
}

const hello: Rule = input => {
	const {state} = input.context;
	const found: Diagnostic[] = [];
	const name = input.args.trim();
	if (name === '') {
		found.push(warn('missing-domain', say()['check.missing-domain'](input.verb), verbSpan(input), say()['check.missing-domain.hint'](input.verb, input.verb)));
	} else if (!isDomainOrLiteral(name) || /\s/.test(name)) {
		found.push(warn('bad-domain', say()['check.bad-domain'](name), argsSpan(input), say()['check.bad-domain.hint']));
	}

	if (state.phase === 'mail' || state.phase === 'rcpt') {
		found.push(info('resets-transaction', say()['check.resets-transaction'](input.verb), verbSpan(input)));
	}

	if (input.verb === 'LHLO') found.push(info('lmtp', say()['check.lmtp'], verbSpan(input)));
	if (input.verb === 'HELO') found.push(info('helo-no-extensions', say()['check.helo-no-extensions'], verbSpan(input)));
	return found;
};

const startTls: Rule = input => {
	const {state} = input.context;
	const span = verbSpan(input);
	if (state.tls) {
		return [error('already-tls', say()['check.already-tls'], span)];
	}

	return [
		...noArguments(input, 'RFC 3207 4'),
		...needsGreeting(state, 'STARTTLS', span),
		...needsExtension(state, 'STARTTLS', 'STARTTLS', span),
		...(state.phase === 'mail' || state.phase === 'rcpt' ? [warn('tls-in-transaction', say()['check.tls-in-transaction'], span, say()['check.tls-in-transaction.hint'])] : []),
	];
};

const auth: Rule = input => {
	const {state, loopback} = input.context;
	const span = verbSpan(input);
	const found: Diagnostic[] = [...plaintextGuard(input, 'check.what.auth'), ...needsGreeting(state, 'AUTH', span)];
	const [mechanism = '', initial, ...extra] = input.args.trim().split(/\s+/);
	const mechanismUpper = mechanism.toUpperCase();
	const mechanismSpan = {start: input.argsStart, end: input.argsStart + Math.max(mechanism.length, 1)};

	if (mechanism === '') {
		found.push(warn('missing-mechanism', say()['check.missing-mechanism'], span, say()['check.missing-mechanism.hint']));
	} else if (!/^[A-Z\d_-]{1,20}$/.test(mechanismUpper)) {
		found.push(warn('bad-mechanism', say()['check.bad-mechanism'](mechanism), mechanismSpan));
	}

	if (state.auth) found.push(warn('already-authenticated', say()['check.already-authenticated'], span));
	if (state.phase === 'mail' || state.phase === 'rcpt') {
		found.push(warn('auth-in-transaction', say()['check.auth-in-transaction'], span, say()['check.auth-in-transaction.hint']));
	}

	found.push(...needsExtension(state, 'AUTH', 'AUTH', span));
	if (mechanism !== '' && state.ehlo && state.ehlo.auth.length > 0 && !state.ehlo.auth.includes(mechanismUpper)) {
		found.push(warn('mechanism-not-advertised', say()['check.mechanism-not-advertised'](state.ehlo.auth.join(', '), mechanismUpper), mechanismSpan));
	}

	if (initial !== undefined && initial !== '=' && !fromBase64(initial)) {
		found.push(warn('initial-not-base64', say()['check.initial-not-base64'], {start: input.argsStart + mechanism.length + 1, end: input.argsStart + input.args.length}));
	}

	if (extra.length > 0) found.push(warn('auth-extra', say()['check.auth-extra'], argsSpan(input)));

	// Go's PlainAuth rule: reusable secrets only over TLS or to this machine (E1).
	const reusable = reusableSecretMechanisms.includes(mechanismUpper);
	if (reusable && !state.tls && !loopback) {
		found.push(warn('plaintext-credentials', say()['check.plaintext-credentials'](mechanismUpper), span, say()['check.plaintext-credentials.hint']));
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
		found.push(warn('missing-prefix', say()['check.missing-prefix'](input.verb, prefix, prefix === 'FROM' ? 2 : 3), argsSpan(input), say()['check.missing-prefix.hint'](input.verb, prefix)));
		rest = rest.replace(/^\S+?:/, match => {
			offset += match.length;
			return '';
		});
	}

	if (/^\s/.test(rest)) {
		const spaces = rest.length - rest.trimStart().length;
		found.push(warn('space-after-colon', say()['check.space-after-colon'](prefix), {start: offset, end: offset + spaces}, say()['check.space-after-colon.hint']));
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
			found.push(warn('bad-parameter', say()['check.bad-parameter'](word), span));
			continue;
		}

		if (keys.has(key)) found.push(warn('duplicate-parameter', say()['check.duplicate-parameter'](key), span));
		keys.set(key, value);

		if (state.hello?.verb === 'HELO') {
			found.push(warn('params-after-helo', say()['check.params-after-helo'], span, say()['check.params-after-helo.hint']));
			continue;
		}

		const spec = findParamSpec(command, key);
		if (!spec) {
			found.push(warn('unknown-parameter', say()['check.unknown-parameter'](key, command), span));
			continue;
		}

		if (spec.value === 'none' && value !== undefined) {
			found.push(warn('parameter-takes-no-value', say()['check.parameter-takes-no-value'](key, spec.rfc), span, say()['check.parameter-takes-no-value.hint'](key)));
		} else if (spec.value === 'required' && (value === undefined || value === '')) {
			found.push(warn('parameter-needs-value', say()['check.parameter-needs-value'](key, spec.rfc), span, say()['check.parameter-needs-value.hint'](spec.example)));
		} else if (value !== undefined && spec.check) {
			const problem = spec.check(value);
			if (problem) found.push(warn('bad-parameter-value', say()['check.bad-parameter-value'](key, problem, spec.rfc), span, say()['check.bad-parameter-value.hint'](spec.example)));
		}

		const extension = extensionForParam(spec, value);
		if (state.ehlo && !hasExtension(state.ehlo, extension)) {
			found.push(warn('parameter-not-advertised', say()['check.parameter-not-advertised'](key, extension), span, say()['check.parameter-not-advertised.hint']));
		}

		if (key === 'SIZE' && value && /^\d+$/.test(value) && state.ehlo?.sizeLimit) {
			const limit = state.ehlo.sizeLimit;
			if (Number(value) > limit) {
				found.push(warn('size-over-limit', say()['check.size-over-limit'](value, limit), span));
			}
		}

		if (key === 'REQUIRETLS' && !state.tls) {
			found.push(warn('requiretls-plaintext', say()['check.requiretls-plaintext'], span));
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
		found.push(warn('params-need-space', say()['check.params-need-space'], {start: split.offset + path.length, end: split.offset + path.length + 1}));
	}

	const params = parameters(input, command, paramsText, split.offset + path.length);
	found.push(...params.found);

	if (path.nonAscii && state.ehlo && !hasExtension(state.ehlo, 'SMTPUTF8')) {
		found.push(warn('needs-smtputf8', say()['check.needs-smtputf8'], {start: split.offset, end: split.offset + path.length}, say()['check.needs-smtputf8.hint']));
	}

	return {found, nonAscii: path.nonAscii, keys: params.keys};
}

const mail: Rule = input => {
	const {state} = input.context;
	const span = verbSpan(input);
	const found: Diagnostic[] = [...plaintextGuard(input, 'check.what.transaction'), ...needsGreeting(state, 'MAIL', span)];
	if (state.phase === 'mail' || state.phase === 'rcpt' || state.phase === 'bdat' || state.envelope.from?.status === 'pending') {
		found.push(warn('transaction-open', say()['check.transaction-open'], span, say()['check.transaction-open.hint']));
	}

	const envelope = envelopeCommand(input, 'MAIL');
	found.push(...envelope.found);
	if (envelope.nonAscii && hasExtension(state.ehlo, 'SMTPUTF8') && !envelope.keys.has('SMTPUTF8')) {
		found.push(warn('missing-smtputf8-param', say()['check.missing-smtputf8-param'], argsSpan(input), say()['check.missing-smtputf8-param.hint']));
	}

	return found;
};

const rcpt: Rule = input => {
	const {state} = input.context;
	const span = verbSpan(input);
	const found: Diagnostic[] = [...plaintextGuard(input, 'check.what.transaction'), ...needsGreeting(state, 'RCPT', span)];
	const mailDue = state.envelope.from && state.envelope.from.status !== 'rejected';
	if (state.phase !== 'mail' && state.phase !== 'rcpt' && !mailDue) {
		found.push(warn('rcpt-before-mail', say()['check.rcpt-before-mail'], span, say()['check.rcpt-before-mail.hint']));
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
	const found: Diagnostic[] = [...noArguments(input, 'RFC 5321 4.1.1.4'), ...plaintextGuard(input, 'check.what.message'), ...needsGreeting(state, 'DATA', span)];
	if (state.phase === 'bdat') {
		found.push(warn('data-after-bdat', say()['check.data-after-bdat'], span));
	} else if (!hasRecipients(state)) {
		found.push(warn('data-without-recipients', say()['check.data-without-recipients'], span, say()['check.data-without-recipients.hint']));
	}

	return found;
};

const bdat: Rule = input => {
	const {state} = input.context;
	const span = verbSpan(input);
	const found: Diagnostic[] = [...plaintextGuard(input, 'check.what.message'), ...needsGreeting(state, 'BDAT', span), ...needsExtension(state, 'CHUNKING', 'BDAT', span)];
	const match = /^(\d{1,15})(?: (LAST))?$/i.exec(input.args.trim());
	if (!match) {
		found.push(error('bad-bdat', say()['check.bad-bdat'], argsSpan(input), say()['check.bad-bdat.hint']));
		return found;
	}

	if (Number(match[1]) > 0) {
		found.push(error('bdat-needs-editor', say()['check.bdat-needs-editor'](match[1] ?? '', match[1] ?? ''), argsSpan(input), say()['check.bdat-needs-editor.hint']));
	}

	if (state.phase !== 'bdat' && !hasRecipients(state)) {
		found.push(warn('bdat-without-recipients', say()['check.bdat-without-recipients'], span, say()['check.bdat-without-recipients.hint']));
	}

	return found;
};

const sessionVerb =
	(rfc: string, options: {argument?: 'none' | 'optional' | 'required'; note?: TextKey} = {}): Rule =>
	input => {
		const found: Diagnostic[] = [];
		if (options.argument === 'none') found.push(...noArguments(input, rfc));
		if (options.argument === 'required' && input.args.trim() === '') {
			found.push(warn('missing-argument', say()['check.missing-argument'](input.verb, rfc), verbSpan(input)));
		}

		if (options.note) found.push(info('note', say()[options.note], verbSpan(input)));
		return found;
	};

const etrn: Rule = input => {
	const {state} = input.context;
	const span = verbSpan(input);
	const found: Diagnostic[] = [...needsGreeting(state, 'ETRN', span), ...needsExtension(state, 'ETRN', 'ETRN', span)];
	const argument = input.args.trim();
	// RFC 1985 5: a domain, "@domain" for it and its subdomains, or "#queue".
	if (argument === '' || !(isDomainOrLiteral(argument.replace(/^@/, '')) || /^#\S+$/.test(argument))) {
		found.push(warn('bad-etrn', say()['check.bad-etrn'], argument === '' ? span : argsSpan(input)));
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
			found.push(warn('xclient-in-transaction', say()['check.xclient-in-transaction'], span, say()['check.xclient-in-transaction.hint']));
		}

		found.push(info('vendor', keyword === 'XCLIENT'
			? say()['check.vendor.xclient']
			: say()['check.vendor.xforward'], span));
		return found;
	};

// RFC 4468 3: BURL SP absolute-URI [SP "LAST"], after RCPT like BDAT, and only after AUTH.
const burl: Rule = input => {
	const {state} = input.context;
	const span = verbSpan(input);
	const found: Diagnostic[] = [...plaintextGuard(input, 'check.what.message'), ...needsGreeting(state, 'BURL', span), ...needsExtension(state, 'BURL', 'BURL', span)];
	if (!/^[a-z][a-z\d+.-]*:\S+(?: LAST)?$/i.test(input.args.trim())) {
		found.push(warn('bad-burl', say()['check.bad-burl'], input.args.trim() === '' ? span : argsSpan(input), say()['check.bad-burl.hint']));
	}

	if (state.phase !== 'bdat' && !hasRecipients(state)) {
		found.push(warn('burl-without-recipients', say()['check.burl-without-recipients'], span, say()['check.burl-without-recipients.hint']));
	}

	if (!state.auth) found.push(info('burl-needs-auth', say()['check.burl-needs-auth'], span));
	return found;
};

// RFC 2645: ATRN [SP domain *("," domain)] after AUTH; on 250 the roles reverse.
const atrn: Rule = input => {
	const {state} = input.context;
	const span = verbSpan(input);
	const found: Diagnostic[] = [...needsGreeting(state, 'ATRN', span), ...needsExtension(state, 'ATRN', 'ATRN', span)];
	const domains = input.args.trim();
	if (domains !== '' && domains.split(',').some(domain => !isDomainOrLiteral(domain.trim()))) {
		found.push(warn('bad-atrn', say()['check.bad-atrn'], argsSpan(input)));
	}

	found.push(info('atrn-reverses', say()['check.atrn-reverses'], span));
	return found;
};

/**
Commands RFC 5321 dropped (SEND, SOML, SAML, TURN: RFC 5321 F.1, F.6) or that only old
Sendmail knew (VERB, ONEX). They are sent when asked, with a note: watching a server
refuse them is part of learning the protocol, so they need no confirmation.
*/
const historic =
	(why: TextKey, options: {sender?: boolean; argument?: 'none'} = {}): Rule =>
	input => {
		const {state} = input.context;
		const span = verbSpan(input);
		const found: Diagnostic[] = [...needsGreeting(state, input.verb, span)];
		if (options.argument === 'none') found.push(...noArguments(input, say()[why]));
		if (options.sender) {
			found.push(...plaintextGuard(input, 'check.what.transaction'));
			const split = splitEnvelopeArgs(input, 'FROM');
			found.push(...split.found);
			const path = parsePath(split.rest, {allowNull: true, allowPostmaster: false});
			for (const problem of path.problems) {
				found.push({severity: problem.severity, code: 'bad-path', message: problem.message, ...(problem.hint ? {hint: problem.hint} : {}), start: split.offset + problem.start, end: split.offset + problem.end});
			}
		}

		found.push(info('historic', say()['check.historic'](input.verb, say()[why]), span));
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
	VRFY: sessionVerb('RFC 5321 4.1.1.6', {argument: 'required', note: 'check.note.vrfy'}),
	EXPN: sessionVerb('RFC 5321 4.1.1.7', {argument: 'required', note: 'check.note.expn'}),
	HELP: sessionVerb('RFC 5321 4.1.1.8'),
	ETRN: etrn,
	XCLIENT: postfixAttributes('XCLIENT'),
	XFORWARD: postfixAttributes('XFORWARD'),
	BURL: burl,
	ATRN: atrn,
	SEND: historic('check.historic.rfc821-send', {sender: true}),
	SOML: historic('check.historic.rfc821-send', {sender: true}),
	SAML: historic('check.historic.rfc821-send', {sender: true}),
	TURN: historic('check.historic.turn', {argument: 'none'}),
	VERB: historic('check.historic.sendmail', {argument: 'none'}),
	ONEX: historic('check.historic.sendmail', {argument: 'none'}),
};
