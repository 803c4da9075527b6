import {beforeAll, describe, expect, it, vi} from 'vitest';
import {en} from '../../source/i18n/messages-en.js';
import {pt} from '../../source/i18n/messages-pt.js';
import {loadLanguage, messages, plural} from '../../source/i18n/messages.js';
import {joinTables} from '../../source/i18n/table.js';

beforeAll(async () => {
	await loadLanguage('pt');
});

/**
One message table per language, with the same keys and the same parameters: a key missing
in either table, or a message that takes other arguments, fails here (and in tsc).
*/
const tables = {en, pt} as Record<string, Record<string, unknown>>;

describe('message tables', () => {
	for (const [name, table] of Object.entries(tables)) {
		for (const [otherName, other] of Object.entries(tables)) {
			if (name === otherName) continue;
			it(`${name} has every key of ${otherName}`, () => {
				expect(Object.keys(other).filter(key => !(key in table))).toEqual([]);
			});
		}

		it(`${name} has no empty message`, () => {
			for (const [key, value] of Object.entries(table)) {
				const text = typeof value === 'function' ? String((value as (...args: unknown[]) => unknown)(...Array.from({length: value.length}, () => 1))) : value;
				expect(typeof text === 'string' && text.trim().length > 0, key).toBe(true);
			}
		});
	}

	it('gives each message the same kind and number of parameters in both languages', () => {
		for (const key of Object.keys(en)) {
			const english = (en as Record<string, unknown>)[key];
			const portuguese = (pt as Record<string, unknown>)[key];
			expect(typeof portuguese, key).toBe(typeof english);
			if (typeof english === 'function') expect((portuguese as (...args: unknown[]) => unknown).length, key).toBe(english.length);
		}
	});

	it('really translates: the Portuguese table differs from the English one in (nearly) every message', () => {
		const same = Object.keys(en).filter(key => JSON.stringify((en as Record<string, unknown>)[key]) === JSON.stringify((pt as Record<string, unknown>)[key]) && typeof (en as Record<string, unknown>)[key] === 'string');
		// Words Brazilian practitioners write as in English: "RFC:", token, status, the
		// protocol names (EHLO, SASL, TLS, AUTH), demo, envelope, proxy and a server's banner. Nothing else may be left untranslated.
		expect(same).toEqual([
			'catalog.label.rfc',
			'auth.token',
			'palette.kind.enhanced',
			'palette.kind.extension',
			'palette.kind.mechanism',
			'sidebar.section.demo',
			'sidebar.section.tls',
			'sidebar.section.envelope',
			'sidebar.label.tls',
			'sidebar.label.auth',
			'route.proxy',
			'probe.label.banner',
		]);
	});

	it('loads Portuguese on demand: before loadLanguage it is refused, not silently English', async () => {
		vi.resetModules();
		const fresh = await import('../../source/i18n/messages.js');
		expect(() => fresh.messages('pt')).toThrow(/not loaded/);
		expect(() => fresh.setLanguage('pt')).toThrow(/not loaded/);
		expect((await fresh.loadLanguage('pt'))['catalog.kind.command']).toBe('comando');
	});

	it('hands out the table of the language asked for', () => {
		expect(messages('en')['catalog.kind.command']).toBe('command');
		expect(messages('pt')['catalog.kind.command']).toBe('comando');
	});
});

describe('joinTables', () => {
	it('joins the parts as spread would (later parts win), into a table without a prototype', () => {
		const table = joinTables({a: 'one', b: 'two'}, {c: () => 'three'}, {b: 'again'}, {}, {d: 'four'});
		expect(Object.getPrototypeOf(table)).toBeNull();
		expect({...table}).toEqual({a: 'one', b: 'again', c: table.c, d: 'four'});
		expect(Object.keys(table)).toEqual(['a', 'b', 'c', 'd']);
	});

	it('makes both languages\' tables that way: dictionaries from the start, with no hidden class per entry to build', () => {
		expect(Object.getPrototypeOf(en)).toBeNull();
		expect(Object.getPrototypeOf(pt)).toBeNull();
		expect(Object.keys(en).length).toBeGreaterThan(500);
	});
});

describe('plural', () => {
	it('follows Intl.PluralRules for each language', () => {
		const forms = {one: '# match', other: '# matches'};
		expect(plural('en', 1, forms)).toBe('1 match');
		expect(plural('en', 0, forms)).toBe('0 matches');
		expect(plural('en', 2, forms)).toBe('2 matches');
		// CLDR puts 0 and 1 in "one" for Portuguese.
		const pt = {one: '# resultado', other: '# resultados'};
		expect(plural('pt', 0, pt)).toBe('0 resultado');
		expect(plural('pt', 1, pt)).toBe('1 resultado');
		expect(plural('pt', 2, pt)).toBe('2 resultados');
	});

	it('is used by the counted messages', () => {
		expect(messages('en')['catalog.showing'](20, 1)).toContain('1 match;');
		expect(messages('en')['catalog.showing'](20, 25)).toContain('25 matches;');
		expect(messages('pt')['catalog.showing'](20, 25)).toContain('25 resultados;');
		expect(messages('pt')['export.error.badLines'](1, 3)).toMatch(/^1 linha da transcrição/);
		expect(messages('pt')['export.error.badLines'](4, 3)).toMatch(/^4 linhas da transcrição/);
	});
});
