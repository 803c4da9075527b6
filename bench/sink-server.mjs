// A minimal fast SMTP sink for the send benchmark: 220 banner, a short EHLO, 250 to every
// command, 354 to DATA, then reads the body until CRLF.CRLF and answers 250; 221 to QUIT.
// Doing next to nothing per byte, it measures the client rather than the server.
// Prints {"host","port"} as its first line; stops on SIGTERM.
import {createServer} from 'node:net';

const terminator = Buffer.from('\r\n.\r\n');
let messages = 0;
let bodyBytes = 0;

const server = createServer(socket => {
	socket.setNoDelay(true);
	socket.on('error', () => {});
	socket.write('220 sink.smtp-explorer.test ESMTP bench sink\r\n');
	let inData = false;
	let pending = Buffer.alloc(0);
	// In DATA, only the last 4 bytes of what came before matter for finding the terminator.
	let tail = Buffer.alloc(0);

	const onCommands = () => {
		let end;
		while (!inData && (end = pending.indexOf('\r\n')) !== -1) {
			const line = pending.subarray(0, end).toString('latin1');
			pending = pending.subarray(end + 2);
			const verb = line.split(' ')[0].toUpperCase();
			if (verb === 'EHLO') {
				socket.write('250-sink.smtp-explorer.test\r\n250-PIPELINING\r\n250-8BITMIME\r\n250-SIZE 104857600\r\n250 ENHANCEDSTATUSCODES\r\n');
			} else if (verb === 'DATA') {
				socket.write('354 end data with <CR><LF>.<CR><LF>\r\n');
				inData = true;
				tail = Buffer.from('\r\n');
				const rest = pending;
				pending = Buffer.alloc(0);
				if (rest.length > 0) onBody(rest);
			} else if (verb === 'QUIT') {
				socket.end('221 2.0.0 bye\r\n');
			} else {
				socket.write('250 2.0.0 OK\r\n');
			}
		}
	};

	const onBody = chunk => {
		const window = Buffer.concat([tail, chunk.subarray(0, 4)]);
		let at = window.indexOf(terminator);
		let after;
		if (at !== -1) {
			after = chunk.subarray(at - tail.length + terminator.length);
		} else {
			at = chunk.indexOf(terminator);
			if (at !== -1) after = chunk.subarray(at + terminator.length);
		}

		if (after === undefined) {
			bodyBytes += chunk.length;
			tail = chunk.length >= 4 ? chunk.subarray(chunk.length - 4) : Buffer.concat([tail, chunk]).subarray(-4);
			return;
		}

		bodyBytes += chunk.length - after.length;
		messages++;
		inData = false;
		socket.write('250 2.0.0 OK message accepted\r\n');
		pending = Buffer.from(after);
		onCommands();
	};

	socket.on('data', chunk => {
		if (inData) {
			onBody(chunk);
		} else {
			pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
			onCommands();
		}
	});
});

server.listen(0, '127.0.0.1', () => {
	const {port} = server.address();
	process.stdout.write(`${JSON.stringify({host: '127.0.0.1', port})}\n`);
});

process.once('SIGTERM', () => {
	process.stderr.write(`sink: ${messages} messages, ${bodyBytes} body bytes\n`);
	process.exit(0);
});
