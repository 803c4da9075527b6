import {writeFileSync} from 'node:fs';
import {startDemoServer} from '../demo/server.js';
import {quoted, sanitizeForDisplay} from '../protocol/sanitize.js';
import {formatTarget, isLoopback, parsePort} from '../protocol/target.js';
import {parseCommandLine, reportNotRun} from './arguments.js';
import {exitCodes} from './exit-codes.js';
import type {CommandIo} from './io.js';

const help = `
	Usage
	  $ smtp-explorer demo-server [--port N] [--host ADDRESS] [--ca-out FILE]

	Runs the built-in demo SMTP server alone, so other clients (swaks, a mail library) can
	practise on it. It offers STARTTLS with a certificate from a demo CA made at start,
	AUTH PLAIN LOGIN CRAM-MD5 after STARTTLS, and keeps what it receives in memory.
	Stop it with Ctrl+C.

	Options
	  --port N          port to listen on (default, or 0: one the system picks)
	  --host ADDRESS    address to listen on (default 127.0.0.1). An address other machines
	                    can reach needs --public as well: the demo password is published,
	                    and the server takes mail from anyone who connects
	  --public          allow --host on an address that is not this machine's loopback
	  --ca-out FILE     write the demo CA certificate to FILE, to verify the server with it
	                    (e.g. swaks --tls-verify --tls-ca-path FILE)
`;

export const commandFlags = {port: {type: 'string'}, host: {type: 'string', default: '127.0.0.1'}, caOut: {type: 'string'}, public: {type: 'boolean', default: false}} as const;

export async function main(argv: string[], io: CommandIo): Promise<number> {
	const parsed = parseCommandLine(help, argv, commandFlags);
	if (!parsed.ok) return reportNotRun(parsed, io);

	const {cli} = parsed;
	// Port 0 asks the system for a free one, as leaving the flag out does.
	const port = cli.flags.port === undefined || cli.flags.port === '0' ? 0 : parsePort(cli.flags.port);
	if (port === undefined) {
		io.stderr.write(`smtp-explorer demo-server: "${sanitizeForDisplay(cli.flags.port!)}" is not a valid port (0-65535)\n`);
		return exitCodes.usage;
	}

	// The demo's credentials are in the README: on a reachable address anyone could sign in.
	const exposed = !isLoopback({kind: 'tcp', host: cli.flags.host, port});
	if (exposed && !cli.flags.public) {
		io.stderr.write(`smtp-explorer demo-server: refusing to listen on ${quoted(cli.flags.host)}, which other machines may reach: the demo password is published and the server takes mail from anyone. Use the default 127.0.0.1, or add --public if you mean it\n`);
		return exitCodes.usage;
	}

	let server;
	try {
		server = await startDemoServer({host: cli.flags.host, port, log: line => io.stdout.write(`${new Date().toISOString()} ${sanitizeForDisplay(line)}\n`)});
	} catch (error) {
		io.stderr.write(`smtp-explorer demo-server: could not start on ${quoted(cli.flags.host)}: ${sanitizeForDisplay((error as Error).message)}\n`);
		return 1;
	}

	if (cli.flags.caOut) writeFileSync(cli.flags.caOut, server.caCert, {mode: 0o644});
	const where = formatTarget({kind: 'tcp', host: server.host, port: server.port});
	if (exposed) io.stderr.write(`WARNING: the demo server listens on ${where}, which other machines may reach. Its password is published: anyone who can connect can sign in and leave mail here. Stop it with Ctrl+C when done.\n`);
	io.stdout.write(
		[
			`demo SMTP server listening on ${where}`,
			`  credentials (after STARTTLS): user ${server.credentials.user}, password ${server.credentials.password}`,
			'  recipients nobody@, unknown@ and reject*@ get 550 5.1.1; busy@ gets 450 4.2.1',
			cli.flags.caOut ? `  demo CA certificate written to ${cli.flags.caOut}` : '  pass --ca-out FILE to save the demo CA certificate',
			'  stop with Ctrl+C',
			'',
		].join('\n'),
	);

	await new Promise<void>(resolve => {
		process.once('SIGINT', resolve);
		process.once('SIGTERM', resolve);
	});
	await server.close();
	return 0;
}
