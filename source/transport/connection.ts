import net from 'node:net';
import tls from 'node:tls';
import type {TlsState} from '../protocol/session.js';
import {formatTarget, type Target} from '../protocol/target.js';
import {formatDuration} from './timeouts.js';
import {describeTls, explainHandshakeError, explainVerifyError} from './tls-info.js';

/**
One SMTP connection: a TCP or Unix socket, possibly wrapped in TLS from the start or
upgraded later. It moves bytes and reports what happened; it knows nothing of SMTP.
*/

export type TlsOptions = {
	/** Turn certificate verification off (`--insecure`); the session state says so. */
	insecure?: boolean;
	/** PEM certificates to trust in addition to the system's (`--ca FILE`). */
	ca?: string;
	/** A client certificate and its key (PEM). */
	cert?: string;
	key?: string;
	/** Lowest TLS version accepted; Node's default is TLSv1.2 (RFC 8997). */
	minVersion?: tls.SecureVersion;
	/** The name sent as SNI and checked against the certificate, if not the target host. */
	servername?: string;
};

/** Why a connection attempt failed, for messages and exit codes. */
export type ConnectFailure = {
	stage: 'dns' | 'connect' | 'tls';
	code: string;
	message: string;
};

export type ConnectionEvents = {
	data: (chunk: Uint8Array) => void;
	/** The peer closed or reset the connection, or it was destroyed. */
	close: (info: {error?: NodeJS.ErrnoException; byUs: boolean}) => void;
};

const isIp = (host: string) => net.isIP(host) !== 0;

/** The name to check the certificate against, and to send as SNI when it is a DNS name. */
function nameFor(target: Target, options: TlsOptions): {host: string; servername?: string} {
	const host = options.servername ?? (target.kind === 'tcp' ? target.host : 'localhost');
	return isIp(host) ? {host} : {host, servername: host};
}

function tlsConnectOptions(target: Target, options: TlsOptions): tls.ConnectionOptions {
	const {host, servername} = nameFor(target, options);
	return {
		...(servername ? {servername} : {}),
		// The certificate is checked against the name the user gave (the target, or
		// --servername), also when the socket was connected by address or upgraded.
		checkServerIdentity: (_hostname, certificate) => tls.checkServerIdentity(host, certificate),
		// Verification is decided below, after the handshake, so a failure can name the
		// certificate's dates and names; nothing is written before that decision.
		rejectUnauthorized: false,
		...(options.ca ? {ca: [...tls.rootCertificates, options.ca]} : {}),
		...(options.cert ? {cert: options.cert} : {}),
		...(options.key ? {key: options.key} : {}),
		minVersion: options.minVersion ?? 'TLSv1.2',
	};
}

/** Checks a finished handshake; returns why it must not be trusted, or undefined. */
function verify(socket: tls.TLSSocket, host: string, options: TlsOptions, via: TlsState['via']): {state: TlsState; failure?: string} {
	const state = describeTls(socket, via, {insecure: Boolean(options.insecure), servername: host});
	if (socket.authorized) return {state};
	const reason = explainVerifyError(String(socket.authorizationError ?? 'unknown'), host, state.peer);
	if (options.insecure) return {state: {...state, verifyError: reason}};
	return {state, failure: reason};
}

export class SmtpConnection {
	/** Opens a connection, with the TLS handshake for implicit TLS, or says why it could not. */
	static async open(
		target: Target,
		options: {implicitTls: boolean; tls: TlsOptions; timeoutMs: number; signal?: AbortSignal},
	): Promise<{ok: true; connection: SmtpConnection; tls?: TlsState} | {ok: false; failure: ConnectFailure}> {
		return new Promise(resolve => {
			let settled = false;
			const finish = (result: Awaited<ReturnType<typeof SmtpConnection.open>>) => {
				if (settled) return;
				settled = true;
				clearTimeout(timer);
				options.signal?.removeEventListener('abort', onAbort);
				resolve(result);
			};

			const connectOptions = target.kind === 'unix' ? {path: target.path} : {host: target.host, port: target.port};
			const socket: net.Socket | tls.TLSSocket = options.implicitTls
				? tls.connect({...connectOptions, ...tlsConnectOptions(target, options.tls)})
				: net.connect(connectOptions);

			const fail = (failure: ConnectFailure) => {
				socket.destroy();
				finish({ok: false, failure});
			};

			const timer = setTimeout(() => {
				fail({stage: 'connect', code: 'ETIMEDOUT', message: `no connection after ${formatDuration(options.timeoutMs)} (connect timeout)`});
			}, options.timeoutMs);
			const onAbort = () => fail({stage: 'connect', code: 'ECANCELED', message: 'cancelled'});
			options.signal?.addEventListener('abort', onAbort);

			// With implicit TLS, an error after the TCP connect is a handshake failure.
			let tcpConnected = false;
			socket.once('connect', () => {
				tcpConnected = true;
			});
			socket.once('error', (error: NodeJS.ErrnoException) => {
				fail(tcpConnected && options.implicitTls
					? {stage: 'tls', code: error.code ?? 'ETLS', message: explainHandshakeError(error, 'implicit')}
					: describeConnectError(error, target));
			});

			socket.once(options.implicitTls ? 'secureConnect' : 'connect', () => {
				socket.removeAllListeners('error');
				if (!options.implicitTls) {
					finish({ok: true, connection: new SmtpConnection(socket)});
					return;
				}

				const {host} = nameFor(target, options.tls);
				const {state, failure} = verify(socket as tls.TLSSocket, host, options.tls, 'implicit');
				if (failure) {
					fail({stage: 'tls', code: 'ECERT', message: failure});
					return;
				}

				finish({ok: true, connection: new SmtpConnection(socket), tls: state});
			});
		});
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
	async upgrade(target: Target, options: TlsOptions, timeoutMs: number): Promise<{ok: true; tls: TlsState} | {ok: false; message: string}> {
		const plain = this.socket;
		plain.removeAllListeners('data');
		plain.pause();
		return new Promise(resolve => {
			const {host} = nameFor(target, options);
			const secure = tls.connect({socket: plain, ...tlsConnectOptions(target, options)});
			const finish = (result: {ok: true; tls: TlsState} | {ok: false; message: string}) => {
				clearTimeout(timer);
				secure.removeAllListeners('secureConnect');
				resolve(result);
			};

			const timer = setTimeout(() => {
				this.destroy();
				finish({ok: false, message: `the TLS handshake did not finish within ${formatDuration(timeoutMs)}`});
			}, timeoutMs);

			secure.once('error', (error: NodeJS.ErrnoException) => {
				this.destroy();
				finish({ok: false, message: explainHandshakeError(error, 'starttls')});
			});

			secure.once('secureConnect', () => {
				secure.removeAllListeners('error');
				const {state, failure} = verify(secure, host, options, 'starttls');
				if (failure) {
					this.destroy();
					finish({ok: false, message: failure});
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

function describeConnectError(error: NodeJS.ErrnoException, target: Target): ConnectFailure {
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
