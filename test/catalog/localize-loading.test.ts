import {describe, expect, it} from 'vitest';
import {findCommand} from '../../source/catalog/index.js';
import {loadCatalogLanguage, localizeEntry} from '../../source/catalog/localize.js';

/** The Portuguese text is loaded on demand, so an English start never parses it. */
describe('loading a catalog language', () => {
	it('needs no loading for English, and says so loudly when Portuguese was not loaded', async () => {
		const mail = findCommand('MAIL')!;
		expect(localizeEntry(mail, 'en')).toBe(mail);
		expect(() => localizeEntry(mail, 'pt')).toThrow(/await loadCatalogLanguage\('pt'\) first/);
		await loadCatalogLanguage('pt');
		expect(localizeEntry(mail, 'pt').summary).toBe('Abre uma transação e informa o remetente do envelope');
	});
});
