import {chooseLanguage, type Language, languageFlag, messages} from '../i18n/messages.js';
import type {CommandIo} from './io.js';

/** The `--lang` flag as the sub-commands that speak Portuguese declare it. */
export const languageFlagSpec = {lang: {type: 'string'}} as const;

/**
The language a sub-command speaks: `--lang` in argv, else the locale in io.env, else
English. Read before the command line is parsed, so --help is in that language too.
A `--lang` that names no language is a usage error (exit 2), reported in the locale's
language.
*/
export function commandLanguage(argv: string[], io: CommandIo, command: string): {ok: true; language: Language} | {ok: false; exitCode: number} {
	const choice = chooseLanguage({flag: languageFlag(argv), env: io.env});
	if (choice.error === undefined) return {ok: true, language: choice.language};
	io.stderr.write(`smtp-explorer ${command}: ${messages(choice.language)['lang.bad'](languageFlag(argv) ?? '')}\n`);
	return {ok: false, exitCode: 2};
}
