import {beforeAll, describe, expect, it} from 'vitest';
import {loadCatalogLanguage} from '../../source/catalog/localize.js';
import {allEntries, entryKey, entryTitle} from '../../source/catalog/index.js';
import {localizeEntry, translationOf} from '../../source/catalog/localize.js';
import type {CatalogEntry} from '../../source/catalog/types.js';

beforeAll(async () => {
	await loadCatalogLanguage('pt');
});

/** Every entry a user can read has its Portuguese text, and nothing is translated that does not exist. */
describe('the catalog in Portuguese', () => {
	it('has text for every entry of every kind', () => {
		const pt = translationOf('pt')!;
		const missing = allEntries().filter(entry => !(entryTitle(entry) in pt[entry.kind])).map(entry => entryKey(entry));
		expect(missing).toEqual([]);
	});

	it('translates nothing the catalog does not have', () => {
		const pt = translationOf('pt')!;
		const known = new Set(allEntries().map(entry => entryKey(entry)));
		const extra = (Object.keys(pt) as Array<CatalogEntry['kind']>).flatMap(kind => Object.keys(pt[kind]).map(title => `${kind}:${title}`)).filter(key => !known.has(key));
		expect(extra).toEqual([]);
	});

	it('keeps the shape: same number of causes and advice, short summaries, non-empty text', () => {
		for (const entry of allEntries()) {
			const translated = localizeEntry(entry, 'pt');
			const label = entryKey(entry);
			expect(translated.summary.trim().length, label).toBeGreaterThan(0);
			expect(translated.summary.length, `${label}: "${translated.summary}"`).toBeLessThanOrEqual(72);
			expect(translated.description.trim().length, label).toBeGreaterThan(0);
			expect(translated.summary, label).not.toBe(entry.summary);
			if (entry.kind === 'reply' && translated.kind === 'reply') {
				expect(translated.causes.length, label).toBe(entry.causes.length);
				expect(translated.tryNext.length, label).toBe(entry.tryNext.length);
			}

			if ((entry.kind === 'enhanced' && translated.kind === 'enhanced') || (entry.kind === 'reply' && translated.kind === 'reply')) {
				// The explanation picks advice by the codes a line names ("for 4.1.1, wait"): they must survive.
				const codes = (lines: string[]) => lines.map(line => [...line.matchAll(/\b[245]\.\d{1,3}\.\d{1,3}\b/g)].map(match => match[0]).join(','));
				expect(codes(translated.tryNext), label).toEqual(codes(entry.tryNext));
			}

			if (entry.kind === 'extension' && translated.kind === 'extension') expect(translated.parameters === '', label).toBe(entry.parameters === '');
		}
	});

	it('leaves the protocol alone: verbs, syntax, examples, codes and RFCs', () => {
		for (const entry of allEntries()) {
			const {summary, description, ...rest} = localizeEntry(entry, 'pt') as CatalogEntry & Record<string, unknown>;
			const original = entry as CatalogEntry & Record<string, unknown>;
			for (const field of ['verb', 'syntax', 'example', 'template', 'code', 'keyword', 'name', 'rfc', 'rfcs', 'replies', 'phases', 'related']) {
				expect(rest[field], `${entryKey(entry)}.${field}`).toEqual(original[field]);
			}
		}
	});
});
