import type {Language} from './language.js';
import {en, type Messages} from './messages-en.js';
import {pt} from './messages-pt.js';

export type {Messages, MessageKey} from './messages-en.js';
export {type Language, chooseLanguage, languageFlag, languages, localeLanguage, parseLanguage} from './language.js';
export {plural} from './plural.js';

const tables: Record<Language, Messages> = {en, pt};

/**
The message table of a language. Pure and cheap, so any layer (protocol, catalog,
commands, UI) can ask for it where it builds text.

@example
```
messages('pt')['catalog.kind.command'];
//=> 'comando'
```
*/
export function messages(language: Language): Messages {
	return tables[language];
}
