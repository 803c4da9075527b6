/**
The languages smtp-explorer speaks, and how one is chosen: `--lang pt|en` first, then the
POSIX locale variables in their order of precedence (LC_ALL, LC_MESSAGES, LANG), and
English when none names a language we have. Pure: the caller passes argv and env.
*/

export type Language = 'en' | 'pt';

export const languages: readonly Language[] = ['en', 'pt'];

/** The BCP 47 tag for Intl: Portuguese here is Brazilian Portuguese. */
export const localeTag: Record<Language, string> = {en: 'en', pt: 'pt-BR'};

/**
The language a `--lang` value or a locale string names: `pt`, `pt-BR`, `pt_BR.UTF-8`
give pt; `en`, `en_US`, `C`, `POSIX` give en; anything else, undefined.
*/
export function parseLanguage(value: string): Language | undefined {
	const base = value.trim().toLowerCase().split(/[_.@-]/)[0] ?? '';
	if (base === 'pt') return 'pt';
	if (base === 'en' || base === 'c' || base === 'posix') return 'en';
	return undefined;
}

/** The value of `--lang X` or `--lang=X` in argv (before a `--`), if given. */
export function languageFlag(argv: readonly string[]): string | undefined {
	const end = argv.includes('--') ? argv.indexOf('--') : argv.length;
	let found: string | undefined;
	for (let index = 0; index < end; index++) {
		const word = argv[index]!;
		if (word === '--lang') found = argv[index + 1] ?? '';
		else if (word.startsWith('--lang=')) found = word.slice('--lang='.length);
	}

	return found;
}

export type LanguageChoice = {language: Language; error?: undefined} | {language: Language; error: string};

/**
Chooses the language. A `--lang` value that names no language we have is an error (the
user asked for something explicit); an unknown locale in the environment just falls back
to English, as every POSIX program does.

@example
```
chooseLanguage({flag: undefined, env: {LANG: 'pt_BR.UTF-8'}});
//=> {language: 'pt'}
```
*/
export function chooseLanguage({flag, env}: {flag: string | undefined; env: Readonly<Record<string, string | undefined>>}): LanguageChoice {
	const fromEnv = localeLanguage(env);
	if (flag !== undefined) {
		const language = parseLanguage(flag);
		if (language) return {language};
		return {language: fromEnv, error: `--lang takes pt or en, not "${flag}"`};
	}

	return {language: fromEnv};
}

/** The language of the locale: the first non-empty of LC_ALL, LC_MESSAGES, LANG (POSIX precedence). */
export function localeLanguage(env: Readonly<Record<string, string | undefined>>): Language {
	for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
		const value = env[name];
		if (value) return parseLanguage(value) ?? 'en';
	}

	return 'en';
}
