import {createHmac} from 'node:crypto';
import {once} from 'node:events';
import net from 'node:net';
import tls from 'node:tls';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {startDemoServer, type DemoMessage, type DemoServer} from '../../source/demo/server.js';

type Reply = {code: number; lines: string[]};

/**
 * A deliberately tiny SMTP client on raw sockets, so these tests exercise the demo server
 * and nothing else from the project.
 */
class LineClient {
	socket: net.Socket | tls.TLSSocket;
	private buffer = Buffer.alloc(0);
	private wake: (() => void) | undefined;
	private closed = false;
	private readonly onData = (chunk: Buffer) => {
		this.buffer = Buffer.concat([this.buffer, chunk]);
		this.wake?.();
	};

	private readonly onClose = () => {
		this.closed = true;
		this.wake?.();
	};

	private constructor(socket: net.Socket) {
		this.socket = socket;
		this.listen(socket);
	}

	static async connect(port: number, allowHalfOpen = false): Promise<LineClient> {
		const socket = net.connect({port, host: '127.0.0.1', allowHalfOpen});
		await once(socket, 'connect');
		return new LineClient(socket);
	}

	/** Reads one reply (all lines of a multi-line one). */
	async reply(): Promise<Reply> {
		const lines: string[] = [];
		for (;;) {
			const line = await this.line();
			lines.push(line);
			if (line[3] !== '-') return {code: Number(line.slice(0, 3)), lines};
		}
	}

	send(data: string | Buffer): void {
		this.socket.write(data);
	}

	async command(line: string): Promise<Reply> {
		this.send(`${line}\r\n`);
		return this.reply();
	}

	/** Upgrades to TLS, verifying the server against `ca` for the name `localhost`. */
	async startTls(ca: string): Promise<tls.TLSSocket> {
		this.socket.off('data', this.onData);
		this.socket.off('close', this.onClose);
		const secure = tls.connect({socket: this.socket, ca, servername: 'localhost', rejectUnauthorized: true});
		await once(secure, 'secureConnect');
		this.socket = secure;
		this.listen(secure);
		return secure;
	}

	close(): void {
		this.socket.destroy();
	}

	private listen(socket: net.Socket): void {
		socket.on('data', this.onData);
		socket.on('close', this.onClose);
		socket.on('error', () => {}); // 'close' follows and fails the pending read
	}

	private async line(): Promise<string> {
		for (;;) {
			const end = this.buffer.indexOf('\r\n');
			if (end !== -1) {
				const line = this.buffer.subarray(0, end).toString('utf8');
				this.buffer = this.buffer.subarray(end + 2);
				return line;
			}

			if (this.closed) throw new Error('connection closed while waiting for a reply');
			await new Promise<void>(resolve => {
				this.wake = resolve;
			});
		}
	}
}

const plain = (user: string, password: string) => Buffer.from(`\0${user}\0${password}`).toString('base64');

/** Connects, reads the greeting, EHLO, STARTTLS, TLS handshake, EHLO again. */
async function secureSession(server: DemoServer): Promise<{client: LineClient; ehlo: Reply}> {
	const client = await LineClient.connect(server.port);
	expect((await client.reply()).code).toBe(220);
	expect((await client.command('EHLO client.test')).code).toBe(250);
	expect((await client.command('STARTTLS')).code).toBe(220);
	await client.startTls(server.caCert);
	return {client, ehlo: await client.command('EHLO client.test')};
}

describe('demo server', () => {
	let server: DemoServer;
	const clients: LineClient[] = [];
	const track = (client: LineClient) => {
		clients.push(client);
		return client;
	};

	beforeAll(async () => {
		server = await startDemoServer();
	});

	afterAll(async () => {
		for (const client of clients) client.close();
		await server.close();
	});

	it('greets with its banner and offers STARTTLS but not AUTH in plaintext', async () => {
		const client = track(await LineClient.connect(server.port));
		const greeting = await client.reply();
		expect(greeting.lines).toEqual([`220 ${server.hostname} ESMTP smtp-explorer demo server (practice only)`]);
		expect(server.hostname).toBe('demo.smtp-explorer.test');

		const ehlo = await client.command('EHLO client.test');
		expect(ehlo.code).toBe(250);
		const keywords = ehlo.lines.slice(1).map(line => line.slice(4));
		expect(keywords).toEqual(expect.arrayContaining(['STARTTLS', 'PIPELINING', '8BITMIME', 'SMTPUTF8', 'ENHANCEDSTATUSCODES', 'DSN', 'SIZE 26214400']));
		expect(keywords.some(k => k.startsWith('AUTH'))).toBe(false);

		// AUTH is not even a command before TLS.
		expect((await client.command(`AUTH PLAIN ${plain('demo', 'demo-password')}`)).code).toBeGreaterThanOrEqual(500);
		expect((await client.command('QUIT')).code).toBe(221);
	});

	it('upgrades with STARTTLS to a certificate that verifies against caCert, then offers AUTH', async () => {
		const {client, ehlo} = await secureSession(server);
		track(client);
		expect((client.socket as tls.TLSSocket).authorized).toBe(true);
		expect(ehlo.code).toBe(250);
		expect(ehlo.lines).toContain('250-AUTH PLAIN LOGIN CRAM-MD5');
		expect(ehlo.lines.some(line => line.includes('STARTTLS'))).toBe(false);
	});

	it('accepts AUTH PLAIN with the demo credentials and refuses wrong ones with 535 5.7.8', async () => {
		const {client} = await secureSession(server);
		track(client);
		const bad = await client.command(`AUTH PLAIN ${plain('demo', 'wrong')}`);
		expect(bad.code).toBe(535);
		expect(bad.lines[0]).toMatch(/^535 5\.7\.8 /);
		const {user, password} = server.credentials;
		expect({user, password}).toEqual({user: 'demo', password: 'demo-password'});
		const good = await client.command(`AUTH PLAIN ${plain(user, password)}`);
		expect(good.code).toBe(235);
	});

	it('accepts AUTH CRAM-MD5', async () => {
		const {client} = await secureSession(server);
		track(client);
		const challenge = await client.command('AUTH CRAM-MD5');
		expect(challenge.code).toBe(334);
		const decoded = Buffer.from(challenge.lines[0]!.slice(4), 'base64').toString();
		const digest = createHmac('md5', 'demo-password').update(decoded).digest('hex');
		const done = await client.command(Buffer.from(`demo ${digest}`).toString('base64'));
		expect(done.code).toBe(235);
	});

	it('takes a message: rejects nobody@ (550 5.1.1), defers busy@ (450 4.2.1), keeps the raw bytes', async () => {
		const {client} = await secureSession(server);
		track(client);
		expect((await client.command(`AUTH PLAIN ${plain('demo', 'demo-password')}`)).code).toBe(235);
		const received = new Promise<DemoMessage>(resolve => {
			const off = server.onMessage(message => {
				off();
				resolve(message);
			});
		});

		expect(await client.command('MAIL FROM:<learner@example.com>')).toMatchObject({code: 250});
		expect(await client.command('RCPT TO:<friend@example.com>')).toMatchObject({code: 250});
		const nobody = await client.command('RCPT TO:<nobody@example.com>');
		expect(nobody.lines[0]).toMatch(/^550 5\.1\.1 mailbox unavailable: this demo server rejects nobody@/);
		expect((await client.command('RCPT TO:<reject-me@example.com>')).code).toBe(550);
		expect((await client.command('RCPT TO:<busy@example.com>')).lines[0]).toMatch(/^450 4\.2\.1 /);
		expect((await client.command('DATA')).code).toBe(354);

		const utf8Line = 'Grüße aus Köln ✉';
		const wire = [
			'From: learner@example.com',
			'Subject: Practice',
			'  makes perfect',
			'',
			'..leading dot',
			utf8Line,
			'last line',
			'.',
			'',
		].join('\r\n');
		client.send(Buffer.from(wire, 'utf8'));
		const accepted = await client.reply();
		expect(accepted.lines[0]).toMatch(/^250 2\.6\.0 /);

		const message = await received;
		const expectedRaw = ['From: learner@example.com', 'Subject: Practice', '  makes perfect', '', '.leading dot', utf8Line, 'last line', ''].join('\r\n');
		expect(message.raw.equals(Buffer.from(expectedRaw, 'utf8'))).toBe(true);
		expect(message.raw.includes(Buffer.from(utf8Line, 'utf8'))).toBe(true);
		expect(message.raw.toString('latin1')).not.toMatch(/[^\r]\n/); // CRLF line ends only
		expect(message).toMatchObject({
			from: 'learner@example.com',
			recipients: ['friend@example.com'],
			subject: 'Practice  makes perfect',
			size: Buffer.byteLength(expectedRaw),
			tls: true,
			authUser: 'demo',
		});
		expect(server.messages.at(-1)).toBe(message);
		expect((await client.command('QUIT')).code).toBe(221);
	});

	it('accepts mail without AUTH (authOptional)', async () => {
		const client = track(await LineClient.connect(server.port));
		await client.reply();
		await client.command('EHLO client.test');
		expect((await client.command('MAIL FROM:<>')).code).toBe(250);
		expect((await client.command('RCPT TO:<someone@example.com>')).code).toBe(250);
		expect((await client.command('DATA')).code).toBe(354);
		expect((await client.command('Subject: plain\r\n\r\nhi\r\n.')).code).toBe(250);
		const message = server.messages.at(-1);
		expect(message).toMatchObject({from: '', subject: 'plain', tls: false});
		expect(message?.authUser).toBeUndefined();
	});
});

describe('demo server limits and shutdown', () => {
	it('refuses a message over maxMessageBytes with 552 5.3.4', async () => {
		const server = await startDemoServer({maxMessageBytes: 100});
		const client = await LineClient.connect(server.port);
		try {
			await client.reply();
			expect((await client.command('EHLO client.test')).lines).toContain('250 SIZE 100');
			await client.command('MAIL FROM:<a@example.com>');
			await client.command('RCPT TO:<b@example.com>');
			await client.command('DATA');
			const tooBig = await client.command(`${'x'.repeat(300)}\r\n.`);
			expect(tooBig.lines[0]).toMatch(/^552 5\.3\.4 /);
			expect(server.messages).toHaveLength(0);
		} finally {
			client.close();
			await server.close();
		}
	});

	it('close() returns promptly even when a client never leaves', async () => {
		const server = await startDemoServer();
		// allowHalfOpen: the client ignores the server's FIN, so only destroying the socket ends it.
		const idle = await LineClient.connect(server.port, true);
		await idle.reply();
		const started = Date.now();
		await server.close();
		expect(Date.now() - started).toBeLessThan(1000);
		expect((await idle.reply()).lines[0]).toMatch(/^421 /);
		idle.close();
	});
});
