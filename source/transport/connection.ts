import net, {type LookupFunction} from 'node:net';
import type tls from 'node:tls';
import {TlsError, type TlsReason, TransportError, type TransportKind} from '../protocol/errors.js';
import {describeProxyHeader, encodeProxyHeader, type ProxyAddress, proxyAddressOf, type ProxyHeader, type ProxyVersion} from '../protocol/proxy-protocol.js';
import type {TlsState} from '../protocol/session.js';
import {type Endpoint, formatTarget} from '../protocol/target.js';
import {connectThroughSocks, type SocksRoute} from './socks.js';
import {formatDuration} from './timeouts.js';
import {describeTls, explainHandshakeError, explainVerifyError, tlsReasonFor} from './tls-info.js';

/**
One SMTP connection: a TCP or Unix socket, possibly wrapped in TLS from the start or
upgraded later. It moves bytes and reports what happened; it knows nothing of SMTP.
*/

export type TlsOptions = {
	/** Turn certificate verification off (`--insecure`); the session state says so. */
	insecure?: boolean;
	/**
	PEM certificates to trust in addition to the system's (`--ca FILE`). A promise makes a
	handshake wait for it: the demo's CA is made while the first frame is drawn.
	*/
	ca?: string | Promise<string>;
	/** A client certificate and its key (PEM). */
	cert?: string;
	key?: string;
	/** Lowest TLS version accepted; Node's default is TLSv1.2 (RFC 8997). */
	minVersion?: tls.SecureVersion;
	/** The name sent as SNI and checked against the certificate, if not the target host. */
	servername?: string;
	/**
	A name to send as SNI when the target is an address (which is sent none); the certificate is
	still checked against the address. The demo server answers such a handshake once its
	certificate is made.
	*/
	sniForAddress?: string;
};

/** Why a connection attempt failed, for messages and exit codes. */
export type ConnectFailure = {
	stage: 'dns' | 'connect' | 'proxy' | 'tls';
	code: string;
	message: string;
	/** For a certificate that is not trusted: why (from Node's verification code). */
	tlsReason?: TlsReason;
};

const kinds: Record<string, TransportKind> = {ENOTFOUND: 'dns', EAI_AGAIN: 'dns', ECONNREFUSED: 'refused', ENOENT: 'refused', EACCES: 'refused', EHOSTUNREACH: 'unreachable', ENETUNREACH: 'unreachable', ETIMEDOUT: 'timeout', ECONNRESET: 'reset', ECANCELED: 'cancelled'};

/** The typed error a failed connection attempt stands for: TLS by its reason, the rest by its kind. */
export function connectError(failure: ConnectFailure): TransportError | TlsError {
	if (failure.stage === 'tls') return new TlsError(failure.tlsReason ?? 'handshake', failure.message);
	if (failure.stage === 'proxy') return new TransportError('proxy', failure.message);
	return new TransportError(failure.stage === 'dns' ? 'dns' : (kinds[failure.code] ?? 'closed'), failure.message);
}

export type ConnectionEvents = {
	data: (chunk: Uint8Array) => void;
	/** The peer closed or reset the connection, or it was destroyed. */
	close: (info: {error?: NodeJS.ErrnoException; byUs: boolean}) => void;
};

const isIp = (host: string) => net.isIP(host) !== 0;

/** The name to check the certificate against, and to send as SNI when it is a DNS name. */
function nameFor(target: Endpoint, options: TlsOptions): {host: string; servername?: string} {
	const host = options.servername ?? (target.kind === 'tcp' ? target.host : 'localhost');
	return isIp(host) ? {host} : {host, servername: host};
}

/** node:tls, loaded on the first TLS connection or upgrade: a plaintext session never pays for it at start. */
async function loadTls(): Promise<typeof tls> {
	return (await import('node:tls')).default;
}

/** The CA to trust once it is there, or why it never came. */
async function settledCa(options: TlsOptions): Promise<{ok: true; ca?: string} | {ok: false; message: string}> {
	try {
		const ca = await options.ca;
		return {ok: true, ...(ca ? {ca} : {})};
	} catch (error) {
		return {ok: false, message: `no CA certificate to verify the server with: ${error instanceof Error ? error.message : String(error)}`};
	}
}

function tlsConnectOptions(tlsModule: typeof tls, target: Endpoint, options: TlsOptions, ca: string | undefined): tls.ConnectionOptions {
	const {host, servername} = nameFor(target, options);
	const sni = servername ?? options.sniForAddress;
	return {
		...(sni ? {servername: sni} : {}),
		// The certificate is checked against the name the user gave (the target, or
		// --servername), also when the socket was connected by address or upgraded.
		checkServerIdentity: (_hostname, certificate) => tlsModule.checkServerIdentity(host, certificate),
		// Verification is decided below, after the handshake, so a failure can name the
		// certificate's dates and names; nothing is written before that decision.
		rejectUnauthorized: false,
		...(ca ? {ca: [...tlsModule.rootCertificates, ca]} : {}),
		...(options.cert ? {cert: options.cert} : {}),
		...(options.key ? {key: options.key} : {}),
		minVersion: options.minVersion ?? 'TLSv1.2',
	};
}

/** Checks a finished handshake; returns why it must not be trusted, or undefined. */
function verify(socket: tls.TLSSocket, host: string, options: TlsOptions, via: TlsState['via']): {state: TlsState; failure?: TlsError} {
	const state = describeTls(socket, via, {insecure: Boolean(options.insecure), servername: host});
	if (socket.authorized) return {state};
	const code = String(socket.authorizationError ?? 'unknown');
	const reason = explainVerifyError(code, host, state.peer);
	if (options.insecure) return {state: {...state, verifyError: reason}};
	return {state, failure: new TlsError(tlsReasonFor(code), reason)};
}

export type RouteOptions = {
	/** Reach the server through a SOCKS5 proxy. */
	socks?: SocksRoute;
	/** Send a PROXY protocol header first; each end not given is the socket's own. */
	proxyHeader?: {version: ProxyVersion; source?: ProxyAddress; destination?: ProxyAddress};
	/** Resolve host names with this lookup (a chosen DNS server) instead of the system's. */
	lookup?: LookupFunction;
};

export type OpenResult =
	| {ok: true; connection: SmtpConnection; tls?: TlsState; proxyHeader?: string; proxyProtocol?: ProxyHeader}
	| {ok: false; failure: ConnectFailure};

type Step<T> = {ok: true; value: T} | {ok: false; failure: ConnectFailure};

export class SmtpConnection {
	/**
	Opens a connection: TCP (directly or through SOCKS5), then the PROXY header if asked,
	then the TLS handshake for implicit TLS. One deadline covers it all.
	*/
	static async open(
		target: Endpoint,
		options: {implicitTls: boolean; tls: TlsOptions; timeoutMs: number; signal?: AbortSignal; route?: RouteOptions},
	): Promise<OpenResult> {
		const route = options.route ?? {};
		let current: net.Socket | undefined;
		let cancel: (failure: ConnectFailure) => void = () => undefined;
		const cancelled = new Promise<{ok: false; failure: ConnectFailure}>(resolve => {
			cancel = failure => {
				current?.destroy();
				resolve({ok: false, failure});
			};
		});
		const timer = setTimeout(() => cancel({stage: 'connect', code: 'ETIMEDOUT', message: `no connection after ${formatDuration(options.timeoutMs)} (connect timeout)`}), options.timeoutMs);
		const onAbort = () => cancel({stage: 'connect', code: 'ECANCELED', message: 'cancelled'});
		options.signal?.addEventListener('abort', onAbort);

		const steps = async (): Promise<OpenResult> => {
			const raw = await rawSocket(target, options.timeoutMs, route, socket => {
				current = socket;
			});
			if (!raw.ok) return raw;
			const socket = raw.value;
			current = socket;
			let extra: {proxyHeader?: string; proxyProtocol?: ProxyHeader} = {};
			if (route.proxyHeader) {
				const header = proxyHeaderFor(socket, route.proxyHeader);
				if (!header.ok) {
					socket.destroy();
					return header;
				}

				// The header goes before any other byte, TLS included (proxy-protocol.txt 2).
				socket.write(header.value.bytes);
				extra = {proxyHeader: header.value.description, proxyProtocol: header.value.header};
			}

			if (!options.implicitTls) return {ok: true, connection: new SmtpConnection(socket), ...extra};
			const secure = await handshake(socket, target, options.tls, socketStarted => {
				current = socketStarted;
			});
			if (!secure.ok) return secure;
			return {ok: true, connection: new SmtpConnection(secure.value.socket), tls: secure.value.tls, ...extra};
		};

		const attempt = steps();
		const result = await Promise.race([attempt, cancelled]);
		clearTimeout(timer);
		options.signal?.removeEventListener('abort', onAbort);
		if (!result.ok) {
			current?.destroy();
			// A connection that completes after the deadline is closed, never used.
			void attempt.then(late => late.ok && late.connection.destroy());
		}

		return result;
	}

	private socket: net.Socket;
	private listeners: Partial<ConnectionEvents> = {};
	private closedByUs = false;
	private closed = false;

	private constructor(socket: net.Socket) {
		this.socket = socket;
		this.attach(socket);
	}

	/** Local and remote addresses, for the session header. */
	get addresses(): {local: string; remote: string} {
		const {socket} = this;
		if (socket.remoteAddress === undefined) return {local: '', remote: ''};
		const format = (address = '', port?: number) => (address.includes(':') ? `[${address}]:${port}` : `${address}:${port}`);
		return {local: format(socket.localAddress, socket.localPort), remote: format(socket.remoteAddress, socket.remotePort)};
	}

	get isClosed(): boolean {
		return this.closed;
	}

	on<E extends keyof ConnectionEvents>(event: E, listener: ConnectionEvents[E]): void {
		this.listeners[event] = listener;
	}

	private attach(socket: net.Socket) {
		socket.on('data', (chunk: Buffer) => this.listeners.data?.(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength)));
		let lastError: NodeJS.ErrnoException | undefined;
		socket.on('error', (error: NodeJS.ErrnoException) => {
			lastError = error;
		});
		socket.on('close', () => {
			if (this.socket !== socket || this.closed) return;
			this.closed = true;
			this.listeners.close?.({...(lastError ? {error: lastError} : {}), byUs: this.closedByUs});
		});
	}

	/** Writes a command line (or any small piece): as a body of one block. */
	async write(bytes: Uint8Array, timeoutMs: number): Promise<void> {
		await this.writeAll(bytes, Math.max(1, bytes.length), timeoutMs);
	}

	/**
	Writes a large body without waiting for each piece to be flushed: pieces go out while
	the socket takes them, and when its buffer is full the next waits for it to drain. Each
	wait has the deadline (RFC 5321 4.5.3.2.5: a deadline per block, not for the whole).
	*/
	async writeAll(bytes: Uint8Array, blockBytes: number, timeoutMs: number): Promise<void> {
		for (let offset = 0; offset < bytes.length; offset += blockBytes) {
			if (this.closed) throw Object.assign(new Error('the connection closed while writing'), {code: 'ECONNRESET'});
			if (!this.socket.write(bytes.subarray(offset, offset + blockBytes))) await this.drained(timeoutMs);
		}
	}

	private async drained(timeoutMs: number): Promise<void> {
		const {socket} = this;
		await new Promise<void>((resolve, reject) => {
			const timer = setTimeout(() => {
				cleanup();
				reject(Object.assign(new Error(`the server did not accept data for ${formatDuration(timeoutMs)}`), {code: 'ETIMEDOUT'}));
			}, timeoutMs);
			const onDrain = () => {
				cleanup();
				resolve();
			};

			const onClose = () => {
				cleanup();
				reject(Object.assign(new Error('the connection closed while writing'), {code: 'ECONNRESET'}));
			};

			const cleanup = () => {
				clearTimeout(timer);
				socket.off('drain', onDrain);
				socket.off('close', onClose);
			};

			socket.once('drain', onDrain);
			socket.once('close', onClose);
		});
	}

	/**
	Upgrades to TLS after a 220 to STARTTLS (RFC 3207 4). The plaintext socket stops being
	read first, so no byte that arrives later can be taken for a reply.
	*/
	async upgrade(target: Endpoint, options: TlsOptions, timeoutMs: number): Promise<{ok: true; tls: TlsState} | {ok: false; error: TlsError}> {
		const plain = this.socket;
		plain.removeAllListeners('data');
		plain.pause();
		const tlsModule = await loadTls();
		const ca = await settledCa(options);
		if (!ca.ok) {
			this.destroy();
			return {ok: false, error: new TlsError('handshake', ca.message)};
		}

		return new Promise(resolve => {
			const {host} = nameFor(target, options);
			const secure = tlsModule.connect({socket: plain, ...tlsConnectOptions(tlsModule, target, options, ca.ca)});
			const finish = (result: {ok: true; tls: TlsState} | {ok: false; error: TlsError}) => {
				clearTimeout(timer);
				secure.removeAllListeners('secureConnect');
				resolve(result);
			};

			const timer = setTimeout(() => {
				this.destroy();
				finish({ok: false, error: new TlsError('handshake', `the TLS handshake did not finish within ${formatDuration(timeoutMs)}`)});
			}, timeoutMs);

			secure.once('error', (error: NodeJS.ErrnoException) => {
				this.destroy();
				finish({ok: false, error: new TlsError('handshake', explainHandshakeError(error, 'starttls'))});
			});

			secure.once('secureConnect', () => {
				secure.removeAllListeners('error');
				const {state, failure} = verify(secure, host, options, 'starttls');
				if (failure) {
					this.destroy();
					finish({ok: false, error: failure});
					return;
				}

				this.socket = secure;
				this.attach(secure);
				finish({ok: true, tls: state});
			});

			// The plain socket's close must not be reported while TLS owns it.
			plain.removeAllListeners('close');
			plain.on('close', () => {
				if (this.socket === plain) {
					this.closed = true;
					this.listeners.close?.({byUs: this.closedByUs});
				}
			});
		});
	}

	/** Half-closes after QUIT: the peer sees FIN. */
	end(): void {
		this.closedByUs = true;
		this.socket.end();
	}

	/** Closes at once. */
	destroy(): void {
		this.closedByUs = true;
		this.socket.destroy();
	}
}

/** A connected TCP or Unix socket, directly or through the SOCKS5 proxy. */
async function rawSocket(target: Endpoint, timeoutMs: number, route: RouteOptions, started: (socket: net.Socket) => void): Promise<Step<net.Socket>> {
	if (route.socks) {
		if (target.kind !== 'tcp') return {ok: false, failure: {stage: 'proxy', code: 'EPROXY', message: 'a SOCKS proxy reaches TCP hosts, not a Unix socket'}};
		const result = await connectThroughSocks(route.socks, target, {timeoutMs, ...(route.lookup ? {lookup: route.lookup} : {})});
		return result.ok ? {ok: true, value: result.socket} : {ok: false, failure: {stage: result.code === 'ENOTFOUND' ? 'dns' : 'proxy', code: result.code, message: result.message}};
	}

	return new Promise(resolve => {
		const socket = target.kind === 'unix'
			? net.connect({path: target.path})
			: net.connect({host: target.host, port: target.port, ...(route.lookup ? {lookup: route.lookup} : {})});
		started(socket);
		socket.once('error', (error: NodeJS.ErrnoException) => {
			socket.destroy();
			resolve({ok: false, failure: describeConnectError(error, target)});
		});
		socket.once('connect', () => {
			socket.removeAllListeners('error');
			resolve({ok: true, value: socket});
		});
	});
}

/** The PROXY header's bytes and how the transcript shows them; ends not given are the socket's own. */
function proxyHeaderFor(socket: net.Socket, wanted: NonNullable<RouteOptions['proxyHeader']>): Step<{bytes: Uint8Array; description: string; header: ProxyHeader}> {
	const source = wanted.source ?? proxyAddressOf(socket.localAddress ?? '', socket.localPort ?? 0);
	const destination = wanted.destination ?? proxyAddressOf(socket.remoteAddress ?? '', socket.remotePort ?? 0);
	if (!source || !destination) {
		return {ok: false, failure: {stage: 'connect', code: 'EPROXYHEADER', message: 'the PROXY header needs IP addresses, and this socket has none (a Unix socket?): give --proxy-source and --proxy-destination'}};
	}

	const header = {version: wanted.version, source, destination};
	const encoded = encodeProxyHeader(header);
	if (!encoded.ok) return {ok: false, failure: {stage: 'connect', code: 'EPROXYHEADER', message: encoded.error}};
	return {ok: true, value: {bytes: encoded.bytes, description: describeProxyHeader(header, encoded.bytes.length), header}};
}

/** The implicit-TLS handshake over a connected socket, verified against the name the user gave. */
async function handshake(plain: net.Socket, target: Endpoint, options: TlsOptions, started: (socket: net.Socket) => void): Promise<Step<{socket: tls.TLSSocket; tls: TlsState}>> {
	const tlsModule = await loadTls();
	const ca = await settledCa(options);
	if (!ca.ok) {
		plain.destroy();
		return {ok: false, failure: {stage: 'tls', code: 'ENOCA', message: ca.message}};
	}

	return new Promise(resolve => {
		const secure = tlsModule.connect({socket: plain, ...tlsConnectOptions(tlsModule, target, options, ca.ca)});
		started(secure);
		secure.once('error', (error: NodeJS.ErrnoException) => {
			secure.destroy();
			resolve({ok: false, failure: {stage: 'tls', code: error.code ?? 'ETLS', message: explainHandshakeError(error, 'implicit')}});
		});
		secure.once('secureConnect', () => {
			secure.removeAllListeners('error');
			const {host} = nameFor(target, options);
			const {state, failure} = verify(secure, host, options, 'implicit');
			if (failure) {
				secure.destroy();
				resolve({ok: false, failure: {stage: 'tls', code: 'ECERT', message: failure.message, tlsReason: failure.reason}});
				return;
			}

			resolve({ok: true, value: {socket: secure, tls: state}});
		});
	});
}

function describeConnectError(error: NodeJS.ErrnoException, target: Endpoint): ConnectFailure {
	const where = target.kind === 'unix' ? target.path : formatTarget(target);
	switch (error.code) {
		case 'ENOTFOUND':
		case 'EAI_AGAIN': {
			return {stage: 'dns', code: error.code, message: `the host name ${target.kind === 'tcp' ? target.host : ''} could not be resolved (DNS)`};
		}

		case 'ECONNREFUSED': {
			return {stage: 'connect', code: error.code, message: `connection refused by ${where}: nothing listens there`};
		}

		case 'ENOENT': {
			return {stage: 'connect', code: error.code, message: `no socket at ${where}`};
		}

		case 'EACCES': {
			return {stage: 'connect', code: error.code, message: `permission denied for ${where}`};
		}

		case 'EHOSTUNREACH':
		case 'ENETUNREACH': {
			return {stage: 'connect', code: error.code, message: `${where} is unreachable from this machine`};
		}

		case 'ECONNRESET': {
			return {stage: 'connect', code: error.code, message: `${where} reset the connection`};
		}

		default: {
			return {stage: 'connect', code: error.code ?? 'ECONNECTION', message: `could not connect to ${where}: ${error.message}`};
		}
	}
}
