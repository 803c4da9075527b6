import {NotSent, ProtocolViolation, type SessionError, SmtpReplyError, type Stage, TlsError, TransportError} from '../protocol/errors.js';

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

/** What each code means, in the words --help and the README use. */
export const exitMeanings: Record<ExitName, string> = {
	ok: 'done: every step went through',
	expectation: 'an EXPECT in the script did not hold (run)',
	usage: 'usage error, or an error in the script: nothing was sent',
	connect: 'could not connect (DNS, refused, unreachable, connect timeout)',
	tls: 'TLS failed (handshake, certificate), or STARTTLS was required and refused or not offered',
	greeting: 'the banner refused service (554, 421), never came, or a reply broke the protocol',
	ehlo: 'EHLO (and HELO) refused',
	auth: 'AUTH failed or is not offered, or a password would have gone out in plaintext',
	sender: 'MAIL FROM refused, or the server cannot take the message (SMTPUTF8, SIZE)',
	recipients: 'every recipient was refused (send)',
	someRecipients: 'sent, but some recipients were refused (send)',
	data: 'DATA or the message itself refused (also --bdat without CHUNKING)',
	lost: 'the server ended the session (421 after the banner), or the connection was lost or timed out',
	proxy: 'the SOCKS proxy failed (refused, sign-in refused, or it would not reach the server)',
	xclient: 'XCLIENT refused (--xclient)',
	transcript: 'done, but a write to the --transcript file failed: the file lacks lines',
};

/** The "Exit codes" section of a command's --help: the codes it can return, from the table. */
export function exitCodesHelp(names: readonly ExitName[]): string {
	const rows = names.map(name => `\t  ${String(exitCodes[name]).padEnd(3)} ${exitMeanings[name]}`);
	return `\tExit codes (the same table for probe, send and run)\n${rows.join('\n')}`;
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
*/
export class Stopped {
	constructor(
		readonly exitCode: number,
		readonly message: string,
		readonly failure?: {stage: Stage; error: SessionError},
	) {}

	/** A stop caused by a session error: the code comes from the table. */
	static by(error: SessionError, stage: Stage, message = error.message): Stopped {
		return new Stopped(exitCodeFor(error, stage), message, {stage, error});
	}
}
