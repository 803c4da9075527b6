import {describe, expect, it} from 'vitest';
import {catalog, catalogCounts} from '../../source/catalog/index.js';
import {runCatalogCommand, wrapText} from '../../source/commands/catalog-command.js';

describe('runCatalogCommand with a query', () => {
	it('prints the matching entries', () => {
		expect(runCatalogCommand('digest', {json: false})).toEqual({
			output: [
				'DIGEST-MD5 (SASL mechanism, obsolete)',
				'  HTTP-digest-style MD5 challenge-response; obsolete',
				'  RFC:     RFC 2831',
				'',
			].join('\n'),
			exitCode: 0,
		});
	});

	it('prints syntax, example and RFC for commands, meaning for codes', () => {
		const {output, exitCode} = runCatalogCommand('rcpt', {json: false});
		expect(exitCode).toBe(0);
		const [first, second] = output.split('\n\n');
		expect(first).toBe(
			[
				'RCPT (command)',
				'  Add one envelope recipient to the open transaction',
				'  Syntax:  RCPT TO:<forward-path> [SP rcpt-parameters]',
				'  Example: RCPT TO:<bob@example.org>',
				'  RFC:     RFC 5321 4.1.1.3',
			].join('\n'),
		);
		expect(second).toMatch(/^\d{3} \(reply code\)\n {2}.+\n {2}Meaning: /);
		expect(second).toMatch(/\n {2}RFC: {5}RFC \d+/);
	});

	it('shows at most 20 matches and says how many there are', () => {
		const {output} = runCatalogCommand('e', {json: false});
		const blocks = output.trimEnd().split('\n\n');
		expect(blocks).toHaveLength(21);
		expect(blocks.at(-1)).toMatch(/^Showing 20 of \d+ matches; add words to narrow the search\.$/);
	});

	it('wraps to the width', () => {
		for (const width of [40, 60, 80]) {
			const {output} = runCatalogCommand('550', {json: false, width});
			// Only single words longer than the width may stick out.
			for (const line of output.split('\n')) {
				if (line.length > width) expect(line.trim(), line).not.toContain(' ');
			}
		}
	});

	it('prints the matches as a JSON array of entries', () => {
		const {output, exitCode} = runCatalogCommand('auth', {json: true});
		expect(exitCode).toBe(0);
		const entries = JSON.parse(output) as Array<{kind: string}>;
		expect(entries.length).toBeGreaterThan(2);
		expect(entries.length).toBeLessThanOrEqual(20);
		expect(entries[0]).toEqual(catalog.commands.find(entry => entry.verb === 'AUTH'));
		expect(entries[1]).toMatchObject({kind: 'extension', keyword: 'AUTH'});
	});

	it('exits with 1 when nothing matches', () => {
		expect(runCatalogCommand('zzzzzz', {json: false})).toEqual({
			output: 'No catalog entry matches "zzzzzz".\n',
			exitCode: 1,
		});
		expect(runCatalogCommand('zzzzzz', {json: true})).toEqual({output: '[]\n', exitCode: 1});
	});
});

describe('runCatalogCommand without a query', () => {
	it('prints the whole catalog as one JSON document', () => {
		for (const query of [undefined, '', '  ']) {
			const {output, exitCode} = runCatalogCommand(query, {json: true});
			expect(exitCode).toBe(0);
			const parsed = JSON.parse(output) as Record<string, unknown[]>;
			expect(Object.keys(parsed)).toEqual(['commands', 'replyCodes', 'enhancedCodes', 'extensions', 'mechanisms']);
			const counts = catalogCounts();
			expect(parsed['commands']).toHaveLength(counts.commands);
			expect(parsed['replyCodes']).toHaveLength(counts.replyCodes);
			expect(parsed['enhancedCodes']).toHaveLength(counts.enhancedCodes);
			expect(parsed['extensions']).toHaveLength(counts.extensions);
			expect(parsed['mechanisms']).toHaveLength(counts.mechanisms);
			expect(parsed).toEqual(JSON.parse(JSON.stringify(catalog)));
		}
	});

	it('prints a compact index grouped by kind', () => {
		const {output, exitCode} = runCatalogCommand(undefined, {json: false});
		expect(exitCode).toBe(0);
		const sections = output.trimEnd().split('\n\n');
		expect(sections.map(section => section.split('\n')[0])).toEqual([
			'Commands (18)',
			'Reply codes (37)',
			'Enhanced status codes (84)',
			'EHLO extensions (48)',
			'SASL mechanisms (11)',
		]);
		expect(sections.at(-1)).toBe(
			[
				'SASL mechanisms (11)',
				'  PLAIN          User name and password in one base64 line; use only over TLS',
				'  LOGIN          Username and password prompts in two 334 rounds; TLS only',
				'  CRAM-MD5       Challenge-response with HMAC-MD5; dated, use is discouraged',
				'  XOAUTH2        Google and Microsoft OAuth 2.0 bearer-token login',
				'  OAUTHBEARER    Standard OAuth 2.0 bearer-token login (RFC 7628)',
				'  SCRAM-SHA-1    Salted challenge-response with mutual proof, using SHA-1',
				'  SCRAM-SHA-256  SCRAM with SHA-256; the modern choice for password login',
				'  EXTERNAL       Log in with an identity set up outside SASL, e.g. a TLS cert',
				'  GSSAPI         Kerberos V5 single sign-on through GSS-API',
				'  NTLM           Microsoft NTLM challenge-response, mainly for Exchange',
				'  DIGEST-MD5     HTTP-digest-style MD5 challenge-response; obsolete',
			].join('\n'),
		);
		expect(sections[1]!.split('\n')[1]).toBe('  211  System status or system help reply');
	});
});

describe('wrapText', () => {
	it('wraps on word boundaries with indents', () => {
		expect(wrapText('one two three four five', 10)).toBe('one two\nthree four\nfive');
		expect(wrapText('one two three', 9, {firstIndent: '- ', indent: '  '})).toBe('- one two\n  three');
		expect(wrapText('a\n\nb', 10)).toBe('a\n\nb');
		expect(wrapText('short averyveryverylongword end', 8)).toBe('short\naveryveryverylongword\nend');
	});
});
