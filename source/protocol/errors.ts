import {messages, type Messages} from '../i18n/messages.js';
import type {Reply} from './reply.js';
import {replyText} from './reply.js';

/**
The ways a session goes wrong, as types. Code that reacts to a failure branches on the
class and its fields (a reply's code, a transport failure's kind, a TLS failure's reason),
never on the words of the message, which are for people and may change.
*/

/** Where in a session a failure happened: what the client was doing. */
export type Stage = 'connect' | 'proxy' | 'tls' | 'greeting' | 'ehlo' | 'starttls' | 'xclient' | 'auth' | 'mail' | 'rcpt' | 'data' | 'quit' | 'command';

/**
An error's words, from the message table of the reader's language. The error keeps its
parameters in the closure and no language of its own: its `message` is these words in
English (what JSON and programs read), and a person is shown `failureText(error, t)`.
*/
export type Wording = (t: Messages) => string;

/** The English words of a message given as text or as a wording. */
export const inEnglish = (words: string | Wording): string => (typeof words === 'string' ? words : words(messages('en')));

export abstract class SessionFailure extends Error {
	abstract readonly type: 'reply' | 'violation' | 'transport' | 'tls' | 'not-sent' | 'usage';
	/** The words in any language, when the error was given them as a wording. */
	readonly wording: Wording | undefined;

	constructor(words: string | Wording) {
		super(inEnglish(words));
		this.wording = typeof words === 'string' ? undefined : words;
	}
}

/**
What an error says to a person who reads `t`'s language: its wording in that language, or
its message when it has no wording (text that is not ours, such as the system's).
*/
export function failureText(error: Error, t: Messages): string {
	return error instanceof SessionFailure && error.wording ? error.wording(t) : error.message;
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
		message?: string | Wording,
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
		message: string | Wording,
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
		message: string | Wording,
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
		message: string | Wording,
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
		message: string | Wording,
	) {
		super(message);
	}
}

/** The command line or a script asks for something impossible; nothing was sent. */
export class UsageError extends SessionFailure {
	readonly type = 'usage' as const;
}

export type SessionError = SmtpReplyError | ProtocolViolation | TransportError | TlsError | NotSent;
