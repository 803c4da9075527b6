import type {Messages} from '../i18n/messages.js';
import {NotSent, type SessionError, SmtpReplyError, TlsError} from '../protocol/errors.js';
import {hasExtension} from '../protocol/ehlo.js';
import {type Reply, replyText} from '../protocol/reply.js';
import type {EhloInfo} from '../protocol/ehlo.js';
import type {TlsState} from '../protocol/session.js';
import type {CommandOutcome, SessionController} from './controller.js';

/**
The opening every scripted use shares: banner, EHLO (HELO if EHLO is refused, RFC 5321
4.1.4, unless TLS is required, since HELO cannot lead to STARTTLS, or the refusal was a
421, which ends the session, RFC 5321 3.8), then optionally STARTTLS and a second EHLO.
Each step that went on the wire is timed for reports; a step never sent is not listed.
*/

export type OpeningStage = 'dns' | 'connect' | 'proxy' | 'tls' | 'greeting' | 'ehlo' | 'starttls' | 'xclient';

export type StepTiming = {step: string; ms: number};

export type Opening =
	| {ok: true; greeting: Reply; ehlo?: EhloInfo; ehloBeforeTls?: EhloInfo; tls?: TlsState; timings: StepTiming[]}
	| {ok: false; stage: OpeningStage; message: string; error: SessionError; greeting?: Reply; ehlo?: EhloInfo; reply?: Reply; timings: StepTiming[]; nullMx?: boolean};

export type OpeningOptions = {
	ehloName: string;
	/** 'starttls' upgrades when offered; 'require' fails when it cannot. */
	startTls: 'no' | 'starttls' | 'require';
	/** Greet with LHLO and never fall back to HELO: the server speaks LMTP (RFC 2033 4.1). */
	lmtp?: boolean;
	/** An XCLIENT line to send once greeted (and after TLS); its 220 is followed by a new greeting. */
	xclient?: string;
	clock?: () => number;
};

type Timed = (step: string, run: () => Promise<CommandOutcome>) => Promise<CommandOutcome>;

/** Times a step only when it went on the wire: a line kept back is no step. */
function timer(clock: () => number, timings: StepTiming[], name: (step: string) => string = step => step): Timed {
	return async (step, run) => {
		const start = clock();
		const result = await run();
		if (result.ok || !(result.error instanceof NotSent)) timings.push({step: name(step), ms: clock() - start});
		return result;
	};
}

const shown = (reply: Reply) => `${reply.code} ${replyText(reply).replaceAll('\n', ' / ')}`;

export async function openSession(controller: SessionController, options: OpeningOptions): Promise<Opening> {
	const opening = await openAndSecure(controller, options);
	if (!opening.ok || !options.xclient) return opening;
	return sendXclient(controller, options, opening);
}

/**
XCLIENT after the greeting (XCLIENT_README): on success the server answers 220 with a new
greeting and starts over, so the client greets again and reads the extensions anew.
*/
async function sendXclient(controller: SessionController, options: OpeningOptions, opening: Extract<Opening, {ok: true}>): Promise<Opening> {
	const {timings, greeting} = opening;
	const clock = options.clock ?? Date.now;
	const sent = await timer(clock, timings)('XCLIENT', () => controller.command(options.xclient!));
	if (!sent.ok) return {ok: false, stage: 'xclient', message: sent.error.message, error: sent.error, greeting, timings};
	if (sent.reply.code !== 220) {
		const error = new SmtpReplyError(sent.reply, 'xclient', t => t['error.xclientRefused'](shown(sent.reply)));
		return {ok: false, stage: 'xclient', message: error.message, error, greeting, reply: sent.reply, timings};
	}

	const again = await greet(controller, {...options, startTls: 'require'}, timer(clock, timings, step => `${step} after XCLIENT`));
	if (!again.ok) return {ok: false, stage: 'ehlo', message: again.error.message, error: again.error, greeting, ...(again.reply ? {reply: again.reply} : {}), timings};
	const state = controller.sessionState;
	return {...opening, ...(state.ehlo ? {ehlo: state.ehlo} : {}), timings};
}

async function openAndSecure(controller: SessionController, options: OpeningOptions): Promise<Opening> {
	const clock = options.clock ?? Date.now;
	const timings: StepTiming[] = [];
	const timed = timer(clock, timings);

	const start = clock();
	const connected = await controller.connect();
	timings.push({step: 'connect and banner', ms: clock() - start});
	if (!connected.ok) return {ok: false, stage: connected.stage, message: connected.message, error: connected.error, ...(connected.greeting ? {greeting: connected.greeting} : {}), ...(connected.nullMx ? {nullMx: true} : {}), timings};
	const {greeting} = connected;

	const hello = await greet(controller, options, timed);
	if (!hello.ok) return {ok: false, stage: 'ehlo', message: hello.error.message, error: hello.error, greeting, ...(hello.reply ? {reply: hello.reply} : {}), timings};

	const state = () => controller.sessionState;
	/** What the server advertised last, when it did. */
	const ehlo = () => {
		const advertised = state().ehlo;
		return advertised ? {ehlo: advertised} : {};
	};
	if (options.startTls === 'no' || state().tls) return {ok: true, greeting, ...ehlo(), ...(state().tls ? {tls: state().tls} : {}), timings};

	if (!hasExtension(state().ehlo, 'STARTTLS')) {
		if (options.startTls === 'require') {
			const error = new TlsError('not-offered', t => t['error.starttlsNotOffered']);
			return {ok: false, stage: 'starttls', message: error.message, error, greeting, ...ehlo(), timings};
		}

		return {ok: true, greeting, ...ehlo(), timings};
	}

	const before = state().ehlo;
	const upgraded = await timed('STARTTLS and handshake', () => controller.command('STARTTLS'));
	if (!upgraded.ok || !upgraded.tls) {
		// A refusal is no failure when TLS is only wanted, unless it was a 421: the session is over.
		const error = upgraded.ok ? new SmtpReplyError(upgraded.reply, 'starttls', t => t['error.starttlsRefused'](shown(upgraded.reply))) : upgraded.error;
		if (options.startTls === 'require' || !upgraded.ok || upgraded.reply.code === 421) {
			return {ok: false, stage: 'starttls', message: error.message, error, greeting, ...(before ? {ehlo: before} : {}), ...(upgraded.reply ? {reply: upgraded.reply} : {}), timings};
		}

		return {ok: true, greeting, ...(before ? {ehlo: before} : {}), timings};
	}

	const again = await greet(controller, {...options, startTls: 'require'}, timed);
	if (!again.ok) return {ok: false, stage: 'ehlo', message: again.error.message, error: again.error, greeting, ...(again.reply ? {reply: again.reply} : {}), timings};
	return {ok: true, greeting, ...ehlo(), ...(before ? {ehloBeforeTls: before} : {}), tls: upgraded.tls, timings};
}

async function greet(controller: SessionController, options: OpeningOptions, timed: Timed): Promise<{ok: true} | {ok: false; error: SessionError; reply?: Reply}> {
	const verb = options.lmtp ? 'LHLO' : 'EHLO';
	const ehlo = await timed(verb, () => controller.command(`${verb} ${options.ehloName}`));
	if (!ehlo.ok) return {ok: false, error: ehlo.error};
	if (ehlo.reply.code === 250) return {ok: true};
	const refused = (reply: Reply, why: (t: Messages, reply: string) => string) => ({ok: false as const, error: new SmtpReplyError(reply, 'ehlo', t => why(t, shown(reply))), reply});
	// RFC 5321 3.8: a 421 closes the session; nothing more is sent.
	if (ehlo.reply.code === 421) return refused(ehlo.reply, (t, reply) => t['error.closedSessionTo'](verb, reply));
	// RFC 2033 4.1: LMTP has no HELO to fall back to.
	if (options.lmtp) return refused(ehlo.reply, (t, reply) => t['error.lhloRefused'](reply, ehlo.reply.code === 500));
	// B13: fall back to HELO, unless TLS is required: HELO cannot lead to STARTTLS.
	if (options.startTls === 'require') return refused(ehlo.reply, (t, reply) => t['error.ehloNoFallback'](reply));

	const helo = await timed('HELO', () => controller.command(`HELO ${options.ehloName}`));
	if (!helo.ok) return {ok: false, error: helo.error};
	if (helo.reply.code === 250) return {ok: true};
	return refused(helo.reply, (t, reply) => t['error.ehloHeloRefused'](ehlo.reply.code, helo.reply.code, reply));
}
