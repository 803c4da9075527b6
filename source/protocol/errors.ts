import type {Reply} from './reply.js';
import {replyText} from './reply.js';

/**
The ways a session goes wrong, as types. Code that reacts to a failure branches on the
class and its fields (a reply's code, a transport failure's kind, a TLS failure's reason),
never on the words of the message, which are for people and may change.
*/

/** Where in a session a failure happened: what the client was doing. */
export type Stage = 'connect' | 'proxy' | 'tls' | 'greeting' | 'ehlo' | 'starttls' | 'xclient' | 'auth' | 'mail' | 'rcpt' | 'data' | 'quit' | 'command';

export abstract class SessionFailure extends Error {
	abstract readonly type: 'reply' | 'violation' | 'transport' | 'tls' | 'not-sent' | 'usage';
}

/** The server answered, and the answer ends this step (a 4xx or 5xx, or a 421 anywhere). */
export class SmtpReplyError extends SessionFailure {
	readonly type = 'reply' as const;
	readonly code: number;
	readonly enhanced: string | undefined;
	/** The reply's text, lines joined with newlines; invalid bytes as decodeLenient keeps them. */
	readonly text: string;

	constructor(
		readonly reply: Reply,
		readonly phase: Stage,
		message?: string,
	) {
		super(message ?? `${reply.code} ${replyText(reply)}`);
		this.code = reply.code;
		this.enhanced = reply.enhanced?.code;
		this.text = replyText(reply);
	}

	/** RFC 5321 3.8: a 421 ends the session, whatever it answered. */
	get closesSession(): boolean {
		return this.code === 421;
	}
}

/** The server broke the reply grammar (RFC 5321 4.2): nothing after it can be trusted to pair. */
export class ProtocolViolation extends SessionFailure {
	readonly type = 'violation' as const;
	constructor(
		message: string,
		readonly raw?: Uint8Array,
	) {
		super(message);
	}
}

export type TransportKind = 'refused' | 'dns' | 'unreachable' | 'timeout' | 'reset' | 'closed' | 'cancelled' | 'proxy';

/** The connection could not be made, or was lost: no reply came. */
export class TransportError extends SessionFailure {
	readonly type = 'transport' as const;
	constructor(
		readonly kind: TransportKind,
		message: string,
	) {
		super(message);
	}
}

export type TlsReason = 'expired' | 'hostname' | 'unknown-ca' | 'self-signed' | 'revoked' | 'handshake' | 'not-offered';

/** TLS could not be set up, or the certificate is not to be trusted. */
export class TlsError extends SessionFailure {
	readonly type = 'tls' as const;
	constructor(
		readonly reason: TlsReason,
		message: string,
	) {
		super(message);
	}
}

export type NotSentReason = 'blocked' | 'plaintext-credentials' | 'closed' | 'queue-stopped' | 'not-in-data';

/** The client kept a line back: the validator refused it, or the session could not take it. */
export class NotSent extends SessionFailure {
	readonly type = 'not-sent' as const;
	constructor(
		readonly reason: NotSentReason,
		message: string,
	) {
		super(message);
	}
}

/** The command line or a script asks for something impossible; nothing was sent. */
export class UsageError extends SessionFailure {
	readonly type = 'usage' as const;
}

export type SessionError = SmtpReplyError | ProtocolViolation | TransportError | TlsError | NotSent;
