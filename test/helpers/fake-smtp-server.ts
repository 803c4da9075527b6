/**
 * A scripted SMTP server on raw sockets, for testing how the client copes with servers that
 * misbehave: split or delayed replies, silence, resets, odd STARTTLS upgrades, endless replies.
 * It records every byte the client sent.
 *
 * Each connection handles the client's input one unit at a time (a line, or a BDAT chunk),
 * waiting for the script of one unit to finish before the next unit is handled, so pipelined
 * commands are answered in order and a delayed reply holds back the ones after it. (Bytes are
 * added to `received` on arrival; `lines` catches up once a delaying script is done.)
 * What it expects next follows from the last reply line a script wrote: after a `354` it reads
 * DATA body lines up to a lone `.`, after a `334` it reads one SASL response line.
 */
import net from 'node:net';
import tls from 'node:tls';

/** One action of a script. */
export type Step =
	/** Write these bytes (include the CRLFs). */
	| string
	/** Write in pieces: one byte at a time, or cut at these offsets, `gapMs` (default 2) between writes. */
	| {write: string | Buffer; split?: 'bytes' | number[]; gapMs?: number}
	/** Wait (ends early if the connection closes). */
	| {delayMs: number}
	/** Never write again on this connection; input is still read and recorded. */
	| {silence: true}
	/** End the connection: FIN (graceful) or RST (`resetAndDestroy`). */
	| {close: 'fin' | 'rst'}
	/** Upgrade this connection to TLS now (server side), with `options.tls`. */
	| {startTls: true}
	/** Anything else; may be async (it is awaited). */
	| ((connection: FakeConnection) => void | Promise<void>);

/** A single step or a list of steps run in order. */
export type Script = Step | Step[];

/** What a function step gets to work with. */
export type FakeConnection = {
	/** 0 for the first connection the server accepted, 1 for the next, ... */
	readonly index: number;
	/** The socket in use: the TLS socket once upgraded (or with implicit TLS). */
	readonly socket: net.Socket | tls.TLSSocket;
	readonly secure: boolean;
	/** True once the connection is closed or can no longer be written to: stop writing. */
	readonly closed: boolean;
	/** Lines received on this connection (see FakeServer.lines); the last one triggered the script. */
	readonly lines: readonly string[];
	/** Writes (counts for the next-mode rule); resolves once flushed, or at once when closed. Never rejects. */
	write(data: string | Buffer): Promise<void>;
	/** Runs a script on this connection, e.g. to reuse the built-in steps. */
	run(script: Script): Promise<void>;
};

export type FakeServerOptions = {
	/** Default `220 fake.test ESMTP ready\r\n`. */
	greeting?: Script;
	/**
	 * Script per upper-case verb ('EHLO', 'MAIL', 'RCPT', 'DATA', 'STARTTLS', 'AUTH', 'QUIT', ...),
	 * plus 'DATA-END' (after the final dot), 'BDAT' (after each chunk has been read) and
	 * 'AUTH-RESPONSE' (a SASL line after a 334).
	 */
	replies?: Partial<Record<string, Script>>;
	/**
	 * Scripts for consecutive uses of a key (same keys as `replies`, plus 'GREETING'), counted
	 * across all connections: the n-th use gets the n-th script; past the end `replies` applies.
	 */
	sequences?: Partial<Record<string, Script[]>>;
	/**
	 * Reply for keys with neither a script nor a built-in default (MAIL, RCPT, DATA-END, RSET, ...).
	 * Default `250 OK\r\n`. Built-in defaults: EHLO `250-fake.test` PIPELINING, SIZE 1000000,
	 * 8BITMIME (plus STARTTLS when `tls` is set and the connection is still plaintext);
	 * HELO `250 fake.test`; DATA `354 go ahead`; BDAT `250 chunk ok`; STARTTLS `220 go ahead`
	 * then upgrade (`454 TLS not available` without `tls`); AUTH `235 ok` with an initial
	 * response, else `334 `; AUTH-RESPONSE `235 ok`; QUIT `221 bye` then FIN.
	 */
	defaultReply?: string;
	/**
	 * Certificate for STARTTLS and implicit TLS. `requestCert` asks the client for a certificate;
	 * it is not verified (`authorized` stays false): inspect `socket.getPeerCertificate()` instead.
	 */
	tls?: {key: string; cert: string; requestCert?: boolean};
	/** TLS from the first byte, like port 465. */
	implicitTls?: boolean;
	host?: '127.0.0.1' | '::1';
};

export type FakeServer = {
	host: string;
	port: number;
	/** Every byte the client sent, across all connections, in arrival order; TLS traffic decrypted. */
	readonly received: Buffer;
	/**
	 * The client's input as lines, UTF-8 decoded: commands, SASL responses and DATA body lines
	 * (still dot-stuffed), without their CRLF. A line ended by a bare LF keeps its '\n', so it
	 * can be told apart. BDAT chunks are not split into lines: see `bdatChunks`.
	 */
	readonly lines: readonly string[];
	readonly bdatChunks: readonly Buffer[];
	/** Connections accepted so far. */
	readonly connections: number;
	/** Errors thrown by function steps (or a startTls step without `options.tls`). */
	readonly errors: readonly Error[];
	/** Resolves with the first line (already received or still to come) that matches; a string must match whole. */
	waitForLine(match: string | RegExp | ((line: string) => boolean), timeoutMs?: number): Promise<string>;
	/** Destroys every connection and stops listening. */
	close(): Promise<void>;
};

const defaultEhlo = '250-fake.test\r\n250-PIPELINING\r\n250-SIZE 1000000\r\n250 8BITMIME\r\n';
const tlsHandshakeRecord = 0x16;

type Unit = {kind: 'line'; text: string} | {kind: 'bdat'; chunk: Buffer};

type Recorder = {
	options: FakeServerOptions;
	record(connection: Connection, chunk: Buffer): void;
	unrecord(connection: Connection, byteCount: number): void;
	recordLine(line: string): void;
	recordBdat(chunk: Buffer): void;
	scriptFor(key: string, connection: Connection, line: string): Script;
	fail(error: unknown): void;
};

class Connection implements FakeConnection {
	socket: net.Socket | tls.TLSSocket;
	secure = false;
	/** Set by a close step or the socket's 'close'; `closed` also looks at the socket itself. */
	private ended = false;
	readonly lines: string[] = [];
	private muted = false;
	private mode: 'command' | 'data' | 'sasl' = 'command';
	private buffer = Buffer.alloc(0);
	private bdatRemaining: number | undefined;
	private busy = false;
	/** What the running script wrote, to decide what input comes next. */
	private output = '';
	private readonly closedPromise: Promise<void>;
	private onClose = () => {};
	private readonly onData = (chunk: Buffer) => {
		this.recorder.record(this, chunk);
		this.buffer = Buffer.concat([this.buffer, chunk]);
		void this.pump();
	};

	constructor(
		readonly index: number,
		private readonly raw: net.Socket,
		private readonly recorder: Recorder,
		onClosed: () => void,
	) {
		this.socket = raw;
		raw.setNoDelay(true); // split writes should leave as separate segments
		raw.on('error', () => {}); // ECONNRESET, EPIPE: the client is allowed to go away
		this.closedPromise = new Promise(resolve => {
			this.onClose = () => {
				this.ended = true;
				resolve();
			};
		});
		this.closedPromise.then(onClosed, () => {});
		raw.once('close', this.onClose);
		if (recorder.options.implicitTls) this.wrapTls();
		else raw.on('data', this.onData);
	}

	/** Runs the greeting, then handles whatever the client has sent meanwhile. */
	async start(): Promise<void> {
		this.busy = true;
		try {
			await this.respond('GREETING', '');
		} catch (error) {
			this.fail(error);
		} finally {
			this.busy = false;
		}

		await this.pump();
	}

	get closed(): boolean {
		return this.ended || this.socket.destroyed || !this.socket.writable;
	}

	async write(data: string | Buffer): Promise<void> {
		if (this.closed) {
			// Yield to the event loop, so a loop that forgets to check `closed` cannot starve it.
			await new Promise(resolve => setImmediate(resolve));
			return;
		}

		this.output += typeof data === 'string' ? data : data.toString('latin1');
		await new Promise<void>(resolve => {
			this.socket.write(data, () => resolve()); // called with an error too, when the client left
		});
	}

	async run(script: Script): Promise<void> {
		for (const step of Array.isArray(script) ? script : [script]) {
			if (this.closed || this.muted) return;
			await this.step(step);
		}
	}

	destroy(): void {
		this.socket.destroy();
		this.raw.destroy();
	}

	private async step(step: Step): Promise<void> {
		if (typeof step === 'function') {
			await step(this);
		} else if (typeof step === 'string') {
			void this.write(step); // not awaited: the next step follows in the same tick
		} else if ('write' in step) {
			const data = typeof step.write === 'string' ? Buffer.from(step.write) : step.write;
			const cuts = step.split === 'bytes' ? Array.from({length: data.length - 1}, (_, i) => i + 1) : (step.split ?? []);
			const bounds = [0, ...cuts, data.length];
			for (let i = 0; i + 1 < bounds.length; i++) {
				if (i > 0) await this.sleep(step.gapMs ?? 2);
				if (this.closed) return;
				void this.write(data.subarray(bounds[i], bounds[i + 1]));
			}
		} else if ('delayMs' in step) {
			await this.sleep(step.delayMs);
		} else if ('silence' in step) {
			this.muted = true;
		} else if ('close' in step) {
			this.ended = true;
			if (step.close === 'fin') this.socket.end();
			// resetAndDestroy needs the TCP handle, which is the raw socket's even under TLS.
			else this.raw.resetAndDestroy();
		} else {
			this.wrapTls();
		}
	}

	/** Waits, but no longer than the connection lives. */
	private async sleep(ms: number): Promise<void> {
		let timer: NodeJS.Timeout | undefined;
		await Promise.race([new Promise(resolve => (timer = setTimeout(resolve, ms))), this.closedPromise]);
		clearTimeout(timer);
	}

	private wrapTls(): void {
		const options = this.recorder.options.tls;
		if (!options) throw new Error('fake SMTP server: a startTls step or implicitTls needs options.tls');
		if (this.secure) throw new Error('fake SMTP server: connection is already TLS');
		// Stop reading plaintext first, or bytes meant for the handshake land in onData.
		this.raw.pause();
		this.raw.off('data', this.onData);
		if (this.buffer[0] !== tlsHandshakeRecord) {
			// Plaintext pipelined after STARTTLS: record it, but (as RFC 3207 demands) do not act on it.
			for (let unit = this.nextUnit(); unit?.kind === 'line'; unit = this.nextUnit()) this.record(unit.text);
		}

		const leftover = this.buffer;
		this.buffer = Buffer.alloc(0);
		if (leftover[0] === tlsHandshakeRecord) {
			// The client started the handshake early: those bytes belong to TLS, they were no plaintext.
			this.recorder.unrecord(this, leftover.length);
			this.raw.unshift(leftover);
		}

		const secure = new tls.TLSSocket(this.raw, {
			isServer: true,
			key: options.key,
			cert: options.cert,
			requestCert: options.requestCert ?? false,
			rejectUnauthorized: false,
		});
		secure.on('error', () => {}); // failed handshakes are what many tests are about
		secure.once('close', this.onClose);
		secure.on('data', this.onData);
		this.socket = secure;
		this.secure = true;
	}

	/** Handles buffered input one unit at a time; re-entered calls return at once. */
	private async pump(): Promise<void> {
		if (this.busy) return;
		this.busy = true;
		try {
			for (let unit = this.nextUnit(); unit; unit = this.nextUnit()) await this.handle(unit);
		} catch (error) {
			this.fail(error);
		} finally {
			this.busy = false;
		}
	}

	private nextUnit(): Unit | undefined {
		if (this.bdatRemaining !== undefined) {
			if (this.buffer.length < this.bdatRemaining) return undefined;
			const chunk = this.buffer.subarray(0, this.bdatRemaining);
			this.buffer = this.buffer.subarray(this.bdatRemaining);
			this.bdatRemaining = undefined;
			return {kind: 'bdat', chunk};
		}

		const lf = this.buffer.indexOf(0x0a);
		if (lf === -1) return undefined;
		const crlf = lf > 0 && this.buffer[lf - 1] === 0x0d;
		const text = this.buffer.subarray(0, crlf ? lf - 1 : lf + 1).toString('utf8');
		this.buffer = this.buffer.subarray(lf + 1);
		return {kind: 'line', text};
	}

	private async handle(unit: Unit): Promise<void> {
		if (unit.kind === 'bdat') {
			this.recorder.recordBdat(unit.chunk);
			await this.respond('BDAT', '');
			return;
		}

		const line = unit.text;
		this.record(line);
		if (this.mode === 'data') {
			if (line === '.') await this.respond('DATA-END', line);
			return;
		}

		if (this.mode === 'sasl') {
			await this.respond('AUTH-RESPONSE', line);
			return;
		}

		const verb = (line.trim().split(/\s+/)[0] ?? '').toUpperCase();
		if (verb === 'BDAT') {
			// The reply comes after the chunk: read exactly this many bytes first.
			this.bdatRemaining = Number.parseInt(line.trim().split(/\s+/)[1] ?? '', 10) || 0;
			return;
		}

		await this.respond(verb, line);
	}

	/** Runs the script for `key`, then sets what input to expect from the last reply line written. */
	private async respond(key: string, line: string): Promise<void> {
		if (this.closed || this.muted) return;
		this.output = '';
		await this.run(this.recorder.scriptFor(key, this, line));
		const lastLine = this.output.split('\n').filter(l => l !== '').at(-1) ?? '';
		this.mode = lastLine.startsWith('354') ? 'data' : lastLine.startsWith('334') ? 'sasl' : 'command';
	}

	private record(line: string): void {
		this.lines.push(line);
		this.recorder.recordLine(line);
	}

	private fail(error: unknown): void {
		this.recorder.fail(error);
		this.destroy();
	}
}

function defaultScript(key: string, line: string, options: FakeServerOptions, connection: Connection): Script {
	const startTlsAvailable = options.tls !== undefined && !options.implicitTls && !connection.secure;
	switch (key) {
		case 'GREETING':
			return options.greeting ?? '220 fake.test ESMTP ready\r\n';
		case 'EHLO':
			// Offer STARTTLS when it would work, so a client under test takes that path by default.
			return startTlsAvailable ? defaultEhlo.replace('250 8BITMIME', '250-8BITMIME\r\n250 STARTTLS') : defaultEhlo;
		case 'HELO':
			return '250 fake.test\r\n';
		case 'DATA':
			return '354 go ahead\r\n';
		case 'BDAT':
			return '250 chunk ok\r\n';
		case 'STARTTLS':
			return startTlsAvailable ? ['220 go ahead\r\n', {startTls: true}] : '454 TLS not available\r\n';
		case 'AUTH':
			// `AUTH PLAIN <initial response>` is done in one go; `AUTH LOGIN` wants a challenge.
			return line.trim().split(/\s+/).length > 2 ? '235 ok\r\n' : '334 \r\n';
		case 'AUTH-RESPONSE':
			return '235 ok\r\n';
		case 'QUIT':
			return ['221 bye\r\n', {close: 'fin'}];
		default:
			return options.defaultReply ?? '250 OK\r\n';
	}
}

/** Starts a fake SMTP server on 127.0.0.1 (or ::1), port chosen by the OS. */
export async function startFakeServer(options: FakeServerOptions = {}): Promise<FakeServer> {
	const host = options.host ?? '127.0.0.1';
	const chunks: Array<{connection: Connection; bytes: Buffer}> = [];
	const lines: string[] = [];
	const bdatChunks: Buffer[] = [];
	const errors: Error[] = [];
	const connections = new Set<Connection>();
	const uses = new Map<string, number>();
	const waiters = new Set<{test: (line: string) => boolean; resolve: (line: string) => void}>();
	let accepted = 0;

	const recorder: Recorder = {
		options,
		record(connection, bytes) {
			chunks.push({connection, bytes});
		},
		unrecord(connection, byteCount) {
			// The bytes to take back are the newest ones of this connection.
			for (let i = chunks.length - 1; i >= 0 && byteCount > 0; i--) {
				const entry = chunks[i]!;
				if (entry.connection !== connection) continue;
				const keep = Math.max(0, entry.bytes.length - byteCount);
				byteCount -= entry.bytes.length - keep;
				entry.bytes = entry.bytes.subarray(0, keep);
			}
		},
		recordLine(line) {
			lines.push(line);
			for (const waiter of waiters) if (waiter.test(line)) waiter.resolve(line);
		},
		recordBdat(chunk) {
			bdatChunks.push(chunk);
		},
		scriptFor(key, connection, line) {
			const n = uses.get(key) ?? 0;
			uses.set(key, n + 1);
			const sequence = options.sequences?.[key];
			if (sequence && n < sequence.length) return sequence[n]!;
			return options.replies?.[key] ?? defaultScript(key, line, options, connection);
		},
		fail(error) {
			errors.push(error instanceof Error ? error : new Error(String(error)));
		},
	};

	const server = net.createServer(socket => {
		const connection = new Connection(accepted++, socket, recorder, () => connections.delete(connection));
		connections.add(connection);
		void connection.start();
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, host, () => resolve());
	});
	const {port} = server.address() as net.AddressInfo;

	return {
		host,
		port,
		get received() {
			return Buffer.concat(chunks.map(c => c.bytes));
		},
		lines,
		bdatChunks,
		get connections() {
			return accepted;
		},
		errors,
		async waitForLine(match, timeoutMs = 5000) {
			const test = typeof match === 'string' ? (l: string) => l === match : match instanceof RegExp ? (l: string) => match.test(l) : match;
			const found = lines.find(test);
			if (found !== undefined) return found;
			return new Promise<string>((resolve, reject) => {
				const waiter = {
					test,
					resolve(line: string) {
						clearTimeout(timer);
						waiters.delete(waiter);
						resolve(line);
					},
				};
				const timer = setTimeout(() => {
					waiters.delete(waiter);
					reject(new Error(`fake SMTP server: no line matching ${String(match)} within ${timeoutMs} ms; last lines: ${JSON.stringify(lines.slice(-10))}`));
				}, timeoutMs);
				waiters.add(waiter);
			});
		},
		async close() {
			const closed = new Promise<void>(resolve => server.close(() => resolve()));
			for (const connection of connections) connection.destroy();
			await closed;
		},
	};
}
