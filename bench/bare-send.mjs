// The floor for the send benchmark: a bare Node socket doing one whole transaction (EHLO,
// MAIL, RCPT, DATA, the dot-stuffed message, QUIT) with nothing else around it.
// Usage: node bench/bare-send.mjs HOST PORT MESSAGE_FILE (the file: headers and body, CRLF lines).
import {readFileSync} from 'node:fs';
import {connect} from 'node:net';

const [host, port, file] = process.argv.slice(2);

/** RFC 5321 4.5.2: a second dot on every line that starts with one; then CRLF "." CRLF. */
function dotStuff(message) {
	const pieces = [];
	let from = 0;
	if (message[0] === 0x2e) {
		pieces.push(Buffer.from('.'));
	}

	for (let at = message.indexOf('\n.'); at !== -1; at = message.indexOf('\n.', at + 2)) {
		pieces.push(message.subarray(from, at + 1), Buffer.from('.'));
		from = at + 1;
	}

	pieces.push(message.subarray(from));
	const endsWithNewline = message.length >= 2 && message[message.length - 2] === 0x0d && message[message.length - 1] === 0x0a;
	pieces.push(Buffer.from(endsWithNewline ? '.\r\n' : '\r\n.\r\n'));
	return Buffer.concat(pieces);
}

const data = dotStuff(readFileSync(file));
const socket = connect({host, port: Number(port)});
socket.setNoDelay(true);
let buffer = '';
let waiting;

socket.on('data', chunk => {
	buffer += chunk.toString('latin1');
	let end;
	while ((end = buffer.indexOf('\r\n')) !== -1) {
		const line = buffer.slice(0, end);
		buffer = buffer.slice(end + 2);
		// The last line of a reply has a space (or nothing) after the code.
		if (line.length === 3 || line[3] === ' ') {
			const resolve = waiting;
			waiting = undefined;
			resolve?.(Number(line.slice(0, 3)), line);
		}
	}
});

const reply = () =>
	new Promise(resolve => {
		waiting = (code, line) => resolve({code, line});
	});

async function expect(line, code) {
	if (line !== undefined) socket.write(`${line}\r\n`);
	const got = await reply();
	if (got.code !== code) throw new Error(`${line ?? 'banner'}: expected ${code}, got ${got.line}`);
}

socket.on('error', error => {
	process.stderr.write(`bare-send: ${error.message}\n`);
	process.exit(1);
});

try {
	await expect(undefined, 220);
	await expect('EHLO bench.local', 250);
	await expect('MAIL FROM:<alice@example.com>', 250);
	await expect('RCPT TO:<bob@example.org>', 250);
	await expect('DATA', 354);
	socket.write(data);
	await expect(undefined, 250);
	await expect('QUIT', 221);
	socket.end();
	process.stdout.write(`sent ${data.length} bytes\n`);
} catch (error) {
	process.stderr.write(`bare-send: ${error.message}\n`);
	process.exit(1);
}
