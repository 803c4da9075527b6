import {describe, expect, it} from 'vitest';
import {enhancedClassEntry, enhancedCodes, lookupEnhanced} from '../../source/catalog/enhanced-codes.js';
import {extensions, lookupExtension} from '../../source/catalog/extensions.js';

const codePattern = /^(X|[245])\.(X|\d{1,3})\.(X|\d{1,3})$/;

describe('enhanced status code registry', () => {
	it('has unique codes', () => {
		const codes = enhancedCodes.map(entry => entry.code);
		expect(new Set(codes).size).toBe(codes.length);
	});

	it('writes codes the way the registry does', () => {
		for (const entry of enhancedCodes) {
			expect(entry.code, entry.code).toMatch(codePattern);
			expect(entry.kind).toBe('enhanced');
		}
	});

	it('has classes consistent with the basic codes', () => {
		for (const entry of enhancedCodes) {
			expect(entry.classes.length, entry.code).toBeGreaterThan(0);
			expect(new Set(entry.classes).size, entry.code).toBe(entry.classes.length);
			for (const basic of entry.basicCodes) {
				expect(basic, entry.code).toBeGreaterThanOrEqual(200);
				expect(basic, entry.code).toBeLessThan(600);
				const cls = Math.floor(basic / 100);
				// 3xx replies never carry an enhanced code, so every basic code is 2xx, 4xx or 5xx.
				expect([2, 4, 5], `${entry.code} ${basic}`).toContain(cls);
				expect(entry.classes, `${entry.code} ${basic}`).toContain(cls);
			}
		}
	});

	it('gives class entries exactly their own class', () => {
		for (const cls of [2, 4, 5] as const) {
			const entry = enhancedClassEntry(cls);
			expect(entry.code).toBe(`${cls}.X.X`);
			expect(entry.classes).toEqual([cls]);
		}
	});

	it('has short non-empty summaries and some prose', () => {
		for (const entry of enhancedCodes) {
			expect(entry.summary.trim().length, entry.code).toBeGreaterThan(0);
			expect(entry.summary.length, entry.code).toBeLessThanOrEqual(70);
			expect(entry.description.trim().length, entry.code).toBeGreaterThan(0);
			expect(entry.tryNext.length, entry.code).toBeLessThanOrEqual(4);
		}
	});

	it('suggests no action for the success class', () => {
		expect(enhancedClassEntry(2).tryNext).toEqual([]);
	});

	it('looks up concrete codes by subject and detail', () => {
		expect(lookupEnhanced('5.7.1')?.code).toBe('X.7.1');
		expect(lookupEnhanced('4.2.2')?.code).toBe('X.2.2');
		expect(lookupEnhanced('X.7.1')?.code).toBe('X.7.1');
		expect(lookupEnhanced('2.1.5')?.code).toBe('X.1.5');
		expect(lookupEnhanced('5.7.30')?.code).toBe('X.7.30');
		expect(lookupEnhanced('5.1.10')?.code).toBe('X.1.10');
		expect(lookupEnhanced('5.999.1')).toBeUndefined();
		expect(lookupEnhanced('3.1.1')).toBeUndefined();
		expect(lookupEnhanced('not a code')).toBeUndefined();
		expect(lookupEnhanced('5.X.X')?.code).toBe('5.X.X');
	});

	it('contains the key entries', () => {
		const codes = new Set(enhancedCodes.map(entry => entry.code));
		const expected = ['2.X.X', '4.X.X', '5.X.X', 'X.0.0', 'X.1.1', 'X.7.1', 'X.7.8', 'X.7.30'];
		for (let detail = 7; detail <= 10; detail++) expected.push(`X.6.${detail}`);
		for (let detail = 20; detail <= 29; detail++) expected.push(`X.7.${detail}`);
		for (const code of expected) expect(codes.has(code), code).toBe(true);
	});

	it('has every detail of each subject without gaps', () => {
		const highest: Record<number, number> = {0: 0, 1: 10, 2: 4, 3: 6, 4: 7, 5: 6, 6: 10, 7: 30};
		for (const [subject, last] of Object.entries(highest)) {
			for (let detail = 0; detail <= last; detail++) {
				expect(lookupEnhanced(`5.${subject}.${detail}`), `X.${subject}.${detail}`).toBeDefined();
			}
		}
	});
});

describe('SMTP service extension catalog', () => {
	it('has unique upper-case keywords', () => {
		const keywords = extensions.map(entry => entry.keyword);
		expect(new Set(keywords).size).toBe(keywords.length);
		for (const keyword of keywords) {
			expect(keyword).toBe(keyword.toUpperCase());
			expect(keyword).toMatch(/^[A-Z0-9][A-Z0-9_-]*$/);
		}
	});

	it('has short non-empty summaries and upper-case parameter names', () => {
		for (const entry of extensions) {
			expect(entry.kind).toBe('extension');
			expect(entry.summary.trim().length, entry.keyword).toBeGreaterThan(0);
			expect(entry.summary.length, entry.keyword).toBeLessThanOrEqual(70);
			expect(entry.description.trim().length, entry.keyword).toBeGreaterThan(0);
			for (const name of [...entry.commands, ...entry.mailParams, ...entry.rcptParams]) {
				expect(name, entry.keyword).toBe(name.toUpperCase());
			}
		}
	});

	it('keeps X keywords out of the registry part', () => {
		// RFC 5321 2.2.2: keywords starting with X are local and never registered.
		for (const entry of extensions) {
			if (entry.keyword.startsWith('X')) expect(entry.vendor, entry.keyword).toBeDefined();
			if (entry.vendor) expect(entry.rfc, entry.keyword).toBeUndefined();
		}
	});

	it('looks keywords up case-insensitively', () => {
		expect(lookupExtension('size')?.keyword).toBe('SIZE');
		expect(lookupExtension('Starttls')?.keyword).toBe('STARTTLS');
		expect(lookupExtension('8bitmime')?.keyword).toBe('8BITMIME');
		expect(lookupExtension('NOPE')).toBeUndefined();
	});

	it('contains the key entries', () => {
		for (const keyword of [
			'SIZE',
			'PIPELINING',
			'STARTTLS',
			'AUTH',
			'CHUNKING',
			'SMTPUTF8',
			'REQUIRETLS',
			'DSN',
			'8BITMIME',
			'ENHANCEDSTATUSCODES',
			'XCLIENT',
		]) {
			expect(lookupExtension(keyword), keyword).toBeDefined();
		}
	});

	it('records the commands and parameters extensions add', () => {
		expect(lookupExtension('CHUNKING')?.commands).toEqual(['BDAT']);
		expect(lookupExtension('SIZE')?.mailParams).toEqual(['SIZE']);
		expect(lookupExtension('DSN')?.rcptParams).toEqual(['NOTIFY', 'ORCPT']);
		expect(lookupExtension('RRVS')?.rcptParams).toEqual(['RRVS']);
		expect(lookupExtension('AUTH')?.parameters).not.toBe('');
		expect(lookupExtension('PIPELINING')?.parameters).toBe('');
	});
});
