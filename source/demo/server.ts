import type {Socket} from 'node:net';
import {createSecureContext} from 'node:tls';
import {SMTPServer, type SMTPServerError, type SMTPServerOptions} from 'smtp-server';

/** A message the demo server accepted, kept in memory. */
export type DemoMessage = {
	id: number;
	receivedAt: Date;
	/** MAIL FROM address, '' for the null sender. */
	from: string;
	recipients: string[];
	/** Size of `raw` in bytes. */
	size: number;
	/** Raw Subject header value, unfolded, not MIME-decoded; '' if there is none. */
	subject: string;
	/** The message exactly as received: dot-unstuffed, terminating `.` removed, line ends as sent. */
	raw: Buffer;
	/** Whether the message was sent over TLS (after STARTTLS). */
	tls: boolean;
	authUser?: string;
};

/** A running demo server. */
export type DemoServer = {
	host: string;
	port: number;
	/** PEM of the per-run CA that signed the server certificate: trust it to verify the server. */
	caCert: string;
	/** The name the server announces in its greeting and EHLO reply. */
	hostname: string;
	credentials: {user: string; password: string};
	/** Accepted messages, oldest first (at most the last 200). */
	messages: readonly DemoMessage[];
	/** Calls `listener` for every accepted message; returns a function that unsubscribes. */
	onMessage(listener: (m: DemoMessage) => void): () => void;
	/** Stops listening and drops every connection; resolves within about a second. */
	close(): Promise<void>;
};

export type DemoServerOptions = {
	/** Default 127.0.0.1. */
	host?: string;
	/** Default 0: the OS picks a free port. */
	port?: number;
	/** Advertised with SIZE; bigger messages get 552 5.3.4. Default 25 MiB. */
	maxMessageBytes?: number;
	/** Receives one human-readable line per notable event. */
	log?: (line: string) => void;
};

const DEMO_HOSTNAME = 'demo.smtp-explorer.test';
const DEMO_BANNER = 'smtp-explorer demo server (practice only)';
const DEMO_CREDENTIALS = {user: 'demo', password: 'demo-password'} as const;

const maxStoredMessages = 200;
/** How long close() lets clients read the 421 goodbye before their sockets are destroyed. */
const closeGraceMs = 300;

/** An error whose code smtp-server puts on the reply (the enhanced code follows from it). */
function smtpError(responseCode: number, message: string): SMTPServerError {
	return Object.assign(new Error(message), {responseCode});
}

/** Raw value of the first Subject header: unfolded (CRLF before whitespace removed) and trimmed. */
function parseSubject(raw: Buffer): string {
	// Only the header is decoded (a message may be many megabytes): it ends at the first empty line.
	const ends = [raw.indexOf('\n\n'), raw.indexOf('\n\r\n')].filter(index => index !== -1);
	const header = raw.subarray(0, ends.length > 0 ? Math.min(...ends) : raw.length).toString('utf8');
	const unfolded = header.replace(/\r?\n(?=[ \t])/g, '');
	return /^subject:(.*)$/im.exec(unfolded)?.[1]?.trim() ?? '';
}

/** The part before the last '@', lower-cased: what the demo's recipient rules look at. */
function localPart(address: string): string {
	const at = address.lastIndexOf('@');
	return (at === -1 ? address : address.slice(0, at)).toLowerCase();
}

/**
 * Starts a real SMTP server in this process for learners to practise on: STARTTLS with a
 * per-run certificate, AUTH only after TLS, a few recipients that fail on purpose, and
 * messages kept in memory.
 */
export async function startDemoServer(options: DemoServerOptions = {}): Promise<DemoServer> {
	const {certificates, ...server} = await openDemoServer(options);
	return {...server, caCert: await certificates()};
}

/** A demo server that greets at once and makes its certificates when asked (the explorer: once its first frame is out). */
export type OpeningDemoServer = Omit<DemoServer, 'caCert'> & {
	/**
	Makes the per-run CA and the server certificate (the first call; later calls get the same
	promise) and resolves with the CA's PEM. Until they are made a STARTTLS handshake finds
	no certificate and fails.
	*/
	certificates(): Promise<string>;
};

/** Like startDemoServer, but listening before its certificates exist: they take longer to make than everything else the server does. */
export async function openDemoServer(options: DemoServerOptions = {}): Promise<OpeningDemoServer> {
	const {host = '127.0.0.1', port = 0, maxMessageBytes = 25 * 1024 * 1024, log = () => {}} = options;
	const messages: DemoMessage[] = [];
	const listeners = new Set<(m: DemoMessage) => void>();
	const sockets = new Set<Socket>();
	let nextId = 1;

	let made: Promise<string> | undefined;
	const serverOptions: SMTPServerOptions & {earlyTalkerDelay: number} = {
		name: DEMO_HOSTNAME,
		banner: DEMO_BANNER,
		size: maxMessageBytes,
		// smtp-server answers an oversized message itself with 552 5.3.4.
		rejectOversized: true,
		// These default to hidden in smtp-server; the demo shows them so learners see them.
		hideENHANCEDSTATUSCODES: false,
		hideDSN: false,
		authMethods: ['PLAIN', 'LOGIN', 'CRAM-MD5'],
		authOptional: true,
		allowInsecureAuth: false,
		logger: false,
		disableReverseLookup: true,
		closeTimeout: 1000,
		// smtp-server fixes a STARTTLS's context when it answers 220; a client that names the
		// host (SNI) is answered with the certificate once certificates() has made it.
		SNICallback(_servername, callback) {
			if (!made) {
				callback(null, undefined);
				return;
			}

			made.then(
				() => {
					callback(null, server.secureContext.get('*'));
				},
				(error: unknown) => {
					callback(error instanceof Error ? error : new Error(String(error)), undefined);
				},
			);
		},
		// Greet at once: smtp-server waits 100 ms for early talkers by default, and the
		// explorer's first frame waits for this banner (option added at bundle time, see
		// scripts/ink-fixes.mjs; ignored where the library runs unbundled).
		earlyTalkerDelay: 0,

		onConnect(session, callback) {
			// smtp-server 3.21 advertises AUTH even on a plaintext connection; hiding it until
			// STARTTLS (as real servers do) is what the demo wants to teach. A per-session list
			// replaces the server-wide one and also removes AUTH from the EHLO reply.
			if (!session.secure) session.disabledCommands = ['AUTH'];
			log(`connection from ${session.remoteAddress}:${session.remotePort}`);
			callback();
		},

		onSecure(_socket, session, callback) {
			delete session.disabledCommands;
			log(`connection from ${session.remoteAddress}:${session.remotePort} upgraded to TLS`);
			callback();
		},

		onAuth(auth, session, callback) {
			const {user, password} = DEMO_CREDENTIALS;
			// CRAM-MD5 never sends the password, only an HMAC of the challenge keyed with it.
			const passwordOk = auth.method === 'CRAM-MD5' ? auth.validatePassword(password) : auth.password === password;
			if (auth.username === user && passwordOk) {
				log(`AUTH ${auth.method} succeeded for ${user}`);
				callback(null, {user});
				return;
			}

			log(`AUTH ${auth.method} failed for ${JSON.stringify(auth.username ?? '')} from ${session.remoteAddress}`);
			// 535 gets the enhanced code 5.7.8 from smtp-server.
			callback(null, {responseCode: 535, message: 'Authentication credentials invalid'});
		},

		onRcptTo(address, _session, callback) {
			const local = localPart(address.address);
			if (local === 'nobody' || local === 'unknown' || local.startsWith('reject')) {
				log(`RCPT ${address.address} rejected (550)`);
				// 550 gets the enhanced code 5.1.1 from smtp-server.
				callback(smtpError(550, 'mailbox unavailable: this demo server rejects nobody@, unknown@ and reject*@ on purpose'));
				return;
			}

			if (local === 'busy') {
				log(`RCPT ${address.address} deferred (450)`);
				// 450 gets 4.2.1: a transient failure, the client should try again later.
				callback(smtpError(450, 'mailbox busy: this demo server defers busy@ on purpose, try again later'));
				return;
			}

			callback();
		},

		onData(stream, session, callback) {
			const chunks: Buffer[] = [];
			stream.on('data', (chunk: Buffer) => {
				// Stop buffering once over the limit; smtp-server still reads to the final dot.
				if (!stream.sizeExceeded) chunks.push(chunk);
			});
			stream.on('end', () => {
				if (stream.sizeExceeded) {
					log(`message of ${stream.byteLength} bytes refused: over ${maxMessageBytes} bytes`);
					callback(); // rejectOversized turns this into 552 5.3.4
					return;
				}

				const raw = Buffer.concat(chunks);
				const {mailFrom, rcptTo} = session.envelope;
				const message: DemoMessage = {
					id: nextId++,
					receivedAt: new Date(),
					from: mailFrom ? mailFrom.address : '',
					recipients: rcptTo.map(r => r.address),
					size: raw.length,
					subject: parseSubject(raw),
					raw,
					tls: session.secure,
					...(typeof session.user === 'string' ? {authUser: session.user} : {}),
				};
				messages.push(message);
				if (messages.length > maxStoredMessages) messages.shift();
				log(`message #${message.id} accepted: ${message.size} bytes from <${message.from}> to ${message.recipients.map(r => `<${r}>`).join(', ')}, subject: ${message.subject}`);
				for (const listener of listeners) {
					// A broken listener must not cost the client its reply.
					try {
						listener(message);
					} catch (error) {
						log(`onMessage listener failed: ${String(error)}`);
					}
				}

				callback(null, `OK: queued as demo message #${message.id}`);
			});
		},
	};
	const server = new SMTPServer(serverOptions);
	// No certificate until certificates() has made one: a handshake before then fails, where
	// smtp-server would present its built-in certificate, whose private key is public.
	server.secureContext.set('*', createSecureContext());
	const certificates = async () => {
		made ??= import('./certs.js')
			.then(async ({createDemoPki}) => createDemoPki())
			.then(pki => {
				server.updateSecureContext({key: pki.serverKey, cert: pki.serverCert});
				return pki.caCert;
			});
		return made;
	};

	// Errors of single connections (resets, failed handshakes) are normal for a practice server.
	server.on('error', error => {
		log(`server error: ${error.message}`);
	});
	// Raw sockets, so close() can force out clients that ignore the 421 goodbye.
	server.server.on('connection', (socket: Socket) => {
		sockets.add(socket);
		socket.once('close', () => sockets.delete(socket));
	});

	await new Promise<void>((resolve, reject) => {
		server.server.once('error', reject);
		server.listen(port, host, () => {
			server.server.off('error', reject);
			resolve();
		});
	});
	const address = server.server.address();
	if (address === null || typeof address === 'string') throw new Error('demo server: unexpected listen address');
	log(`listening on ${host}:${address.port}`);

	let closing: Promise<void> | undefined;
	return {
		host,
		port: address.port,
		certificates,
		hostname: DEMO_HOSTNAME,
		credentials: {...DEMO_CREDENTIALS},
		messages,
		onMessage(listener) {
			listeners.add(listener);
			return () => {
				listeners.delete(listener);
			};
		},
		close() {
			closing ??= new Promise<void>(resolve => {
				// smtp-server's close waits (closeTimeout) for clients to leave by themselves.
				// Say goodbye right away instead, then destroy whoever is still there.
				const forceTimer = setTimeout(() => {
					for (const socket of sockets) socket.destroy();
				}, closeGraceMs);
				server.close(() => {
					clearTimeout(forceTimer);
					log('closed');
					resolve();
				});
				for (const connection of server.connections) {
					connection.send(421, 'demo server shutting down');
					connection.close();
				}
			});
			return closing;
		},
	};
}
