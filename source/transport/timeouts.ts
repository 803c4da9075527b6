import {sanitizeForDisplay} from '../protocol/sanitize.js';

/**
Every wait has a deadline. The defaults are RFC 5321 4.5.3.2's minimums for the client:
a server may take this long, so giving up sooner risks losing mail or duplicating it.
*/
export type Timeouts = {
	/** TCP connect (and, for implicit TLS, the handshake). Not in the RFC; 30 s as curl and swaks. */
	connect: number;
	/** The 220 banner: 5 minutes (RFC 5321 4.5.3.2.1). */
	greeting: number;
	/** MAIL: 5 minutes (4.5.3.2.2). */
	mail: number;
	/** RCPT: 5 minutes (4.5.3.2.3). */
	rcpt: number;
	/** DATA until its 354: 2 minutes (4.5.3.2.4). */
	dataStart: number;
	/** Each block of the message body, and each BDAT chunk: 3 minutes (4.5.3.2.5). */
	dataBlock: number;
	/** After the final dot: 10 minutes (4.5.3.2.6); the server may be delivering. */
	dataEnd: number;
	/** Any other command (EHLO, STARTTLS, AUTH, NOOP...): 5 minutes, as for MAIL. */
	command: number;
	/** The TLS handshake after STARTTLS. */
	tlsHandshake: number;
	/** How long QUIT waits for its 221 before the connection is closed anyway. */
	quit: number;
};

const minute = 60_000;

export const defaultTimeouts: Timeouts = {
	connect: 30_000,
	greeting: 5 * minute,
	mail: 5 * minute,
	rcpt: 5 * minute,
	dataStart: 2 * minute,
	dataBlock: 3 * minute,
	dataEnd: 10 * minute,
	command: 5 * minute,
	tlsHandshake: minute,
	quit: 3000,
};

/** Where each timeout comes from, for messages. */
export const timeoutSources: Record<keyof Timeouts, string> = {
	connect: 'connect timeout',
	greeting: 'RFC 5321 4.5.3.2.1',
	mail: 'RFC 5321 4.5.3.2.2',
	rcpt: 'RFC 5321 4.5.3.2.3',
	dataStart: 'RFC 5321 4.5.3.2.4',
	dataBlock: 'RFC 5321 4.5.3.2.5',
	dataEnd: 'RFC 5321 4.5.3.2.6',
	command: 'command timeout',
	tlsHandshake: 'TLS handshake timeout',
	quit: 'QUIT timeout',
};

/** The timeout that applies while waiting for the reply to this command. */
export function timeoutFor(kind: string, verb: string): keyof Timeouts {
	if (kind === 'data-end') return 'dataEnd';
	if (kind === 'bdat') return 'dataBlock';
	if (verb === 'MAIL') return 'mail';
	if (verb === 'RCPT') return 'rcpt';
	if (verb === 'DATA') return 'dataStart';
	if (verb === 'QUIT') return 'quit';
	return 'command';
}

/** The longest wait a Node timer can hold (2^31-1 ms, about 24.8 days): a longer one would fire at once. */
export const maxTimeoutMs = 2 ** 31 - 1;

/** Parses "30s", "5m", "1500ms" or a bare number of seconds into milliseconds; undefined when not one, or beyond what a timer holds. */
export function parseDuration(text: string): number | undefined {
	const match = /^(\d+(?:\.\d+)?)(ms|s|m)?$/.exec(text.trim());
	if (!match) return undefined;
	const value = Number(match[1]);
	const unit = match[2] ?? 's';
	const ms = Math.round(unit === 'ms' ? value : unit === 's' ? value * 1000 : value * minute);
	return ms > 0 && ms <= maxTimeoutMs ? ms : undefined;
}

/** A duration flag's value checked at the door, with the message a usage error shows (the value made safe to print). */
export function durationFlag(flag: string, text: string): {ok: true; ms: number} | {ok: false; error: string} {
	const ms = parseDuration(text);
	if (ms !== undefined) return {ok: true, ms};
	const shown = `--${flag} "${sanitizeForDisplay(text)}"`;
	if (/^\s*\d+(?:\.\d+)?(ms|s|m)?\s*$/.test(text) && Number.parseFloat(text) > 0) {
		return {ok: false, error: `${shown} is longer than a timer can wait (at most ${maxTimeoutMs} ms, about 24.8 days)`};
	}

	return {ok: false, error: `${shown} is not a duration such as 30s, 2m or 1500ms`};
}

// Pure, so the UI may use it too without reaching into transport.
export {formatDuration} from '../protocol/duration.js';
