import {beforeAll, describe, expect, it} from 'vitest';
import {loadCatalogLanguage} from '../../source/catalog/localize.js';
import {catalog, catalogCounts} from '../../source/catalog/index.js';
import {runCatalogCommand, wrapText} from '../../source/commands/catalog-command.js';

beforeAll(async () => {
	await loadCatalogLanguage('pt');
});

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
				'RCPT (command, message)',
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
			expect(Object.keys(parsed)).toEqual(['commands', 'replyCodes', 'enhancedCodes', 'extensions', 'mechanisms', 'topics']);
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
			'Commands (26)',
			'Reply codes (45)',
			'Enhanced status codes (84)',
			'EHLO extensions (48)',
			'SASL mechanisms (11)',
			'Topics (14)',
		]);
		expect(sections[4]).toBe(
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
		expect(sections.at(-1)!.split('\n').at(-1)).toBe('  Read a topic with: smtp-explorer explain NAME');
	});

	it('shows the category beside each command, as the reference page groups them', () => {
		const commandsSection = runCatalogCommand(undefined, {json: false}).output.split('\n\n')[0]!.split('\n');
		expect(commandsSection[1]).toBe('  EHLO      session  Greet the server and ask which ESMTP extensions it offers');
		for (const [verb, category] of [['HELO', 'session'], ['STARTTLS', 'session'], ['AUTH', 'auth'], ['MAIL', 'message'], ['RCPT', 'message'], ['DATA', 'message'], ['RSET', 'session'], ['VRFY', 'info'], ['EXPN', 'info'], ['HELP', 'info'], ['NOOP', 'session'], ['QUIT', 'session']]) {
			const line = commandsSection.find(row => row.startsWith(`  ${verb} `));
			// The category starts in the same column on every row.
			expect(line?.slice(12).split(/ +/)[0], verb).toBe(category);
		}
	});

	it('marks historic commands and names the document for commands no RFC defines', () => {
		expect(runCatalogCommand('turn', {json: false}).output.split('\n')[0]).toBe('TURN (command, session, historic)');
		const xclient = runCatalogCommand('xclient', {json: false}).output.split('\n\n')[0]!;
		expect(xclient).toContain('  Source:  Postfix XCLIENT_README');
		expect(xclient).not.toMatch(/RFC 5321/);
	});
});

describe('catalog completeness (catalog --json)', () => {
	it('has 26 commands and 45 reply codes, with the ones the first catalog lacked', () => {
		const parsed = JSON.parse(runCatalogCommand(undefined, {json: true}).output) as {commands: Array<{verb: string}>; replyCodes: Array<{code: number}>};
		expect(parsed.commands).toHaveLength(26);
		expect(parsed.replyCodes).toHaveLength(45);
		const verbs = parsed.commands.map(entry => entry.verb);
		for (const verb of ['BURL', 'ATRN', 'SEND', 'SOML', 'SAML', 'TURN', 'VERB', 'ONEX']) expect(verbs, verb).toContain(verb);
		const codes = parsed.replyCodes.map(entry => entry.code);
		for (const code of [453, 355, 422, 430, 523, 524, 525, 533]) expect(codes, String(code)).toContain(code);
	});
});

describe('topics through catalog', () => {
	for (const [query, topic] of [['587', 'ports'], ['smtps', undefined], ['faq', 'faq'], ['why rejected', undefined]] as const) {
		it(`catalog ${query} puts a topic first`, () => {
			const {output, exitCode} = runCatalogCommand(query, {json: false});
			expect(exitCode).toBe(0);
			const first = output.trimEnd().split('\n\n')[0]!;
			expect(first.split('\n')[0]).toMatch(topic ? new RegExp(`^${topic} \\(topic\\)$`) : / \(topic\)$/);
			expect(first).toMatch(/\n {2}RFC: {5}RFC \d+/);
			expect(first).toMatch(/\n {2}Read: {4}smtp-explorer explain \S+$/);
		});
	}
});

describe('catalog in Portuguese', () => {
	it('prints entries, labels and the index in Portuguese; protocol text stays as it is', () => {
		const {output} = runCatalogCommand('rcpt', {json: false, language: 'pt'});
		expect(output.split('\n\n')[0]).toBe(
			[
				'RCPT (comando, mensagem)',
				'  Acrescenta um destinatário do envelope à transação aberta',
				'  Sintaxe: RCPT TO:<forward-path> [SP rcpt-parameters]',
				'  Exemplo: RCPT TO:<bob@example.org>',
				'  RFC:     RFC 5321 4.1.1.3',
			].join('\n'),
		);
		const index = runCatalogCommand(undefined, {json: false, language: 'pt'}).output.split('\n\n');
		expect(index.map(section => section.split('\n')[0])).toEqual([
			'Comandos (26)',
			'Códigos de resposta (45)',
			'Códigos de status estendidos (84)',
			'Extensões EHLO (48)',
			'Mecanismos SASL (11)',
			'Tópicos (14)',
		]);
		expect(index[0]!.split('\n')[1]).toMatch(/^ {2}EHLO {6}sessão {8}Cumprimenta o servidor e pergunta quais extensões/);
		expect(index[0]!.split('\n').find(line => line.startsWith('  AUTH '))).toMatch(/^ {2}AUTH {6}autenticação {2}Faz login/);
	});

	it('counts matches with the Portuguese plural rules', () => {
		const {output} = runCatalogCommand('e', {json: false, language: 'pt'});
		expect(output.trimEnd().split('\n').at(-1)).toMatch(/^Mostrando 20 de \d+ resultados; acrescente palavras para refinar a busca\.$/);
		expect(runCatalogCommand('zzzzzz', {json: false, language: 'pt'}).output).toBe('Nenhuma entrada do catálogo corresponde a "zzzzzz".\n');
	});

	it('prints the whole catalog in Portuguese as JSON', () => {
		const parsed = JSON.parse(runCatalogCommand(undefined, {json: true, language: 'pt'}).output) as {commands: Array<{verb: string; summary: string; example: string}>};
		const mail = parsed.commands.find(entry => entry.verb === 'MAIL')!;
		expect(mail.summary).toBe('Abre uma transação e informa o remetente do envelope');
		expect(mail.example).toBe('MAIL FROM:<alice@example.com>');
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
