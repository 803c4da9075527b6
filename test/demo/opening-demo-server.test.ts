import {once} from 'node:events';
import net from 'node:net';
import tls from 'node:tls';
import {afterEach, describe, expect, it} from 'vitest';
import {openDemoServer, type OpeningDemoServer} from '../../source/demo/server.js';
import {SessionController} from '../../source/session/controller.js';

/**
openDemoServer (what `--demo` uses): the server greets before its certificates exist, a
client whose `ca` is a promise waits for them at STARTTLS, and a handshake that comes before
them fails instead of meeting smtp-server's built-in certificate (whose key is public).
*/

const servers: OpeningDemoServer[] = [];
const controllers: SessionController[] = [];
afterEach(async () => {
	for (const controller of controllers.splice(0)) controller.close();
	for (const server of servers.splice(0)) await server.close();
});

describe('openDemoServer', () => {
	it('greets before it has certificates; STARTTLS waits for the CA, then verifies against it', {timeout: 30_000}, async () => {
		const demo = await openDemoServer();
		servers.push(demo);
		let makeCertificates!: () => void;
		const ca = new Promise<string>((resolve, reject) => {
			makeCertificates = () => {
				demo.certificates().then(resolve, reject);
			};
		});
		// As the explorer does: the server's name sent (SNI), the CA a promise.
		const controller = new SessionController({target: {kind: 'tcp', host: demo.host, port: demo.port}, tls: {ca, sniForAddress: 'localhost'}});
		controllers.push(controller);
		const connected = await controller.connect();
		expect(connected.ok && connected.greeting.code).toBe(220);
		expect((await controller.command('EHLO client.test')).ok).toBe(true);

		const upgrading = controller.command('STARTTLS');
		// The certificates are asked for only now, with the STARTTLS already sent.
		makeCertificates();
		const upgraded = await upgrading;
		expect(upgraded.ok ? 'upgraded' : upgraded.error).toBe('upgraded');
		expect(controller.sessionState.tls?.verified).toBe(true);
		// Checked against the address connected to; 'localhost' only went out as SNI.
		expect(controller.sessionState.tls?.servername).toBe('127.0.0.1');
		expect(await demo.certificates()).toBe(await ca);
	});

	it('fails a handshake that comes before the certificates, rather than presenting a built-in one', {timeout: 30_000}, async () => {
		const demo = await openDemoServer();
		servers.push(demo);
		const socket = net.connect({host: demo.host, port: demo.port});
		await once(socket, 'connect');
		let received = '';
		socket.setEncoding('latin1');
		// The refused handshake also ends the plain socket underneath with an error.
		socket.on('error', () => {});
		const waitFor = async (text: string) => {
			while (!received.includes(text)) {
				const [chunk] = (await once(socket, 'data')) as [string];
				received += chunk;
			}
		};

		await waitFor('220 ');
		socket.write('EHLO client.test\r\n');
		await waitFor('250 ');
		socket.write('STARTTLS\r\n');
		await waitFor('220 2.0.0');
		socket.removeAllListeners('data');
		const secure = tls.connect({socket, rejectUnauthorized: false, servername: 'localhost'});
		const outcome = await new Promise<{connected: boolean; error?: string}>(resolve => {
			secure.once('secureConnect', () => resolve({connected: true}));
			secure.on('error', (error: Error) => resolve({connected: false, error: error.message}));
		});
		secure.destroy();
		expect(outcome.connected).toBe(false);
		expect(outcome.error).toMatch(/handshake failure/);
	});
});
