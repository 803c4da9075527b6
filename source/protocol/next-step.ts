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
};

export type WalkPlan = {
	ehloName: string;
	/** Use STARTTLS when offered (default true). */
	startTls?: boolean;
	/** AUTH when offered and a user name is known. */
	user?: string;
	from?: string;
	to?: string[];
};

export function suggestNext(state: SessionState, plan: WalkPlan): NextStep {
	const from = plan.from ?? `${plan.user ?? 'me'}@example.com`;
	const [firstRecipient = 'alice@example.org'] = plan.to ?? [];
	switch (state.phase) {
		case 'disconnected':
		case 'closed': {
			return {line: '', verb: '', why: 'The session is closed; press Ctrl+R to connect again.', expect: 'a 220 banner'};
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
				? {line: '', verb: '', why: 'The server is waiting for the message: open the message editor with Ctrl+O, or type lines and end with a lone ".".', expect: '250 once the final "." is sent'}
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
		return {line: `EHLO ${plan.ehloName}`, verb: 'EHLO', why: state.needsEhlo ? 'TLS is up: greet again, since everything learned before TLS was forgotten (RFC 3207 4.2).' : 'Greet the server and learn which extensions it offers.', expect: '250 with a list of extensions'};
	}

	if (state.phase === 'greeted') {
		if (!state.tls && plan.startTls !== false && hasExtension(state.ehlo, 'STARTTLS')) {
			return {line: 'STARTTLS', verb: 'STARTTLS', why: 'The server offers TLS: encrypt before sending credentials or mail.', expect: '220, then the TLS handshake'};
		}

		const mechanism = state.ehlo?.auth.find(name => ['PLAIN', 'LOGIN', 'CRAM-MD5'].includes(name));
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
