import {mkdtempSync, rmSync} from 'node:fs';
import net from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import tls from 'node:tls';
import {afterEach, describe, expect, it} from 'vitest';
import {SessionController} from '../../source/session/controller.js';
import {SmtpConnection} from '../../source/transport/connection.js';
import {startFakeServer} from '../helpers/fake-smtp-server.js';
import {createTestPki} from '../helpers/test-certs.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
	while (cleanups.length > 0) await cleanups.pop()!();
});

describe('transport', () => {
	it('connects over IPv6 loopback', async () => {
		const server = await startFakeServer({host: '::1'});
		cleanups.push(() => server.close());
		const controller = new SessionController({target: {kind: 'tcp', host: '::1', port: server.port}});
		cleanups.push(() => controller.close());
		const outcome = await controller.connect();
		expect(outcome.ok).toBe(true);
		expect(controller.getSnapshot().addresses?.remote).toBe(`[::1]:${server.port}`);
	});

	it('connects to a Unix socket, as LMTP servers listen', async () => {
		const directory = mkdtempSync(join(tmpdir(), 'smtp-explorer-sock-'));
		const path = join(directory, 'lmtp.sock');
		const received: string[] = [];
		const server = net.createServer(socket => {
			socket.write('220 lmtp.test LMTP ready\r\n');
			socket.on('data', chunk => {
				received.push(chunk.toString());
				socket.write('250-lmtp.test\r\n250 PIPELINING\r\n');
			});
		});
		await new Promise<void>(resolve => server.listen(path, resolve));
		cleanups.push(async () => {
			await new Promise(resolve => server.close(resolve));
			rmSync(directory, {recursive: true, force: true});
		});
		const controller = new SessionController({target: {kind: 'unix', path}});
		cleanups.push(() => controller.close());
		expect((await controller.connect()).ok).toBe(true);
		const lhlo = await controller.command('LHLO client.example.com');
		expect(lhlo.ok && lhlo.reply.code).toBe(250);
		expect(received.join('')).toBe('LHLO client.example.com\r\n');
	});

	it('presents a client certificate when given one', async () => {
		const pki = await createTestPki();
		let seenCertificate: (certificate: tls.PeerCertificate) => void = () => undefined;
		const seen = new Promise<tls.PeerCertificate>(resolve => {
			seenCertificate = resolve;
		});
		const server = tls.createServer({...pki.valid, ca: pki.ca.cert, requestCert: true, rejectUnauthorized: false}, socket => {
			seenCertificate(socket.getPeerCertificate());
			socket.end('220 tls.test ready\r\n');
		});
		await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
		cleanups.push(async () => new Promise(resolve => server.close(() => resolve())));
		const port = (server.address() as net.AddressInfo).port;
		const result = await SmtpConnection.open({kind: 'tcp', host: '127.0.0.1', port}, {implicitTls: true, tls: {ca: pki.ca.cert, ...pki.client}, timeoutMs: 5000});
		expect(result.ok).toBe(true);
		expect((await seen).subject?.CN).toBe('smtp-explorer test client');
		if (result.ok) result.connection.destroy();
	});

	it('refuses a server that offers only TLS below the minimum, with the reason', async () => {
		const pki = await createTestPki();
		const server = tls.createServer({...pki.valid, maxVersion: 'TLSv1.2'}, socket => socket.end('220 old.test\r\n'));
		await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
		cleanups.push(async () => new Promise(resolve => server.close(() => resolve())));
		const port = (server.address() as net.AddressInfo).port;
		const result = await SmtpConnection.open({kind: 'tcp', host: '127.0.0.1', port}, {implicitTls: true, tls: {ca: pki.ca.cert, minVersion: 'TLSv1.3'}, timeoutMs: 5000});
		expect(result).toMatchObject({ok: false, failure: {stage: 'tls'}});
		expect(result.ok ? '' : result.failure.message).toMatch(/no TLS version in common/);
	});

	it('checks the certificate against --servername when given, and sends it as SNI', async () => {
		const pki = await createTestPki();
		const names: string[] = [];
		const server = tls.createServer({...pki.wrongHost}, socket => {
			names.push(String((socket as tls.TLSSocket & {servername?: string | false}).servername));
			socket.end('220 other ready\r\n');
		});
		await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
		cleanups.push(async () => new Promise(resolve => server.close(() => resolve())));
		const port = (server.address() as net.AddressInfo).port;
		const refused = await SmtpConnection.open({kind: 'tcp', host: '127.0.0.1', port}, {implicitTls: true, tls: {ca: pki.ca.cert}, timeoutMs: 5000});
		expect(refused.ok ? '' : refused.failure.message).toMatch(/wrong host name/);
		const accepted = await SmtpConnection.open({kind: 'tcp', host: '127.0.0.1', port}, {implicitTls: true, tls: {ca: pki.ca.cert, servername: 'other.example.net'}, timeoutMs: 5000});
		expect(accepted.ok).toBe(true);
		expect(accepted.ok && accepted.tls?.verified).toBe(true);
		// No SNI for an address; the name given with --servername otherwise.
		await expect.poll(() => names).toContain('other.example.net');
		if (accepted.ok) accepted.connection.destroy();
	});
});
