// 7. The palette's search, run on every keypress (source/catalog/search.ts): the time of one
// searchCatalog call for each prefix of phrases a user types, in English and in Portuguese,
// as the palette calls it (limit 200). The first call builds the search index and is
// reported on its own. Baseline in the same run: a plain scan that lower-cases each entry's
// title and tests `includes`, the least any search over the catalog costs. Reported against
// one frame at 60 Hz (16.7 ms), the time a keypress has before it is late.
import {performance} from 'node:perf_hooks';
import {pathToFileURL} from 'node:url';
import {summary} from '../lib.mjs';

const phrases = ['starttls', '550 5.7.1', 'auth plain', 'mail from', 'x.1.1', 'relay denied', 'stls', 'size', 'pipelining', 'tempo esgotado'];
const frameMs = 1000 / 60;

/** Every prefix of every phrase: what the palette searches as the phrase is typed. */
const prefixes = () => phrases.flatMap(phrase => Array.from(phrase, (_, index) => phrase.slice(0, index + 1)));

function time(call) {
	const start = performance.now();
	call();
	return performance.now() - start;
}

export async function run(context) {
	const {quick, log, catalogSearch} = context;
	if (!catalogSearch) return {rows: [], raw: {}, notes: ['search: the catalog search bundle is missing']};
	const {searchCatalog, allEntries, entryTitle, loadCatalogLanguage} = await import(pathToFileURL(catalogSearch).href);
	const rounds = quick ? 3 : 20;
	const queries = prefixes();
	const rows = [];
	const raw = {};
	const titles = allEntries().map(entry => entryTitle(entry));
	const plainScan = query => titles.filter(title => title.toLowerCase().includes(query)).slice(0, 200);
	for (const language of ['en', 'pt']) {
		// The app loads a language's catalog text before its first search (source/catalog/localize.ts).
		await loadCatalogLanguage(language);
		const first = time(() => searchCatalog('a', {limit: 200, language}));
		const keystrokes = [];
		const baseline = [];
		for (let round = 0; round < rounds; round++) {
			for (const query of queries) {
				keystrokes.push(time(() => searchCatalog(query, {limit: 200, language})));
				baseline.push(time(() => plainScan(query)));
			}
		}

		log(`search: ${language}, ${keystrokes.length} keystrokes`);
		const stat = summary(keystrokes);
		const base = summary(baseline);
		raw[language] = {first, keystrokes, baseline};
		rows.push(
			{bench: 'search', case: `first search, builds the index [${language}]`, unit: 'ms', n: 1, median: first, p90: first, note: `${titles.length} entries`},
			{bench: 'search', case: `one keystroke in the palette [${language}]`, unit: 'ms', ...stat, baseline: 'title scan', baselineMedian: base.median, ratio: stat.median / base.median, budget: 'p90 < 1/8 frame (2.1 ms)', ok: stat.p90 < frameMs / 8, note: `${queries.length} prefixes x ${rounds} rounds; max ${stat.max.toFixed(2)} ms`},
		);
	}

	return {rows, raw, notes: []};
}
