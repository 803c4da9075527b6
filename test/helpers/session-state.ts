import {parseEhlo} from '../../source/protocol/ehlo.js';
import {createReplyParser} from '../../source/protocol/reply-parser.js';
import type {Reply} from '../../source/protocol/reply.js';
import {initialSessionState, type SessionState, type TlsState} from '../../source/protocol/session.js';

/** Parses reply text (lines joined with CRLF) into one Reply. */
export function reply(text: string): Reply {
	const events = createReplyParser().push(new TextEncoder().encode(text.endsWith('\r\n') ? text : `${text}\r\n`));
	const event = events.find(item => item.type === 'reply');
	if (event?.type !== 'reply') throw new Error(`not a reply: ${text}`);
	return event.reply;
}

/** An EHLO reply advertising these keyword lines. */
export function ehloReply(...keywords: string[]): Reply {
	const lines = ['mx.example.com hello', ...keywords];
	return reply(lines.map((line, index) => `250${index === lines.length - 1 ? ' ' : '-'}${line}`).join('\r\n'));
}

export const testTls: TlsState = {via: 'starttls', protocol: 'TLSv1.3', cipher: 'TLS_AES_256_GCM_SHA384', verified: true, insecure: false};

/** A state after the banner and an accepted EHLO with the given extensions. */
export function greetedState(keywords: string[] = ['PIPELINING', 'SIZE 1000000', '8BITMIME', 'STARTTLS', 'AUTH PLAIN LOGIN'], overrides: Partial<SessionState> = {}): SessionState {
	return {
		...initialSessionState(),
		phase: 'greeted',
		greeting: {code: 220, text: 'mx.example.com ESMTP'},
		hello: {verb: 'EHLO', name: 'client.example.com'},
		ehlo: parseEhlo(ehloReply(...keywords)),
		...overrides,
	};
}
