import type {CommandIo} from './commands/io.js';
import {chooseLanguage, languageFlag, loadLanguage} from './i18n/messages.js';

/**
The top-level `--help`, kept apart so it prints without loading the app. It speaks the
language `--lang` or the locale asks for; an unknown `--lang` is a usage error (exit 2),
as it is everywhere else.
*/
export async function printHelp(argv: readonly string[], io: CommandIo): Promise<number> {
	const choice = chooseLanguage({flag: languageFlag(argv), env: io.env});
	const t = await loadLanguage(choice.language);
	if (choice.error !== undefined) {
		io.stderr.write(`smtp-explorer: ${t['lang.bad'](languageFlag(argv) ?? '')}\n`);
		return 2;
	}

	io.stdout.write(`\n  ${t['explorer.tagline']}\n${t['explorer.help'].replace(/^\t/gm, '  ')}\n`);
	return 0;
}
