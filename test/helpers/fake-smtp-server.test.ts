import {X509Certificate} from 'node:crypto';
import {once} from 'node:events';
import net from 'node:net';
import tls from 'node:tls';
import {afterEach, beforeAll, describe, expect, it} from 'vitest';
import {startFakeServer, type FakeServer, type FakeServerOptions} from './fake-smtp-server.js';
import {createTestPki, type TestPki} from './test-certs.js';

/** Raw client: collects everything the server sends as text on the current socket. */
class RawClient {
	text = '';
	dataEvents = 0;
	error: NodeJS.ErrnoException | undefined;
	closed = false;
	private wake: (() => void) | undefined;
	private readonly onData = (chunk: Buffer) => {
		this.text += chunk.toString('utf8');
		this.dataEvents++;
		this.wake?.();
	};

	private readonly onClose = () => {
		this.closed = true;
		this.wake?.();
	};

	private readonly onError = (error: Error) => {
		this.error = error;
	};

	constructor(public socket: net.Socket | tls.TLSSocket) {
		this.listen(socket);
	}

	static async connect(server: FakeServer): Promise<RawClient> {
		const socket = net.connect(server.port, server.host);
		await once(socket, 'connect');
		return new RawClient(socket);
	}

	static async connectTls(server: FakeServer, ca: string, extra: tls.ConnectionOptions = {}): Promise<RawClient> {
		const socket = tls.connect({port: server.port, host: server.host, ca, servername: 'localhost', ...extra});
		await once(socket, 'secureConnect');
		return new RawClient(socket);
	}

	/** Waits until the text received so far contains `expected`. */
	async waitFor(expected: string): Promise<void> {
		while (!this.text.includes(expected)) {
			if (this.closed) throw new Error(`closed before ${JSON.stringify(expected)}; got ${JSON.stringify(this.text)}`);
			await new Promise<void>(resolve => {
				this.wake = resolve;
			});
		}
	}

	async waitForClose(): Promise<void> {
		while (!this.closed) {
			await new Promise<void>(resolve => {
				this.wake = resolve;
			});
		}
	}

	send(data: string | Buffer): void {
		this.socket.write(data);
	}

	/** STARTTLS client side: hand the socket to TLS and read from the TLS socket from now on. */
	async upgrade(ca: string): Promise<tls.TLSSocket> {
		this.socket.off('data', this.onData);
		this.socket.off('close', this.onClose);
		const secure = tls.connect({socket: this.socket, ca, servername: 'localhost'});
		await once(secure, 'secureConnect');
		this.socket = secure;
		this.text = '';
		this.listen(secure);
		return secure;
	}

	private listen(socket: net.Socket): void {
		socket.on('data', this.onData);
		socket.on('close', this.onClose);
		socket.on('error', this.onError);
	}
}

/** The error a TLS client gets from a server presenting `cert`. */
async function tlsError(server: FakeServer, ca: string): Promise<NodeJS.ErrnoException> {
	const socket = tls.connect({port: server.port, host: server.host, ca, servername: 'localhost'});
	const [error] = (await once(socket, 'error')) as [NodeJS.ErrnoException];
	socket.destroy();
	return error;
}

let pki: TestPki;
const servers: FakeServer[] = [];
const clients: RawClient[] = [];

async function fake(options: FakeServerOptions = {}): Promise<FakeServer> {
	const server = await startFakeServer(options);
	servers.push(server);
	return server;
}

async function connect(server: FakeServer): Promise<RawClient> {
	const client = await RawClient.connect(server);
	clients.push(client);
	return client;
}

beforeAll(async () => {
	pki = await createTestPki();
});

afterEach(async () => {
	for (const client of clients.splice(0)) client.socket.destroy();
	for (const server of servers.splice(0)) {
		expect(server.errors).toEqual([]);
		await server.close();
	}
});

describe('fake SMTP server', () => {
	it('writes a greeting one byte at a time; the client gets it whole', async () => {
		const greeting = '220 slow.test ESMTP one byte at a time\r\n';
		const server = await fake({greeting: {write: greeting, split: 'bytes', gapMs: 1}});
		const client = await connect(server);
		await client.waitFor('\r\n');
		expect(client.text).toBe(greeting);
		expect(client.dataEvents).toBeGreaterThan(1);
	});

	it('answers pipelined commands in order from per-verb scripts, sequences and defaults', async () => {
		const server = await fake({
			replies: {MAIL: [{delayMs: 30}, '250 sender ok\r\n'], RCPT: '250 later rcpt\r\n'},
			sequences: {RCPT: ['250 first\r\n', '550 second\r\n']},
		});
		const client = await connect(server);
		await client.waitFor('220 fake.test ESMTP ready\r\n');
		client.send('EHLO client.test\r\nMAIL FROM:<a@x>\r\nRCPT TO:<b@x>\r\nRCPT TO:<c@x>\r\nRCPT TO:<d@x>\r\nNOOP\r\nQUIT\r\n');
		await client.waitForClose();
		expect(client.text).toBe(
			'220 fake.test ESMTP ready\r\n'
				+ '250-fake.test\r\n250-PIPELINING\r\n250-SIZE 1000000\r\n250 8BITMIME\r\n'
				+ '250 sender ok\r\n250 first\r\n550 second\r\n250 later rcpt\r\n250 OK\r\n221 bye\r\n',
		);
		expect(server.lines).toEqual(['EHLO client.test', 'MAIL FROM:<a@x>', 'RCPT TO:<b@x>', 'RCPT TO:<c@x>', 'RCPT TO:<d@x>', 'NOOP', 'QUIT']);
	});

	it('counts sequences across connections (GREETING too)', async () => {
		const server = await fake({sequences: {GREETING: ['421 busy, come back later\r\n', '220 welcome back\r\n']}});
		const first = await connect(server);
		await first.waitFor('421 busy, come back later\r\n');
		const second = await connect(server);
		await second.waitFor('220 welcome back\r\n');
		expect(server.connections).toBe(2);
	});

	it('records a DATA body as sent (dot-stuffed) and runs DATA-END after the final dot', async () => {
		const server = await fake({replies: {'DATA-END': '250 2.0.0 queued as 42\r\n'}});
		const client = await connect(server);
		await client.waitFor('220 ');
		client.send('MAIL FROM:<a@x>\r\nRCPT TO:<b@x>\r\nDATA\r\n');
		await client.waitFor('354 go ahead\r\n');
		client.send('Subject: hi\r\n\r\n..leading dot\r\nQUIT\r\n.\r\n');
		await client.waitFor('250 2.0.0 queued as 42\r\n');
		expect(server.lines.slice(3)).toEqual(['Subject: hi', '', '..leading dot', 'QUIT', '.']);
		// QUIT inside the body was just a body line: the connection is still open.
		expect(client.closed).toBe(false);
	});

	it('reads exactly N bytes after BDAT N before answering', async () => {
		const server = await fake({sequences: {BDAT: ['250 first chunk\r\n']}});
		const client = await connect(server);
		await client.waitFor('220 ');
		const first = Buffer.from('Subject: x\r\n\r\nhello');
		const last = Buffer.from([0x0d, 0x0a, 0xff, 0x00, 0x2e]);
		client.send(Buffer.concat([Buffer.from(`BDAT ${first.length}\r\n`), first.subarray(0, 5)]));
		await new Promise(resolve => setTimeout(resolve, 20));
		expect(client.text).toBe('220 fake.test ESMTP ready\r\n'); // still waiting for the rest of the chunk
		client.send(Buffer.concat([first.subarray(5), Buffer.from(`BDAT ${last.length} LAST\r\n`), last, Buffer.from('NOOP\r\n')]));
		await client.waitFor('250 OK\r\n');
		expect(client.text).toBe('220 fake.test ESMTP ready\r\n250 first chunk\r\n250 chunk ok\r\n250 OK\r\n');
		expect(server.bdatChunks).toEqual([first, last]);
		expect(server.lines).toEqual([`BDAT ${first.length}`, `BDAT ${last.length} LAST`, 'NOOP']);
	});

	it('runs a SASL exchange: AUTH-RESPONSE after a 334', async () => {
		const server = await fake({replies: {AUTH: '334 VXNlcm5hbWU6\r\n'}, sequences: {'AUTH-RESPONSE': ['334 UGFzc3dvcmQ6\r\n', '235 2.7.0 welcome\r\n']}});
		const client = await connect(server);
		await client.waitFor('220 ');
		client.send('AUTH LOGIN\r\ndXNlcg==\r\ncGFzcw==\r\nNOOP\r\n');
		await client.waitFor('250 OK\r\n');
		expect(client.text).toBe('220 fake.test ESMTP ready\r\n334 VXNlcm5hbWU6\r\n334 UGFzc3dvcmQ6\r\n235 2.7.0 welcome\r\n250 OK\r\n');
	});

	it('upgrades with STARTTLS after writing injected bytes, and records what is said over TLS', async () => {
		const server = await fake({
			tls: pki.valid,
			replies: {STARTTLS: [{write: '220 go\r\n250-INJECTED\r\n'}, {startTls: true}]},
		});
		const client = await connect(server);
		await client.waitFor('220 ');
		client.send('EHLO plain.test\r\n');
		await client.waitFor('250 STARTTLS\r\n'); // the default EHLO offers STARTTLS when tls is set
		client.send('STARTTLS\r\n');
		// The client sees the injected line before it upgrades.
		await client.waitFor('220 go\r\n250-INJECTED\r\n');
		const secure = await client.upgrade(pki.ca.cert);
		expect(secure.authorized).toBe(true);
		client.send('EHLO secure.test\r\n');
		await client.waitFor('250 8BITMIME\r\n');
		expect(client.text).not.toContain('STARTTLS');
		expect(server.received.toString()).toBe('EHLO plain.test\r\nSTARTTLS\r\nEHLO secure.test\r\n');
	});

	it('hands a ClientHello that arrived before the upgrade to TLS, not to the line reader', async () => {
		const server = await fake({tls: pki.valid, replies: {STARTTLS: ['220 go\r\n', {delayMs: 100}, {startTls: true}]}});
		const client = await connect(server);
		await client.waitFor('220 ');
		client.send('STARTTLS\r\n');
		await client.waitFor('220 go\r\n');
		await client.upgrade(pki.ca.cert); // starts the handshake while the server is still waiting
		client.send('NOOP\r\n');
		await client.waitFor('250 OK\r\n');
		expect(server.lines).toEqual(['STARTTLS', 'NOOP']);
		expect(server.received.toString()).toBe('STARTTLS\r\nNOOP\r\n');
	});

	it('ignores (but records) plaintext pipelined after STARTTLS', async () => {
		const server = await fake({tls: pki.valid});
		const client = await connect(server);
		await client.waitFor('220 ');
		client.send('STARTTLS\r\nMAIL FROM:<injected@x>\r\n');
		await client.waitFor('220 go ahead\r\n');
		await client.upgrade(pki.ca.cert);
		client.send('NOOP\r\n');
		await client.waitFor('250 OK\r\n');
		expect(client.text).toBe('250 OK\r\n'); // no reply to the injected MAIL
		expect(server.lines).toEqual(['STARTTLS', 'MAIL FROM:<injected@x>', 'NOOP']);
	});

	it('speaks implicit TLS with a certificate that verifies against the test CA', async () => {
		const server = await fake({tls: pki.valid, implicitTls: true});
		const client = await RawClient.connectTls(server, pki.ca.cert);
		clients.push(client);
		expect((client.socket as tls.TLSSocket).authorized).toBe(true);
		await client.waitFor('220 fake.test ESMTP ready\r\n');
		client.send('EHLO secure.test\r\n');
		await client.waitFor('250 8BITMIME\r\n');
		expect(server.received.toString()).toBe('EHLO secure.test\r\n');
	});

	it('listens on ::1 when asked', async () => {
		const server = await fake({host: '::1', tls: pki.valid, implicitTls: true});
		const client = await RawClient.connectTls(server, pki.ca.cert);
		clients.push(client);
		await client.waitFor('220 ');
		expect(server.host).toBe('::1');
	});

	it.each([
		['expired', 'CERT_HAS_EXPIRED'],
		['wrongHost', 'ERR_TLS_CERT_ALTNAME_INVALID'],
		['selfSigned', 'DEPTH_ZERO_SELF_SIGNED_CERT'],
	] as const)('presents the %s certificate, which fails verification with %s', async (name, code) => {
		const server = await fake({tls: pki[name], implicitTls: true});
		expect((await tlsError(server, pki.ca.cert)).code).toBe(code);
	});

	it('asks for a client certificate when told to; the test client certificate is signed by the test CA', async () => {
		const server = await fake({
			tls: {...pki.valid, requestCert: true},
			implicitTls: true,
			replies: {
				EHLO(connection) {
					const peer = (connection.socket as tls.TLSSocket).getPeerCertificate();
					const ca = new X509Certificate(pki.ca.cert);
					const signed = new X509Certificate(peer.raw).verify(ca.publicKey);
					void connection.write(`250 ${peer.subject.CN} ${signed ? 'signed by the CA' : 'not signed by the CA'}\r\n`);
				},
			},
		});
		const client = await RawClient.connectTls(server, pki.ca.cert, pki.client);
		clients.push(client);
		client.send('EHLO me\r\n');
		await client.waitFor('250 smtp-explorer test client signed by the CA\r\n');
	});

	it('resets the connection on {close: "rst"}: the client sees ECONNRESET', async () => {
		const server = await fake({replies: {MAIL: {close: 'rst'}}});
		const client = await connect(server);
		await client.waitFor('220 ');
		client.send('MAIL FROM:<a@x>\r\n');
		await client.waitForClose();
		expect(client.error?.code).toBe('ECONNRESET');
	});

	it('resets a TLS connection too', async () => {
		const server = await fake({tls: pki.valid, implicitTls: true, replies: {MAIL: {close: 'rst'}}});
		const client = await RawClient.connectTls(server, pki.ca.cert);
		clients.push(client);
		client.send('MAIL FROM:<a@x>\r\n');
		await client.waitForClose();
		expect(client.error?.code).toBe('ECONNRESET');
	});

	it('ends the connection gracefully on {close: "fin"}, and never answers after {silence: true}', async () => {
		const server = await fake({replies: {MAIL: ['250-partial\r\n', {silence: true}], RSET: {close: 'fin'}}});
		const client = await connect(server);
		await client.waitFor('220 ');
		client.send('MAIL FROM:<a@x>\r\nNOOP\r\n');
		await server.waitForLine('NOOP');
		await new Promise(resolve => setTimeout(resolve, 20));
		expect(client.text).toBe('220 fake.test ESMTP ready\r\n250-partial\r\n');

		const second = await connect(server);
		await second.waitFor('220 ');
		second.send('RSET\r\n');
		await second.waitForClose();
		expect(second.error).toBeUndefined();
	});

	it('records the received bytes exactly, across connections, with bare-LF lines marked', async () => {
		const server = await fake();
		const payloads = [Buffer.from('EHLO one\r\nNOOP bare\n'), Buffer.from([0x58, 0xff, 0xfe, 0x0d, 0x0a]), Buffer.from('QUIT\r\n')];
		const lastLines = ['NOOP bare\n', 'X\uFFFD\uFFFD', 'QUIT'];
		for (const [i, payload] of payloads.entries()) {
			const client = await connect(server);
			await client.waitFor('220 ');
			client.send(payload);
			await server.waitForLine(lastLines[i]!);
		}

		expect(server.received.equals(Buffer.concat(payloads))).toBe(true);
		expect(server.lines).toEqual(['EHLO one', 'NOOP bare\n', 'X\uFFFD\uFFFD', 'QUIT']);
	});

	it('stops an endless reply when the client goes away, without errors', async () => {
		let stopped!: () => void;
		const writerStopped = new Promise<void>(resolve => {
			stopped = resolve;
		});
		const server = await fake({
			replies: {
				async EHLO(connection) {
					while (!connection.closed) await connection.write('250-MORE '.padEnd(1000, 'x') + '\r\n');
					stopped();
				},
			},
		});
		const client = await connect(server);
		await client.waitFor('220 ');
		client.send('EHLO endless.test\r\n');
		while (client.text.length < 100_000) await new Promise(resolve => setTimeout(resolve, 5));
		client.socket.destroy();
		await writerStopped;
	});

	it('waitForLine times out with the lines it did get', async () => {
		const server = await fake();
		const client = await connect(server);
		await client.waitFor('220 ');
		client.send('NOOP\r\n');
		await expect(server.waitForLine(/^QUIT/, 100)).rejects.toThrow(/no line matching .* within 100 ms; last lines: \["NOOP"\]/);
	});
});
