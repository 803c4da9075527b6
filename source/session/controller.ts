import {type BdatChunk, BdatChunker, DotStuffer} from '../protocol/body-stream.js';
import {normalizeMessage} from '../protocol/data-encoder.js';
import {failureText, NotSent, type Wording, ProtocolViolation, type SessionError, SmtpReplyError, type Stage, TlsError, TransportError, type TransportKind} from '../protocol/errors.js';
import {canSendNow} from '../protocol/pipelining.js';
import {progressTiming, redrawDue} from '../protocol/progress.js';
import {createReplyParser, type ParseEvent, type ReplyParser, type ReplyViolation} from '../protocol/reply-parser.js';
import {formatReplyLine, type Reply, replyText} from '../protocol/reply.js';
import {decodeChallenge} from '../protocol/sasl.js';
import {awaitingBody, initialSessionState, isOpen, type SentCommand, type SessionEvent, sessionReducer, type SessionState, speaksLmtp, type TlsState} from '../protocol/session.js';
import type {MxHost} from '../protocol/mx.js';
import type {ProxyHeader} from '../protocol/proxy-protocol.js';
import {formatProxy} from '../protocol/proxy-url.js';
import {type Endpoint, formatTarget, isLoopback, type Target} from '../protocol/target.js';
import {concatBytes, decodeLenient, encodeUtf8} from '../protocol/text.js';
import type {NewEntry, TranscriptEntry} from '../protocol/transcript.js';
import {validateLine, type Validation} from '../protocol/validate.js';
import {connectError, type RouteOptions, SmtpConnection, type TlsOptions} from '../transport/connection.js';
import {lookupMx, lookupThrough} from '../transport/dns.js';
import {daysToExpiry} from '../transport/tls-info.js';
import {defaultTimeouts, formatDuration, timeoutFor, type Timeouts, timeoutSources} from '../transport/timeouts.js';
import {messages, type Messages, text} from '../i18n/messages.js';
import {TranscriptStore} from './transcript-store.js';

/**
The session controller owns one conversation: the socket, the reply parser, the session
state and the transcript. The full-screen app and the non-interactive commands both drive
it; the UI reads it through subscribe/getSnapshot (useSyncExternalStore).
*/

export type ControllerOptions = {
	target: Target;
	/** TLS from the first byte (port 465 style, RFC 8314). */
	implicitTls?: boolean;
	tls?: TlsOptions;
	/** Never send AUTH or a transaction in plaintext; abort when STARTTLS fails (RFC 3207 6). */
	requireTls?: boolean;
	timeouts?: Partial<Timeouts>;
	/** SOCKS5 proxy and PROXY protocol header for every connection. */
	route?: Omit<RouteOptions, 'lookup'>;
	/** The DNS server for MX and address lookups (`--dns-server`); the system's when absent. */
	dnsServer?: string;
	clock?: () => number;
	/** Called for every new transcript entry (the --transcript file appends from here). */
	onEntry?: (entry: TranscriptEntry, secret: Uint8Array | undefined) => void;
	/** Entries kept in memory. */
	scrollback?: number;
};

/** What the controller is waiting for, and since when: the UI shows a live timer. */
export type Wait = {label: string; since: number; timeoutMs: number; source: string};

/**
A message body on its way (after DATA's 354, or as BDAT chunks): how many bytes of the
message have been handed to the socket, of how many, since when, and when last counted.
*/
export type Upload = {kind: 'data' | 'bdat'; done: number; total?: number; since: number; at: number};

/** How the session reached its server: the MX hosts tried, the proxy, the PROXY header. */
export type RouteInfo = {
	mx?: {domain: string; implicit: boolean; hosts: MxHost[]; tried: Array<{host: string; result: string}>; answered?: string};
	/** The domain published a null MX (RFC 7505): it accepts no mail. */
	nullMx?: boolean;
	proxy?: string;
	/** The PROXY protocol header sent first, as the transcript shows it, and its fields. */
	proxyHeader?: string;
	proxyProtocol?: ProxyHeader;
	/** The host (or socket) the session is connected to, or last tried. */
	endpoint?: Endpoint;
};

export type Snapshot = {
	version: number;
	state: SessionState;
	/** The transcript (the same array across snapshots: read it with `entryCount`). */
	entries: readonly TranscriptEntry[];
	entryCount: number;
	wait?: Wait;
	/** Lines typed while a reply was due, in order. */
	queue: readonly string[];
	target: Target;
	implicitTls: boolean;
	insecure: boolean;
	addresses?: {local: string; remote: string};
	route: RouteInfo;
	/** The message body being sent, while it is. */
	upload?: Upload;
};

/** LMTP: one recipient's reply after the message (RFC 2033 4.2). */
export type Delivery = {recipient: string; reply: Reply};

/** A command's fate: its reply, or a typed reason none came (see protocol/errors.ts). */
export type CommandOutcome = {ok: true; reply: Reply; tls?: TlsState; deliveries?: Delivery[]} | {ok: false; error: SessionError; reply?: Reply};

/** Something the session noticed that a report must carry, though the session went on. */
export type SessionWarning = {kind: 'starttls-injection'; bytes: number; text: string};

export type SendResult = {
	status: 'blocked' | 'needs-confirmation' | 'sent' | 'queued';
	validation: Validation;
	/** Settles with the reply; absent when nothing was sent or no reply is expected (a body line). */
	outcome?: Promise<CommandOutcome>;
};

export type ConnectOutcome =
	| {ok: true; greeting: Reply}
	| {ok: false; stage: 'dns' | 'connect' | 'proxy' | 'tls' | 'greeting'; message: string; error: SessionError; greeting?: Reply; nullMx?: boolean};

type Queued = {line: string; validation: Validation; resolve: (outcome: CommandOutcome) => void};

/** What goes on the wire for one line, as the validator describes it. */
type Outgoing = Pick<Validation, 'kind' | 'verb' | 'args' | 'wire' | 'display' | 'secret' | 'identity'>;

/** Names the reply a pending command waits for, in notes and the wait timer. */
const awaitedReply = (command: SentCommand, t: Messages) => (command.kind === 'data-end' ? t['session.wait.message'] : t['session.wait.reply'](command.verb));

/**
The English table: errors handed to programs (outcomes, send --json, run's report) stay in
English; the transcript's notes and the wait labels speak the session's language (text()).
*/
const english = messages('en');

/** Why the client closed the connection, named in both tables. */
type CloseReason = 'QUIT' | {key: 'session.close.reconnecting' | 'session.close.writeFailed' | 'session.close.sourceFailed' | 'session.close.uploadCancelled' | 'session.close.cancelled' | 'session.close.byUser' | 'session.close.oversized'} | {timeout: (t: Messages) => string};

function closeReasonText(reason: CloseReason, t: Messages): string {
	if (reason === 'QUIT') return reason;
	return 'key' in reason ? t[reason.key] : t['session.close.timeout'](reason.timeout(t));
}

/** How the timeouts that RFC 5321 does not set are named in notes; RFC ones are cited as such. */
function timeoutSource(name: keyof Timeouts, t: Messages): string {
	switch (name) {
		case 'connect': return t['session.timeout.connect'];
		case 'command': return t['session.timeout.command'];
		case 'tlsHandshake': return t['session.timeout.tlsHandshake'];
		case 'quit': return t['session.timeout.quit'];
		default: return timeoutSources[name];
	}
}

/** How many lines of a message body the transcript shows before summarising the rest. */
const bodyLinesShown = 200;
/** The body is written in blocks; each must drain within the data-block timeout. */
const blockBytes = 64 * 1024;
/** A body line longer than this is shown cut in the transcript (it still goes whole). */
const shownLineBytes = 4096;

export class SessionController {
	readonly target: Target;
	private readonly options: ControllerOptions;
	private readonly timeouts: Timeouts;
	private readonly clock: () => number;
	private readonly store: TranscriptStore;
	private state: SessionState = initialSessionState();
	private parser: ReplyParser = createReplyParser();
	private connection?: SmtpConnection;
	private nextCommandId = 1;
	private readonly waiters = new Map<number, (outcome: CommandOutcome) => void>();
	private queue: Queued[] = [];
	private timer?: {key: string; handle: NodeJS.Timeout; wait: Wait};
	private greetingWaiter?: (outcome: ConnectOutcome) => void;
	private connectAbort?: AbortController;
	private upgrading = false;
	private snapshot: Snapshot;
	private readonly listeners = new Set<() => void>();
	private notifyScheduled = false;
	private route: RouteInfo = {};
	private readonly noticed: SessionWarning[] = [];
	/** QUIT went out on the current connection: it is never sent twice. */
	private quitSent = false;
	/** Why the client dropped the connection, for the typed error the waiters get. */
	private closeKind: TransportKind = 'closed';
	/**
	The body being sent; `ending` once the bytes that complete the message (the final dot,
	the end of BDAT LAST) are handed to the socket: from then on the server may deliver.
	*/
	private upload?: Upload & {ending: boolean; publishedAt: number; pending?: NodeJS.Timeout};

	constructor(options: ControllerOptions) {
		this.options = options;
		this.target = options.target;
		this.timeouts = {...defaultTimeouts, ...options.timeouts};
		this.clock = options.clock ?? Date.now;
		this.store = new TranscriptStore(this.clock, options.scrollback);
		this.snapshot = this.buildSnapshot(0);
	}

	// --- reading -----------------------------------------------------------------------

	subscribe = (listener: () => void): (() => void) => {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	};

	getSnapshot = (): Snapshot => this.snapshot;

	get sessionState(): SessionState {
		return this.state;
	}

	/** How the session reached its server (MX hosts tried, proxy, PROXY header). */
	get routeInfo(): RouteInfo {
		return this.route;
	}

	get transcript(): TranscriptStore {
		return this.store;
	}

	/** What reports must mention though the session went on (STARTTLS response injection). */
	get warnings(): readonly SessionWarning[] {
		return this.noticed;
	}

	/** Checks a line against the protocol, the state and what the server advertised. */
	validate(line: string): Validation {
		return validateLine(line, {state: this.state, loopback: isLoopback(this.route.endpoint ?? this.target), requireTls: Boolean(this.options.requireTls)});
	}

	private buildSnapshot(version: number): Snapshot {
		return {
			version,
			state: this.state,
			entries: this.store.entries,
			entryCount: this.store.entries.length,
			...(this.timer ? {wait: this.timer.wait} : {}),
			queue: this.queue.map(item => item.validation.display),
			target: this.target,
			implicitTls: Boolean(this.options.implicitTls),
			insecure: Boolean(this.options.tls?.insecure),
			...(this.connection ? {addresses: this.connection.addresses} : {}),
			route: this.route,
			...(this.upload ? {upload: publicUpload(this.upload)} : {}),
		};
	}

	/** Listeners hear about changes once per tick, however many happened. */
	private changed() {
		if (this.notifyScheduled) return;
		this.notifyScheduled = true;
		queueMicrotask(() => {
			this.notifyScheduled = false;
			this.snapshot = this.buildSnapshot(this.snapshot.version + 1);
			for (const listener of this.listeners) listener();
		});
	}

	private note(kind: 'info' | 'warning' | 'error', text: string, extra: Partial<NewEntry> = {}) {
		this.record({kind, tls: Boolean(this.state.tls), text, ...extra});
	}

	private record(entry: NewEntry, secret?: Uint8Array) {
		const added = this.store.add(entry, secret);
		this.options.onEntry?.(added, secret);
		this.changed();
	}

	private dispatch(event: SessionEvent) {
		this.state = sessionReducer(this.state, event);
		this.armTimer();
		this.changed();
	}

	/** Adds a note of the app's own to the transcript (demo credentials, hints, saves). */
	annotate(kind: 'info' | 'warning' | 'error', text: string): void {
		this.note(kind, text);
	}

	// --- connecting --------------------------------------------------------------------

	/**
	Resolves once the banner is in or the attempt has ended (failed, refused, closed), or
	after `timeoutMs` at the latest. The explorer draws its first frame then: one frame with
	the banner rather than one for each step of connecting.
	*/
	async pastGreeting(timeoutMs: number): Promise<void> {
		const waiting = () => this.state.phase === 'connecting' || this.state.phase === 'greeting';
		if (!waiting()) return;
		await new Promise<void>(resolve => {
			const done = () => {
				clearTimeout(timer);
				unsubscribe();
				resolve();
			};

			const timer = setTimeout(done, timeoutMs);
			const unsubscribe = this.subscribe(() => {
				if (!waiting()) done();
			});
		});
	}


	/**
	Connects and waits for the banner. For an `mx:` target the MX hosts are tried in order,
	each attempt in the transcript, until one greets with 220 (RFC 5321 5.1). Never throws:
	failures are outcomes and transcript lines.
	*/
	async connect(): Promise<ConnectOutcome> {
		if (this.connection && !this.connection.isClosed) this.dropConnection({key: 'session.close.reconnecting'});
		const {target} = this;
		const proxy = this.options.route?.socks ? {proxy: formatProxy(this.options.route.socks.proxy)} : {};
		this.route = {...proxy};
		if (target.kind !== 'mx') return this.connectTo(target);

		this.dispatch({type: 'connecting'});
		this.note('info', text()['session.mxLookup'](target.domain, this.options.dnsServer));
		const found = await lookupMx(target.domain, {timeoutMs: this.timeouts.connect, ...(this.options.dnsServer ? {server: this.options.dnsServer} : {})});
		const fail = (words: string | Wording, extra: {nullMx?: boolean} = {}): ConnectOutcome => {
			const error = new TransportError('dns', words);
			const shown = failureText(error, text());
			this.note(extra.nullMx ? 'info' : 'error', shown);
			this.dispatch({type: 'closed', reason: shown});
			return {ok: false, stage: 'dns', message: error.message, error, ...extra};
		};

		if (!found.ok) return fail(found.message);
		const {plan} = found;
		if (plan.kind === 'error') return fail(plan.message);
		if (plan.kind === 'null-mx') {
			this.route = {...this.route, nullMx: true};
			return fail(t => t['session.nullMx'](target.domain), {nullMx: true});
		}

		if (found.cnames.length > 0) this.note('info', text()['session.cname'](target.domain, found.cnames.at(-1)!));
		this.note('info', plan.implicit
			? text()['session.implicitMx'](target.domain)
			: text()['session.mxHosts'](target.domain, plan.hosts.map(host => `${host.host} (${host.preference})`).join(', ')));
		const mx: NonNullable<RouteInfo['mx']> = {domain: target.domain, implicit: plan.implicit, hosts: plan.hosts, tried: []};
		const none = new TransportError('dns', t => t['session.noMxHost']);
		let last: ConnectOutcome = {ok: false, stage: 'dns', message: none.message, error: none};
		for (const [index, host] of plan.hosts.entries()) {
			this.route = {...this.route, mx: {...mx, tried: [...mx.tried]}};
			last = await this.connectTo({kind: 'tcp', host: host.host, port: target.port});
			// The route (probe's JSON) keeps the result in English; the note says it in the session's language.
			const resultIn = (t: Messages) => (last.ok ? `220 ${replyText(last.greeting).split('\n')[0]}` : last.greeting ? t['session.banner'](last.greeting.code) : last.message);
			const result = resultIn(english);
			mx.tried.push({host: host.host, result});
			if (last.ok) {
				this.route = {...this.route, mx: {...mx, tried: [...mx.tried], answered: host.host}};
				this.changed();
				return last;
			}

			// A proxy that refuses us refuses us for every host.
			if (last.stage === 'proxy') break;
			if (last.greeting && this.connection && !this.connection.isClosed) await this.quit();
			if (index < plan.hosts.length - 1) this.note('warning', text()['session.mxNext'](host.host, resultIn(text())));
		}

		this.route = {...this.route, mx: {...mx, tried: [...mx.tried]}};
		this.changed();
		if (last.ok) return last;
		const message = mx.tried.length > 1 ? english['session.mxNone'](target.domain, mx.tried.map(attempt => `${attempt.host}: ${attempt.result}`).join('; ')) : last.message;
		return {...last, message};
	}

	/** One connection attempt to one host or socket, up to its banner. */
	private async connectTo(endpoint: Endpoint): Promise<ConnectOutcome> {
		this.parser = createReplyParser();
		this.queue = [];
		this.route = {...this.route, endpoint};
		this.quitSent = false;
		this.dispatch({type: 'connecting'});
		const where = formatTarget(endpoint);
		const implicitTls = Boolean(this.options.implicitTls);
		this.note('info', text()['session.connecting'](where, implicitTls, this.route.proxy), {event: {type: 'connecting', target: where, implicitTls}});
		if (this.options.tls?.insecure) {
			this.note('warning', text()['session.insecure']);
		}

		this.connectAbort = new AbortController();
		const {dnsServer} = this.options;
		const result = await SmtpConnection.open(endpoint, {
			implicitTls: Boolean(this.options.implicitTls),
			tls: this.options.tls ?? {},
			timeoutMs: this.timeouts.connect,
			signal: this.connectAbort.signal,
			route: {...this.options.route, ...(dnsServer ? {lookup: lookupThrough({server: dnsServer, timeoutMs: this.timeouts.connect})} : {})},
		});
		this.connectAbort = undefined;

		if (!result.ok) {
			const {failure} = result;
			const what = failure.stage === 'tls' ? 'session.tlsFailedWith' : failure.stage === 'proxy' ? 'session.proxyCouldNotReach' : 'session.couldNotConnect';
			this.note('error', text()[what](where, failure.message));
			this.dispatch({type: 'closed', reason: failure.message});
			return {ok: false, stage: failure.stage, message: failure.message, error: connectError(failure)};
		}

		const {connection} = result;
		this.connection = connection;
		connection.on('data', chunk => this.onData(connection, chunk));
		connection.on('close', info => this.onClose(connection, info));
		this.note('info', text()['session.connected'](where, this.route.proxy, connection.addresses.remote, connection.addresses.local));
		if (result.proxyHeader) {
			this.route = {...this.route, proxyHeader: result.proxyHeader, ...(result.proxyProtocol ? {proxyProtocol: result.proxyProtocol} : {})};
			this.note('info', text()['session.proxyHeader'](result.proxyHeader));
		}

		if (result.tls) this.describeTls(result.tls);
		const greeting = new Promise<ConnectOutcome>(resolve => {
			this.greetingWaiter = resolve;
		});
		this.dispatch({type: 'connected', ...(result.tls ? {tls: result.tls} : {})});
		return greeting;
	}

	private describeTls(tls: TlsState) {
		const t = text();
		this.record({kind: 'info', tls: true, text: t['session.tlsEstablished'](tls.via, tls.protocol, tls.cipher), event: {type: 'tls', via: tls.via}});
		const peer = tls.peer;
		if (peer) {
			const days = daysToExpiry(peer, this.clock());
			this.record({
				kind: 'info',
				tls: true,
				text: t['session.certificate'](peer.subject, peer.altNames.join(', '), peer.issuer, peer.validTo.slice(0, 10), days, peer.fingerprint256),
			});
		}

		if (tls.verified) {
			this.record({kind: 'info', tls: true, text: t['session.verifiedFor'](tls.servername)});
		} else {
			this.record({kind: 'warning', tls: true, text: t['session.notVerified'](tls.verifyError)});
		}
	}

	// --- sending -----------------------------------------------------------------------

	/**
	Validates a typed line and sends it, or queues it while a reply is due. Errors are never
	sent; warnings need `confirmed`. The outcome settles with the reply (or why none came).
	*/
	send(line: string, options: {confirmed?: boolean} = {}): SendResult {
		const validation = this.validate(line);
		if (validation.verdict === 'blocked') return {status: 'blocked', validation};
		if (validation.verdict === 'confirm' && !options.confirmed) return {status: 'needs-confirmation', validation};

		if (validation.kind === 'data-line') {
			void this.write(validation.wire, 'dataBlock').catch(() => undefined);
			this.record({kind: 'sent', tls: Boolean(this.state.tls), text: validation.display, bytes: validation.wire});
			return {status: 'sent', validation};
		}

		if (this.queue.length > 0 || !canSendNow(this.state)) {
			const outcome = new Promise<CommandOutcome>(resolve => {
				this.queue.push({line, validation, resolve});
			});
			this.changed();
			return {status: 'queued', validation, outcome};
		}

		return {status: 'sent', validation, outcome: this.transmit(validation)};
	}

	/** Sends a line the caller has already checked (scripts), waiting for its reply. */
	async command(line: string): Promise<CommandOutcome> {
		const result = this.send(line, {confirmed: true});
		if (result.status === 'blocked' || result.status === 'needs-confirmation') {
			const problem = result.validation.diagnostics.find(diagnostic => diagnostic.severity === 'error');
			const closed = problem?.code === 'not-connected' || problem?.code === 'closing';
			return {ok: false, error: new NotSent(closed ? 'closed' : problem?.code === 'plaintext-credentials' ? 'plaintext-credentials' : 'blocked', problem?.message ?? 'blocked')};
		}

		return result.outcome ?? {ok: false, error: new NotSent('blocked', t => t['error.noReplyExpected'])};
	}

	private transmit(validation: Outgoing): Promise<CommandOutcome> {
		if (validation.kind === 'data-end' && speaksLmtp(this.state)) {
			const outcome = this.expectMessageReplies();
			this.record({kind: 'sent', tls: Boolean(this.state.tls), text: validation.display, bytes: validation.wire});
			this.write(validation.wire, 'dataBlock').catch((error: Error) => {
				this.note('error', text()['session.endNotSent'](error.message));
				this.dropConnection({key: 'session.close.writeFailed'});
			});
			return outcome;
		}

		const command: SentCommand = {
			id: this.nextCommandId++,
			kind: validation.kind === 'data-end' ? 'data-end' : validation.kind === 'sasl-response' ? 'sasl-response' : 'command',
			verb: validation.verb,
			args: validation.args,
			display: validation.display,
			secret: validation.secret,
			sentAt: this.clock(),
			...(validation.identity ? {identity: validation.identity} : {}),
		};
		const outcome = this.expectReply(command);
		if (command.kind === 'command' && command.verb === 'QUIT') this.quitSent = true;
		// The command is pending before its bytes leave, so even an instant reply pairs with it.
		this.dispatch({type: 'sent', command});
		this.record(
			{kind: 'sent', tls: Boolean(this.state.tls), text: validation.display, ...(validation.secret ? {redacted: true} : {bytes: validation.wire})},
			validation.secret ? validation.wire : undefined,
		);
		this.write(validation.wire, command.kind === 'data-end' ? 'dataBlock' : 'command').catch((error: Error) => {
			this.note('error', text()['session.couldNotSend'](validation.verb, error.message));
			this.dropConnection({key: 'session.close.writeFailed'});
		});
		return outcome;
	}

	/** Open, and neither closing nor in the middle of a TLS handshake. */
	private canWrite(): boolean {
		return isOpen(this.state) && this.state.phase !== 'closing' && this.state.phase !== 'tls-handshake';
	}

	private expectReply(command: SentCommand): Promise<CommandOutcome> {
		return new Promise(resolve => {
			this.waiters.set(command.id, resolve);
		});
	}

	private async write(bytes: Uint8Array, timeout: keyof Timeouts): Promise<void> {
		if (!this.connection || this.connection.isClosed) throw new Error('not connected');
		await this.connection.write(bytes, this.timeouts[timeout]);
	}

	/** Sends a whole message body after a 354: normalised, dot-stuffed, ended with CRLF.CRLF. */
	async sendData(body: Uint8Array | string): Promise<CommandOutcome> {
		const {bytes} = normalizeMessage(typeof body === 'string' ? encodeUtf8(body) : body);
		// In blocks, so the upload's progress moves as the socket takes them.
		return this.sendDataStream(blocksOf(bytes), {total: bytes.length});
	}

	/**
	Sends a message body after a 354 from pieces of CRLF-normalised bytes (send streams a
	file this way): dot-stuffed, ended with CRLF.CRLF, each block under the data-block
	timeout, the next piece read only once the socket took the last (backpressure). If the
	pieces fail, the terminator is never sent and the connection closes: a cut message must
	not be delivered.
	*/
	async sendDataStream(pieces: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, options: {total?: number} = {}): Promise<CommandOutcome> {
		if (!awaitingBody(this.state)) {
			return {ok: false, error: new NotSent('not-in-data', t => t['error.notInData'])};
		}

		// Pending before the bytes leave, so even an instant reply pairs with it; the final
		// reply's timer runs from here (a slow upload shows as waiting on the message).
		const outcome = this.expectMessageReplies();
		const stuffer = new DotStuffer();
		const recorder = this.bodyRecorder();
		this.beginUpload('data', options.total);
		try {
			const written = await this.writePieces(pieces, piece => {
				const out = stuffer.push(piece);
				recorder.push(out);
				return out;
			});
			if (!written) return outcome;
			recorder.end();
			// RFC 5321 4.1.1.4: the final dot ends the message, and the server may deliver on it.
			this.upload!.ending = true;
			const ended = await this.writeMessage(stuffer.end());
			if (ended) this.record({kind: 'sent', tls: Boolean(this.state.tls), text: '.', bytes: encodeUtf8('.\r\n')});
			return outcome;
		} finally {
			this.endUpload();
		}
	}

	/** Writes each piece (as `transform` gives it) under the data-block timeout; false when the source or the socket failed (the connection is then closed). */
	private async writePieces(pieces: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, transform: (piece: Uint8Array) => Uint8Array): Promise<boolean> {
		try {
			for await (const piece of pieces) {
				if (!(await this.writeMessage(transform(piece)))) return false;
				this.advanceUpload(piece.length);
			}
		} catch (error) {
			this.note('error', text()['session.readingFailed']((error as Error).message));
			this.dropConnection({key: 'session.close.sourceFailed'});
			return false;
		}

		return true;
	}

	/**
	The replies the end of a message brings: one for SMTP; for LMTP one per accepted
	recipient, in RCPT order (RFC 2033 4.2), each paired with its recipient. The outcome
	settles when the last has come, with every delivery.
	*/
	private expectMessageReplies(): Promise<CommandOutcome> {
		const base = {kind: 'data-end', verb: '', args: '', display: '.', secret: false} as const;
		if (!speaksLmtp(this.state)) {
			const command: SentCommand = {...base, id: this.nextCommandId++, sentAt: this.clock()};
			const outcome = this.expectReply(command);
			this.dispatch({type: 'sent', command});
			return outcome;
		}

		const accepted = this.state.envelope.recipients.filter(recipient => recipient.status === 'accepted').map(recipient => recipient.address);
		const commands = accepted.map((recipient): SentCommand => ({...base, id: this.nextCommandId++, sentAt: this.clock(), recipient}));
		const outcomes = commands.map(command => this.expectReply(command));
		for (const command of commands) this.dispatch({type: 'sent', command});
		return Promise.all(outcomes).then(results => {
			const failed = results.find(result => !result.ok);
			if (failed) return failed;
			const deliveries = results.map((result, index) => ({recipient: accepted[index]!, reply: (result as Extract<CommandOutcome, {ok: true}>).reply}));
			return {ok: true, reply: deliveries.at(-1)!.reply, deliveries};
		});
	}

	/** Writes message bytes under the data-block timeout; a failure closes the connection, since the server's view of the message is lost. */
	private async writeMessage(bytes: Uint8Array): Promise<boolean> {
		const {connection} = this;
		try {
			if (!connection || connection.isClosed) throw new Error('not connected');
			await connection.writeAll(bytes, blockBytes, this.timeouts.dataBlock);
			return true;
		} catch (error) {
			// A connection that closed has said so already (onClose), with what became of the message.
			if (connection && !connection.isClosed) {
				this.note('error', text()['session.notSentCompletely']((error as Error).message));
				this.dropConnection({key: 'session.close.writeFailed'});
			}

			return false;
		}
	}

	// --- the upload's progress ---------------------------------------------------------

	private beginUpload(kind: Upload['kind'], total: number | undefined) {
		const now = this.clock();
		this.upload = {kind, done: 0, ...(total === undefined ? {} : {total}), since: now, at: now, ending: false, publishedAt: now};
		this.changed();
	}

	/**
	Counts bytes of the message through. The snapshot shows the count at most four times a
	second (protocol/progress.ts): a fast upload writes hundreds of blocks a second, and
	each new snapshot redraws the screen. A count held back is shown when the interval is
	up, so an upload that stalls (a slow server, a chunk awaiting its reply) shows where it is.
	*/
	private advanceUpload(bytes: number) {
		const {upload} = this;
		if (!upload) return;
		upload.done += bytes;
		upload.at = this.clock();
		if (upload.pending) return;
		const publish = () => {
			upload.pending = undefined;
			if (this.upload !== upload) return;
			upload.publishedAt = this.clock();
			this.changed();
		};

		if (redrawDue(upload.since, upload.publishedAt, upload.at, {delayMs: 0, intervalMs: progressTiming.intervalMs})) {
			publish();
			return;
		}

		upload.pending = setTimeout(publish, upload.publishedAt + progressTiming.intervalMs - upload.at);
		upload.pending.unref?.();
	}

	private endUpload() {
		if (!this.upload) return;
		clearTimeout(this.upload.pending);
		this.upload = undefined;
		this.changed();
	}

	/** An upload that can still be cut without the message being delivered: the final bytes are not on their way yet. */
	get uploadCancellable(): boolean {
		return Boolean(this.upload && !this.upload.ending && this.connection && !this.connection.isClosed);
	}

	/**
	Shows the body in the transcript as it goes: its first lines (each cut to a screenful),
	then how much more went. Holds at most one cut line, whatever the message's size.
	*/
	private bodyRecorder() {
		const tls = Boolean(this.state.tls);
		const say = text();
		let shown = 0;
		let notShown = 0;
		let partial: Uint8Array[] = [];
		let partialBytes = 0;
		let partialLength = 0;
		const recordLine = () => {
			const line = concatBytes(partial);
			const cut = partialLength > line.length;
			const lineText = decodeLenient(cut ? line : line.subarray(0, Math.max(0, line.length - 2)));
			this.record({kind: 'sent', tls, text: cut ? `${lineText}… ${say['session.lineCut'](partialLength - 2)}` : lineText, bytes: line.slice()});
			shown++;
			partial = [];
			partialBytes = 0;
			partialLength = 0;
		};

		const keep = (bytes: Uint8Array) => {
			const room = shownLineBytes - partialBytes;
			if (room > 0) {
				partial.push(bytes.subarray(0, room));
				partialBytes += Math.min(room, bytes.length);
			}

			partialLength += bytes.length;
			notShown += Math.max(0, bytes.length - Math.max(0, room));
		};

		return {
			push(piece: Uint8Array) {
				let start = 0;
				while (start < piece.length && shown < bodyLinesShown) {
					const lf = piece.indexOf(0x0a, start);
					keep(piece.subarray(start, lf === -1 ? piece.length : lf + 1));
					if (lf === -1) return;
					recordLine();
					start = lf + 1;
				}

				notShown += piece.length - start;
			},
			end: () => {
				// The "…" opens the note in every language: a saved transcript's readers find the cut by it.
				if (notShown > 0) this.note('info', `… ${say['session.restNotShown'](notShown)}`);
			},
		};
	}

	/**
	Sends a message as BDAT chunks (RFC 3030): each chunk is the command line followed by
	exactly that many bytes; each reply is awaited before the next chunk.
	*/
	async sendBdat(message: Uint8Array | string, chunkSize: number): Promise<CommandOutcome> {
		const {bytes} = normalizeMessage(typeof message === 'string' ? encodeUtf8(message) : message);
		return this.sendBdatStream([bytes], chunkSize, {total: bytes.length});
	}

	/** BDAT from pieces of CRLF-normalised bytes; if the pieces fail, LAST is never sent and the connection closes. */
	async sendBdatStream(pieces: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, chunkSize: number, options: {total?: number} = {}): Promise<CommandOutcome> {
		const chunker = new BdatChunker(chunkSize);
		this.beginUpload('bdat', options.total);
		try {
			try {
				for await (const piece of pieces) {
					for (const chunk of chunker.push(piece)) {
						const outcome = await this.sendBdatChunk(chunk);
						if (!outcome.ok || outcome.reply.code !== 250) return outcome;
					}
				}
			} catch (error) {
				const message = english['session.readingFailed']((error as Error).message);
				this.note('error', text()['session.readingFailed']((error as Error).message));
				// LAST never goes: the connection is closed, so the server drops the cut message.
				this.dropConnection({key: 'session.close.sourceFailed'});
				return {ok: false, error: new TransportError('closed', message)};
			}

			return await this.sendBdatChunk(chunker.end());
		} finally {
			this.endUpload();
		}
	}

	private async sendBdatChunk(chunk: BdatChunk): Promise<CommandOutcome> {
		if (!isOpen(this.state)) return {ok: false, error: new TransportError('closed', t => t['error.isClosed'])};
		const command: SentCommand = {id: this.nextCommandId++, kind: 'bdat', verb: 'BDAT', args: chunk.command.slice(5), display: chunk.command, secret: false, last: chunk.last, sentAt: this.clock()};
		const outcome = this.expectReply(command);
		this.dispatch({type: 'sent', command});
		const line = encodeUtf8(`${chunk.command}\r\n`);
		this.record({kind: 'sent', tls: Boolean(this.state.tls), text: chunk.command, bytes: line, note: text()['session.bdatFollowed'](chunk.size)});
		// RFC 3030 2: the message is complete with the last octet of BDAT LAST (with its line when it has none).
		if (chunk.last && chunk.data.length === 0 && this.upload) this.upload.ending = true;
		if (!(await this.writeMessage(line))) return outcome;
		for (let offset = 0; offset < chunk.data.length; offset += blockBytes) {
			const block = chunk.data.subarray(offset, offset + blockBytes);
			if (chunk.last && offset + block.length === chunk.data.length && this.upload) this.upload.ending = true;
			if (!(await this.writeMessage(block))) return outcome;
			this.advanceUpload(block.length);
		}

		return outcome;
	}

	/**
	Sends QUIT and waits briefly for 221, then closes whatever happened (RFC 5321 4.1.1.10).
	QUIT goes out once per connection, and never after the server said 221 or 421 or
	closed. Returns whether it was sent now.
	*/
	async quit(): Promise<boolean> {
		if (!this.connection || this.connection.isClosed) return false;
		const send = this.canWrite() && !this.quitSent && !this.state.closedReason;
		if (send) {
			if (awaitingBody(this.state)) {
				this.note('warning', text()['session.leavingData']);
			}

			const outcome = this.transmit({kind: 'command', verb: 'QUIT', args: '', display: 'QUIT', secret: false, wire: encodeUtf8('QUIT\r\n')});
			// The timer is cleared once 221 arrives: a pending timer would keep the process alive.
			let timer: NodeJS.Timeout | undefined;
			await Promise.race([outcome, new Promise(resolve => {
				timer = setTimeout(resolve, this.timeouts.quit);
			})]);
			clearTimeout(timer);
		}

		this.dropConnection('QUIT');
		return send;
	}

	/** Cancels the wait in progress: a connect, or a reply (the connection then closes, since later replies could not be paired). */
	cancel(): boolean {
		if (this.connectAbort) {
			this.connectAbort.abort();
			return true;
		}

		if (this.uploadCancellable) {
			const {kind, done, total} = this.upload!;
			this.note('error', text()['session.uploadCancelled'](done, total, kind === 'data'));
			this.dropConnection({key: 'session.close.uploadCancelled'}, 'cancelled');
			return true;
		}

		if (!this.timer || !this.connection || this.connection.isClosed) return false;
		this.note('error', text()['session.cancelledWaiting'](this.timer.wait.label));
		this.dropConnection({key: 'session.close.cancelled'});
		return true;
	}

	/** Closes at once, without QUIT. */
	close(): void {
		this.connectAbort?.abort();
		this.dropConnection({key: 'session.close.byUser'});
	}

	private dropConnection(reason: CloseReason, kind: TransportKind = 'closed') {
		const connection = this.connection;
		if (!connection || connection.isClosed) return;
		this.closeReason = reason;
		this.closeKind = kind;
		connection.destroy();
	}

	private closeReason?: CloseReason;

	// --- receiving ---------------------------------------------------------------------

	private onData(connection: SmtpConnection, chunk: Uint8Array) {
		if (connection !== this.connection || this.upgrading) return;
		// One reply at a time, so a STARTTLS 220 is seen before anything that follows it.
		let events = this.parser.push(chunk, {untilReply: true});
		while (events.length > 0) {
			for (const event of events) {
				this.handleEvent(event);
				if (this.upgrading || connection.isClosed) return;
			}

			events = this.parser.push(new Uint8Array(0), {untilReply: true});
		}
	}

	private handleEvent(event: ParseEvent) {
		if (event.type === 'violation') {
			this.handleViolation(event.violation);
			return;
		}

		const {reply} = event;
		const command = this.state.pending[0];
		const tls = Boolean(this.state.tls);
		const latency = command ? this.clock() - command.sentAt : undefined;
		for (const line of reply.lines) {
			const notes: string[] = [];
			if (line.bareLf) notes.push(text()['session.line.bareLf']);
			if (line.final && !command && this.state.phase !== 'greeting') notes.push(text()['session.line.unsolicited']);
			if (line.final && command?.recipient !== undefined) notes.push(text()['session.line.delivery'](command.recipient));
			if (line.final && reply.code === 334) {
				const challenge = decodeChallenge(line.text);
				notes.push(challenge.ok ? text()['session.line.decoded'](challenge.text) : text()['session.line.notBase64']);
			}

			this.record({
				kind: 'received',
				tls,
				text: formatReplyLine(line),
				bytes: line.raw,
				code: line.code,
				...(line.enhanced ? {enhanced: line.enhanced.code} : {}),
				final: line.final,
				...(line.final && latency !== undefined ? {latencyMs: latency} : {}),
				inReplyTo: command?.verb ?? '',
				...(notes.length > 0 ? {note: notes.join('; ')} : {}),
			});
		}

		const before = this.state;
		this.dispatch({type: 'reply', reply});
		this.afterReply(before, command, reply);
	}

	private afterReply(before: SessionState, command: SentCommand | undefined, reply: Reply) {
		if (!command && before.phase === 'greeting') {
			if (reply.code === 220) {
				this.settleGreeting({ok: true, greeting: reply});
			} else {
				this.note('error', text()['session.bannerRefused'](`${reply.code} ${replyText(reply)}`, reply.code));
				this.settleGreeting({ok: false, stage: 'greeting', message: `${english['session.banner'](reply.code)} ${replyText(reply)}`, error: new SmtpReplyError(reply, 'greeting', t => t['error.bannerRefused'](`${reply.code} ${replyText(reply)}`)), greeting: reply});
			}
		}

		if (reply.code === 421) {
			this.note('error', text()['session.closing421'](replyText(reply), command?.verb));
			this.failWaiters(new SmtpReplyError(reply, stageOf(command), t => t['error.closedSession'](`421 ${replyText(reply)}`)), command?.id);
			this.clearQueue('session.queue.closed421');
		}

		if (command) {
			const resolve = this.takeWaiter(command.id);
			if (command.verb === 'STARTTLS' && command.kind === 'command') {
				this.afterStartTls(reply, resolve);
				return;
			}

			resolve?.({ok: true, reply});
			if (command.verb === 'DATA' && reply.code === 354) this.endDataWithoutRecipients();
			if (command.verb === 'XCLIENT' && reply.code === 220) {
				this.note('info', text()['session.xclientAccepted']);
			}
		}

		if (reply.code === 421 || (command?.verb === 'QUIT' && reply.code === 221)) {
			this.connection?.end();
			return;
		}

		this.flushQueue();
	}

	/**
	RFC 2920 3.1: when every RCPT of a pipelined group failed but DATA still got 354, the
	client must end the (empty) message with a lone dot to get back in step.
	*/
	private endDataWithoutRecipients() {
		const {recipients} = this.state.envelope;
		if (recipients.length === 0 || recipients.some(recipient => recipient.status !== 'rejected')) return;
		this.note('info', text()['session.allRefused']);
		void this.transmit(this.validate('.'));
	}

	private afterStartTls(reply: Reply, resolve: ((outcome: CommandOutcome) => void) | undefined) {
		if (reply.code !== 220) {
			this.note('warning', text()['session.starttlsRefused'](`${reply.code} ${replyText(reply)}`));
			if (this.options.requireTls) {
				this.note('error', text()['session.requireTlsClosing']);
				resolve?.({ok: false, error: new SmtpReplyError(reply, 'starttls', t => t['error.starttlsRefused'](`${reply.code} ${replyText(reply)}`)), reply});
				void this.quit();
				return;
			}

			resolve?.({ok: true, reply});
			this.flushQueue();
			return;
		}

		// RFC 3207 4 and the STARTTLS response-injection attacks (CVE-2021-22947,
		// CVE-2020-14954): anything the server sent after its 220 arrived in plaintext and
		// must not be read as if it came over TLS. It is discarded, and shown.
		const injected = this.parser.reset();
		if (injected.length > 0) {
			this.noticed.push({kind: 'starttls-injection', bytes: injected.length, text: decodeLenient(injected.slice(0, 200))});
			this.note('warning', text()['session.injected'](injected.length, decodeLenient(injected.slice(0, 200))));
		}

		this.upgrading = true;
		const connection = this.connection!;
		void connection.upgrade(this.route.endpoint!, this.options.tls ?? {}, this.timeouts.tlsHandshake).then(result => {
			this.upgrading = false;
			if (connection !== this.connection) return;
			if (!result.ok) {
				this.note('error', text()['session.starttlsFailed'](result.error.message));
				resolve?.({ok: false, error: new TlsError(result.error.reason, t => t['error.tlsHandshake'](failureText(result.error, t))), reply});
				return;
			}

			this.parser = createReplyParser();
			this.dispatch({type: 'tls-established', tls: result.tls});
			this.describeTls(result.tls);
			this.note('info', text()['session.forgetAfterTls']);
			resolve?.({ok: true, reply, tls: result.tls});
			this.flushQueue();
		});
	}

	private handleViolation(violation: ReplyViolation) {
		const sample = decodeLenient(violation.raw);
		if (violation.tolerated) {
			this.note('warning', violation.wording(text()));
			return;
		}

		const command = this.state.pending[0];
		this.note('error', text()['session.violation'](command?.verb, violation.wording(text()), sample));
		if (command) {
			this.takeWaiter(command.id)?.({ok: false, error: new ProtocolViolation(t => t['error.violation'](violation.wording(t)), violation.raw)});
		}

		// The validator's out-of-step warning quotes it: in the session's language.
		this.dispatch({type: 'violation', message: violation.wording(text())});
		const banner = new ProtocolViolation(t => t['error.violationInBanner'](violation.wording(t)), violation.raw);
		this.settleGreeting({ok: false, stage: 'greeting', message: banner.message, error: banner});

		// Oversized replies are a resource attack or a broken server: close (B6, B7).
		if (violation.kind === 'line-too-long' || violation.kind === 'reply-too-long') {
			this.note('error', text()['session.oversized']);
			this.dropConnection({key: 'session.close.oversized'});
		} else {
			this.note('warning', text()['session.outOfStep']);
		}
	}

	private onClose(connection: SmtpConnection, info: {error?: NodeJS.ErrnoException; byUs: boolean}) {
		if (connection !== this.connection) return;
		for (const event of this.parser.end()) {
			if (event.type === 'violation') {
				this.note('error', text()['session.cutReply'](decodeLenient(event.violation.raw)));
			}
		}

		const head = this.state.pending[0];
		const reset = info.error?.code === 'ECONNRESET' ? 'reset' : 'closed';
		const closeReason = this.closeReason;
		const whoIn = (t: Messages) => (info.byUs ? t['session.who.byUs'](closeReason && closeReasonText(closeReason, t)) : t[reset === 'reset' ? 'session.who.reset' : 'session.who.closed']);
		const t = text();
		const shownWho = whoIn(t);
		const cut = this.upload && !this.upload.ending;
		if (cut) {
			this.note('error', t['session.closed.beforeEnd'](shownWho));
		} else if (head) {
			const waitingFor = awaitedReply(head, t);
			if (head.kind === 'data-end') {
				this.note('error', t['session.closed.afterDot'](shownWho, waitingFor));
			} else if (head.verb === 'QUIT') {
				this.note('info', t['session.closed.afterQuit'](shownWho));
			} else {
				this.note('error', t['session.closed.waiting'](shownWho, waitingFor));
			}
		} else if (awaitingBody(this.state)) {
			this.note('error', t['session.closed.after354'](shownWho));
		} else if (this.state.phase === 'closing' || info.byUs) {
			this.note('info', t['session.closed'](shownWho));
		} else {
			this.note('warning', t['session.closed'](shownWho));
		}

		const kind: TransportKind = info.byUs ? this.closeKind : reset;
		this.failWaiters(new TransportError(kind, t => (cut ? t['error.cutMessage'](whoIn(t)) : t['session.closed'](whoIn(t)))));
		this.clearQueue(reset === 'reset' && !info.byUs ? 'session.queue.reset' : 'session.queue.closed');
		const before = new TransportError(kind, t => t['error.beforeBanner'](whoIn(t)));
		this.settleGreeting({ok: false, stage: 'greeting', message: before.message, error: before});

		this.upgrading = false;
		this.closeReason = undefined;
		this.closeKind = 'closed';
		this.dispatch({type: 'closed', reason: shownWho});
	}

	private takeWaiter(id: number) {
		const resolve = this.waiters.get(id);
		this.waiters.delete(id);
		return resolve;
	}

	/** Answers connect()'s wait for the banner, once. */
	private settleGreeting(outcome: ConnectOutcome) {
		const waiter = this.greetingWaiter;
		this.greetingWaiter = undefined;
		waiter?.(outcome);
	}

	private failWaiters(error: SessionError, except?: number) {
		for (const [id, resolve] of this.waiters) {
			if (id === except) continue;
			this.waiters.delete(id);
			resolve({ok: false, error});
		}
	}

	private clearQueue(reason: 'session.queue.closed421' | 'session.queue.reset' | 'session.queue.closed' | 'session.queue.stopped') {
		if (this.queue.length === 0) return;
		this.note('warning', text()['session.queueDropped'](this.queue.length, text()[reason]));
		for (const item of this.queue) item.resolve({ok: false, error: new NotSent('closed', t => t['error.notSent'](t[reason]))});
		this.queue = [];
		this.changed();
	}

	/**
	Sends queued lines once the protocol allows. Each is checked again against the state as
	it is now: a line that has become an error, or has a warning it did not have when the
	user typed it (STARTTLS was refused, so AUTH would now go out in plaintext), stops the
	queue rather than being sent.
	*/
	private flushQueue() {
		while (this.queue.length > 0 && canSendNow(this.state) && this.canWrite() && !this.upgrading) {
			const item = this.queue[0]!;
			const now = this.validate(item.line);
			const known = new Set(item.validation.diagnostics.map(diagnostic => diagnostic.code));
			const fresh = now.diagnostics.filter(diagnostic => diagnostic.severity !== 'info' && !known.has(diagnostic.code));
			if (now.verdict === 'blocked' || fresh.length > 0) {
				const reason = (fresh[0] ?? now.diagnostics[0])?.message;
				this.queue.shift();
				item.resolve({ok: false, error: new NotSent('queue-stopped', t => t['error.notSent'](reason ?? t['session.queue.changed']))});
				this.note('warning', text()['session.queuedNotSent'](now.display, reason ?? text()['session.queue.changed']));
				this.clearQueue('session.queue.stopped');
				return;
			}

			this.queue.shift();
			this.changed();
			void this.transmit(now).then(item.resolve);
		}
	}

	// --- timeouts ----------------------------------------------------------------------

	/** One deadline at a time: the banner, or the reply to the oldest pending command. */
	private armTimer() {
		const head = this.state.pending[0];
		let next: {key: string; wait: Wait; waitingFor: (t: Messages) => string} | undefined;
		const t = text();
		if (this.state.phase === 'greeting') {
			next = {key: 'greeting', wait: {label: t['session.wait.banner'], since: this.clock(), timeoutMs: this.timeouts.greeting, source: timeoutSources.greeting}, waitingFor: say => say['session.wait.banner']};
		} else if (head && isOpen(this.state)) {
			const name = timeoutFor(head.kind, head.verb);
			next = {key: `command:${head.id}`, wait: {label: awaitedReply(head, t), since: head.sentAt, timeoutMs: this.timeouts[name], source: timeoutSource(name, t)}, waitingFor: say => awaitedReply(head, say)};
		}

		if (this.timer?.key === next?.key) return;
		if (this.timer) clearTimeout(this.timer.handle);
		this.timer = undefined;
		if (!next) return;
		const {wait, waitingFor} = next;
		const handle = setTimeout(() => this.onTimeout(wait, waitingFor), Math.max(0, wait.since + wait.timeoutMs - this.clock()));
		handle.unref?.();
		this.timer = {key: next.key, handle, wait};
	}

	private onTimeout(wait: Wait, waitingFor: (t: Messages) => string) {
		this.timer = undefined;
		const waited = formatDuration(wait.timeoutMs);
		const head = this.state.pending[0];
		if (head?.kind === 'data-end') {
			this.note('error', text()['session.noReplyToMessage'](waited, wait.source));
		} else {
			this.note('error', text()['session.noReply'](waited, wait.label, wait.source));
		}

		const endpoint = this.route.endpoint;
		if (this.state.phase === 'greeting' && endpoint?.kind === 'tcp' && !this.options.implicitTls && endpoint.port === 465) {
			this.note('info', text()['session.port465']);
		}

		this.dropConnection({timeout: waitingFor}, 'timeout');
	}
}

/** A message's bytes in blocks of the size the socket is written in (views, not copies). */
function* blocksOf(bytes: Uint8Array): Generator<Uint8Array> {
	for (let offset = 0; offset < bytes.length; offset += blockBytes) yield bytes.subarray(offset, offset + blockBytes);
}

/** What the snapshot shows of an upload: a copy, so later counting never changes a snapshot already handed out. */
function publicUpload({kind, done, total, since, at}: Upload): Upload {
	return {kind, done, ...(total === undefined ? {} : {total}), since, at};
}

/** The stage a pending command stands for, for typed errors. */
export function stageOf(command: Pick<SentCommand, 'verb' | 'kind'> | undefined): Stage {
	if (!command) return 'greeting';
	if (command.kind === 'data-end' || command.kind === 'bdat') return 'data';
	if (command.kind === 'sasl-response') return 'auth';
	const stages: Record<string, Stage> = {EHLO: 'ehlo', HELO: 'ehlo', LHLO: 'ehlo', STARTTLS: 'starttls', AUTH: 'auth', MAIL: 'mail', RCPT: 'rcpt', DATA: 'data', BDAT: 'data', QUIT: 'quit'};
	return stages[command.verb.toUpperCase()] ?? 'command';
}
