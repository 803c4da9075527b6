import {describe, it, expect} from 'vitest';
import {commands} from '../../source/catalog/commands.js';
import {replyCodes} from '../../source/catalog/reply-codes.js';
import {mechanisms} from '../../source/catalog/mechanisms.js';
import type {Reference} from '../../source/catalog/types.js';
import {allPhases} from '../../source/protocol/phase.js';
import {reusableSecretMechanisms} from '../../source/protocol/sasl.js';

const sectionPattern = /^\d+(\.\d+)*$|^[A-Z](\.\d+)*$/;

function expectValidRfc(ref: Reference | undefined, label: string): void {
	if (ref === undefined) {
		return;
	}
	if ('document' in ref) {
		expect(ref.document.trim().length, `${label}: document name`).toBeGreaterThan(0);
		expect(ref.url, `${label}: document url`).toMatch(/^https:\/\//);
		return;
	}
	expect(Number.isInteger(ref.rfc), `${label}: rfc number is an integer`).toBe(true);
	expect(ref.rfc, `${label}: rfc number is positive`).toBeGreaterThan(0);
	if (ref.section !== undefined) {
		expect(ref.section, `${label}: section`).toMatch(sectionPattern);
	}
}

function expectUnique(keys: ReadonlyArray<string | number>): void {
	const seen = new Set<string | number>();
	const duplicates = keys.filter((key) => {
		const dup = seen.has(key);
		seen.add(key);
		return dup;
	});
	expect(duplicates).toEqual([]);
}

function expectSummary(summary: string, label: string): void {
	expect(summary.trim().length, `${label}: summary is non-empty`).toBeGreaterThan(0);
	expect(summary.length, `${label}: summary "${summary}" is at most 70 characters`).toBeLessThanOrEqual(70);
}

function isReplyCode(code: number): boolean {
	return Number.isInteger(code) && code >= 200 && code <= 599;
}

describe('commands', () => {
	it('has unique upper-case verbs', () => {
		expectUnique(commands.map((entry) => entry.verb));
		for (const entry of commands) {
			expect(entry.verb).toBe(entry.verb.toUpperCase());
			expect(entry.kind).toBe('command');
		}
	});

	it('includes every required verb', () => {
		const verbs = new Set(commands.map((entry) => entry.verb));
		const required = [
			'EHLO', 'HELO', 'QUIT', 'STARTTLS', 'NOOP', 'RSET', 'AUTH', 'MAIL', 'RCPT', 'DATA',
			'VRFY', 'EXPN', 'HELP', 'BDAT', 'ETRN', 'LHLO', 'XCLIENT', 'XFORWARD',
			'BURL', 'ATRN', 'SEND', 'SOML', 'SAML', 'TURN', 'VERB', 'ONEX',
		];
		for (const verb of required) {
			expect(verbs.has(verb), `missing ${verb}`).toBe(true);
		}
	});

	it('marks exactly the commands RFC 5321 dropped or only old Sendmail knew as historic', () => {
		const historic = commands.filter((entry) => entry.historic).map((entry) => entry.verb).sort();
		expect(historic).toEqual(['ONEX', 'SAML', 'SEND', 'SOML', 'TURN', 'VERB']);
	});

	it('has 26 commands', () => {
		expect(commands).toHaveLength(26);
	});

	it('has well-formed fields', () => {
		for (const entry of commands) {
			const label = entry.verb;
			expectSummary(entry.summary, label);
			expect(entry.description.trim().length, `${label}: description`).toBeGreaterThan(0);
			expect(entry.syntax.startsWith(entry.verb), `${label}: syntax starts with the verb`).toBe(true);
			expect(entry.example.startsWith(entry.verb), `${label}: example starts with the verb`).toBe(true);
			expect(entry.template.startsWith(entry.verb), `${label}: template starts with the verb`).toBe(true);
			expect(entry.example, `${label}: example has no line break`).not.toMatch(/[\r\n]/);
			expect(entry.template, `${label}: template has no line break`).not.toMatch(/[\r\n]/);
			expectValidRfc(entry.rfc, label);
		}
	});

	it('has non-empty, known phases', () => {
		for (const entry of commands) {
			expect(entry.phases.length, `${entry.verb}: phases`).toBeGreaterThan(0);
			for (const phase of entry.phases) {
				expect(allPhases, `${entry.verb}: phase ${phase}`).toContain(phase);
			}
			expectUnique(entry.phases);
		}
	});

	it('lists valid reply codes in each outcome', () => {
		for (const entry of commands) {
			const {success, intermediate, failure} = entry.replies;
			expect(success.length, `${entry.verb}: at least one success code`).toBeGreaterThan(0);
			for (const code of [...success, ...intermediate, ...failure]) {
				expect(isReplyCode(code), `${entry.verb}: ${code}`).toBe(true);
			}
			for (const code of success) {
				expect(code, `${entry.verb}: success ${code}`).toBeLessThan(300);
			}
			for (const code of intermediate) {
				expect(code >= 300 && code < 400, `${entry.verb}: intermediate ${code}`).toBe(true);
			}
			for (const code of failure) {
				expect(code, `${entry.verb}: failure ${code}`).toBeGreaterThanOrEqual(400);
			}
		}
	});

	it('marks the vendor commands', () => {
		for (const verb of ['XCLIENT', 'XFORWARD']) {
			const entry = commands.find((candidate) => candidate.verb === verb);
			expect(entry?.vendor).toBe('Postfix');
			expect(entry?.extension).toBe(verb);
		}
	});

	it('cites Postfix\'s own documents for XCLIENT and XFORWARD, not an RFC', () => {
		for (const verb of ['XCLIENT', 'XFORWARD']) {
			const entry = commands.find((candidate) => candidate.verb === verb);
			expect(entry?.rfc).toEqual({document: `Postfix ${verb}_README`, url: `https://www.postfix.org/${verb}_README.html`});
		}
	});
});

describe('reply codes', () => {
	it('has unique 3-digit codes from 2xx to 5xx', () => {
		expectUnique(replyCodes.map((entry) => entry.code));
		for (const entry of replyCodes) {
			expect(entry.kind).toBe('reply');
			expect(isReplyCode(entry.code), `${entry.code}`).toBe(true);
			expect(String(entry.code)).toMatch(/^[2-5]\d\d$/);
		}
	});

	it('includes every required code', () => {
		const codes = new Set(replyCodes.map((entry) => entry.code));
		const required = [
			211, 214, 220, 221, 250, 251, 252, 354, 421, 450, 451, 452, 455, 500, 501, 502, 503,
			504, 550, 551, 552, 553, 554, 555, 235, 334, 432, 454, 530, 534, 535, 538, 521, 556,
			253, 458, 459, 453, 355, 422, 430, 523, 524, 525, 533,
		];
		for (const code of required) {
			expect(codes.has(code), `missing ${code}`).toBe(true);
		}
	});

	it('has well-formed fields', () => {
		for (const entry of replyCodes) {
			const label = String(entry.code);
			expectSummary(entry.summary, label);
			expect(entry.description.trim().length, `${label}: description`).toBeGreaterThan(0);
			expect(entry.causes.length, `${label}: causes`).toBeGreaterThanOrEqual(1);
			expect(entry.causes.length, `${label}: causes`).toBeLessThanOrEqual(5);
			expect(entry.tryNext.length, `${label}: tryNext`).toBeGreaterThanOrEqual(1);
			expect(entry.tryNext.length, `${label}: tryNext`).toBeLessThanOrEqual(5);
			for (const text of [...entry.causes, ...entry.tryNext]) {
				expect(text.trim().length, `${label}: list item`).toBeGreaterThan(0);
			}
			expect(entry.typicalAfter.length, `${label}: typicalAfter`).toBeGreaterThan(0);
			expectValidRfc(entry.rfc, label);
		}
	});

	it('names known commands in typicalAfter', () => {
		const verbs = new Set(commands.map((entry) => entry.verb));
		for (const entry of replyCodes) {
			for (const verb of entry.typicalAfter) {
				expect(verbs.has(verb), `${entry.code}: unknown verb ${verb}`).toBe(true);
			}
		}
	});

	it('has a catalog entry for every code a command lists', () => {
		const codes = new Set(replyCodes.map((entry) => entry.code));
		for (const entry of commands) {
			const {success, intermediate, failure} = entry.replies;
			for (const code of [...success, ...intermediate, ...failure]) {
				expect(codes.has(code), `${entry.verb}: ${code} has no entry`).toBe(true);
			}
		}
	});
});

describe('mechanisms', () => {
	it('has unique upper-case names', () => {
		expectUnique(mechanisms.map((entry) => entry.name));
		for (const entry of mechanisms) {
			expect(entry.kind).toBe('mechanism');
			expect(entry.name).toBe(entry.name.toUpperCase());
		}
	});

	it('includes every required mechanism', () => {
		const names = new Set(mechanisms.map((entry) => entry.name));
		const required = [
			'PLAIN', 'LOGIN', 'CRAM-MD5', 'XOAUTH2', 'OAUTHBEARER', 'SCRAM-SHA-1', 'SCRAM-SHA-256',
			'EXTERNAL', 'GSSAPI', 'NTLM', 'DIGEST-MD5',
		];
		for (const name of required) {
			expect(names.has(name), `missing ${name}`).toBe(true);
		}
	});

	it('has well-formed fields', () => {
		for (const entry of mechanisms) {
			expectSummary(entry.summary, entry.name);
			expect(entry.description.trim().length, `${entry.name}: description`).toBeGreaterThan(0);
			expectValidRfc(entry.rfc, entry.name);
		}
	});

	it('flags computable mechanisms and reusable secrets as specified', () => {
		const byName = new Map(mechanisms.map((entry) => [entry.name, entry]));
		const computable = ['PLAIN', 'LOGIN', 'CRAM-MD5', 'XOAUTH2', 'OAUTHBEARER'];
		const reusable = ['PLAIN', 'LOGIN', 'XOAUTH2', 'OAUTHBEARER'];
		for (const entry of mechanisms) {
			expect(entry.computable, `${entry.name}: computable`).toBe(computable.includes(entry.name));
			expect(entry.sendsReusableSecret, `${entry.name}: sendsReusableSecret`).toBe(reusable.includes(entry.name));
		}
		expect(byName.get('DIGEST-MD5')?.obsolete).toBe(true);
		// The validator's warning about plaintext AUTH reads the same list.
		expect(mechanisms.filter(entry => entry.sendsReusableSecret).map(entry => entry.name).sort()).toEqual([...reusableSecretMechanisms].sort());
	});
});
