import {beforeAll, describe, expect, it} from 'vitest';
import {loadCatalogLanguage} from '../../source/catalog/localize.js';
import {
	allEntries,
	catalog,
	catalogCounts,
	entryKey,
	entryTitle,
	findCommand,
	findMechanism,
	findReplyCode,
	lookupEnhanced,
	lookupExtension,
} from '../../source/catalog/index.js';
import {searchCatalog} from '../../source/catalog/search.js';

beforeAll(async () => {
	await loadCatalogLanguage('pt');
});

function keys(query: string, limit?: number): string[] {
	return searchCatalog(query, limit === undefined ? {} : {limit}).map(result => entryKey(result.entry));
}

describe('catalog index', () => {
	it('assembles the six arrays', () => {
		expect(catalog.commands.length).toBe(26);
		expect(catalog.replyCodes.length).toBe(45);
		expect(catalog.enhancedCodes.length).toBe(84);
		expect(catalog.extensions.length).toBe(48);
		expect(catalog.mechanisms.length).toBe(11);
		expect(catalog.topics.length).toBe(14);
		expect(catalogCounts()).toEqual({
			commands: 26,
			replyCodes: 45,
			enhancedCodes: 84,
			extensions: 48,
			mechanisms: 11,
			topics: 14,
			total: 228,
		});
		expect(allEntries()).toHaveLength(228);
	});

	it('finds entries by name, whatever the case', () => {
		expect(findCommand('mail')?.verb).toBe('MAIL');
		expect(findCommand(' RCPT ')?.verb).toBe('RCPT');
		expect(findCommand('FOO')).toBeUndefined();
		expect(findReplyCode(550)?.code).toBe(550);
		expect(findReplyCode(299)).toBeUndefined();
		expect(findMechanism('cram-md5')?.name).toBe('CRAM-MD5');
		expect(findMechanism('nope')).toBeUndefined();
		expect(lookupEnhanced('5.7.1')?.code).toBe('X.7.1');
		expect(lookupExtension('size')?.keyword).toBe('SIZE');
	});

	it('names and keys entries', () => {
		const examples = [
			[findCommand('MAIL')!, 'MAIL', 'command:MAIL'],
			[findReplyCode(550)!, '550', 'reply:550'],
			[lookupEnhanced('X.7.1')!, 'X.7.1', 'enhanced:X.7.1'],
			[lookupExtension('SIZE')!, 'SIZE', 'extension:SIZE'],
			[findMechanism('PLAIN')!, 'PLAIN', 'mechanism:PLAIN'],
		] as const;
		for (const [entry, title, key] of examples) {
			expect(entryTitle(entry)).toBe(title);
			expect(entryKey(entry)).toBe(key);
		}
	});
});

describe('searchCatalog ranking', () => {
	it('puts an exact command first', () => {
		expect(keys('rcpt')[0]).toBe('command:RCPT');
		expect(keys('RCPT')[0]).toBe('command:RCPT');
	});

	it('puts a reply code first, then the enhanced codes that come with it', () => {
		const results = searchCatalog('550');
		expect(entryKey(results[0]!.entry)).toBe('reply:550');
		const next = results.slice(1, 6).map(result => result.entry);
		for (const entry of next) {
			expect(entry.kind).toBe('enhanced');
			expect(entry.kind === 'enhanced' && entry.basicCodes).toContain(550);
		}

		expect(keys('550')).toContain('enhanced:X.7.1');
		expect(keys('550')).toContain('enhanced:X.1.1');
	});

	it('finds the SIZE extension and the MAIL parameter', () => {
		const found = keys('size');
		expect(found[0]).toBe('extension:SIZE');
		expect(found.slice(0, 3)).toContain('command:MAIL');
	});

	it('finds everything about TLS', () => {
		const found = keys('tls');
		expect(found.slice(0, 2).sort()).toEqual(['command:STARTTLS', 'extension:STARTTLS']);
		expect(found.slice(0, 5)).toContain('extension:REQUIRETLS');
		expect(found.slice(0, 10)).toContain('reply:454');
		expect(found).toContain('enhanced:X.7.10');
	});

	it('matches a concrete enhanced code to its registry entry', () => {
		expect(keys('5.7.1')[0]).toBe('enhanced:X.7.1');
		expect(keys('4.7.1')[0]).toBe('enhanced:X.7.1');
		expect(keys('x.7.1')[0]).toBe('enhanced:X.7.1');
		expect(keys('5.1.1')[0]).toBe('enhanced:X.1.1');
		// Class entries are found by their own key.
		expect(keys('5.x.x')[0]).toBe('enhanced:5.X.X');
	});

	it('ranks a reply code with its enhanced code', () => {
		const top = keys('550 5.7.1', 3);
		expect(top).toContain('enhanced:X.7.1');
		expect(top).toContain('reply:550');
	});

	it('treats a partial enhanced code as a prefix', () => {
		const found = keys('550 5.7');
		expect(found[0]).toBe('reply:550');
		const top = found.slice(1, 8);
		expect(top.every(key => key.startsWith('enhanced:X.7.'))).toBe(true);
		expect(top).toContain('enhanced:X.7.1');
		expect(keys('5.7').slice(0, 20).every(key => key.startsWith('enhanced:X.7.'))).toBe(true);
	});

	it('finds AUTH as command and extension', () => {
		expect(keys('auth').slice(0, 2)).toEqual(['command:AUTH', 'extension:AUTH']);
		expect(keys('Auth').slice(0, 2)).toEqual(['command:AUTH', 'extension:AUTH']);
	});

	it('finds mechanisms by the start of their name', () => {
		expect(keys('cram')[0]).toBe('mechanism:CRAM-MD5');
		expect(keys('cram-md5')[0]).toBe('mechanism:CRAM-MD5');
		expect(keys('scram')[0]).toMatch(/^mechanism:SCRAM-SHA-/);
	});

	it('finds entries that talk about relaying', () => {
		const found = searchCatalog('relay');
		expect(entryKey(found[0]!.entry)).toBe('command:RCPT');
		expect(found.map(result => entryKey(result.entry))).toContain('reply:550');
		for (const {entry} of found) {
			const text = JSON.stringify(entry).toLowerCase();
			expect(text, entryKey(entry)).toContain('relay');
		}
	});

	it('falls back to the letters of the title in order', () => {
		const found = searchCatalog('strtls');
		expect(found.map(result => entryKey(result.entry)).slice(0, 2)).toEqual(['command:STARTTLS', 'extension:STARTTLS']);
		// A letters-in-order match is the weakest kind there is.
		expect(found[0]!.score).toBeLessThan(searchCatalog('relay').at(-1)!.score);
		expect(keys('crmd5')[0]).toBe('mechanism:CRAM-MD5');
	});

	it('sorts by score, highest first', () => {
		const scores = searchCatalog('mail').map(result => result.score);
		expect(scores).toEqual([...scores].sort((a, b) => b - a));
	});

	it('breaks ties by kind: commands before replies before enhanced codes', () => {
		const found = keys('auth');
		expect(found.indexOf('command:AUTH')).toBeLessThan(found.indexOf('extension:AUTH'));
		const vrfy = keys('vrfy');
		expect(vrfy.slice(0, 2)).toEqual(['command:VRFY', 'extension:VRFY']);
	});
});

describe('searchCatalog semantics', () => {
	it('requires every word to match', () => {
		const both = keys('mail size');
		expect(both[0]).toBe('command:MAIL');
		const mail = new Set(keys('mail'));
		const size = new Set(keys('size'));
		expect(both.length).toBeGreaterThan(0);
		expect(both.every(key => mail.has(key) && size.has(key))).toBe(true);
		expect(both.length).toBeLessThan(Math.min(mail.size, size.size));
		for (const {entry} of searchCatalog('relay 550')) {
			const text = JSON.stringify(entry).toLowerCase();
			expect(text, entryKey(entry)).toContain('relay');
			expect(text, entryKey(entry)).toContain('550');
		}

		expect(searchCatalog('starttls qqqqqq')).toEqual([]);
		expect(searchCatalog('zzzzzz')).toEqual([]);
	});

	it('lists everything in the default order for an empty query', () => {
		const all = searchCatalog('');
		expect(all).toHaveLength(228);
		expect(all.map(result => result.entry)).toEqual(allEntries());
		expect(all.every(result => result.score === 0)).toBe(true);
		expect(searchCatalog('   ').map(result => result.entry)).toEqual(allEntries());
		expect(entryKey(all[0]!.entry)).toBe('command:EHLO');
		expect(entryKey(all.at(-1)!.entry)).toBe('topic:faq');
	});

	it('honours the limit', () => {
		expect(searchCatalog('', {limit: 5}).map(result => entryKey(result.entry))).toEqual(
			allEntries()
				.slice(0, 5)
				.map(entry => entryKey(entry)),
		);
		expect(searchCatalog('tls', {limit: 3})).toHaveLength(3);
		expect(searchCatalog('tls', {limit: 3})).toEqual(searchCatalog('tls').slice(0, 3));
		expect(searchCatalog('tls', {limit: 0})).toEqual([]);
	});

	it('filters by kind', () => {
		const mechanisms = searchCatalog('', {kinds: ['mechanism']});
		expect(mechanisms).toHaveLength(11);
		expect(searchCatalog('tls', {kinds: ['extension']}).every(result => result.entry.kind === 'extension')).toBe(true);
		expect(
			searchCatalog('550', {kinds: ['enhanced', 'mechanism']}).every(result => result.entry.kind === 'enhanced'),
		).toBe(true);
		expect(searchCatalog('rcpt', {kinds: ['command'], limit: 1}).map(result => entryKey(result.entry))).toEqual([
			'command:RCPT',
		]);
	});
});

describe('catalog consistency', () => {
	it('has a unique key for every entry', () => {
		const all = allEntries().map(entry => entryKey(entry));
		expect(new Set(all).size).toBe(all.length);
	});

	it('has an extension entry for every keyword a command needs', () => {
		for (const command of catalog.commands) {
			if (command.extension === undefined) continue;
			expect(lookupExtension(command.extension), `${command.verb} needs ${command.extension}`).toBeDefined();
		}
	});

	it('has a reply code entry for every code a command can get', () => {
		const known = new Set(catalog.replyCodes.map(entry => entry.code));
		for (const command of catalog.commands) {
			const {success, intermediate, failure} = command.replies;
			for (const code of [...success, ...intermediate, ...failure]) {
				expect(known.has(code), `${command.verb} -> ${code}`).toBe(true);
			}
		}
	});

	it('gives enhanced codes three-digit basic codes', () => {
		for (const entry of catalog.enhancedCodes) {
			for (const code of entry.basicCodes) {
				expect(Number.isInteger(code) && code >= 100 && code <= 999, `${entry.code} -> ${code}`).toBe(true);
			}
		}
	});
});

describe('topics in search', () => {
	it('puts a topic first for a port number, an old name, "faq" and a question', () => {
		expect(keys('587')[0]).toBe('topic:ports');
		expect(keys('465')[0]).toBe('topic:ports');
		expect(keys('smtps')[0]).toMatch(/^topic:/);
		expect(keys('faq')[0]).toBe('topic:faq');
		expect(keys('why rejected')[0]).toMatch(/^topic:(policy-rejections|reading-bounces)$/);
		expect(keys('why is my mail rejected')[0]).toMatch(/^topic:(policy-rejections|reading-bounces)$/);
		expect(keys('which port?')[0]).toBe('topic:ports');
		expect(keys('flow')[0]).toBe('topic:session-flow');
	});

	it('ranks a topic above an unrelated reply that only mentions the word', () => {
		const found = keys('greylisting');
		expect(found[0]).toBe('topic:greylisting');
		// 450 explains greylisting in its text, but the page about it comes first.
		expect(found.indexOf('topic:greylisting')).toBeLessThan(found.indexOf('reply:450'));
		expect(keys('telnet')[0]).toBe('topic:by-hand');
		expect(keys('dmarc')[0]).toBe('topic:policy-rejections');
	});

	it('keeps the entry a query names exactly ahead of a topic about it', () => {
		expect(keys('pipelining')[0]).toBe('extension:PIPELINING');
		expect(keys('starttls').slice(0, 2).sort()).toEqual(['command:STARTTLS', 'extension:STARTTLS']);
		expect(keys('dsn')[0]).toBe('extension:DSN');
	});

	it('every topic rests on at least one RFC and points only at entries that exist', () => {
		const known = new Set(allEntries().map(entry => entryKey(entry)));
		for (const topic of catalog.topics) {
			expect(topic.rfcs.length, topic.name).toBeGreaterThan(0);
			for (const key of topic.related) expect(known.has(key), `${topic.name} -> ${key}`).toBe(true);
			expect(topic.summary.length, topic.name).toBeLessThanOrEqual(70);
		}
	});

	it('covers what the reference page teaches', () => {
		expect(catalog.topics.map(topic => topic.name)).toEqual([
			'smtp', 'session-flow', 'ports', 'starttls-vs-implicit-tls', 'auth-needs-tls', 'by-hand', 'reading-bounces',
			'greylisting', 'policy-rejections', 'vrfy-expn', 'pipelining-explained', 'eight-bit-and-utf8', 'delivery-notifications', 'faq',
		]);
	});
});

describe('search in Portuguese', () => {
	const pt = (query: string) => searchCatalog(query, {language: 'pt'}).map(result => entryKey(result.entry));

	it('finds topics by Portuguese questions and words', () => {
		expect(pt('por que meu e-mail foi rejeitado')[0]).toMatch(/^topic:(policy-rejections|reading-bounces)$/);
		expect(pt('qual porta devo usar')[0]).toBe('topic:ports');
		expect(pt('acentos')[0]).toBe('topic:eight-bit-and-utf8');
		expect(pt('perguntas frequentes')[0]).toBe('topic:faq');
	});

	it('still finds the English words, and returns the entries in Portuguese', () => {
		const [first] = searchCatalog('relay', {language: 'pt'});
		expect(entryKey(first!.entry)).toBe('command:RCPT');
		expect(first!.entry.summary).toBe('Acrescenta um destinatário do envelope à transação aberta');
		expect(pt('587')[0]).toBe('topic:ports');
	});
});
