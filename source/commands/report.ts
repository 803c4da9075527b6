import {type SessionError, SmtpReplyError, TlsError, TransportError} from '../protocol/errors.js';
import {sanitizeForDisplay} from '../protocol/sanitize.js';
import type {SessionWarning} from '../session/controller.js';

/**
What probe, send and run report about a failure and about warnings, the same way in each:
one escaped line on stderr, and a JSON object that carries the server's reply whole.
*/

export type FailureJson = {
	stage: string;
	message: string;
	type: SessionError['type'];
	reply?: {code: number; enhanced?: string; text: string};
	kind?: string;
	reason?: string;
};

export function failureJson(stage: string, error: SessionError): FailureJson {
	return {
		stage,
		message: error.message,
		type: error.type,
		...(error instanceof SmtpReplyError ? {reply: {code: error.code, ...(error.enhanced ? {enhanced: error.enhanced} : {}), text: error.text}} : {}),
		...(error instanceof TransportError ? {kind: error.kind} : {}),
		...(error instanceof TlsError ? {reason: error.reason} : {}),
	};
}

export type WarningJson = {kind: SessionWarning['kind']; bytes: number; text: string};

export const warningsJson = (warnings: readonly SessionWarning[]): WarningJson[] => warnings.map(({kind, bytes, text}) => ({kind, bytes, text}));

/** One stderr line per warning, escaped. */
export function warningLines(command: string, warnings: readonly SessionWarning[]): string {
	return warnings
		.map(warning => `smtp-explorer ${command}: warning: possible STARTTLS response injection: the server sent ${warning.bytes} bytes after its 220 to STARTTLS, before TLS began; they were discarded unread: ${sanitizeForDisplay(warning.text)}\n`)
		.join('');
}
