import {runExplainCommand} from './explain-command.js';
import {parseCommandLine, reportNotRun} from './arguments.js';
import {type CommandIo, outputWidth} from './io.js';

const help = `
	Usage
	  $ smtp-explorer explain CODE [ENHANCED] [--json]

	Explains a reply: what it means, what usually causes it, and what to try.

	Examples
	  $ smtp-explorer explain 550 5.7.1
	  $ smtp-explorer explain 5.1.1
	  $ smtp-explorer explain 334
`;

export async function main(argv: string[], io: CommandIo): Promise<number> {
	const parsed = parseCommandLine(help, argv, {json: {type: 'boolean', default: false}});
	if (!parsed.ok) return reportNotRun(parsed, io);

	const {cli} = parsed;
	const {output, exitCode} = runExplainCommand(cli.input, {json: cli.flags.json, width: outputWidth(io.stdout)});
	(exitCode === 0 ? io.stdout : io.stderr).write(output);
	return exitCode;
}
