import {writeFileSync} from 'node:fs';
import {startDemoServer} from '../demo/server.js';
import {messages} from '../i18n/messages.js';
import {quoted, sanitizeForDisplay} from '../protocol/sanitize.js';
import {formatTarget, isLoopback, parsePort} from '../protocol/target.js';
import {parseCommandLine, reportNotRun} from './arguments.js';
import {exitCodes} from './exit-codes.js';
import type {CommandIo} from './io.js';
import {commandLanguage, languageFlagSpec} from './language-option.js';


export const commandFlags = {port: {type: 'string'}, host: {type: 'string', default: '127.0.0.1'}, caOut: {type: 'string'}, public: {type: 'boolean', default: false}, ...languageFlagSpec} as const;

export async function main(argv: string[], io: CommandIo): Promise<number> {
	const chosen = await commandLanguage(argv, io, 'demo-server');
	if (!chosen.ok) return chosen.exitCode;
	const t = messages(chosen.language);
	const parsed = parseCommandLine(t['demoServer.help'], argv, commandFlags);
	if (!parsed.ok) return reportNotRun(parsed, io);

	const {cli} = parsed;
	// Port 0 asks the system for a free one, as leaving the flag out does.
	const port = cli.flags.port === undefined || cli.flags.port === '0' ? 0 : parsePort(cli.flags.port);
	if (port === undefined) {
		io.stderr.write(`smtp-explorer demo-server: ${t['demoServer.error.port'](sanitizeForDisplay(cli.flags.port!))}\n`);
		return exitCodes.usage;
	}

	// The demo's credentials are in the README: on a reachable address anyone could sign in.
	const exposed = !isLoopback({kind: 'tcp', host: cli.flags.host, port});
	if (exposed && !cli.flags.public) {
		io.stderr.write(`smtp-explorer demo-server: ${t['demoServer.error.exposed'](quoted(cli.flags.host))}\n`);
		return exitCodes.usage;
	}

	let server;
	try {
		server = await startDemoServer({host: cli.flags.host, port, log: line => io.stdout.write(`${new Date().toISOString()} ${sanitizeForDisplay(line)}\n`)});
	} catch (error) {
		io.stderr.write(`smtp-explorer demo-server: ${t['demoServer.error.start'](quoted(cli.flags.host), sanitizeForDisplay((error as Error).message))}\n`);
		return 1;
	}

	if (cli.flags.caOut) writeFileSync(cli.flags.caOut, server.caCert, {mode: 0o644});
	const where = formatTarget({kind: 'tcp', host: server.host, port: server.port});
	if (exposed) io.stderr.write(`${t['demoServer.warning.exposed'](where)}\n`);
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
