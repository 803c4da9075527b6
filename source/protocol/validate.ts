import {text as say} from '../i18n/messages.js';
import {controlByteDiagnostics} from './control-bytes.js';
import {maxTextLineOctets} from './data-encoder.js';
import {type Diagnostic, sortDiagnostics, type Verdict, verdictOf} from './diagnostic.js';
import {canSendNow} from './pipelining.js';
import {identityOf, redactAuthCommand, redactSaslResponse} from './sasl.js';
import {awaitingBody, type SessionState} from './session.js';
import {encodeUtf8, fromBase64} from './text.js';
import {verbRules} from './verb-rules.js';

/**
The composer's judge: turns a typed line into what would be sent and what is wrong with
it. Errors are never sent, warnings need a confirmation, info is advice. Checks cover
injection, length, per-verb syntax, the session's phase and what the server advertised.
*/

/** RFC 5321 4.5.3.1.4: a command line is at most 512 octets, CRLF included. */
export const maxCommandOctets = 512;

export type ValidationContext = {
	state: SessionState;
	/** True when the target is loopback: plaintext credentials never leave the machine. */
	loopback: boolean;
	/** `--require-tls`: never send AUTH or a transaction in plaintext. */
	requireTls?: boolean;
};

/** What kind of line the composer holds, given the session's state. */
export type LineKind =
	/** An SMTP command. */
	| 'command'
	/** A response to a 334 challenge (RFC 4954 4). */
	| 'sasl-response'
	/** One line of a message body, typed after a 354 (dot-stuffed when sent). */
	| 'data-line'
	/** The lone "." that ends the message body (RFC 5321 4.1.1.4). */
	| 'data-end';

export type Validation = {
	kind: LineKind;
	/** Upper-case verb ('' when the line is not a command). */
	verb: string;
	/** The text after the verb and its space. */
	args: string;
	/** The bytes that would be written, CRLF included. */
	wire: Uint8Array;
	/** What the transcript shows: secrets replaced by a marker. */
	display: string;
	secret: boolean;
	/** The user name an AUTH line carries, when it can be read. */
	identity?: string;
	diagnostics: Diagnostic[];
	verdict: Verdict;
};

export function validateLine(line: string, context: ValidationContext): Validation {
	const {state} = context;
	const kind = lineKind(state);
	const diagnostics: Diagnostic[] = [...controlByteDiagnostics(line)];
	const whole = {start: 0, end: Math.max(line.length, 1)};

	diagnostics.push(...connectionDiagnostics(state, whole));

	if (kind === 'sasl-response') return saslResponse(line, context, diagnostics);
	if (kind === 'data-line') return dataLine(line, diagnostics);

	const match = /^(\S*)(?: (.*))?$/s.exec(line.trimStart());
	const verb = (match?.[1] ?? '').toUpperCase();
	const args = match?.[2] ?? '';
	const wire = encodeUtf8(`${line}\r\n`);

	if (line.trim() === '') {
		diagnostics.push({severity: 'error', code: 'empty', message: say()['check.empty'], hint: say()['check.empty.hint'], ...whole});
	} else {
		if (line !== line.trimStart()) {
			diagnostics.push({severity: 'warning', code: 'leading-space', message: say()['check.leadingSpace'], hint: say()['check.leadingSpace.hint'], start: 0, end: line.length - line.trimStart().length});
		}

		if (wire.length > maxCommandOctets) {
			diagnostics.push({
				severity: 'warning',
				code: 'line-too-long',
				message: say()['check.lineTooLong'](wire.length, maxCommandOctets),
				hint: verb === 'AUTH' ? say()['check.lineTooLong.auth'] : say()['check.lineTooLong.hint'],
				start: 0,
				end: line.length,
			});
		}

		const offset = line.length - line.trimStart().length;
		const rules = verbRules[verb];
		if (rules) {
			diagnostics.push(...rules({verb, args, argsStart: offset + verb.length + 1, verbEnd: offset + verb.length, context}));
		} else {
			const near = nearestVerb(verb, Object.keys(verbRules));
			diagnostics.push({
				severity: 'warning',
				code: 'unknown-verb',
				message: say()['check.unknownVerb'](verb, near ?? ''),
				hint: say()['check.unknownVerb.hint'],
				start: offset,
				end: offset + verb.length,
			});
		}

		diagnostics.push(...queueDiagnostics(state, whole));
	}

	const secret = verb === 'AUTH';
	const identity = secret ? authIdentity(args) : undefined;
	return finish({kind: 'command', verb, args, wire, display: secret ? redactAuthCommand(line) : line, secret, ...(identity ? {identity} : {})}, diagnostics);
}

function finish(partial: Omit<Validation, 'diagnostics' | 'verdict'>, diagnostics: Diagnostic[]): Validation {
	const sorted = sortDiagnostics(diagnostics);
	return {...partial, diagnostics: sorted, verdict: verdictOf(sorted)};
}

/** Which kind of line the state expects next. */
export function lineKind(state: SessionState): LineKind {
	if (state.sasl && !state.pending.some(command => command.kind === 'sasl-response')) return 'sasl-response';
	if (awaitingBody(state)) return 'data-line';
	return 'command';
}

function connectionDiagnostics(state: SessionState, whole: {start: number; end: number}): Diagnostic[] {
	switch (state.phase) {
		case 'disconnected':
		case 'closed': {
			return [{severity: 'error', code: 'not-connected', message: say()['check.notConnected'], hint: say()['check.notConnected.hint'], ...whole}];
		}

		case 'connecting': {
			return [{severity: 'error', code: 'connecting', message: say()['check.connecting'], hint: say()['check.connecting.hint'], ...whole}];
		}

		case 'closing': {
			return [{severity: 'error', code: 'closing', message: say()['check.closing'], hint: say()['check.closing.hint'], ...whole}];
		}

		case 'tls-handshake': {
			return [{severity: 'error', code: 'tls-handshake', message: say()['check.handshake'], ...whole}];
		}

		case 'greeting': {
			return [{severity: 'warning', code: 'before-banner', message: say()['check.beforeBanner'], hint: say()['check.beforeBanner.hint'], ...whole}];
		}

		default: {
			const found: Diagnostic[] = [];
			if (state.greetingRefused) {
				found.push({severity: 'warning', code: 'greeting-refused', message: say()['check.greetingRefused'](String(state.greeting?.code ?? '?')), hint: say()['check.greetingRefused.hint'], ...whole});
			}

			if (state.desynchronized) {
				found.push({severity: 'warning', code: 'desynchronized', message: say()['check.desynchronized'](state.desynchronized), hint: say()['check.desynchronized.hint'], ...whole});
			}

			return found;
		}
	}
}

function queueDiagnostics(state: SessionState, whole: {start: number; end: number}): Diagnostic[] {
	const last = state.pending.at(-1);
	if (!last || canSendNow(state)) return [];
	const waitingFor = last.verb || (last.kind === 'data-end' ? say()['check.queued.message'] : say()['check.queued.sasl']);
	return [{severity: 'info', code: 'queued', message: say()['check.queued'](waitingFor), ...whole}];
}

function saslResponse(line: string, context: ValidationContext, diagnostics: Diagnostic[]): Validation {
	const trimmed = line.trim();
	const whole = {start: 0, end: Math.max(line.length, 1)};
	if (trimmed !== '*' && trimmed !== '' && !fromBase64(trimmed)) {
		diagnostics.push({severity: 'warning', code: 'sasl-not-base64', message: say()['check.saslNotBase64'], hint: say()['check.saslNotBase64.hint'], ...whole});
	}

	if (trimmed === '*') {
		diagnostics.push({severity: 'info', code: 'sasl-cancel', message: say()['check.saslCancel'], ...whole});
	}

	const sasl = context.state.sasl;
	// The first response of LOGIN and CRAM-MD5 starts with the user name (not secret).
	const identity = sasl && sasl.rounds === 1 && ['LOGIN', 'CRAM-MD5'].includes(sasl.mechanism) ? identityOf(sasl.mechanism, trimmed, 0) : undefined;
	return finish(
		{kind: 'sasl-response', verb: '', args: line, wire: encodeUtf8(`${line}\r\n`), display: redactSaslResponse(line), secret: trimmed !== '*', ...(identity ? {identity} : {})},
		diagnostics,
	);
}

function dataLine(line: string, diagnostics: Diagnostic[]): Validation {
	if (line === '.') {
		return finish({kind: 'data-end', verb: '', args: '', wire: encodeUtf8('.\r\n'), display: '.', secret: false}, diagnostics);
	}

	const whole = {start: 0, end: Math.max(line.length, 1)};
	// RFC 5321 4.5.2: a body line that starts with "." gets a second one on the wire.
	const stuffed = line.startsWith('.') ? `.${line}` : line;
	if (line.startsWith('.')) {
		diagnostics.push({severity: 'info', code: 'dot-stuffed', message: say()['check.dotStuffed'], start: 0, end: 1});
	}

	const wire = encodeUtf8(`${stuffed}\r\n`);
	// The line as typed: without the CRLF and the dot added for the wire.
	const octets = wire.length - 2 - (stuffed === line ? 0 : 1);
	if (octets > maxTextLineOctets) {
		diagnostics.push({severity: 'warning', code: 'data-line-too-long', message: say()['check.dataLineTooLong'](octets, maxTextLineOctets), hint: say()['check.dataLineTooLong.hint'], ...whole});
	}

	return finish({kind: 'data-line', verb: '', args: line, wire, display: stuffed, secret: false}, diagnostics);
}

function authIdentity(args: string): string | undefined {
	const [mechanism, initial] = args.trim().split(/\s+/);
	if (!mechanism || !initial || initial === '=') return undefined;
	return identityOf(mechanism, initial);
}

/** A known verb one typo away (a swap, a missing, extra or wrong letter), for "did you mean MAIL?". */
export function nearestVerb(verb: string, known: readonly string[]): string | undefined {
	return known.find(candidate => candidate.length >= 3 && oneEditAway(verb, candidate));
}

function oneEditAway(a: string, b: string): boolean {
	if (a === b || Math.abs(a.length - b.length) > 1) return false;
	if (a.length === b.length) {
		const differ = [...a].flatMap((character, index) => (character === b[index] ? [] : [index]));
		// One wrong letter, or two neighbours swapped (MIAL for MAIL).
		return differ.length === 1 || (differ.length === 2 && differ[1] === differ[0]! + 1 && a[differ[0]!] === b[differ[1]!] && a[differ[1]!] === b[differ[0]!]);
	}

	const [short, long] = a.length < b.length ? [a, b] : [b, a];
	for (let index = 0; index < long.length; index++) if (long.slice(0, index) + long.slice(index + 1) === short) return true;
	return false;
}
