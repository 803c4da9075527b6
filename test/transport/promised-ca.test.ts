import type net from 'node:net';
import tls from 'node:tls';
import {afterEach, describe, expect, it} from 'vitest';
import {SmtpConnection} from '../../source/transport/connection.js';
import {createTestPki} from '../helpers/test-certs.js';

/**
TlsOptions.ca as a promise (the explorer's demo CA, made after the first frame): the
handshake waits for it and then verifies against it; a CA that never comes is a clean TLS
failure. sniForAddress names the server (SNI) while the certificate is still checked
against the address.
*/

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
	while (cleanups.length > 0) await cleanups.pop()!();
});

async function tlsServer(options: tls.TlsOptions, onSecure: (socket: tls.TLSSocket) => void = () => {}) {
	const server = tls.createServer(options, socket => {
		onSecure(socket);
		socket.end('220 tls.test ready\r\n');
	});
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	cleanups.push(async () => new Promise(resolve => server.close(() => resolve())));
	return (server.address() as net.AddressInfo).port;
}

describe('a promised CA', () => {
	it('is waited for, then verifies; sniForAddress is sent as SNI, the address is what is checked', async () => {
		const pki = await createTestPki();
		let sentName: string | undefined;
		const port = await tlsServer({
			...pki.valid,
			SNICallback(name, callback) {
				sentName = name;
				callback(null, undefined);
			},
		});
		let release!: (ca: string) => void;
		const ca = new Promise<string>(resolve => {
			release = resolve;
		});
		const opening = SmtpConnection.open({kind: 'tcp', host: '127.0.0.1', port}, {implicitTls: true, tls: {ca, sniForAddress: 'localhost'}, timeoutMs: 5000});
		// Only the CA given later can verify the certificate: without the wait it would fail.
		release(pki.ca.cert);
		const result = await opening;
		expect(result.ok && result.tls?.verified).toBe(true);
		expect(result.ok && result.tls?.servername).toBe('127.0.0.1');
		expect(sentName).toBe('localhost');
		if (result.ok) result.connection.destroy();
	});

	it('that fails is a TLS failure naming why, not a crash', async () => {
		const pki = await createTestPki();
		const port = await tlsServer({...pki.valid});
		const ca = Promise.reject(new Error('the demo CA could not be made'));
		// As the explorer does: a CA that fails must not be an unhandled rejection while no handshake asks for it.
		ca.catch(() => undefined);
		const result = await SmtpConnection.open({kind: 'tcp', host: '127.0.0.1', port}, {implicitTls: true, tls: {ca}, timeoutMs: 5000});
		expect(result.ok).toBe(false);
		if (!result.ok) {
			expect(result.failure.stage).toBe('tls');
			expect(result.failure.message).toContain('the demo CA could not be made');
		}
	});
});
