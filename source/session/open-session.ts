import {hasExtension} from '../protocol/ehlo.js';
import {type Reply, replyText} from '../protocol/reply.js';
import type {EhloInfo} from '../protocol/ehlo.js';
import type {TlsState} from '../protocol/session.js';
import type {SessionController} from './controller.js';

/**
The opening every scripted use shares: banner, EHLO (HELO if EHLO is refused, RFC 5321
4.1.4, unless TLS is required, since HELO cannot lead to STARTTLS), then optionally
STARTTLS and a second EHLO. Each step is timed for reports.
*/

export type OpeningStage = 'dns' | 'connect' | 'proxy' | 'tls' | 'greeting' | 'ehlo' | 'starttls' | 'xclient';

export type StepTiming = {step: string; ms: number};

export type Opening =
	| {ok: true; greeting: Reply; ehlo?: EhloInfo; ehloBeforeTls?: EhloInfo; tls?: TlsState; timings: StepTiming[]}
	| {ok: false; stage: OpeningStage; message: string; greeting?: Reply; ehlo?: EhloInfo; reply?: Reply; timings: StepTiming[]; nullMx?: boolean};

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
	const start = clock();
	const sent = await controller.command(options.xclient!);
	timings.push({step: 'XCLIENT', ms: clock() - start});
	if (!sent.ok) return {ok: false, stage: 'xclient', message: sent.error, greeting, timings};
	if (sent.reply.code !== 220) {
		return {ok: false, stage: 'xclient', message: `XCLIENT refused: ${sent.reply.code} ${replyText(sent.reply)}`, greeting, reply: sent.reply, timings};
	}

	const again = await greet(controller, {...options, startTls: 'require'}, async (step, run) => {
		const begun = clock();
		const result = await run();
		timings.push({step: `${step} after XCLIENT`, ms: clock() - begun});
		return result;
	});
	if (!again.ok) return {ok: false, stage: 'ehlo', message: again.message, greeting, ...(again.reply ? {reply: again.reply} : {}), timings};
	const state = controller.sessionState;
	return {...opening, ...(state.ehlo ? {ehlo: state.ehlo} : {}), timings};
}

async function openAndSecure(controller: SessionController, options: OpeningOptions): Promise<Opening> {
	const clock = options.clock ?? Date.now;
	const timings: StepTiming[] = [];
	const timed = async <T>(step: string, run: () => Promise<T>): Promise<T> => {
		const start = clock();
		const result = await run();
		timings.push({step, ms: clock() - start});
		return result;
	};

	const connected = await timed('connect and banner', () => controller.connect());
	if (!connected.ok) return {ok: false, stage: connected.stage, message: connected.message, ...(connected.greeting ? {greeting: connected.greeting} : {}), ...(connected.nullMx ? {nullMx: true} : {}), timings};
	const {greeting} = connected;

	const hello = await greet(controller, options, timed);
	if (!hello.ok) return {ok: false, stage: 'ehlo', message: hello.message, greeting, ...(hello.reply ? {reply: hello.reply} : {}), timings};

	const state = () => controller.sessionState;
	/** What the server advertised last, when it did. */
	const ehlo = () => {
		const advertised = state().ehlo;
		return advertised ? {ehlo: advertised} : {};
	};
	if (options.startTls === 'no' || state().tls) return {ok: true, greeting, ...ehlo(), ...(state().tls ? {tls: state().tls} : {}), timings};

	if (!hasExtension(state().ehlo, 'STARTTLS')) {
		if (options.startTls === 'require') return {ok: false, stage: 'starttls', message: 'the server does not offer STARTTLS and TLS is required', greeting, ...ehlo(), timings};
		return {ok: true, greeting, ...ehlo(), timings};
	}

	const before = state().ehlo;
	const upgraded = await timed('STARTTLS and handshake', () => controller.command('STARTTLS'));
	if (!upgraded.ok || !upgraded.tls) {
		const message = upgraded.ok ? `STARTTLS refused: ${upgraded.reply.code}` : upgraded.error;
		if (options.startTls === 'require' || !upgraded.ok) {
			return {ok: false, stage: 'starttls', message, greeting, ...(before ? {ehlo: before} : {}), ...(upgraded.reply ? {reply: upgraded.reply} : {}), timings};
		}

		return {ok: true, greeting, ...(before ? {ehlo: before} : {}), timings};
	}

	const again = await greet(controller, {...options, startTls: 'require'}, timed);
	if (!again.ok) return {ok: false, stage: 'ehlo', message: again.message, greeting, ...(again.reply ? {reply: again.reply} : {}), timings};
	return {ok: true, greeting, ...ehlo(), ...(before ? {ehloBeforeTls: before} : {}), tls: upgraded.tls, timings};
}

async function greet(
	controller: SessionController,
	options: OpeningOptions,
	timed: <T>(step: string, run: () => Promise<T>) => Promise<T>,
): Promise<{ok: true} | {ok: false; message: string; reply?: Reply}> {
	const verb = options.lmtp ? 'LHLO' : 'EHLO';
	const ehlo = await timed(verb, () => controller.command(`${verb} ${options.ehloName}`));
	if (!ehlo.ok) return {ok: false, message: ehlo.error};
	if (ehlo.reply.code === 250) return {ok: true};
	// RFC 2033 4.1: LMTP has no HELO to fall back to.
	if (options.lmtp) return {ok: false, message: `LHLO refused (${ehlo.reply.code} ${replyText(ehlo.reply)})${ehlo.reply.code === 500 ? '; is this an LMTP server?' : ''}`, reply: ehlo.reply};
	// B13: fall back to HELO, unless TLS is required: HELO cannot lead to STARTTLS.
	if (options.startTls === 'require') {
		return {ok: false, message: `EHLO refused (${ehlo.reply.code}); HELO cannot lead to STARTTLS, so there is no fallback when TLS is required`, reply: ehlo.reply};
	}

	const helo = await timed('HELO', () => controller.command(`HELO ${options.ehloName}`));
	if (!helo.ok) return {ok: false, message: helo.error};
	if (helo.reply.code === 250) return {ok: true};
	return {ok: false, message: `EHLO (${ehlo.reply.code}) and HELO (${helo.reply.code}) were both refused`, reply: helo.reply};
}
