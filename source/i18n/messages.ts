import type {Language} from './language.js';
import {en, type Messages} from './messages-en.js';

export type {Messages, MessageKey, TextKey} from './messages-en.js';
export {type Language, chooseLanguage, languageFlag, languages, localeLanguage, parseLanguage} from './language.js';
export {plural} from './plural.js';

/** The tables loaded so far: English always; Portuguese once loadLanguage('pt') has run (its own chunk). */
const loaded: Partial<Record<Language, Messages>> = {en};

/**
Loads a language's table. Portuguese is imported on demand, so an English start never
parses it (the same reason the Portuguese catalog text is loaded on demand).
*/
export async function loadLanguage(language: Language): Promise<Messages> {
	if (language === 'pt') loaded.pt ??= (await import('./messages-pt.js')).pt;
	return messages(language);
}

/**
The message table of a language, once loaded. Pure and cheap, so any layer (protocol,
catalog, commands, UI) can ask for it where it builds text.

@example
```
(await loadLanguage('pt'))['catalog.kind.command'];
//=> 'comando'
```
*/
export function messages(language: Language): Messages {
	const table = loaded[language];
	if (!table) throw new Error(`the messages for "${language}" are not loaded: await loadLanguage('${language}') first`);
	return table;
}

let active: Language = 'en';

/**
Makes a loaded language the one `text()` hands out. The process speaks one language,
chosen once at start-up from --lang or the locale (as setlocale(3) does for C programs),
so the explorer and the validator need not pass it through every call.
*/
export function setLanguage(language: Language): void {
	messages(language);
	active = language;
}

/** The language setLanguage chose (English until then). */
export function activeLanguage(): Language {
	return active;
}

/** The table of the process's language: what the explorer, the walk and the validator say. */
export function text(): Messages {
	return messages(active);
}
