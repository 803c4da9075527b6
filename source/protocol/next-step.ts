import {hasExtension} from './ehlo.js';
import {recipientCounts, type SessionState} from './session.js';

/**
The next command of a typical session for the current state: what a learner would send
next, and why. It drives the walk (Ctrl+N) and the sidebar's suggestions.
*/
export type NextStep = {
	/** The line to put in the composer ('' when nothing can be sent). */
	line: string;
	/** The verb, for looking up the catalog entry ('' for a message body or a reconnect). */
	verb: string;
	/** One sentence: why this step now. */
	why: string;
	/** What reply to expect. */
	expect: string;
	/** Optional commands that fit here too, beside the main step (Ctrl+N again offers each). */
	also: SideStep[];
};

/** An optional command the walk offers beside its main step: a line, its verb, and why. */
export type SideStep = {line: string; verb: string; why: string};

/** The keys the walk names, as the keymap spells them (the protocol layer knows no keys). */
export type WalkKeys = {reconnect: string; messageEditor: string};

export type WalkPlan = {
	ehloName: string;
	/** Use STARTTLS when offered (default true). */
	startTls?: boolean;
	/** AUTH when offered and a user name is known. */
	user?: string;
	/** The server speaks LMTP: greet with LHLO (RFC 2033 4.1), never HELO. */
	lmtp?: boolean;
	from?: string;
	to?: string[];
};

export function suggestNext(state: SessionState, plan: WalkPlan, keys: WalkKeys): NextStep {
	const step = mainStep(state, plan, keys);
	return {...step, also: step.line === '' ? [] : sideSteps(state, plan)};
}

function mainStep(state: SessionState, plan: WalkPlan, keys: WalkKeys): Omit<NextStep, 'also'> {
	const from = plan.from ?? `${plan.user ?? 'me'}@example.com`;
	const [firstRecipient = 'alice@example.org'] = plan.to ?? [];
	switch (state.phase) {
		case 'disconnected':
		case 'closed': {
			return {line: '', verb: '', why: `The session is closed; press ${keys.reconnect} to connect again.`, expect: 'a 220 banner'};
		}

		case 'connecting':
		case 'greeting': {
			return {line: '', verb: '', why: 'Wait for the server\'s 220 banner before sending anything (RFC 5321 3.1).', expect: 'a 220 banner'};
		}

		case 'tls-handshake': {
			return {line: '', verb: '', why: 'The TLS handshake is under way.', expect: 'TLS established'};
		}

		case 'closing': {
			return {line: '', verb: '', why: 'The server is closing the connection.', expect: 'the connection to close'};
		}

		case 'data': {
			return state.envelope.body === 'none'
				? {line: '', verb: '', why: `The server is waiting for the message: open the message editor with ${keys.messageEditor}, or type lines and end with a lone ".".`, expect: '250 once the final "." is sent'}
				: {line: '', verb: '', why: 'The message is sent; wait for the server\'s verdict on it.', expect: '250 (queued) or a 4xx/5xx refusal'};
		}

		case 'bdat': {
			return {line: '', verb: '', why: 'Chunks are being sent; the last one carries LAST.', expect: '250 for each chunk'};
		}

		default: {
			break;
		}
	}

	if (state.greetingRefused) return {line: 'QUIT', verb: 'QUIT', why: 'The server refused service in its banner; QUIT is all that is left.', expect: '221 and the connection closes'};
	if (state.sasl) return {line: '', verb: 'AUTH', why: 'The server sent a 334 challenge: answer it in base64, or send * to cancel.', expect: '334 for another round, 235 when accepted'};
	if (!state.hello) {
		if (plan.lmtp) return {line: `LHLO ${plan.ehloName}`, verb: 'LHLO', why: 'Greet the LMTP server with LHLO, its EHLO (RFC 2033 4.1).', expect: '250 with a list of extensions'};
		return {line: `EHLO ${plan.ehloName}`, verb: 'EHLO', why: state.needsEhlo ? 'TLS is up: greet again, since everything learned before TLS was forgotten (RFC 3207 4.2).' : 'Greet the server and learn which extensions it offers.', expect: '250 with a list of extensions'};
	}

	if (state.phase === 'greeted') {
		if (!state.tls && plan.startTls !== false && hasExtension(state.ehlo, 'STARTTLS')) {
			return {line: 'STARTTLS', verb: 'STARTTLS', why: 'The server offers TLS: encrypt before sending credentials or mail.', expect: '220, then the TLS handshake'};
		}

		if (!state.auth && state.authFailure) return authAgain(state, state.authFailure);
		const mechanism = state.ehlo?.auth.find(name => walkMechanisms.includes(name));
		if (!state.auth && plan.user && mechanism) {
			return {line: `AUTH ${mechanism}`, verb: 'AUTH', why: `Log in as ${plan.user}; the server offers ${state.ehlo?.auth.join(', ')}.`, expect: '334 challenges, then 235 when the credentials are right'};
		}

		if (state.lastTransaction) {
			return {line: 'QUIT', verb: 'QUIT', why: 'The message has been handed over; end the session politely.', expect: '221 and the connection closes'};
		}

		return {line: `MAIL FROM:<${from}>`, verb: 'MAIL', why: 'Start a transaction by naming the sender (the envelope from, used for bounces).', expect: '250 when the sender is accepted'};
	}

	const counts = recipientCounts(state.envelope);
	if (state.phase === 'mail' || (state.phase === 'rcpt' && counts.accepted === 0)) {
		return {line: `RCPT TO:<${firstRecipient}>`, verb: 'RCPT', why: 'Add a recipient; repeat for each one.', expect: '250 for each accepted recipient, 550 for unknown ones'};
	}

	return {line: 'DATA', verb: 'DATA', why: `${counts.accepted} recipient${counts.accepted === 1 ? '' : 's'} accepted: announce the message.`, expect: '354, then send the message ending with a lone "."'};
}

/** The mechanisms the AUTH helper computes, in the walk's order of preference. */
const walkMechanisms = ['PLAIN', 'LOGIN', 'CRAM-MD5'];

/** After an AUTH that ended without 235: log in again (or say why not), rather than start a transaction unauthenticated. */
function authAgain(state: SessionState, failure: NonNullable<SessionState['authFailure']>): Omit<NextStep, 'also'> {
	const expect = '334 challenges, then 235 when the credentials are right';
	const offered = state.ehlo?.auth ?? [];
	// 504: the mechanism is not supported; 534: it is too weak for this server (RFC 4954 4, 6).
	const wrongMechanism = failure.code === 504 || failure.code === 534;
	const mechanism = wrongMechanism ? offered.find(name => name !== failure.mechanism && walkMechanisms.includes(name)) : failure.mechanism;
	const why = failure.cancelled
		? `AUTH ${failure.mechanism} was cancelled with "*" (501, RFC 4954 4): log in again when ready.`
		: wrongMechanism
			? `The server refused the mechanism ${failure.mechanism} (${failure.code}, RFC 4954 6)${mechanism ? `: try ${mechanism}.` : ', and offers no other the walk can compute.'}`
			: failure.code === 454
				? `AUTH failed for a reason on the server's side (454, RFC 4954 6): try again in a moment.`
				: `AUTH ${failure.mechanism} failed with ${failure.code} (RFC 4954 6): check the user name and password, and try again.`;
	if (!mechanism) return {line: '', verb: 'AUTH', why: `${why} Without a login most submission servers refuse MAIL.`, expect};
	return {line: `AUTH ${mechanism}`, verb: 'AUTH', why, expect};
}

/**
The optional commands that fit the state, offered beside the main step: HELO instead of
EHLO, NOOP, VRFY and EXPN between transactions, RSET inside one (RFC 5321 4.1.1, 4.1.4).
*/
function sideSteps(state: SessionState, plan: WalkPlan): SideStep[] {
	if (state.greetingRefused || state.sasl) return [];
	const noop: SideStep = {line: 'NOOP', verb: 'NOOP', why: 'Checks that the server still answers; changes nothing (RFC 5321 4.1.1.9).'};
	const [recipient = 'alice@example.org'] = plan.to ?? [];
	const vrfy: SideStep = {line: `VRFY ${recipient}`, verb: 'VRFY', why: 'Asks whether a mailbox exists (RFC 5321 4.1.1.6); many servers answer 252 and say nothing.'};
	if (!state.hello) {
		if (plan.lmtp || state.phase !== 'connected') return [];
		return [{line: `HELO ${plan.ehloName}`, verb: 'HELO', why: 'The older greeting (RFC 5321 4.1.1.1): it works, but no extension may be used after it.'}];
	}

	if (state.phase === 'greeted') {
		return [noop, vrfy, {line: `EXPN ${recipient.split('@')[0]}`, verb: 'EXPN', why: 'Asks for the members of a mailing list (RFC 5321 4.1.1.7); most servers refuse it.'}];
	}

	if (state.phase === 'mail' || state.phase === 'rcpt') {
		return [{line: 'RSET', verb: 'RSET', why: 'Abandons this transaction: the sender and recipients are forgotten, the session stays (RFC 5321 4.1.1.5).'}, noop, vrfy];
	}

	return [];
}
