import {pathOf} from './session.js';
import {redactAuthCommand, redactSaslResponse} from './sasl.js';
import {type Endpoint, parseTarget} from './target.js';
import {connectingTo, tlsEstablished, type TranscriptEntry, wireBytes} from './transcript.js';

/**
What it takes to send a recorded message again: where, how (TLS, EHLO name, AUTH
mechanism), the envelope as it was sent and the message as it went on the wire, with the
dot-stuffing of RFC 5321 4.5.2 undone. Read from a transcript; the secrets are not in it
and are not needed here (the exported code takes them from the environment).
*/
export type Replay = {
	/** The host or socket the session connected to (an MX lookup is already resolved here). */
	target: Endpoint;
	tls: 'none' | 'starttls' | 'implicit';
	/** The name the session greeted with (EHLO or HELO), if it did. */
	ehloName?: string;
	/** The SASL mechanism of the session's AUTH command, upper-case, if it authenticated. */
	authMechanism?: string;
	/** The reverse-path: '' for the null sender `<>`. */
	from: string;
	/** MAIL parameters as sent: `BODY=8BITMIME`, `SIZE=1234`. */
	mailParams: string[];
	/** Every RCPT the transaction sent, in order, with its parameters. */
	recipients: Array<{address: string; params: string[]}>;
	/** Header, blank line and body, each line ending in CRLF, exactly as sent. */
	message: Uint8Array;
};

/** Why a transcript has nothing to replay; the caller words it for the user. */
export type ReplayProblem = 'no-connection' | 'no-message' | 'message-cut' | 'bdat' | 'lmtp';

type Transaction = {from: string; mailParams: string[]; recipients: Replay['recipients']; dataSent: boolean; bdat: boolean};

type Connection = {
	target?: Endpoint;
	implicit: boolean;
	starttls: boolean;
	hello?: {verb: string; name: string};
	/** The mechanism of an AUTH whose exchange has not ended yet. */
	authPending?: string;
	/** The mechanism of the AUTH that got 235. */
	authMechanism?: string;
	transaction?: Transaction;
};

/** `<a@b> SIZE=1 BODY=8BITMIME` -> the words after the path. */
function paramsOf(args: string): string[] {
	const end = args.indexOf('>');
	const rest = end === -1 ? args.replace(/^\S*:\s*\S+/, '') : args.slice(end + 1);
	return rest.trim().split(/\s+/).filter(Boolean);
}

function concat(parts: Uint8Array[]): Uint8Array {
	const result = new Uint8Array(parts.reduce((total, part) => total + part.length, 0));
	let offset = 0;
	for (const part of parts) {
		result.set(part, offset);
		offset += part.length;
	}

	return result;
}

/**
The last message the transcript shows as completely sent (DATA, 354, the lines, the final
dot), with the connection it went over. A message sent with BDAT cannot be replayed (the
transcript does not keep the chunks' bytes), nor one the transcript kept only in part.
*/
export function extractReplay(entries: readonly TranscriptEntry[]): {ok: true; replay: Replay} | {ok: false; problem: ReplayProblem} {
	let connection: Connection | undefined;
	let body: {lines: Uint8Array[]; cut: boolean} | undefined;
	let found: Replay | undefined;
	let problem: ReplayProblem = 'no-connection';

	for (const entry of entries) {
		const connecting = connectingTo(entry);
		if (connecting) {
			const parsed = parseTarget(connecting.target);
			// The controller writes one line per host it tries, so this is a host or a socket, never mx:.
			connection = {...(parsed.ok && parsed.target.kind !== 'mx' ? {target: parsed.target} : {}), implicit: connecting.implicitTls, starttls: false};
			body = undefined;
			if (problem === 'no-connection') problem = 'no-message';
			continue;
		}

		if (!connection) continue;
		if (tlsEstablished(entry) === 'starttls') connection.starttls = true;

		if (body) {
			if (entry.kind === 'info' && entry.text.startsWith('…')) body.cut = true;
			if (entry.kind !== 'sent') continue;
			if (entry.text !== '.') {
				const bytes = wireBytes(entry) ?? new Uint8Array();
				// RFC 5321 4.5.2: the sender doubled a leading dot; the message itself has one.
				body.lines.push(bytes[0] === 0x2e ? bytes.subarray(1) : bytes);
				continue;
			}

			const transaction = connection.transaction;
			if (body.cut) {
				problem = 'message-cut';
			} else if (transaction && connection.target) {
				found = {
					target: connection.target,
					tls: connection.implicit ? 'implicit' : connection.starttls ? 'starttls' : 'none',
					...(connection.hello ? {ehloName: connection.hello.name} : {}),
					...(connection.authMechanism ? {authMechanism: connection.authMechanism} : {}),
					from: transaction.from,
					mailParams: transaction.mailParams,
					recipients: transaction.recipients,
					message: concat(body.lines),
				};
				if (connection.hello?.verb === 'LHLO') {
					found = undefined;
					problem = 'lmtp';
				}
			}

			body = undefined;
			connection.transaction = undefined;
			continue;
		}

		// AUTH ends a pipelined group (RFC 2920 3.1), so the next final reply other than 334 ends its exchange.
		if (entry.kind === 'received' && entry.final && connection.authPending !== undefined && entry.code !== 334) {
			if (entry.code === 235) connection.authMechanism = connection.authPending;
			connection.authPending = undefined;
			continue;
		}

		if (entry.kind === 'received' && entry.final && entry.code === 354 && connection.transaction?.dataSent) {
			body = {lines: [], cut: false};
			continue;
		}

		if (entry.kind !== 'sent') continue;
		const match = /^\s*(\S+)\s*(.*)$/.exec(entry.text);
		const verb = (match?.[1] ?? '').toUpperCase();
		const args = match?.[2] ?? '';
		switch (verb) {
			case 'EHLO':
			case 'HELO':
			case 'LHLO': {
				connection.hello = {verb, name: args.trim()};
				connection.transaction = undefined;
				break;
			}

			case 'AUTH': {
				connection.authPending = args.trim().split(/\s+/)[0]?.toUpperCase() ?? '';
				break;
			}

			case 'MAIL': {
				connection.transaction = {from: pathOf(args), mailParams: paramsOf(args), recipients: [], dataSent: false, bdat: false};
				break;
			}

			case 'RCPT': {
				connection.transaction?.recipients.push({address: pathOf(args), params: paramsOf(args)});
				break;
			}

			case 'DATA': {
				if (connection.transaction) connection.transaction.dataSent = true;
				break;
			}

			case 'BDAT': {
				if (connection.transaction && !found) problem = 'bdat';
				connection.transaction = undefined;
				break;
			}

			case 'RSET': {
				connection.transaction = undefined;
				break;
			}

			default: {
				break;
			}
		}
	}

	return found ? {ok: true, replay: found} : {ok: false, problem};
}

/**
The transcript with every AUTH secret hidden, whatever the file kept: a transcript saved
with --reveal-secrets holds the initial response and the SASL lines in clear, and code
exported from it must not. The AUTH line keeps its mechanism; each line the client sent
until the exchange's final reply becomes the redaction mark (RFC 4954 4).
*/
export function hideAuthSecrets(entries: readonly TranscriptEntry[]): TranscriptEntry[] {
	let inExchange = false;
	return entries.map(entry => {
		if (entry.kind === 'sent' && /^\s*AUTH\s/i.test(entry.text) && !inExchange) {
			inExchange = true;
			const shown = redactAuthCommand(entry.text);
			return shown === entry.text ? entry : {...entry, text: shown, redacted: true, bytes: undefined};
		}

		if (inExchange && entry.kind === 'sent') {
			const shown = redactSaslResponse(entry.text);
			return shown === entry.text ? entry : {...entry, text: shown, redacted: true, bytes: undefined};
		}

		if (inExchange && entry.kind === 'received' && entry.final && entry.code !== 334) inExchange = false;
		if (connectingTo(entry)) inExchange = false;
		return entry;
	});
}
