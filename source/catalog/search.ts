import type {Language} from '../i18n/language.js';
import {formatRfc, type CatalogEntry, type Reference} from './types.js';
import {allEntries, entryTitle} from './index.js';
import {localizedEntries} from './localize.js';

export type SearchResult = {
	entry: CatalogEntry;
	/** Higher is better; only meaningful for comparing results of the same query. */
	score: number;
};

export type SearchOptions = {
	/** At most this many results (all by default). */
	limit?: number;
	/** Only entries of these kinds (all by default). */
	kinds?: Array<CatalogEntry['kind']>;
	/**
	The language of the results (English by default). Search then matches the words of
	both that language and English, since technical terms are often typed in English.
	*/
	language?: Language;
};

// Per-token scores, best first. A token scores the best level it reaches, not the sum, so
// an entry that says "TLS" ten times does not beat the one named STARTTLS.
const exactScore = 100;
const prefixScore = 50; // + up to 20 the more of the title the token covers
const titleSubstringScore = 40; // + up to 5, same idea
const wordScore = 30;
const wordPrefixScore = 20;
const textScore = 10;
const fuzzyScore = 5;

// Well below one point, so it only orders entries that tie on the text. Topics come last
// in a tie: a query that names a topic still finds it above entries that merely mention
// the words, but "550" or "relay" keep the reply and the command first.
const kindBonus: Record<CatalogEntry['kind'], number> = {
	topic: 0,
	command: 0.05,
	reply: 0.04,
	enhanced: 0.03,
	extension: 0.02,
	mechanism: 0.01,
};

type IndexedEntry = {
	entry: CatalogEntry;
	order: number;
	/** Lower-cased title: `mail`, `550`, `x.7.1`, `size`, `cram-md5`. */
	title: string;
	/** Words of the summary and keywords, plus related names (parameters, basic codes). */
	words: Set<string>;
	wordList: string[];
	/** Everything else worth finding, lower-cased and joined. */
	text: string;
};

// A word keeps inner dots and dashes ("5.7.1", "cram-md5", "reverse-path"); its parts are
// added as words of their own as well.
const wordPattern = /[a-z\d]+(?:[.\-_][a-z\d]+)*/g;

function addWords(words: Set<string>, text: string): void {
	for (const word of text.toLowerCase().match(wordPattern) ?? []) {
		words.add(word);
		if (/[.\-_]/.test(word)) {
			for (const part of word.split(/[.\-_]/)) words.add(part);
		}
	}
}

function rfcText(ref: Reference | undefined): string {
	return ref ? formatRfc(ref) : '';
}

/** The MAIL and RCPT parameters all extensions add. */
type ExtensionParams = {mail: string[]; rcpt: string[]};

/** What an entry offers to search: words that count as named, and text that counts as mentioned. */
function sourcesOf(entry: CatalogEntry, params: ExtensionParams): {words: string[]; text: string[]} {
	const words: string[] = [entry.summary];
	const text: string[] = [entryTitle(entry), entry.summary, entry.description];
	switch (entry.kind) {
		case 'command': {
			words.push(...(entry.keywords ?? []), entry.extension ?? '', entry.vendor ?? '');
			// MAIL and RCPT carry the parameters the extensions add, so "size" or "notify" finds them.
			if (entry.verb === 'MAIL') words.push(...params.mail);
			if (entry.verb === 'RCPT') words.push(...params.rcpt);

			text.push(entry.syntax, entry.example, entry.category, ...(entry.keywords ?? []), rfcText(entry.rfc));
			break;
		}

		case 'reply': {
			words.push(...entry.typicalAfter);
			text.push(...entry.causes, ...entry.tryNext, rfcText(entry.rfc));
			break;
		}

		case 'enhanced': {
			words.push(...entry.basicCodes.map(String));
			text.push(...entry.tryNext, rfcText(entry.rfc));
			break;
		}

		case 'extension': {
			words.push(...entry.commands, ...entry.mailParams, ...entry.rcptParams, entry.vendor ?? '');
			text.push(entry.parameters, rfcText(entry.rfc));
			break;
		}

		case 'mechanism': {
			text.push(rfcText(entry.rfc));
			break;
		}

		case 'topic': {
			// A page is found by its heading, the questions it answers and its keywords ("587", "smtps").
			words.push(entry.title, ...entry.questions, ...entry.keywords);
			text.push(entry.title, ...entry.questions, ...entry.rfcs.map(ref => rfcText(ref)));
			break;
		}
	}

	return {words, text};
}

/** Indexes the entry as shown; `original` is the English entry, whose words count too. */
function indexEntry(entry: CatalogEntry, order: number, params: ExtensionParams, original: CatalogEntry): IndexedEntry {
	const sources = sourcesOf(entry, params);
	if (original !== entry) {
		const english = sourcesOf(original, params);
		sources.words.push(...english.words);
		sources.text.push(...english.text);
	}

	const words = new Set<string>();
	for (const source of sources.words) addWords(words, source);
	words.delete('');
	return {
		entry,
		order,
		title: entryTitle(entry).toLowerCase(),
		words,
		wordList: [...words],
		text: sources.text.join('\n').toLowerCase(),
	};
}

type SearchIndex = {
	items: IndexedEntry[];
	/** Concrete enhanced code ("x.7.1") -> the basic codes it usually comes with, so "5.7.1" also finds reply 550. */
	basicCodesByEnhanced: Map<string, Set<number>>;
};

const built = new Map<Language, SearchIndex>();

/** Made on the first search rather than at load, so the explorer does not pay for it at start. */
function searchIndex(language: Language): SearchIndex {
	const cached = built.get(language);
	if (cached) return cached;
	const entries = allEntries();
	const shown = localizedEntries(language);
	const params: ExtensionParams = {mail: [], rcpt: []};
	const basicCodesByEnhanced = new Map<string, Set<number>>();
	for (const entry of entries) {
		if (entry.kind === 'extension') {
			params.mail.push(...entry.mailParams);
			params.rcpt.push(...entry.rcptParams);
		} else if (entry.kind === 'enhanced') {
			basicCodesByEnhanced.set(entry.code.toLowerCase(), new Set(entry.basicCodes));
		}
	}

	const index = {items: shown.map((entry, order) => indexEntry(entry, order, params, entries[order]!)), basicCodesByEnhanced};
	built.set(language, index);
	return index;
}

// Words that carry no meaning in a question ("why is my mail rejected", "por que meu
// e-mail foi rejeitado"): dropped from a query that has other words, so a question finds
// the page that answers it.
const fillerWords = new Set([
	'a', 'an', 'the', 'is', 'are', 'was', 'my', 'i', 'me', 'to', 'of', 'do', 'does', 'did', 'for', 'in', 'on', 'it', 'be', 'this', 'that', 'with', 'should', 'can',
	'o', 'os', 'as', 'um', 'uma', 'de', 'da', 'das', 'dos', 'no', 'na', 'em', 'e', 'é', 'meu', 'minha', 'foi', 'ser', 'que', 'por', 'para', 'se', 'eu', 'com', 'devo',
]);

type Token = {
	text: string;
	/** For tokens shaped like an enhanced code: the class digit replaced by x ("5.7" -> "x.7"). */
	anyClass?: string;
	/** For a complete concrete code ("5.7.1"): its class digit and registry key. */
	concrete?: {cls: number; key: string};
};

function parseToken(text: string): Token {
	const token: Token = {text};
	if (/^[245x]\./.test(text)) {
		token.anyClass = `x${text.slice(1)}`;
		const concrete = /^([245])\.(\d{1,3})\.(\d{1,3})$/.exec(text);
		if (concrete) {
			token.concrete = {cls: Number(concrete[1]), key: `x.${Number(concrete[2])}.${Number(concrete[3])}`};
		}
	}

	return token;
}

function isSubsequence(needle: string, haystack: string): boolean {
	let at = 0;
	for (const char of needle) {
		at = haystack.indexOf(char, at);
		if (at === -1) return false;
		at++;
	}

	return true;
}

function tokenScore(item: IndexedEntry, token: Token, basicCodesByEnhanced: SearchIndex['basicCodesByEnhanced']): number {
	const {title} = item;
	const text = token.text;
	if (title === text) return exactScore;
	if (item.entry.kind === 'enhanced' && token.anyClass !== undefined) {
		if (token.concrete?.key === title) return exactScore;
		if (title.startsWith(token.anyClass)) return prefixScore + (20 * token.anyClass.length) / title.length;
	}

	if (title.startsWith(text)) return prefixScore + (20 * text.length) / title.length;
	if (title.includes(text)) return titleSubstringScore + (5 * text.length) / title.length;
	if (item.words.has(text)) return wordScore;
	if (token.concrete && item.entry.kind === 'reply') {
		const code = item.entry.code;
		if (Math.floor(code / 100) === token.concrete.cls && basicCodesByEnhanced.get(token.concrete.key)?.has(code)) {
			return wordScore;
		}
	}

	for (const word of item.wordList) {
		if (word.startsWith(text)) return wordPrefixScore;
	}

	if (item.text.includes(text)) return textScore;
	if (isSubsequence(text, title)) return fuzzyScore;
	return 0;
}

/**
Ranked search over the whole catalog, fast enough to run on every keypress. Every
whitespace-separated word of the query has to match the entry somewhere; the best match
of each word counts: the title itself (`rcpt`, `550`, or `5.7.1` for X.7.1), the start of
the title (`5.7` for X.7.*), the words of the summary and keywords, any text of the entry,
and last the letters of the title in order (`stls` for STARTTLS). An empty query lists
everything in the default order.

@example
```
searchCatalog('550 5.7.1', {limit: 3}).map(result => entryKey(result.entry));
//=> ['enhanced:X.7.1', 'reply:550', ...]
```
*/
export function searchCatalog(query: string, options: SearchOptions = {}): SearchResult[] {
	const limit = options.limit ?? Number.POSITIVE_INFINITY;
	if (limit <= 0) return [];
	const kinds = options.kinds ? new Set(options.kinds) : undefined;
	const words = query.toLowerCase().split(/[\s?!]+/).filter(Boolean);
	const meaningful = words.filter(word => !fillerWords.has(word));
	const tokens = (meaningful.length > 0 ? meaningful : words).map(token => parseToken(token));
	const {items, basicCodesByEnhanced} = searchIndex(options.language ?? 'en');

	if (tokens.length === 0) {
		const results: SearchResult[] = [];
		for (const item of items) {
			if (results.length >= limit) break;
			if (!kinds || kinds.has(item.entry.kind)) results.push({entry: item.entry, score: 0});
		}

		return results;
	}

	const scored: Array<{item: IndexedEntry; score: number}> = [];
	for (const item of items) {
		if (kinds && !kinds.has(item.entry.kind)) continue;
		let total = 0;
		for (const token of tokens) {
			const score = tokenScore(item, token, basicCodesByEnhanced);
			// Every token must match: one miss drops the entry.
			if (score === 0) {
				total = 0;
				break;
			}

			total += score;
		}

		if (total > 0) scored.push({item, score: total + kindBonus[item.entry.kind]});
	}

	scored.sort((a, b) => b.score - a.score || a.item.order - b.item.order);
	const end = Math.min(scored.length, limit);
	const results: SearchResult[] = [];
	for (let i = 0; i < end; i++) {
		const {item, score} = scored[i]!;
		results.push({entry: item.entry, score});
	}

	return results;
}
