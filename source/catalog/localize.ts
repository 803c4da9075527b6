import type {Language} from '../i18n/language.js';
import {loadLanguage} from '../i18n/messages.js';
import {allEntries, catalog, entryTitle} from './index.js';
import type {Catalog, CatalogEntry, CatalogTranslation} from './types.js';

/**
The catalog in the reader's language. English is the catalog itself; another language
replaces the words (summary, description, causes, advice, topic pages) and keeps the
protocol (verbs, syntax, examples, codes, RFCs) as it is. A translation is loaded on
demand (loadCatalogLanguage), so an English start never parses the Portuguese text.
*/

const translations: Partial<Record<Language, CatalogTranslation>> = {};

/**
Loads the catalog text of `language`, and the language's message table that labels it;
call it once before asking for entries in that language.
*/
export async function loadCatalogLanguage(language: Language): Promise<void> {
	await loadLanguage(language);
	if (language === 'pt' && !translations.pt) translations.pt = (await import('./pt/index.js')).pt;
}

/** The entry with its words in `language`. */
export function localizeEntry<Entry extends CatalogEntry>(entry: Entry, language: Language): Entry {
	if (language === 'en') return entry;
	const table = translations[language];
	if (!table) throw new Error(`the catalog text for "${language}" is not loaded: await loadCatalogLanguage('${language}') first`);
	const text = (table[entry.kind] as Record<string, object | undefined>)[entryTitle(entry)];
	return text ? {...entry, ...text} : entry;
}

const entriesCache = new Map<Language, CatalogEntry[]>();

/** Every entry in the default order, in `language`. */
export function localizedEntries(language: Language): CatalogEntry[] {
	let entries = entriesCache.get(language);
	if (!entries) {
		entries = allEntries().map(entry => localizeEntry(entry, language));
		entriesCache.set(language, entries);
	}

	return entries;
}

/** The whole catalog in `language`, in the shape `catalog --json` prints. */
export function localizedCatalog(language: Language): Catalog {
	if (language === 'en') return catalog;
	const localize = <Entry extends CatalogEntry>(entries: Entry[]) => entries.map(entry => localizeEntry(entry, language));
	return {
		commands: localize(catalog.commands),
		replyCodes: localize(catalog.replyCodes),
		enhancedCodes: localize(catalog.enhancedCodes),
		extensions: localize(catalog.extensions),
		mechanisms: localize(catalog.mechanisms),
		topics: localize(catalog.topics),
	};
}

/** The translation table of a language once loaded, for the completeness test. */
export function translationOf(language: Language): CatalogTranslation | undefined {
	return translations[language];
}
