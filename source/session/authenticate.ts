import {
	type ComputableMechanism,
	cramMd5Response,
	type Credentials,
	loginResponses,
	oauthBearerResponse,
	plainResponse,
	xoauth2Response,
} from '../protocol/sasl.js';
import {NotSent, type SessionError, SmtpReplyError} from '../protocol/errors.js';
import type {Reply} from '../protocol/reply.js';
import {replyText} from '../protocol/reply.js';
import type {CommandOutcome, SessionController} from './controller.js';

/**
The AUTH helper: computes every step of an exchange for the user and answers each 334
(RFC 4954 4). The controller redacts every line of it. A server that keeps challenging is
cut off after a few rounds with "*" (smtplib caps at 5), so a broken or hostile server
cannot keep the client in the exchange.
*/

const maxAuthRounds = 5;

export type AuthRequest = {mechanism: ComputableMechanism} & (
	| {mechanism: 'PLAIN' | 'LOGIN' | 'CRAM-MD5'; credentials: Credentials}
	| {mechanism: 'XOAUTH2' | 'OAUTHBEARER'; user: string; token: string; host?: string; port?: number}
);

export type AuthResult = {ok: true; reply: Reply} | {ok: false; error: SessionError; reply?: Reply};

export async function authenticate(controller: SessionController, request: AuthRequest): Promise<AuthResult> {
	const first = await controller.command(firstLine(request));
	let outcome: CommandOutcome = first;
	for (let round = 0; outcome.ok && outcome.reply.code === 334; round++) {
		if (round >= maxAuthRounds) {
			const cancelled = await controller.command('*');
			return {ok: false, error: new NotSent('blocked', t => t['error.authRounds'](maxAuthRounds)), ...(cancelled.ok ? {reply: cancelled.reply} : {})};
		}

		const response = nextResponse(request, round, outcome.reply);
		if (response === undefined) {
			await controller.command('*');
			return {ok: false, error: new NotSent('blocked', t => t['error.authBadChallenge']), reply: outcome.reply};
		}

		outcome = await controller.command(response);
	}

	if (!outcome.ok) return {ok: false, error: outcome.error};
	if (outcome.reply.code === 235) return {ok: true, reply: outcome.reply};
	return {ok: false, error: new SmtpReplyError(outcome.reply, 'auth', t => t['error.authFailed'](request.mechanism, `${outcome.reply.code} ${replyText(outcome.reply)}`)), reply: outcome.reply};
}

function firstLine(request: AuthRequest): string {
	switch (request.mechanism) {
		case 'PLAIN': {
			return `AUTH PLAIN ${plainResponse(request.credentials)}`;
		}

		case 'XOAUTH2': {
			return `AUTH XOAUTH2 ${xoauth2Response(request.user, request.token)}`;
		}

		case 'OAUTHBEARER': {
			return `AUTH OAUTHBEARER ${oauthBearerResponse(request.user, request.token, request.host, request.port)}`;
		}

		default: {
			return `AUTH ${request.mechanism}`;
		}
	}
}

/** The answer to the `round`-th 334 (0-based), or undefined when it cannot be computed. */
function nextResponse(request: AuthRequest, round: number, challenge: Reply): string | undefined {
	const text = challenge.lines.at(-1)?.text ?? '';
	switch (request.mechanism) {
		case 'LOGIN': {
			return loginResponses(request.credentials)[round];
		}

		case 'CRAM-MD5': {
			return round === 0 ? cramMd5Response(text, request.credentials) : undefined;
		}

		default: {
			// PLAIN sent everything up front; XOAUTH2 and OAUTHBEARER get a 334 carrying an
			// error report, answered with an empty line to receive the final failure.
			return '';
		}
	}
}
