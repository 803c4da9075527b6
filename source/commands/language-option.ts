import {chooseLanguage, type Language, languageFlag, loadLanguage, setLanguage} from '../i18n/messages.js';
import type {CommandIo} from './io.js';

/** The `--lang` flag as the sub-commands declare it. */
export const languageFlagSpec = {lang: {type: 'string'}} as const;

/**
The language a sub-command speaks: `--lang` in argv, else the locale in io.env, else
English. Read before the command line is parsed, so --help is in that language too. The
table is loaded and made the process's language (the validator's messages follow it).
A `--lang` that names no language is a usage error (exit 2), reported in the locale's
language.
*/
export async function commandLanguage(argv: string[], io: CommandIo, command: string): Promise<{ok: true; language: Language} | {ok: false; exitCode: number}> {
	const choice = chooseLanguage({flag: languageFlag(argv), env: io.env});
	const table = await loadLanguage(choice.language);
	setLanguage(choice.language);
	if (choice.error === undefined) return {ok: true, language: choice.language};
	io.stderr.write(`smtp-explorer ${command}: ${table['lang.bad'](languageFlag(argv) ?? '')}\n`);
	return {ok: false, exitCode: 2};
}
