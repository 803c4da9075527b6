import {afterEach} from 'vitest';
import {SessionController, type ControllerOptions} from '../../source/session/controller.js';
import {formatText} from '../../source/protocol/transcript-format.js';
import {type FakeServer, type FakeServerOptions, startFakeServer} from './fake-smtp-server.js';

/** A fake server and a controller pointed at it; both are closed by `dispose`. */
export async function fakeSession(serverOptions: FakeServerOptions = {}, controllerOptions: Partial<ControllerOptions> = {}) {
	const server = await startFakeServer(serverOptions);
	const controller = new SessionController({target: {kind: 'tcp', host: server.host, port: server.port}, ...controllerOptions});
	return {
		server,
		controller,
		/** The transcript as swaks-style text, escaped, as a saved file would hold it. */
		transcript: () => formatText(controller.transcript.entries),
		dispose: async () => {
			controller.close();
			await server.close();
		},
	};
}

/**
For a test file: `session()` makes a fakeSession closed after each test, `cleanup()` adds
anything else to undo then (last in, first out). Call it at the top of the file.
*/
export function useFakeSessions() {
	const cleanups: Array<() => Promise<void>> = [];
	afterEach(async () => {
		while (cleanups.length > 0) await cleanups.pop()!();
	});
	return {
		async session(...args: Parameters<typeof fakeSession>) {
			const created = await fakeSession(...args);
			cleanups.push(created.dispose);
			return created;
		},
		cleanup(undo: () => Promise<void>) {
			cleanups.push(undo);
		},
	};
}

/** Polls until the predicate holds; fails with the message after the timeout. */
export async function eventually(predicate: () => boolean, message = 'condition', timeoutMs = 5000): Promise<void> {
	const start = Date.now();
	while (!predicate()) {
		if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${message}`);
		await new Promise(resolve => setTimeout(resolve, 5));
	}
}

/** Lines the server received, for asserting exactly what went on the wire. */
export const wire = (server: FakeServer) => [...server.lines];
