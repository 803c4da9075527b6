import {type ChildProcess, spawn} from 'node:child_process';
import {chmodSync, mkdtempSync, rmSync} from 'node:fs';
import {createServer, connect} from 'node:net';
import {createSocket} from 'node:dgram';
import {tmpdir} from 'node:os';
import {join} from 'node:path';

/** A temporary directory the daemons' own users can enter (mkdtemp makes it 0700). */
export function daemonDir(prefix: string): {path: string; remove: () => void} {
	const path = mkdtempSync(join(tmpdir(), `smtp-explorer-${prefix}-`));
	chmodSync(path, 0o755);
	return {path, remove: () => rmSync(path, {recursive: true, force: true})};
}

/**
A loopback port free for both TCP and UDP (dnsmasq takes both): the system picks it for
TCP, and it is kept only if UDP can bind it too. Released before the daemon binds it.
*/
export async function freePort(): Promise<number> {
	for (let attempt = 0; attempt < 20; attempt++) {
		const server = createServer();
		await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
		const {port} = server.address() as {port: number};
		const udp = createSocket('udp4');
		const udpFree = await new Promise<boolean>(resolve => {
			udp.once('error', () => resolve(false));
			udp.bind(port, '127.0.0.1', () => resolve(true));
		});
		await new Promise<void>(resolve => (udpFree ? udp.close(() => resolve()) : resolve()));
		await new Promise<void>(resolve => server.close(() => resolve()));
		if (udpFree) return port;
	}

	throw new Error('no port free for both TCP and UDP');
}

/** Resolves once something accepts TCP connections on the port; rejects after `timeoutMs`. */
export async function waitForPort(port: number, timeoutMs = 10_000, host = '127.0.0.1'): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const open = await new Promise<boolean>(resolve => {
			const socket = connect({host, port});
			socket.once('connect', () => {
				socket.destroy();
				resolve(true);
			});
			socket.once('error', () => resolve(false));
		});
		if (open) return;
		if (Date.now() > deadline) throw new Error(`nothing listened on ${host}:${port} within ${timeoutMs} ms`);
		await new Promise(resolve => setTimeout(resolve, 50));
	}
}

/** Polls `check` until it returns a value; rejects with `what` after `timeoutMs`. */
export async function waitFor<T>(what: string, check: () => T | undefined, timeoutMs = 10_000): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = check();
		if (value !== undefined) return value;
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise(resolve => setTimeout(resolve, 50));
	}
}

/** A daemon run in the foreground as our child, with what it printed kept for failure messages. */
export function foreground(command: string, args: string[]): {child: ChildProcess; output: () => string; stop: () => Promise<void>} {
	const child = spawn(command, args, {stdio: ['ignore', 'pipe', 'pipe']});
	let output = '';
	child.stdout!.on('data', (chunk: Buffer) => {
		output += chunk.toString();
	});
	child.stderr!.on('data', (chunk: Buffer) => {
		output += chunk.toString();
	});
	const exited = new Promise<void>(resolve => {
		if (child.exitCode !== null) resolve();
		child.once('exit', () => resolve());
	});
	return {
		child,
		output: () => output,
		async stop() {
			if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
			const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
			await exited;
			clearTimeout(timer);
		},
	};
}
