import {hasExtension} from './ehlo.js';
import type {SessionState} from './session.js';

/**
RFC 2920 3.1: with PIPELINING, RSET, MAIL and RCPT may appear anywhere in a group, and any
other command may only end one (EHLO, DATA, VRFY, EXPN, TURN, QUIT, NOOP, and commands of
other extensions such as STARTTLS and AUTH). Without PIPELINING, one command at a time.
*/
export const groupableVerbs: ReadonlySet<string> = new Set(['RSET', 'MAIL', 'RCPT']);

/** True when a new command may be written now, without waiting for the replies still due. */
export function canSendNow(state: SessionState): boolean {
	if (state.pending.length === 0) return true;
	if (!hasExtension(state.ehlo, 'PIPELINING')) return false;
	return state.pending.every(command => command.kind === 'command' && groupableVerbs.has(command.verb));
}
