import {runCatalogCommand} from './catalog-command.js';
import {parseCommandLine, reportNotRun} from './arguments.js';
import {type CommandIo, outputWidth} from './io.js';

const help = `
	Usage
	  $ smtp-explorer catalog [QUERY] [--json]

	Searches the reference catalog: SMTP commands, reply codes, enhanced status codes,
	EHLO extensions and SASL mechanisms. With no query, lists everything; with --json and
	no query, prints the whole catalog as one JSON document.

	Examples
	  $ smtp-explorer catalog rcpt
	  $ smtp-explorer catalog 550 5.7
	  $ smtp-explorer catalog --json > catalog.json
`;

export async function main(argv: string[], io: CommandIo): Promise<number> {
	const parsed = parseCommandLine(help, argv, {json: {type: 'boolean', default: false}});
	if (!parsed.ok) return reportNotRun(parsed, io);

	const {cli} = parsed;
	const query = cli.input.join(' ').trim();
	const {output, exitCode} = runCatalogCommand(query === '' ? undefined : query, {json: cli.flags.json, width: outputWidth(io.stdout)});
	(exitCode === 0 ? io.stdout : io.stderr).write(output);
	return exitCode;
}
