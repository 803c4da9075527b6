import {loadCatalogLanguage} from '../catalog/localize.js';
import {messages} from '../i18n/messages.js';
import {runCatalogCommand} from './catalog-command.js';
import {parseCommandLine, reportNotRun} from './arguments.js';
import {type CommandIo, outputWidth} from './io.js';
import {commandLanguage, languageFlagSpec} from './language-option.js';

export const commandFlags = {json: {type: 'boolean', default: false}, ...languageFlagSpec} as const;

export async function main(argv: string[], io: CommandIo): Promise<number> {
	const chosen = await commandLanguage(argv, io, 'catalog');
	if (!chosen.ok) return chosen.exitCode;
	const {language} = chosen;
	await loadCatalogLanguage(language);
	const parsed = parseCommandLine(messages(language)['catalog.help'], argv, commandFlags);
	if (!parsed.ok) return reportNotRun(parsed, io);

	const {cli} = parsed;
	const query = cli.input.join(' ').trim();
	const {output, exitCode} = runCatalogCommand(query === '' ? undefined : query, {json: cli.flags.json, width: outputWidth(io.stdout), language});
	(exitCode === 0 ? io.stdout : io.stderr).write(output);
	return exitCode;
}
