import {beforeAll, describe, expect, it} from 'vitest';
import {loadCatalogLanguage} from '../../source/catalog/localize.js';
import {explainUsage, runExplainCommand} from '../../source/commands/explain-command.js';

beforeAll(async () => {
	await loadCatalogLanguage('pt');
});

describe('runExplainCommand', () => {
	it('prints an unregistered code explained by its class', () => {
		expect(runExplainCommand(['299'], {json: false})).toEqual({
			output: [
				'299: success',
				'',
				'2xx: success. 299 itself is not a registered reply code, so only its digits say',
				'anything: the requested action was completed.',
				'',
				'See: RFC 5321 4.2.1',
				'',
			].join('\n'),
			exitCode: 0,
		});
	});

	it('prints an enhanced code with causes and advice', () => {
		expect(runExplainCommand(['5.1.1'], {json: false})).toEqual({
			output: [
				'5.1.1: permanent failure',
				'  5.1.1: Bad destination mailbox: the recipient does not exist',
				'',
				'The domain is fine, but the part before the @ matches no mailbox there: the',
				'classic "user unknown" bounce. It is meant as a permanent failure. A 4.1.1',
				'usually means the server could not check the mailbox at that moment.',
				'',
				'Likely causes:',
				'  - Bad destination mailbox: the recipient does not exist (5.1.1)',
				'',
				'What to try:',
				'  - Check the recipient address for typos',
				'  - Ask the recipient for a current address',
				'',
				'See: RFC 3463 3.2',
				'',
			].join('\n'),
			exitCode: 0,
		});
	});

	it('prints both codes, the reply first', () => {
		const {output, exitCode} = runExplainCommand(['550', '5.7.1'], {json: false});
		expect(exitCode).toBe(0);
		const lines = output.split('\n');
		expect(lines.slice(0, 3)).toEqual([
			'550 5.7.1: permanent failure',
			'  550: Action not taken: mailbox unavailable or rejected by policy',
			'  5.7.1: Delivery not authorized, message refused',
		]);
		expect(lines).toContain('Likely causes:');
		expect(lines).toContain('What to try:');
		expect(lines.at(-2)).toBe('See: RFC 5321 4.2.3, RFC 3463 3.8');
		expect(lines.at(-1)).toBe('');
		expect(lines.every(line => line.length <= 80)).toBe(true);
		expect(output.indexOf('Likely causes:')).toBeLessThan(output.indexOf('What to try:'));
	});

	it('accepts both codes as one argument', () => {
		expect(runExplainCommand(['550 5.7.1'], {json: false})).toEqual(runExplainCommand(['550', '5.7.1'], {json: false}));
	});

	it('wraps to the given width', () => {
		const {output} = runExplainCommand(['550', '5.7.1'], {json: false, width: 50});
		expect(output.split('\n').every(line => line.length <= 50)).toBe(true);
	});

	it('prints JSON', () => {
		const {output, exitCode} = runExplainCommand(['550', '5.7.1'], {json: true});
		expect(exitCode).toBe(0);
		const parsed = JSON.parse(output) as Record<string, unknown>;
		expect(parsed).toMatchObject({
			title: '550 5.7.1',
			code: 550,
			enhanced: '5.7.1',
			replyClass: 'permanent failure',
			reply: {kind: 'reply', code: 550},
			enhancedEntry: {kind: 'enhanced', code: 'X.7.1'},
			enhancedClass: {kind: 'enhanced', code: '5.X.X'},
			rfcs: [
				{rfc: 5321, section: '4.2.3'},
				{rfc: 3463, section: '3.8'},
			],
		});
		expect(parsed['causes']).toBeInstanceOf(Array);
		expect(parsed['tryNext']).toBeInstanceOf(Array);
	});

	it('exits with 2 and a usage line on bad arguments', () => {
		expect(runExplainCommand(['abc'], {json: false})).toEqual({
			output:
				'smtp-explorer explain: "abc" is neither a reply code (like 550) nor an enhanced status code (like 5.7.1) nor a topic (smtp, session-flow, ports, starttls-vs-implicit-tls, auth-needs-tls, by-hand, reading-bounces, greylisting, policy-rejections, vrfy-expn, pipelining-explained, eight-bit-and-utf8, delivery-notifications, faq)\n'
				+ `${explainUsage}\n`,
			exitCode: 2,
		});
		for (const args of [['5.7'], ['600'], [], ['550', '5.7.1', 'extra']]) {
			const result = runExplainCommand(args, {json: false});
			expect(result.exitCode, JSON.stringify(args)).toBe(2);
			expect(result.output).toMatch(/^smtp-explorer explain: .+\nUsage: smtp-explorer explain /);
		}

		expect(runExplainCommand(['5.7'], {json: true}).exitCode).toBe(2);
	});
});

describe('explain for the codes and topics added later', () => {
	it('explains 453 as the ODMR "no mail waiting" reply', () => {
		const {output, exitCode} = runExplainCommand(['453'], {json: false});
		expect(exitCode).toBe(0);
		expect(output.split('\n').slice(0, 2)).toEqual(['453: transient failure', '  453: ODMR: you have no mail waiting']);
		expect(output).toContain('ATRN');
		expect(output).not.toContain('not a registered reply code');
		expect(output.trimEnd().split('\n').at(-1)).toBe('See: RFC 2645');
	});

	it('shows a topic page: heading, text with examples kept as they are, RFCs and what to read next', () => {
		const {output, exitCode} = runExplainCommand(['by-hand'], {json: false, width: 60});
		expect(exitCode).toBe(0);
		const lines = output.split('\n');
		expect(lines[0]).toBe('A session by hand with telnet and openssl s_client');
		expect(lines[1]).toMatch(/^=+$/);
		expect(lines).toContain('  openssl s_client -starttls smtp -connect smtp.example.com:587 -crlf -quiet');
		expect(lines.find(line => line.startsWith('See: '))).toBe('See: RFC 5321 D, RFC 3207 4, RFC 4616 2');
		expect(runExplainCommand(['by-hand'], {json: false}).output).toContain('Related: session-flow (topic), STARTTLS (command), PLAIN (SASL mechanism)');
		// Paragraphs wrap; only the examples may be wider.
		for (const line of lines) if (!line.startsWith('  ') && line.length > 60) expect(line.trim()).not.toContain(' ');
	});

	it('finds a topic whatever its case, and prints it as JSON', () => {
		const parsed = JSON.parse(runExplainCommand(['PORTS'], {json: true}).output) as {kind: string; name: string; rfcs: unknown[]};
		expect(parsed).toMatchObject({kind: 'topic', name: 'ports'});
		expect(parsed.rfcs.length).toBeGreaterThan(0);
	});

	it('speaks Portuguese when asked: class names, labels, entries and the topic page', () => {
		const reply = runExplainCommand(['550', '5.7.1'], {json: false, language: 'pt'}).output.split('\n');
		expect(reply.slice(0, 3)).toEqual([
			'550 5.7.1: falha permanente',
			'  550: Ação não realizada: caixa indisponível ou recusa por política',
			'  5.7.1: Entrega não autorizada, mensagem recusada',
		]);
		expect(reply).toContain('Causas prováveis:');
		expect(reply).toContain('O que tentar:');
		expect(reply.at(-2)).toBe('Veja: RFC 5321 4.2.3, RFC 3463 3.8');
		expect(runExplainCommand(['299'], {json: false, language: 'pt'}).output).toContain('O próprio 299 não é um código registrado');
		const topic = runExplainCommand(['ports'], {json: false, language: 'pt'}).output;
		expect(topic.split('\n')[0]).toBe('Portas 25, 587 e 465: qual usar');
		expect(topic).toContain('Relacionados: ');
		const error = runExplainCommand(['abc'], {json: false, language: 'pt'});
		expect(error.exitCode).toBe(2);
		expect(error.output).toMatch(/^smtp-explorer explain: "abc" não é código de resposta .+\nUso: smtp-explorer explain /);
	});
});
