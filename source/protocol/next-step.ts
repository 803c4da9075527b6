import {text as say} from '../i18n/messages.js';
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
	const t = say();
	const from = plan.from ?? `${plan.user ?? 'me'}@example.com`;
	const [firstRecipient = 'alice@example.org'] = plan.to ?? [];
	switch (state.phase) {
		case 'disconnected':
		case 'closed': {
			return {line: '', verb: '', why: t['walk.closed'](keys.reconnect), expect: t['walk.expect.banner']};
		}

		case 'connecting':
		case 'greeting': {
			return {line: '', verb: '', why: t['walk.waitBanner'], expect: t['walk.expect.banner']};
		}

		case 'tls-handshake': {
			return {line: '', verb: '', why: t['walk.handshake'], expect: t['walk.expect.tls']};
		}

		case 'closing': {
			return {line: '', verb: '', why: t['walk.closing'], expect: t['walk.expect.close']};
		}

		case 'data': {
			return state.envelope.body === 'none'
				? {line: '', verb: '', why: t['walk.data'](keys.messageEditor), expect: t['walk.expect.dataEnd']}
				: {line: '', verb: '', why: t['walk.dataSent'], expect: t['walk.expect.verdict']};
		}

		case 'bdat': {
			return {line: '', verb: '', why: t['walk.bdat'], expect: t['walk.expect.chunk']};
		}

		default: {
			break;
		}
	}

	if (state.greetingRefused) return {line: 'QUIT', verb: 'QUIT', why: t['walk.refused'], expect: t['walk.expect.quit']};
	if (state.sasl) return {line: '', verb: 'AUTH', why: t['walk.sasl'], expect: t['walk.expect.sasl']};
	if (!state.hello) {
		if (plan.lmtp) return {line: `LHLO ${plan.ehloName}`, verb: 'LHLO', why: t['walk.lhlo'], expect: t['walk.expect.ehlo']};
		return {line: `EHLO ${plan.ehloName}`, verb: 'EHLO', why: state.needsEhlo ? t['walk.ehloAgain'] : t['walk.ehlo'], expect: t['walk.expect.ehlo']};
	}

	if (state.phase === 'greeted') {
		if (!state.tls && plan.startTls !== false && hasExtension(state.ehlo, 'STARTTLS')) {
			return {line: 'STARTTLS', verb: 'STARTTLS', why: t['walk.starttls'], expect: t['walk.expect.starttls']};
		}

		if (!state.auth && state.authFailure) return authAgain(state, state.authFailure);
		const mechanism = state.ehlo?.auth.find(name => walkMechanisms.includes(name));
		if (!state.auth && plan.user && mechanism) {
			return {line: `AUTH ${mechanism}`, verb: 'AUTH', why: t['walk.auth'](plan.user, state.ehlo?.auth.join(', ') ?? ''), expect: t['walk.expect.auth']};
		}

		if (state.lastTransaction) {
			return {line: 'QUIT', verb: 'QUIT', why: t['walk.quit'], expect: t['walk.expect.quit']};
		}

		return {line: `MAIL FROM:<${from}>`, verb: 'MAIL', why: t['walk.mail'], expect: t['walk.expect.mail']};
	}

	const counts = recipientCounts(state.envelope);
	if (state.phase === 'mail' || (state.phase === 'rcpt' && counts.accepted === 0)) {
		return {line: `RCPT TO:<${firstRecipient}>`, verb: 'RCPT', why: t['walk.rcpt'], expect: t['walk.expect.rcpt']};
	}

	return {line: 'DATA', verb: 'DATA', why: t['walk.data.announce'](counts.accepted), expect: t['walk.expect.data']};
}

/** The mechanisms the AUTH helper computes, in the walk's order of preference. */
const walkMechanisms = ['PLAIN', 'LOGIN', 'CRAM-MD5'];

/** After an AUTH that ended without 235: log in again (or say why not), rather than start a transaction unauthenticated. */
function authAgain(state: SessionState, failure: NonNullable<SessionState['authFailure']>): Omit<NextStep, 'also'> {
	const t = say();
	const expect = t['walk.expect.auth'];
	const offered = state.ehlo?.auth ?? [];
	// 504: the mechanism is not supported; 534: it is too weak for this server (RFC 4954 4, 6).
	const wrongMechanism = failure.code === 504 || failure.code === 534;
	const mechanism = wrongMechanism ? offered.find(name => name !== failure.mechanism && walkMechanisms.includes(name)) : failure.mechanism;
	const why = failure.cancelled
		? t['walk.auth.cancelled'](failure.mechanism)
		: wrongMechanism
			? t['walk.auth.wrongMechanism'](failure.mechanism, failure.code, mechanism ?? '')
			: failure.code === 454
				? t['walk.auth.temporary']
				: t['walk.auth.failed'](failure.mechanism, failure.code);
	if (!mechanism) return {line: '', verb: 'AUTH', why: `${why} ${t['walk.auth.noLogin']}`, expect};
	return {line: `AUTH ${mechanism}`, verb: 'AUTH', why, expect};
}

/**
The optional commands that fit the state, offered beside the main step: HELO instead of
EHLO, NOOP, VRFY and EXPN between transactions, RSET inside one (RFC 5321 4.1.1, 4.1.4).
*/
function sideSteps(state: SessionState, plan: WalkPlan): SideStep[] {
	if (state.greetingRefused || state.sasl) return [];
	const noop: SideStep = {line: 'NOOP', verb: 'NOOP', why: say()['walk.side.noop']};
	const [recipient = 'alice@example.org'] = plan.to ?? [];
	const vrfy: SideStep = {line: `VRFY ${recipient}`, verb: 'VRFY', why: say()['walk.side.vrfy']};
	if (!state.hello) {
		if (plan.lmtp || state.phase !== 'connected') return [];
		return [{line: `HELO ${plan.ehloName}`, verb: 'HELO', why: say()['walk.side.helo']}];
	}

	if (state.phase === 'greeted') {
		return [noop, vrfy, {line: `EXPN ${recipient.split('@')[0]}`, verb: 'EXPN', why: say()['walk.side.expn']}];
	}

	if (state.phase === 'mail' || state.phase === 'rcpt') {
		return [{line: 'RSET', verb: 'RSET', why: say()['walk.side.rset']}, noop, vrfy];
	}

	return [];
}
