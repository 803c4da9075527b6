import {randomUUID} from 'node:crypto';
import {messages, type Messages, text} from '../i18n/messages.js';
import {hasExtension} from '../protocol/ehlo.js';
import {chooseEncoding, hasControlCharacter, type HeaderField, type Mailbox, messageHeader, messageIsEightBit, parseHeaderField, parseMailbox} from '../protocol/message-builder.js';
import {failureText, type SessionError, SmtpReplyError, type Stage, TransportError, type Wording} from '../protocol/errors.js';
import {keepBytes} from '../protocol/json-bytes.js';
import {queueIdOf, type Reply, replyText} from '../protocol/reply.js';
import {sanitizeForDisplay} from '../protocol/sanitize.js';
import {computableMechanisms, type ComputableMechanism, usesToken} from '../protocol/sasl.js';
import {formatTarget, isLoopback} from '../protocol/target.js';
import {formatTextLine, safeJson} from '../protocol/transcript-format.js';
import {type AuthRequest, authenticate} from '../session/authenticate.js';
import type {CommandOutcome, Delivery, SessionController} from '../session/controller.js';
import {describeReadError, formatBytes} from '../session/file-read.js';
import {openSession} from '../session/open-session.js';
import {parseCommandLine, reportNotRun} from './arguments.js';
import {connectionFlags, connectionSettings, controllerFor, finishTranscript, openTranscriptFile, proxyPassword} from './connection-flags.js';
import {exitCodes, exitCodesHelp, Stopped} from './exit-codes.js';
import type {CommandIo} from './io.js';
import {progressReporter, type Progress as ByteProgress} from './progress.js';
import {BodyTooLargeError, defaultMaxBodyBytes, type MessageBody, openMessageBody} from './message-body.js';
import {type FailureJson, failureJson, warningLines, warningsJson} from './report.js';
import {commandLanguage, languageFlagSpec} from './language-option.js';
import {promptSecret} from './secret-prompt.js';

export const commandFlags = {
	...connectionFlags,
	from: {type: 'string'},
	to: {type: 'string', isMultiple: true},
	cc: {type: 'string', isMultiple: true},
	subject: {type: 'string'},
	body: {type: 'string'},
	bodyFile: {type: 'string'},
	header: {type: 'string', isMultiple: true},
	user: {type: 'string'},
	auth: {type: 'string'},
	bdat: {type: 'boolean', default: false},
	chunkSize: {type: 'string'},
	maxSize: {type: 'string'},
	verbose: {type: 'boolean', shortFlag: 'v', default: false},
	json: {type: 'boolean', default: false},
	...languageFlagSpec,
} as const;

const passwordVariable = 'SMTP_EXPLORER_PASSWORD';
const defaultChunkSize = 1024 * 1024;
/** What send picks when --auth is not given, in order. */
const preferredMechanisms: ComputableMechanism[] = ['PLAIN', 'LOGIN', 'CRAM-MD5'];

const shownReply = (reply: Reply) => sanitizeForDisplay(`${reply.code} ${replyText(reply).replaceAll('\n', ' / ')}`);

export async function main(argv: string[], io: CommandIo): Promise<number> {
	const chosen = await commandLanguage(argv, io, 'send');
	if (!chosen.ok) return chosen.exitCode;
	const t = messages(chosen.language);
	const parsed = parseCommandLine(t['send.help'](t['connection.help'], exitCodesHelp(['ok', 'usage', 'connect', 'tls', 'greeting', 'ehlo', 'auth', 'sender', 'recipients', 'someRecipients', 'data', 'lost', 'proxy', 'xclient', 'transcript'], t)), argv, commandFlags);
	if (!parsed.ok) return reportNotRun(parsed, io, 'send');

	const request = await readRequest(parsed.cli.flags, parsed.cli.input, argv, io, t);
	if (request instanceof Stopped) {
		io.stderr.write(`smtp-explorer send: ${request.message}\n`);
		return request.exitCode;
	}

	const transcript = openTranscriptFile(parsed.cli.flags.transcript, io, 'send');
	if (!transcript.ok) {
		await request.body.close();
		io.stderr.write(`smtp-explorer send: ${transcript.error}\n`);
		return exitCodes.usage;
	}

	const {settings} = request;
	const controller = controllerFor(settings, (entry, secret) => {
		transcript.appender?.write(entry, secret);
		if (request.verbose) io.stderr.write(`${formatTextLine(entry)}\n`);
	});

	const progress: Progress = {accepted: [], refused: []};
	let stopped: Stopped | undefined;
	try {
		// Progress goes to a terminal's stderr only, never with --json; with -v, stderr carries the transcript.
		stopped = await transact(controller, request, progress, total => (request.verbose || request.json ? undefined : progressReporter(io.stderr, total)));
		await controller.quit();
	} finally {
		controller.close();
		transcript.appender?.close();
		await request.body.close();
	}

	const exitCode = stopped?.exitCode ?? finishTranscript(transcript, progress.refused.length > 0 ? exitCodes.someRecipients : exitCodes.ok);
	if (request.json) io.stdout.write(`${safeJson(keepBytes(sendReport(controller, request, progress, stopped)))}\n`);
	io.stderr.write(warningLines('send', controller.warnings));
	for (const {address, reply} of progress.refused) io.stderr.write(`smtp-explorer send: ${text()['send.recipientRefused'](sanitizeForDisplay(`<${address}> ${shownReply(reply)}`))}\n`);
	if (stopped) {
		io.stderr.write(`smtp-explorer send: ${sanitizeForDisplay(stopped.say(t))}\n`);
	} else if (!request.json) {
		const to = progress.accepted.map(({address}) => `<${address}>`).join(', ');
		io.stdout.write(`${sanitizeForDisplay(progress.summary ?? t['send.sent'](shownReply(progress.final!), request.from.address, to, progress.size))}\n`);
	}

	return exitCode;
}

type RecipientReply = {address: string; reply: Reply};

/** How far the transaction got: what a report says, whether it ended well or not. */
type Progress = {accepted: RecipientReply[]; refused: RecipientReply[]; final?: Reply; size?: number; summary?: string};

const replyJson = (reply: Reply) => ({code: reply.code, ...(reply.enhanced ? {enhanced: reply.enhanced.code} : {}), text: replyText(reply)});

/** The one JSON document of `send --json`. */
function sendReport(controller: SessionController, request: SendRequest, progress: Progress, stopped: Stopped | undefined) {
	const final = progress.final && progress.final.code === 250 ? progress.final : undefined;
	const error: FailureJson | undefined = stopped
		? stopped.failure
			? failureJson(stopped.failure.stage, stopped.failure.error)
			: {stage: 'send', message: stopped.message, type: 'not-sent'}
		: undefined;
	return {
		target: formatTarget(controller.target),
		sent: !stopped,
		from: request.from.address,
		accepted: progress.accepted.map(({address, reply}) => ({address, reply: replyJson(reply)})),
		refused: progress.refused.map(({address, reply}) => ({address, reply: replyJson(reply)})),
		final: progress.final ? replyJson(progress.final) : null,
		queueId: (final && queueIdOf(final)) ?? null,
		bytes: progress.size ?? null,
		warnings: warningsJson(controller.warnings),
		...(error ? {error} : {}),
	};
}

type SendRequest = {
	settings: Extract<ReturnType<typeof connectionSettings>, {ok: true}>['settings'];
	from: Mailbox;
	to: Mailbox[];
	cc: Mailbox[];
	/** True when an address is not ASCII: the envelope needs SMTPUTF8 (RFC 6531). */
	utf8Addresses: boolean;
	subject: string;
	headers: HeaderField[];
	body: MessageBody;
	auth?: {user: string; password: string; mechanism?: ComputableMechanism};
	bdat?: {chunkSize: number};
	verbose: boolean;
	json: boolean;
};

type SendFlags = Extract<ReturnType<typeof parseCommandLine<typeof commandFlags>>, {ok: true}>['cli']['flags'];

/** Everything the command line asks for, checked before any connection is made. */
async function readRequest(flags: SendFlags, input: string[], argv: string[], io: CommandIo, t: Messages): Promise<SendRequest | Stopped> {
	const usage = (message: string) => new Stopped(exitCodes.usage, message);
	if (input.length > 1) return usage(t['probe.error.oneServer'](sanitizeForDisplay(input[1]!)));
	const resolved = connectionSettings(flags, input[0], argv);
	if (!resolved.ok) return usage(resolved.error);
	if (flags.bdat && resolved.settings.lmtp) return usage(t['send.error.bdatLmtp']);

	const {to, cc} = flags;
	if (flags.from === undefined) return usage(t['send.error.from']);
	if (to.length === 0) return usage(t['send.error.to']);
	if (flags.subject === undefined) return usage(t['send.error.subject']);
	if (hasControlCharacter(flags.subject)) return usage(t['send.error.subjectControl']);
	const mailboxes: Mailbox[] = [];
	let utf8Addresses = false;
	for (const text of [flags.from, ...to, ...cc]) {
		const mailbox = parseMailbox(text);
		if (!mailbox.ok) return usage(mailbox.error);
		mailboxes.push(mailbox.mailbox);
		utf8Addresses ||= mailbox.nonAscii;
	}

	const headers: HeaderField[] = [];
	for (const text of flags.header) {
		const header = parseHeaderField(text);
		if (!header.ok) return usage(header.error);
		headers.push(header.field);
	}

	if (flags.body !== undefined && flags.bodyFile !== undefined) return usage(t['send.error.bodyTwice']);
	if (flags.chunkSize !== undefined && !flags.bdat) return usage(t['send.error.chunkSizeAlone']);
	const chunkSize = flags.chunkSize === undefined ? defaultChunkSize : /^\d+$/.test(flags.chunkSize) ? Number(flags.chunkSize) : 0;
	if (chunkSize < 1) return usage(t['send.error.chunkSize'](sanitizeForDisplay(flags.chunkSize ?? '')));

	const auth = await readCredentials(flags, resolved.settings, io, t);
	if (auth instanceof Stopped) return auth;
	const proxy = await proxyPassword(resolved.settings.route, io);
	if (!proxy.ok) return usage(proxy.error);

	const maxBytes = flags.maxSize === undefined ? defaultMaxBodyBytes : /^\d+$/.test(flags.maxSize) ? Number(flags.maxSize) : -1;
	if (!Number.isSafeInteger(maxBytes) || maxBytes < 0) return usage(t['send.error.maxSize'](sanitizeForDisplay(flags.maxSize ?? '')));

	let body: MessageBody;
	try {
		if (flags.body === undefined && flags.bodyFile === undefined && io.stdin.isTTY) io.stderr.write(`${t['send.typeBody']}\n`);
		body = await openMessageBody({...(flags.body === undefined ? {} : {text: flags.body}), ...(flags.bodyFile === undefined ? {} : {file: flags.bodyFile}), stdin: io.stdin, maxBytes});
	} catch (error) {
		if (error instanceof BodyTooLargeError) return usage(t['send.error.tooLarge'](formatBytes(error.limit)));
		return usage(flags.bodyFile === undefined
			? t['send.error.readStdin'](sanitizeForDisplay((error as Error).message))
			: t['send.error.readBodyFile'](describeReadError(flags.bodyFile, error as NodeJS.ErrnoException)));
	}

	const [from, ...recipients] = mailboxes;
	return {
		settings: resolved.settings,
		from: from!,
		to: recipients.slice(0, to.length),
		cc: recipients.slice(to.length),
		utf8Addresses,
		subject: flags.subject,
		headers,
		body,
		...(auth ? {auth} : {}),
		...(flags.bdat ? {bdat: {chunkSize}} : {}),
		verbose: flags.verbose,
		json: flags.json,
	};
}

async function readCredentials(flags: SendFlags, settings: SendRequest['settings'], io: CommandIo, t: Messages): Promise<SendRequest['auth'] | Stopped> {
	if (flags.user === undefined) {
		return flags.auth === undefined ? undefined : new Stopped(exitCodes.usage, t['send.error.authNeedsUser']);
	}

	if (flags.user === '' || hasControlCharacter(flags.user)) return new Stopped(exitCodes.usage, t['send.error.userName']);
	const mechanism = flags.auth?.toUpperCase();
	if (mechanism !== undefined && !(computableMechanisms as readonly string[]).includes(mechanism)) {
		return new Stopped(exitCodes.usage, t['send.error.mechanism'](sanitizeForDisplay(mechanism), computableMechanisms.join(', ')));
	}

	// Known before connecting: with STARTTLS off, AUTH could only go out in plaintext (E1).
	if (settings.startTls === 'no' && !settings.implicitTls && !isLoopback(settings.target)) {
		return new Stopped(exitCodes.auth, t['send.error.plaintext'](t['send.why.noStarttlsFlag']));
	}

	let password = io.env[passwordVariable];
	password ??= await promptSecret(io, t['send.passwordPrompt'](sanitizeForDisplay(flags.user)));
	if (password === undefined) {
		return new Stopped(exitCodes.usage, t['send.error.noPassword'](passwordVariable));
	}

	return {user: flags.user, password, ...(mechanism ? {mechanism: mechanism as ComputableMechanism} : {})};
}

const openingStages: Record<string, Stage> = {dns: 'connect', connect: 'connect', proxy: 'proxy', tls: 'tls', greeting: 'greeting', ehlo: 'ehlo', starttls: 'starttls', xclient: 'xclient'};

/** A reply that ends the transaction at `stage`: a refusal, or a 421 anywhere (RFC 5321 3.8). */
const refusedAt = (reply: Reply, stage: Stage, what: string | Wording) => Stopped.by(new SmtpReplyError(reply, stage), stage, t => `${typeof what === 'string' ? what : what(t)}: ${shownReply(reply)}`);

/** The whole transaction, from connect to the reply to the message, recorded in `progress`. QUIT is the caller's. */
async function transact(controller: SessionController, request: SendRequest, progress: Progress, startUpload: (total: number) => ByteProgress | undefined): Promise<Stopped | undefined> {
	const {settings} = request;
	const opening = await openSession(controller, {ehloName: settings.ehloName, startTls: settings.startTls, lmtp: settings.lmtp, ...(settings.xclient ? {xclient: settings.xclient} : {})});
	if (!opening.ok) return Stopped.by(opening.error, openingStages[opening.stage] ?? 'connect');

	if (request.auth) {
		const failure = await signIn(controller, request.auth, settings.startTls);
		if (failure) return failure;
	}

	const {ehlo} = controller.sessionState;
	if (request.utf8Addresses && !hasExtension(ehlo, 'SMTPUTF8')) {
		return new Stopped(exitCodes.sender, t => t['send.error.smtputf8']);
	}

	if (request.bdat && !hasExtension(ehlo, 'CHUNKING')) {
		return new Stopped(exitCodes.data, t => t['send.error.chunking']);
	}

	const eightBitMime = hasExtension(ehlo, '8BITMIME');
	const encoding = chooseEncoding(request.body.facts, eightBitMime);
	const header = messageHeader({
		from: request.from,
		to: request.to,
		cc: request.cc,
		subject: request.subject,
		headers: request.headers,
		date: new Date(),
		messageId: `${randomUUID()}@${settings.ehloName}`,
		eightBitMime,
	}, encoding);
	const size = header.length + (await request.body.encodedBytes(encoding));
	progress.size = size;
	const limit = ehlo?.sizeLimit;
	// RFC 1870 4: a message over the server's SIZE is refused by the client before MAIL.
	if (limit && size > limit) {
		return new Stopped(exitCodes.sender, t => t['send.error.size'](size, limit));
	}

	const params = [
		...(messageIsEightBit(header, encoding) && eightBitMime ? ['BODY=8BITMIME'] : []),
		...(request.utf8Addresses ? ['SMTPUTF8'] : []),
		...(limit === undefined ? [] : [`SIZE=${size}`]),
	];
	const mail = await controller.command(`MAIL FROM:<${request.from.address}>${params.map(param => ` ${param}`).join('')}`);
	if (!mail.ok) return lost(controller, mail.error, 'MAIL', 'mail');
	if (mail.reply.code !== 250) return refusedAt(mail.reply, 'mail', t => t['send.mailRefused']);

	const addresses = [...new Set([...request.to, ...request.cc].map(mailbox => mailbox.address))];
	for (const address of addresses) {
		const rcpt = await controller.command(`RCPT TO:<${address}>`);
		if (!rcpt.ok) return lost(controller, rcpt.error, 'RCPT', 'rcpt');
		// A 421 ends the session: no further RCPT, no DATA (RFC 5321 3.8).
		if (rcpt.reply.code === 421) return refusedAt(rcpt.reply, 'rcpt', `RCPT TO:<${address}>`);
		(rcpt.reply.code === 250 || rcpt.reply.code === 251 ? progress.accepted : progress.refused).push({address, reply: rcpt.reply});
	}

	// RFC 5321 3.3: no DATA without an accepted recipient (B16).
	if (progress.accepted.length === 0) {
		const refused = progress.refused.map(({address, reply}) => `<${address}> ${shownReply(reply)}`).join('; ');
		return new Stopped(exitCodes.recipients, t => t['send.error.allRefused'](refused));
	}

	const body = request.body;
	const upload = startUpload(size);
	// The controller asks for the next piece once the last one is written (backpressure), so
	// what has been yielded is what has gone out.
	async function * message() {
		yield header;
		let done = header.length;
		for await (const piece of body.pieces(encoding)) {
			yield piece;
			done += piece.length;
			upload?.update(done);
		}
	}

	let final: CommandOutcome;
	try {
		if (request.bdat) {
			final = await controller.sendBdatStream(message(), request.bdat.chunkSize);
		} else {
			const data = await controller.command('DATA');
			if (!data.ok) return lost(controller, data.error, 'DATA', 'data');
			if (data.reply.code !== 354) return refusedAt(data.reply, 'data', t => t['send.dataRefused']);
			final = await controller.sendDataStream(message());
		}
	} finally {
		// The line is erased before anything else is said on stderr.
		upload?.finish();
	}

	if (!final.ok) return lost(controller, final.error, undefined, 'data');
	progress.final = final.reply;
	if (final.deliveries) return lmtpOutcome(final.deliveries, progress);
	if (final.reply.code !== 250) return refusedAt(final.reply, 'data', t => t['send.messageRefused']);
	return undefined;
}

/** LMTP: each accepted recipient's own reply; delivered to some is a partial success (RFC 2033 4.2). */
function lmtpOutcome(deliveries: Delivery[], progress: Progress): Stopped | undefined {
	const delivered = deliveries.filter(delivery => delivery.reply.code === 250);
	const notDelivered = deliveries.filter(delivery => delivery.reply.code !== 250);
	progress.refused.push(...notDelivered.map(({recipient, reply}) => ({address: recipient, reply})));
	if (delivered.length === 0) {
		return new Stopped(exitCodes.data, t => t['send.error.noneDelivered'](notDelivered.map(({recipient, reply}) => `<${recipient}> ${shownReply(reply)}`).join('; ')));
	}

	const lines = delivered.map(({recipient, reply}) => `<${recipient}> ${shownReply(reply)}`);
	progress.summary = text()['send.deliveredLmtp'](progress.size, delivered.length, deliveries.length, lines.join('; '));
	return undefined;
}

async function signIn(controller: SessionController, auth: NonNullable<SendRequest['auth']>, startTls: string): Promise<Stopped | undefined> {
	const state = controller.sessionState;
	if (!state.tls && !isLoopback(controller.target)) {
		const why = hasExtension(state.ehlo, 'STARTTLS') ? (startTls === 'no' ? 'send.why.starttlsOff' : 'send.why.starttlsRefused') : 'send.why.notOffered';
		return new Stopped(exitCodes.auth, t => t['send.error.plaintext'](t[why]));
	}

	const offered = state.ehlo?.auth ?? [];
	if (offered.length === 0) return new Stopped(exitCodes.auth, t => t['send.error.noAuth'](Boolean(state.tls)));
	const mechanism = auth.mechanism ?? preferredMechanisms.find(name => offered.includes(name));
	if (!mechanism || !offered.includes(mechanism)) {
		return new Stopped(exitCodes.auth, t => t['send.error.mechanismNotOffered'](mechanism, sanitizeForDisplay(offered.join(', '))));
	}

	const target = controller.target;
	const request: AuthRequest = usesToken(mechanism)
		? {mechanism, user: auth.user, token: auth.password, ...(target.kind === 'tcp' ? {host: target.host, port: target.port} : {})}
		: {mechanism, credentials: {user: auth.user, password: auth.password}};
	const result = await authenticate(controller, request);
	return result.ok ? undefined : Stopped.by(result.error, 'auth');
}

/**
No reply came (the connection closed, or a deadline passed). The controller's last error
note says it best: whether the message was NOT sent, or its fate is unknown (C3, C4).
*/
function lost(controller: SessionController, error: SessionError, verb: string | undefined, stage: Stage): Stopped {
	if (!(error instanceof TransportError)) return Stopped.by(error, stage, t => `${verb ?? t['send.theMessage']}: ${failureText(error, t)}`);
	// The note is in the session's language, which is the language the line is printed in.
	const note = controller.transcript.entries.findLast(entry => entry.kind === 'error');
	return Stopped.by(error, stage, t => {
		const why = note?.text ?? failureText(error, t);
		return verb ? t['send.noReplyTo'](verb, why) : t['send.noReplyToMessage'](why);
	});
}
