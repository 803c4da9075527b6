import {describe, expect, it} from 'vitest';
import {chooseLanguage, languageFlag, localeLanguage, parseLanguage} from '../../source/i18n/language.js';

describe('parseLanguage', () => {
	it('reads flag values and locale strings', () => {
		for (const value of ['pt', 'PT', 'pt-BR', 'pt_BR', 'pt_BR.UTF-8', 'pt_PT.utf8@euro']) expect(parseLanguage(value), value).toBe('pt');
		for (const value of ['en', 'en_US.UTF-8', 'en-GB', 'C', 'C.UTF-8', 'POSIX']) expect(parseLanguage(value), value).toBe('en');
		for (const value of ['de_DE.UTF-8', 'fr', '', 'portuguese']) expect(parseLanguage(value), value).toBeUndefined();
	});
});

describe('localeLanguage', () => {
	it('takes the first non-empty of LC_ALL, LC_MESSAGES and LANG', () => {
		expect(localeLanguage({LANG: 'pt_BR.UTF-8'})).toBe('pt');
		expect(localeLanguage({LC_ALL: 'C', LANG: 'pt_BR.UTF-8'})).toBe('en');
		expect(localeLanguage({LC_ALL: '', LC_MESSAGES: 'pt_BR.UTF-8', LANG: 'en_US.UTF-8'})).toBe('pt');
		expect(localeLanguage({LC_MESSAGES: 'en_US.UTF-8', LANG: 'pt_BR.UTF-8'})).toBe('en');
	});

	it('falls back to English for no locale or one we do not speak', () => {
		expect(localeLanguage({})).toBe('en');
		expect(localeLanguage({LANG: 'de_DE.UTF-8'})).toBe('en');
		// A locale we do not speak still wins over a lower-priority one: POSIX precedence.
		expect(localeLanguage({LC_ALL: 'de_DE.UTF-8', LANG: 'pt_BR.UTF-8'})).toBe('en');
	});
});

describe('chooseLanguage', () => {
	it('prefers --lang over the environment', () => {
		expect(chooseLanguage({flag: 'en', env: {LANG: 'pt_BR.UTF-8'}})).toEqual({language: 'en'});
		expect(chooseLanguage({flag: 'pt', env: {}})).toEqual({language: 'pt'});
		expect(chooseLanguage({flag: undefined, env: {LANG: 'pt_BR.UTF-8'}})).toEqual({language: 'pt'});
	});

	it('calls an unknown --lang an error, and keeps the locale for the message', () => {
		expect(chooseLanguage({flag: 'klingon', env: {LANG: 'pt_BR.UTF-8'}})).toEqual({language: 'pt', error: '--lang takes pt or en, not "klingon"'});
		expect(chooseLanguage({flag: '', env: {}}).error).toBeDefined();
	});
});

describe('languageFlag', () => {
	it('finds --lang X and --lang=X before --', () => {
		expect(languageFlag(['rcpt', '--lang', 'pt'])).toBe('pt');
		expect(languageFlag(['--lang=en', 'rcpt'])).toBe('en');
		expect(languageFlag(['--json'])).toBeUndefined();
		expect(languageFlag(['--', '--lang', 'pt'])).toBeUndefined();
		expect(languageFlag(['--lang'])).toBe('');
	});
});
