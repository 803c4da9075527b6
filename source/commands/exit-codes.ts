import {messages, type Messages} from '../i18n/messages.js';
import {failureText, inEnglish, NotSent, ProtocolViolation, type SessionError, SmtpReplyError, type Stage, TlsError, TransportError, type Wording} from '../protocol/errors.js';

/**
The one exit-code table of probe, send and run. A code names the stage that failed, and
means the same in every command; each command's --help lists the codes it can return,
from here, and the README shows the whole table.
*/

export const exitCodes = {
	ok: 0,
	expectation: 1,
	usage: 2,
	connect: 3,
	tls: 4,
	greeting: 5,
	ehlo: 6,
	auth: 7,
	sender: 8,
	recipients: 9,
	someRecipients: 10,
	data: 11,
	lost: 12,
	proxy: 13,
	xclient: 14,
	transcript: 15,
} as const;

export type ExitName = keyof typeof exitCodes;

/** What each code means, in the words --help and the README use (English; the tables have each language's). */
export const exitMeanings = Object.fromEntries(Object.keys(exitCodes).map(name => [name, messages('en')[`exit.${name as ExitName}`]])) as Record<ExitName, string>;

/** The "Exit codes" section of a command's --help: the codes it can return, from the table. */
export function exitCodesHelp(names: readonly ExitName[], t: Messages = messages('en')): string {
	const rows = names.map(name => `\t  ${String(exitCodes[name]).padEnd(3)} ${t[`exit.${name}`]}`);
	return `\t${t['exit.heading']}\n${rows.join('\n')}`;
}

const stageCodes: Record<Stage, number> = {
	connect: exitCodes.connect,
	proxy: exitCodes.proxy,
	xclient: exitCodes.xclient,
	tls: exitCodes.tls,
	greeting: exitCodes.greeting,
	ehlo: exitCodes.ehlo,
	starttls: exitCodes.tls,
	auth: exitCodes.auth,
	mail: exitCodes.sender,
	rcpt: exitCodes.recipients,
	data: exitCodes.data,
	quit: exitCodes.lost,
	command: exitCodes.lost,
};

/**
The exit code for a failure at `stage`, decided by the error's type and fields: a 421 after
the banner ends the session (lost); no reply at all is lost, unless the connection was never
made; a refusal counts for the stage it answered.
*/
export function exitCodeFor(error: SessionError, stage: Stage): number {
	if (error instanceof TlsError) return exitCodes.tls;
	if (error instanceof ProtocolViolation) return exitCodes.greeting;
	if (error instanceof TransportError) {
		if (error.kind === 'proxy') return exitCodes.proxy;
		return stage === 'connect' ? exitCodes.connect : stage === 'greeting' ? exitCodes.greeting : exitCodes.lost;
	}
	if (error instanceof SmtpReplyError) {
		if (error.phase === 'greeting' || stage === 'greeting') return exitCodes.greeting;
		if (error.closesSession) return exitCodes.lost;
		return stageCodes[stage];
	}

	if (error instanceof NotSent) {
		if (error.reason === 'plaintext-credentials') return exitCodes.auth;
		if (error.reason === 'closed') return exitCodes.lost;
		// Kept back in the middle of a step (an AUTH exchange cut off): that step failed.
		return stage === 'command' ? exitCodes.usage : stageCodes[stage];
	}

	return exitCodes.usage;
}

/**
Why a command stopped: its exit code, the line for stderr, and, when the session said so,
the stage and the typed error behind it (for JSON). probe, send and run all stop this way.
The line is kept in English (`message`, what send --json reports) and, when given as a
wording, can be said in the reader's language (`say`).
*/
export class Stopped {
	readonly message: string;
	private readonly wording: Wording | undefined;

	constructor(
		readonly exitCode: number,
		words: string | Wording,
		readonly failure?: {stage: Stage; error: SessionError},
	) {
		this.message = inEnglish(words);
		this.wording = typeof words === 'string' ? undefined : words;
	}

	/** A stop caused by a session error: the code comes from the table; the line is the error's own unless given. */
	static by(error: SessionError, stage: Stage, words: string | Wording = t => failureText(error, t)): Stopped {
		return new Stopped(exitCodeFor(error, stage), words, {stage, error});
	}

	/** The line in the language of `t`, for a person. */
	say(t: Messages): string {
		return this.wording ? this.wording(t) : this.message;
	}
}
