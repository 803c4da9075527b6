import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {createServer} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {PassThrough} from 'node:stream';
import {afterAll, afterEach, beforeAll} from 'vitest';
import type {CommandIo} from '../../source/commands/io.js';
import {type DemoServer, startDemoServer} from '../../source/demo/server.js';
import {type FakeServerOptions, startFakeServer} from './fake-smtp-server.js';
import {createTestPki} from './test-certs.js';

/** A CommandIo over in-memory streams: what a sub-command printed, and a stdin the test controls. */
export function fakeIo(options: {stdin?: string; env?: NodeJS.ProcessEnv; tty?: boolean} = {}) {
	const stdout = new PassThrough();
	const stderr = new PassThrough();
	const stdin = new PassThrough() as PassThrough & {isTTY?: boolean; setRawMode?: (mode: boolean) => void};
	let out = '';
	let err = '';
	stdout.on('data', (chunk: Buffer) => {
		out += chunk.toString('utf8');
	});
	stderr.on('data', (chunk: Buffer) => {
		err += chunk.toString('utf8');
	});
	if (options.tty) {
		stdin.isTTY = true;
		stdin.setRawMode = () => {};
	}

	if (options.stdin !== undefined) stdin.end(options.stdin);
	const io: CommandIo = {stdout, stderr, stdin, env: options.env ?? {}};
	return {
		io,
		stdin,
		get stdout() {
			return out;
		},
		get stderr() {
			return err;
		},
	};
}

/** A temporary directory, removed by the returned function. */
export function tempDir(): {path: string; file: (name: string, content?: string) => string; remove: () => void} {
	const path = mkdtempSync(join(tmpdir(), 'smtp-explorer-test-'));
	return {
		path,
		file(name, content) {
			const file = join(path, name);
			if (content !== undefined) writeFileSync(file, content);
			return file;
		},
		remove: () => rmSync(path, {recursive: true, force: true}),
	};
}

/** A port nothing listens on: one the OS just gave a server that is closed again. */
export async function closedPort(): Promise<number> {
	const server = createServer();
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	const {port} = server.address() as {port: number};
	await new Promise<void>(resolve => server.close(() => resolve()));
	return port;
}

/**
What the command tests share: the demo server with its CA in a file, the test CA in a
file, and fake servers closed after each test. Call it at the top of a test file; it
registers its own hooks.
*/
export function useCommandServers() {
	const dir = tempDir();
	const context = {
		demo: undefined as unknown as DemoServer,
		dir,
		caFile: '',
		testCaFile: '',
		async fake(options: FakeServerOptions = {}) {
			const server = await startFakeServer(options);
			cleanups.push(server.close);
			return server;
		},
	};
	const cleanups: Array<() => Promise<void>> = [];
	beforeAll(async () => {
		context.demo = await startDemoServer();
		context.caFile = dir.file('demo-ca.pem', context.demo.caCert);
		context.testCaFile = dir.file('test-ca.pem', (await createTestPki()).ca.cert);
	});
	afterAll(async () => {
		await context.demo.close();
		dir.remove();
	});
	afterEach(async () => {
		while (cleanups.length > 0) await cleanups.pop()!();
	});
	return context;
}
