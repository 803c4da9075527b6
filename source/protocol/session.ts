import {text as say} from '../i18n/messages.js';
import {type EhloInfo, parseEhlo} from './ehlo.js';
import type {Phase} from './phase.js';
import {isPositive, type Reply, replyText} from './reply.js';

/** A reply boiled down to what the state needs to remember. */
export type ReplySummary = {code: number; enhanced?: string; text: string};

export function summarizeReply(reply: Reply): ReplySummary {
	const summary: ReplySummary = {code: reply.code, text: replyText(reply)};
	if (reply.enhanced) summary.enhanced = reply.enhanced.code;
	return summary;
}

/** The peer certificate, in the words the sidebar and the transcript use. */
export type CertificateSummary = {
	subject: string;
	altNames: string[];
	issuer: string;
	validFrom: string;
	validTo: string;
	/** SHA-256 fingerprint, colon-separated hex. */
	fingerprint256: string;
	selfSigned: boolean;
};

/** The negotiated TLS channel. */
export type TlsState = {
	via: 'implicit' | 'starttls';
	protocol: string;
	cipher: string;
	/** True when the certificate was verified against the host the user named. */
	verified: boolean;
	/** True when the user turned verification off (`--insecure`). */
	insecure: boolean;
	/** Why verification failed, when it was off and would have failed. */
	verifyError?: string;
	/** The name the certificate was checked against, and sent as SNI. */
	servername?: string;
	peer?: CertificateSummary;
};

/** What a sent line was, for pairing its reply. */
export type SentKind =
	/** An SMTP command. */
	| 'command'
	/** A SASL response line sent after a 334 (RFC 4954 4). */
	| 'sasl-response'
	/** The message body and its final dot, after a 354. */
	| 'data-end'
	/** A BDAT command with its chunk (RFC 3030 2). */
	| 'bdat';

/** A line sent and waiting for its reply: the FIFO pairs replies by order, never by timing. */
export type SentCommand = {
	id: number;
	kind: SentKind;
	/** Upper-case verb ('' for SASL responses and message bodies). */
	verb: string;
	/** The argument text after the verb. */
	args: string;
	/** What the transcript shows (secrets already redacted). */
	display: string;
	/** True for lines that carry credentials. */
	secret: boolean;
	/** For BDAT: whether this chunk was the LAST one. */
	last?: boolean;
	/** For AUTH and SASL responses: the user name the line carries, when it can be read (not secret). */
	identity?: string;
	/** LMTP: the accepted recipient whose delivery reply this end of data waits for (RFC 2033 4.2). */
	recipient?: string;
	/** When it was written, in ms since the epoch. */
	sentAt: number;
};

export type EnvelopeStatus = 'pending' | 'accepted' | 'rejected';

export type EnvelopeAddress = {
	address: string;
	status: EnvelopeStatus;
	reply?: ReplySummary;
	/** The parameters given with it, upper-cased keys: `['SIZE=123', 'BODY=8BITMIME']`. */
	params?: string[];
	/** LMTP: this recipient's own reply after the message (RFC 2033 4.2). */
	delivery?: ReplySummary;
};

export type Envelope = {
	from?: EnvelopeAddress;
	recipients: EnvelopeAddress[];
	/** The body's progress: not sent, sent and awaiting the final reply, or being sent in BDAT chunks. */
	body: 'none' | 'sent' | 'chunks';
};

/** How the last transaction ended, so the screen can still show it after the envelope resets. */
export type TransactionResult = {from: string; recipients: EnvelopeAddress[]; reply: ReplySummary; accepted: boolean};

/** True once LHLO was accepted: the server speaks LMTP (RFC 2033). */
export const speaksLmtp = (state: SessionState) => state.hello?.verb === 'LHLO';

export type SessionState = {
	phase: Phase;
	/** The 220 banner (or the refusal in its place). */
	greeting?: ReplySummary;
	/** True when the banner was not a 220: only QUIT makes sense (RFC 5321 3.1). */
	greetingRefused: boolean;
	/** The verb of the accepted greeting command, and the name given. */
	hello?: {verb: 'EHLO' | 'HELO' | 'LHLO'; name: string};
	ehlo?: EhloInfo;
	/** The EHLO reply from before STARTTLS, kept to show what TLS changed. */
	ehloBeforeTls?: EhloInfo;
	tls?: TlsState;
	/** After a STARTTLS upgrade, until a new EHLO is accepted (RFC 3207 4.2). */
	needsEhlo: boolean;
	/** Set once AUTH succeeded (235). */
	auth?: {mechanism: string; identity?: string};
	/** A SASL exchange in progress: the server sent 334 and expects a response line. */
	sasl?: {mechanism: string; identity?: string; rounds: number};
	/**
	The last AUTH that ended without 235, until one succeeds: `cancelled` when the client
	answered a 334 with "*" and got 501 (RFC 4954 4). The walk offers AUTH again, not MAIL.
	*/
	authFailure?: {mechanism: string; code: number; cancelled: boolean};
	envelope: Envelope;
	lastTransaction?: TransactionResult;
	/** Sent lines awaiting replies, oldest first. */
	pending: SentCommand[];
	/** Replies that came with nothing pending (RFC 2920 3.1: never paired with a later command). */
	unsolicited: number;
	/** Set when the reply stream can no longer be trusted (a protocol violation). */
	desynchronized?: string;
	/** Why the session ended or is ending. */
	closedReason?: string;
};

export type SessionEvent =
	| {type: 'connecting'}
	| {type: 'connected'; tls?: TlsState}
	| {type: 'sent'; command: SentCommand}
	| {type: 'reply'; reply: Reply}
	| {type: 'violation'; message: string}
	| {type: 'tls-established'; tls: TlsState}
	| {type: 'closed'; reason: string};

const emptyEnvelope = (): Envelope => ({recipients: [], body: 'none'});

export function initialSessionState(): SessionState {
	return {phase: 'disconnected', greetingRefused: false, needsEhlo: false, envelope: emptyEnvelope(), pending: [], unsolicited: 0};
}

/** Phases in which the connection is open. */
export function isOpen(state: SessionState): boolean {
	return state.phase !== 'disconnected' && state.phase !== 'closed' && state.phase !== 'connecting';
}

/** After 354, before the message went: the server reads message lines, not commands. */
export function awaitingBody(state: SessionState): boolean {
	return state.phase === 'data' && state.envelope.body === 'none';
}

/** The phase to return to when a transaction ends or is reset. */
function idlePhase(state: SessionState): Phase {
	return state.hello ? 'greeted' : 'connected';
}

export function sessionReducer(state: SessionState, event: SessionEvent): SessionState {
	switch (event.type) {
		case 'connecting': {
			// A new connection forgets everything the last server said (C7).
			return {...initialSessionState(), phase: 'connecting'};
		}

		case 'connected': {
			return {...state, phase: 'greeting', ...(event.tls ? {tls: event.tls} : {})};
		}

		case 'sent': {
			return applySent({...state, pending: [...state.pending, event.command]}, event.command);
		}

		case 'reply': {
			const [command, ...rest] = state.pending;
			if (!command) return applyUnpairedReply(state, event.reply);
			return applyReply({...state, pending: rest}, command, event.reply);
		}

		case 'violation': {
			// The reply that was due cannot be trusted; its command counts as failed.
			return {...state, pending: state.pending.slice(1), sasl: undefined, desynchronized: event.message};
		}

		case 'tls-established': {
			// RFC 3207 4.2: discard all knowledge obtained before TLS; the client sends EHLO first.
			return {
				...state,
				phase: 'connected',
				tls: event.tls,
				ehloBeforeTls: state.ehlo ?? state.ehloBeforeTls,
				ehlo: undefined,
				hello: undefined,
				auth: undefined,
				sasl: undefined,
				authFailure: undefined,
				needsEhlo: true,
				envelope: emptyEnvelope(),
			};
		}

		case 'closed': {
			return {...state, phase: 'closed', pending: [], sasl: undefined, closedReason: state.closedReason ?? event.reason};
		}
	}
}

function applySent(state: SessionState, command: SentCommand): SessionState {
	const {envelope} = state;
	if (command.kind === 'data-end') return {...state, envelope: {...envelope, body: 'sent'}};
	if (command.kind === 'bdat') return {...state, phase: 'bdat', envelope: {...envelope, body: 'chunks'}};
	if (command.verb === 'MAIL') {
		return {...state, envelope: {...emptyEnvelope(), from: {address: pathOf(command.args), status: 'pending', params: paramsOf(command.args)}}};
	}

	if (command.verb === 'RCPT') {
		return {...state, envelope: {...envelope, recipients: [...envelope.recipients, {address: pathOf(command.args), status: 'pending'}]}};
	}

	return state;
}

/** The parameters after the path: `FROM:<a@b> size=1 SMTPUTF8` gives `['SIZE=1', 'SMTPUTF8']`. */
export function paramsOf(args: string): string[] {
	const close = args.indexOf('>');
	const rest = close === -1 ? '' : args.slice(close + 1);
	return rest
		.split(/\s+/)
		.filter(Boolean)
		.map(word => {
			const equals = word.indexOf('=');
			return equals === -1 ? word.toUpperCase() : `${word.slice(0, equals).toUpperCase()}${word.slice(equals)}`;
		});
}

/** The address inside `FROM:<a@b> SIZE=1` or `TO:<c@d>`. */
export function pathOf(args: string): string {
	const match = /<([^>]*)>/.exec(args);
	if (match) return match[1]!;
	return args.replace(/^(from|to):\s*/i, '').split(/\s+/)[0] ?? '';
}

function applyUnpairedReply(state: SessionState, reply: Reply): SessionState {
	if (state.phase === 'greeting') {
		const greeting = summarizeReply(reply);
		if (reply.code === 220) return {...state, phase: 'connected', greeting};
		// RFC 5321 3.1: 554 instead of 220 means no service; 421 means it is closing.
		if (reply.code === 421) return {...state, phase: 'closing', greeting, greetingRefused: true, closedReason: say()['closed.bannerRefused'](greeting.text)};
		return {...state, phase: 'connected', greeting, greetingRefused: true};
	}

	if (reply.code === 421) return closing(state, reply);
	return {...state, unsolicited: state.unsolicited + 1};
}

function closing(state: SessionState, reply: Reply): SessionState {
	// RFC 5321 3.8: 421 can answer any command; the server closes, and the client must not go on.
	return {...state, phase: 'closing', pending: [], sasl: undefined, closedReason: say()['closed.closing421'](replyText(reply))};
}

function applyReply(state: SessionState, command: SentCommand, reply: Reply): SessionState {
	if (reply.code === 421) return closing(state, reply);
	const ok = isPositive(reply.code);
	const summary = summarizeReply(reply);

	if (command.kind === 'sasl-response') return applySaslReply(state, command, reply);
	if (command.kind === 'data-end') return command.recipient === undefined ? endTransaction(state, summary) : applyDelivery(state, command.recipient, summary);
	if (command.kind === 'bdat') {
		if (!ok) return {...state, phase: state.envelope.recipients.some(r => r.status === 'accepted') ? 'rcpt' : 'mail', envelope: {...state.envelope, body: 'none'}};
		return command.last ? endTransaction(state, summary) : state;
	}

	switch (command.verb) {
		case 'EHLO':
		case 'LHLO':
		case 'HELO': {
			if (reply.code !== 250) return state;
			// RFC 5321 4.1.4: a new EHLO/HELO also resets any transaction, as RSET does.
			return {
				...state,
				phase: 'greeted',
				hello: {verb: command.verb, name: command.args.trim()},
				ehlo: command.verb === 'HELO' ? undefined : parseEhlo(reply),
				needsEhlo: false,
				envelope: emptyEnvelope(),
			};
		}

		case 'STARTTLS': {
			return reply.code === 220 ? {...state, phase: 'tls-handshake'} : state;
		}

		case 'XCLIENT': {
			// XCLIENT_README: success is a new 220 greeting; the server starts over as if the
			// named client had connected, so what it advertised and who signed in are gone.
			if (reply.code !== 220) return state;
			return {...state, phase: 'connected', greeting: summary, hello: undefined, ehlo: undefined, auth: undefined, sasl: undefined, authFailure: undefined, envelope: emptyEnvelope()};
		}

		case 'AUTH': {
			const mechanism = (command.args.trim().split(/\s+/)[0] ?? '').toUpperCase();
			const identity = command.identity ? {identity: command.identity} : {};
			if (reply.code === 334) return {...state, sasl: {mechanism, rounds: 1, ...identity}};
			if (reply.code === 235) return {...state, sasl: undefined, authFailure: undefined, auth: {mechanism, ...identity}};
			return {...state, sasl: undefined, authFailure: {mechanism, code: reply.code, cancelled: false}};
		}

		case 'MAIL': {
			const from = state.envelope.from;
			const updated = from ? {...from, status: ok ? 'accepted' : 'rejected', reply: summary} as EnvelopeAddress : undefined;
			return {...state, phase: ok ? 'mail' : state.phase, envelope: {...state.envelope, ...(updated ? {from: updated} : {})}};
		}

		case 'RCPT': {
			const recipients = [...state.envelope.recipients];
			const index = recipients.findIndex(recipient => recipient.status === 'pending');
			if (index !== -1) recipients[index] = {...recipients[index]!, status: ok ? 'accepted' : 'rejected', reply: summary};
			const phase = ok && (state.phase === 'mail' || state.phase === 'rcpt') ? 'rcpt' : state.phase;
			return {...state, phase, envelope: {...state.envelope, recipients}};
		}

		case 'DATA': {
			return reply.code === 354 ? {...state, phase: 'data'} : state;
		}

		case 'RSET': {
			return ok ? {...state, phase: idlePhase(state), envelope: emptyEnvelope()} : state;
		}

		case 'QUIT': {
			return {...state, phase: 'closing', closedReason: state.closedReason ?? 'QUIT'};
		}

		default: {
			return state;
		}
	}
}

function applySaslReply(state: SessionState, command: SentCommand, reply: Reply): SessionState {
	const sasl = state.sasl && command.identity ? {...state.sasl, identity: command.identity} : state.sasl;
	if (reply.code === 334 && sasl) return {...state, sasl: {...sasl, rounds: sasl.rounds + 1}};
	if (reply.code === 235 && sasl) {
		return {...state, sasl: undefined, authFailure: undefined, auth: {mechanism: sasl.mechanism, ...(sasl.identity ? {identity: sasl.identity} : {})}};
	}

	// RFC 4954 4: a "*" answer cancels the exchange, and the server must reply 501.
	const cancelled = command.args.trim() === '*' && reply.code === 501;
	return {...state, sasl: undefined, ...(sasl ? {authFailure: {mechanism: sasl.mechanism, code: reply.code, cancelled}} : {})};
}

/**
RFC 2033 4.2: after the message an LMTP server sends one reply per accepted recipient, in
RCPT order; the transaction ends with the last, and succeeded for those that got 250.
*/
function applyDelivery(state: SessionState, recipient: string, reply: ReplySummary): SessionState {
	const recipients = [...state.envelope.recipients];
	const index = recipients.findIndex(entry => entry.address === recipient && entry.status === 'accepted' && !entry.delivery);
	if (index !== -1) recipients[index] = {...recipients[index]!, delivery: reply};
	const envelope = {...state.envelope, recipients};
	if (state.pending.some(command => command.kind === 'data-end')) return {...state, envelope};
	return endTransaction({...state, envelope}, reply, recipients.some(entry => entry.delivery?.code === 250));
}

function endTransaction(state: SessionState, reply: ReplySummary, accepted = reply.code === 250): SessionState {
	// RFC 5321 4.1.1.4: whatever the reply to the end of data, the transaction is over.
	const lastTransaction: TransactionResult = {
		from: state.envelope.from?.address ?? '',
		recipients: state.envelope.recipients,
		reply,
		accepted,
	};
	return {...state, phase: idlePhase(state), envelope: emptyEnvelope(), lastTransaction};
}

/** Accepted recipients, and those whose reply is still due (PIPELINING). */
export function recipientCounts(envelope: Envelope) {
	let accepted = 0;
	let pending = 0;
	let rejected = 0;
	for (const recipient of envelope.recipients) {
		if (recipient.status === 'accepted') accepted++;
		else if (recipient.status === 'pending') pending++;
		else rejected++;
	}

	return {accepted, pending, rejected};
}
