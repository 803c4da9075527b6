import {beforeAll, describe, expect, it} from 'vitest';
import {loadCatalogLanguage} from '../../source/catalog/localize.js';
import {describeExtension, main} from '../../source/commands/probe.js';
import type {DemoServer} from '../../source/demo/server.js';
import {fakeIo, useCommandServers} from '../helpers/command-io.js';

/**
probe --format text speaks the reader's language (--lang, else LC_ALL, LC_MESSAGES, LANG),
while English stays byte for byte what it was and the JSON stays English whatever the locale.
*/

const servers = useCommandServers();
const {fake} = servers;
let demo: DemoServer;
let caFile: string;
beforeAll(async () => {
	({demo, caFile} = servers);
	await loadCatalogLanguage('pt');
});

async function probe(argv: string[], env: NodeJS.ProcessEnv = {}) {
	const run = fakeIo({env});
	const code = await main([...argv, '--ehlo', 'probe.example.com'], run.io);
	return {code, stdout: run.stdout, stderr: run.stderr};
}

/** Timings differ from run to run: their milliseconds become N. */
const steady = (text: string) => text.replaceAll(/^( {2}.{24}) [ \d]{6} ms$/gm, '$1      N ms').replaceAll(/"ms":\d+/g, '"ms":N');

const ehlo = '250-fake.test\r\n250-SIZE 35882577\r\n250-8BITMIME\r\n250-XYZZY\r\n250-WIBBLE\r\n250 AUTH PLAIN LOGIN\r\n';

describe('probe --format text in English', () => {
	it('is the report it always was, byte for byte', async () => {
		const server = await fake({replies: {EHLO: ehlo}});
		const {code, stdout, stderr} = await probe([`127.0.0.1:${server.port}`, '--format', 'text']);
		expect(stderr).toBe('');
		expect(code).toBe(0);
		expect(steady(stdout)).toBe([
			`Probe of 127.0.0.1:${server.port}`,
			'  banner       220 fake.test ESMTP ready',
			'  STARTTLS     not offered',
			'',
			'Extensions before TLS',
			'  SIZE 35882577     messages up to 34.2 MB',
			'  8BITMIME          The server takes 8-bit MIME content',
			'  XYZZY             a local extension (X-)',
			'  WIBBLE            not in the catalog',
			'  AUTH PLAIN LOGIN  sign in with PLAIN, LOGIN',
			'',
			'Timings',
			'  connect and banner            N ms',
			'  EHLO                          N ms',
			'  QUIT                          N ms',
			'',
			'Result: ok',
			'',
		].join('\n'));
	});

	it('says why it failed, in the words JSON keeps', async () => {
		const server = await fake({replies: {EHLO: '502 5.5.1 no EHLO here\r\n', HELO: '502 5.5.1 no HELO either\r\n'}});
		const {code, stdout} = await probe([`127.0.0.1:${server.port}`, '--format', 'text']);
		expect(code).toBe(6);
		expect(stdout).toContain('  banner       220 fake.test ESMTP ready\n  STARTTLS     not offered\n');
		expect(stdout).toMatch(/\nFailed at ehlo: .*502 5\.5\.1 no HELO either\n$/);
	});
});

describe('probe --format text in Portuguese', () => {
	it('reports the demo server in Portuguese under LANG=pt_BR.UTF-8: labels, STARTTLS, TLS, certificate, extensions, timings', async () => {
		const {code, stdout, stderr} = await probe([`${demo.host}:${demo.port}`, '--ca', caFile, '--format', 'text'], {LANG: 'pt_BR.UTF-8'});
		expect(stderr).toBe('');
		expect(code).toBe(0);
		expect(stdout).toMatch(/^Sondagem de 127\.0\.0\.1:\d+\n/);
		expect(stdout).toMatch(/\n {2}banner {7}220 /);
		expect(stdout).toContain('\n  STARTTLS     upgrade feito\n');
		expect(stdout).toMatch(/\n {2}TLS {10}TLSv1\.3, [\w-]+; certificado verificado\n/);
		expect(stdout).toMatch(/\n {2}certificado  localhost \(nomes: .*\); emissor smtp-explorer demo CA\n/);
		expect(stdout).toMatch(/\n {2}validade {5}de \d{4}-\d\d-\d\d a \d{4}-\d\d-\d\d \(faltam \d+ dias\)\n/);
		expect(stdout).toContain('\nExtensões antes do TLS\n');
		expect(stdout).toContain('\nExtensões depois do TLS\n');
		expect(stdout).toMatch(/SIZE 26214400 +mensagens de até 25 MB/);
		expect(stdout).toMatch(/AUTH PLAIN LOGIN CRAM-MD5 +autenticação com PLAIN, LOGIN, CRAM-MD5/);
		// The catalog's summary, in its Portuguese text.
		expect(stdout).not.toContain('Several commands may be sent without waiting for replies');
		expect(stdout).toMatch(/PIPELINING {2,}\S/);
		expect(stdout).toContain('  O que o TLS mudou: ganhou AUTH PLAIN LOGIN CRAM-MD5');
		expect(stdout).toContain('\nTempos\n  conexão e banner ');
		expect(stdout).toContain('\n  STARTTLS e handshake ');
		expect(stdout).toMatch(/\nResultado: ok\n$/);
		for (const english of ['Probe of', 'Extensions', 'Timings', 'TLS changed', 'certificate verified', 'days left', 'Result:', 'sign in with', 'messages up to']) {
			expect(stdout).not.toContain(english);
		}
	});

	it('--lang pt wins over an English locale, and --lang en over a Portuguese one', async () => {
		const server = await fake({replies: {EHLO: ehlo}});
		const pt = await probe([`127.0.0.1:${server.port}`, '--format', 'text', '--lang', 'pt'], {LANG: 'en_US.UTF-8'});
		expect(pt.code).toBe(0);
		expect(steady(pt.stdout)).toBe([
			`Sondagem de 127.0.0.1:${server.port}`,
			'  banner       220 fake.test ESMTP ready',
			'  STARTTLS     não oferecido',
			'',
			'Extensões antes do TLS',
			'  SIZE 35882577     mensagens de até 34,2 MB',
			'  8BITMIME          O servidor aceita conteúdo MIME de 8 bits',
			'  XYZZY             uma extensão local (X-)',
			'  WIBBLE            fora do catálogo',
			'  AUTH PLAIN LOGIN  autenticação com PLAIN, LOGIN',
			'',
			'Tempos',
			'  conexão e banner              N ms',
			'  EHLO                          N ms',
			'  QUIT                          N ms',
			'',
			'Resultado: ok',
			'',
		].join('\n'));
		const en = await probe([`127.0.0.1:${server.port}`, '--format', 'text', '--lang', 'en'], {LANG: 'pt_BR.UTF-8'});
		expect(en.stdout).toMatch(/^Probe of /);
		expect(en.stdout).toContain('  STARTTLS     not offered\n');
	});

	it('names a certificate that is not verified, and a failure, in Portuguese', async () => {
		const server = await fake({replies: {EHLO: '502 5.5.1 no EHLO here\r\n', HELO: '502 5.5.1 no HELO either\r\n'}});
		const {code, stdout} = await probe([`127.0.0.1:${server.port}`, '--format', 'text', '--lang', 'pt']);
		expect(code).toBe(6);
		expect(stdout).toContain('  STARTTLS     não oferecido\n');
		expect(stdout).toMatch(/\nFalhou em EHLO: /);
	});
});

describe('probe JSON under a Portuguese locale', () => {
	it('is the same document, in English, as without one', async () => {
		const server = await fake({replies: {EHLO: ehlo}});
		const english = await probe([`127.0.0.1:${server.port}`]);
		const portuguese = await probe([`127.0.0.1:${server.port}`], {LANG: 'pt_BR.UTF-8'});
		expect(portuguese.code).toBe(english.code);
		expect(steady(portuguese.stdout)).toBe(steady(english.stdout));
		expect(portuguese.stdout).toContain('"starttls":"not offered"');
		expect(portuguese.stdout).toContain('"step":"connect and banner"');
	});

	it('keeps a failure\'s JSON in English too', async () => {
		const server = await fake({greeting: ['421 4.3.2 too busy, try later\r\n', {close: 'fin'}]});
		const english = await probe([`127.0.0.1:${server.port}`]);
		const again = await fake({greeting: ['421 4.3.2 too busy, try later\r\n', {close: 'fin'}]});
		const portuguese = await probe([`127.0.0.1:${again.port}`], {LC_ALL: 'pt_BR.UTF-8'});
		expect(portuguese.code).toBe(5);
		expect(steady(portuguese.stdout).replaceAll(String(again.port), 'PORT')).toBe(steady(english.stdout).replaceAll(String(server.port), 'PORT'));
		expect(portuguese.stdout).toContain('"message":"the server refused service in its banner: 421 4.3.2 too busy, try later"');
	});
});

describe('describeExtension in Portuguese', () => {
	it('decodes SIZE and AUTH and takes the rest from the Portuguese catalog', () => {
		expect(describeExtension({keyword: 'SIZE', params: ['35882577']}, 'pt')).toBe('mensagens de até 34,2 MB');
		expect(describeExtension({keyword: 'SIZE', params: ['0']}, 'pt')).toBe('sem limite fixo de tamanho de mensagem');
		expect(describeExtension({keyword: 'SIZE', params: ['lots']}, 'pt')).toBe('o limite de tamanho "lots" não é um número');
		expect(describeExtension({keyword: 'AUTH', params: []}, 'pt')).toBe('oferece autenticação, mas não lista nenhum mecanismo');
		expect(describeExtension({keyword: 'XYZZY', params: []}, 'pt')).toBe('uma extensão local (X-)');
		expect(describeExtension({keyword: 'WIBBLE', params: []}, 'pt')).toBe('fora do catálogo');
	});
});
