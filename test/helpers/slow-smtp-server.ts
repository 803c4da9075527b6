import {SMTPServer} from 'smtp-server';

/**
A real SMTP server (smtp-server) on loopback that reads message bodies slowly, so an
upload lasts long enough to watch and to cancel. It records what it delivered (the byte
count of each message it received whole) and what it dropped (bodies whose connection
closed before the final dot), and how many connections have closed.
*/
export type SlowServer = {
	port: number;
	readonly delivered: readonly number[];
	readonly dropped: readonly number[];
	readonly closedConnections: number;
	close(): Promise<void>;
};

/** `pauseMs` after each MiB of body read: 200 ms gives about 5 MB/s, 40 ms about 25 MB/s. */
export async function startSlowServer(pauseMs: number): Promise<SlowServer> {
	const delivered: number[] = [];
	const dropped: number[] = [];
	let closedConnections = 0;
	const server = new SMTPServer({
		disabledCommands: ['STARTTLS', 'AUTH'],
		logger: false,
		onData(stream, _session, callback) {
			let bytes = 0;
			let sinceBreak = 0;
			stream.on('data', (chunk: Buffer) => {
				bytes += chunk.length;
				sinceBreak += chunk.length;
				if (sinceBreak >= 1024 * 1024) {
					sinceBreak = 0;
					stream.pause();
					setTimeout(() => stream.resume(), pauseMs);
				}
			});
			stream.on('end', () => {
				delivered.push(bytes);
				callback();
			});
			// The client went away before the final dot: smtp-server destroys the stream with this error.
			stream.on('error', () => dropped.push(bytes));
		},
		onClose() {
			closedConnections++;
		},
	});
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	return {
		port: (server.server.address() as {port: number}).port,
		delivered,
		dropped,
		get closedConnections() {
			return closedConnections;
		},
		close: async () => new Promise<void>(resolve => server.close(() => resolve())),
	};
}
