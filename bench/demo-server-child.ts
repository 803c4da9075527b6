/**
The demo server (source/demo/server.ts) alone in a child process, for the send benchmark:
prints {"host","port"} as its first line, stops on SIGTERM. Bundled by bench/run.mjs.
*/
import {startDemoServer} from '../source/demo/server.js';

const server = await startDemoServer({maxMessageBytes: 64 * 1024 * 1024});
let received = 0;
server.onMessage(message => {
	received += message.size;
});
process.stdout.write(`${JSON.stringify({host: server.host, port: server.port})}\n`);
process.once('SIGTERM', () => {
	void server.close().then(() => {
		process.stderr.write(`demo server: ${received} bytes of messages accepted\n`);
		process.exit(0);
	});
});
