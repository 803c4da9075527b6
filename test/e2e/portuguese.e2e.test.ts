/**
The explorer in Portuguese, on the built binary in a real terminal (tmux): with
LANG=pt_BR.UTF-8 the first screen, the help (F1), a step of the walk (Ctrl+N) and the
validator's verdict are in Portuguese, and so are the session's own transcript notes
("conectando a ..."), `send --help`, `probe --help`, `run --help` and run's errors. Then
Ctrl+X exports the session as Python into one file: the export finds the connection by the
note's language-free event, not by its (now Portuguese) text. English words that the
tables replaced must not show.
*/
import {execFile, spawnSync} from 'node:child_process';
import {promisify} from 'node:util';
import {createServer} from 'node:net';
import {existsSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {startDemoServer} from '../../source/demo/server.js';
import {cli, hasTmux} from '../helpers/terminal.js';
import {useTerminals} from '../helpers/use-terminals.js';

const e2e = useTerminals();

const composerHolds = (line: string) => (screen: string) => screen.split('\n').some(row => row.trimEnd() === `> ${line}`);

describe.runIf(hasTmux)('the explorer in Portuguese', () => {
	it('shows the first screen, the help, a walk step and a validator error in Portuguese', {timeout: 90_000}, async () => {
		const folder = e2e.scratchDirectory('smtp-explorer-pt-');
		const term = e2e.start(`node ${cli} --demo --ehlo client.example.com; sleep 60`, {width: 120, height: 34, env: {LANG: 'pt_BR.UTF-8', XDG_STATE_HOME: folder}});

		// The first screen: header, demo notes, sidebar, composer hint and status bar.
		let screen = await term.waitFor('220 demo.smtp-explorer.test ESMTP', 'the banner');
		screen = await term.waitFor('digite um comando', 'the composer hint');
		expect(screen.split('\n')[0]).toContain('F1 ajuda');
		expect(screen).toContain('servidor de demonstração');
		expect(screen).toMatch(/─ sessão ─/);
		expect(screen).toMatch(/servidor +127\.0\.0\.1/);
		expect(screen).toContain('^C sair');
		expect(screen).toContain('^P paleta');
		expect(screen).not.toContain('F1 help');
		expect(screen).not.toContain('type a command');
		// The session controller's own notes in the transcript.
		expect(screen).toMatch(/=== conectando a 127\.0\.0\.1:\d+/);
		expect(screen).toMatch(/=== conectado a 127\.0\.0\.1:\d+/);
		expect(screen).not.toContain('connecting to');
		expect(screen).not.toContain('connected to');

		// The help overlay: drawn from the keymap's descriptions, through the table.
		await term.keys('F1');
		screen = await term.waitFor('teclas · Esc fecha', 'the help');
		expect(screen).toContain('abre a paleta: busca comandos, códigos, extensões, mecanismos');
		expect(screen).toContain('esta ajuda');
		expect(screen).not.toContain('open the palette');
		await term.keys('Escape');
		await term.waitFor(current => !current.includes('teclas · Esc fecha'), 'the help to close');

		// A walk step: the title and the why of next-step.ts.
		await term.keys('C-n');
		screen = await term.waitFor(composerHolds('EHLO client.example.com'), 'Ctrl+N to suggest EHLO');
		expect(screen).toContain('próximo: EHLO');
		expect(screen).toContain('Cumprimente o servidor e descubra quais extensões ele oferece.');
		expect(screen).toContain('Espere: 250 com');
		// The composer's syntax line gives the catalog's summary in Portuguese.
		expect(screen).toContain('Cumprimenta o servidor e pergunta quais extensões ESMTP');
		expect(screen).not.toContain('Greet the server');
		await term.keys('Enter');
		await term.waitFor('250 SIZE 26214400', 'the EHLO reply');

		// A validator error: the path without its closing bracket.
		await term.type('MAIL FROM:<a@b');
		screen = await term.waitFor('Falta o ">" que fecha o caminho.', 'the validator in Portuguese');
		expect(screen).toContain('Termine o endereço com >.');
		expect(screen).not.toContain('has no closing');
	});

	it('exports the session as Python with Ctrl+X: one file, secrets referenced, not inlined', {timeout: 90_000}, async () => {
		const folder = e2e.scratchDirectory('smtp-explorer-pt-export-');
		const target = join(folder, 'enviar.py');
		const term = e2e.start(`node ${cli} --demo --ehlo client.example.com; sleep 60`, {width: 120, height: 34, env: {LANG: 'pt_BR.UTF-8', XDG_STATE_HOME: folder}});
		await term.waitFor('220 demo.smtp-explorer.test ESMTP', 'the banner');

		for (const [line, reply] of [
			['EHLO client.example.com', '250 SIZE'],
			['MAIL FROM:<alice@example.com>', /<- {2}250 .*\n(?:.*\n)*.*$/],
			['RCPT TO:<bob@example.org>', '250 2.1.5'],
		] as const) {
			await term.type(line);
			await term.keys('Enter');
			await term.waitFor(reply, `the reply to ${line}`);
		}

		// The message editor opens on 354: type the message; Ctrl+D sends it (the demo asks no confirmation).
		await term.type('DATA');
		await term.keys('Enter');
		await term.waitFor('Ctrl+D enviar', 'the message editor in Portuguese');
		await term.keys('C-u');
		await term.type('Subject: oi');
		await term.keys('Enter', 'Enter');
		await term.type('ola');
		await term.keys('C-d');
		await term.waitFor('mensagem aceita', 'the message accepted');

		await term.keys('C-x');
		let screen = await term.waitFor('Exportar a sessão', 'the export choices');
		expect(screen).toContain('um script Python com smtplib');
		await term.keys('Down', 'Down', 'Enter');
		screen = await term.waitFor('Exportar o código para', 'the file name question');
		await term.keys('C-u');
		await term.type(target);
		await term.keys('Enter');
		await term.waitFor('código python exportado', 'the export note');

		expect(existsSync(target)).toBe(true);
		const code = readFileSync(target, 'utf8');
		expect(code).toContain('import smtplib');
		expect(code).toContain('alice@example.com');
		expect(code).not.toContain('demo-password');
	});
});

describe('send --help in Portuguese (built binary)', () => {
	it('follows LANG, and --lang en overrides it', () => {
		const run = (...args: string[]) => spawnSync(process.execPath, [cli, 'send', ...args], {encoding: 'utf8', env: {...process.env, LANG: 'pt_BR.UTF-8', LC_ALL: '', LC_MESSAGES: ''}});
		const pt = run('--help');
		expect(pt.status).toBe(0);
		expect(pt.stdout).toContain('Envia uma mensagem numa transação completa');
		expect(pt.stdout).toContain('Códigos de saída');
		expect(pt.stdout).toContain('Conexão');
		expect(pt.stdout).not.toContain('Sends one message');
		const en = run('--help', '--lang', 'en');
		expect(en.stdout).toContain('Sends one message in one whole transaction');
	});
});

/** A loopback port nothing listens on: one the system gave, then closed again. */
async function closedPort(): Promise<number> {
	const server = createServer();
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	const {port} = server.address() as {port: number};
	await new Promise<void>(resolve => server.close(() => resolve()));
	return port;
}

describe('probe, run and the top-level --help in Portuguese (built binary)', () => {
	const run = (args: string[], lang = 'pt_BR.UTF-8') => spawnSync(process.execPath, [cli, ...args], {encoding: 'utf8', env: {...process.env, LANG: lang, LC_ALL: '', LC_MESSAGES: ''}});

	it('gives probe --help, run --help and smtp-explorer --help in Portuguese, and English with --lang en', () => {
		const probe = run(['probe', '--help']);
		expect(probe.status).toBe(0);
		expect(probe.stdout).toContain('Conecta, lê o banner, envia EHLO');
		expect(probe.stdout).toContain('Códigos de saída');
		expect(probe.stdout).not.toContain('Connects, reads the banner');
		const script = run(['run', '--help']);
		expect(script.status).toBe(0);
		expect(script.stdout).toContain('Reproduz um script de sessão e confere cada resposta.');
		expect(script.stdout).toContain('Formato do script, um item por linha');
		expect(script.stdout).not.toContain('Replays a session script');
		const top = run(['--help']);
		expect(top.stdout).toContain('Um explorador de sessões SMTP ao vivo');
		expect(top.stdout).toContain('reproduz um script de sessão com verificações EXPECT');
		expect(run(['run', '--help', '--lang', 'en']).stdout).toContain('Replays a session script and checks each reply.');
		expect(run(['probe', '--help'], 'en_US.UTF-8').stdout).toContain('Connects, reads the banner');
	});

	it("says run's errors and the session's notes in Portuguese, nothing sent", async () => {
		expect(run(['run'])).toMatchObject({status: 2, stderr: 'smtp-explorer run: nenhum script informado; veja --help\n'});
		expect(run(['probe', 'a.example', 'b.example'])).toMatchObject({status: 2, stderr: 'smtp-explorer probe: um servidor por vez; "b.example" não era esperado\n'});

		const folder = e2e.scratchDirectory('smtp-explorer-pt-run-');
		const port = await closedPort();
		const script = join(folder, 'check.smtp');
		writeFileSync(script, `CONNECT 127.0.0.1:${port}\nEXPECT 220\nQUIT\n`);
		const refused = run(['run', script, '--transcript', join(folder, 'check.jsonl')]);
		expect(refused.status).toBe(3);
		expect(refused.stderr).toContain('Transcrição até aqui:');
		expect(refused.stderr).toContain(`=== conectando a 127.0.0.1:${port}`);
		expect(refused.stderr).toContain(`*** não foi possível conectar a 127.0.0.1:${port}`);
		expect(refused.stderr).not.toContain('connecting to');
		// The saved transcript keeps the note's text in Portuguese and its meaning in a language-free event.
		const first = JSON.parse(readFileSync(join(folder, 'check.jsonl'), 'utf8').split('\n')[0]!) as Record<string, unknown>;
		expect(first).toMatchObject({dir: 'info', text: `conectando a 127.0.0.1:${port}`, event: {type: 'connecting', target: `127.0.0.1:${port}`, implicitTls: false}});
	});
});

describe('probe --format text in Portuguese (built binary)', () => {
	// Asynchronous: the demo server answers from this process while the built probe runs.
	const probe = async (args: string[], lang: string) => {
		const done = await promisify(execFile)(process.execPath, [cli, 'probe', ...args], {encoding: 'utf8', env: {...process.env, LANG: lang, LC_ALL: '', LC_MESSAGES: ''}});
		return done.stdout;
	};

	it('reports the demo server in Portuguese under LANG=pt_BR.UTF-8, and its JSON stays English', async () => {
		const demo = await startDemoServer();
		e2e.afterThis(() => demo.close());
		const folder = e2e.scratchDirectory('smtp-explorer-pt-probe-');
		const ca = join(folder, 'demo-ca.pem');
		writeFileSync(ca, demo.caCert);
		const target = [`${demo.host}:${demo.port}`, '--ca', ca, '--ehlo', 'probe.example.com'];

		const text = await probe([...target, '--format', 'text'], 'pt_BR.UTF-8');
		expect(text).toMatch(/^Sondagem de 127\.0\.0\.1:\d+\n/);
		expect(text).toContain('\n  STARTTLS     upgrade feito\n');
		expect(text).toMatch(/\n {2}TLS {10}TLSv1\.3, \S+; certificado verificado\n/);
		expect(text).toMatch(/\n {2}validade {5}de \d{4}-\d\d-\d\d a \d{4}-\d\d-\d\d \(faltam \d+ dias\)\n/);
		expect(text).toContain('\nExtensões antes do TLS\n');
		expect(text).toMatch(/SIZE 26214400 +mensagens de até 25 MB/);
		expect(text).toContain('  O que o TLS mudou: ganhou AUTH PLAIN LOGIN CRAM-MD5');
		expect(text).toContain('\nTempos\n  conexão e banner ');
		expect(text).toMatch(/\nResultado: ok\n$/);
		expect(text).not.toMatch(/Probe of|Extensions|Timings|days left|Result:/);

		const english = await probe([...target, '--format', 'text'], 'en_US.UTF-8');
		expect(english).toMatch(/^Probe of 127\.0\.0\.1:\d+\n/);
		expect(english).toContain('  TLS changed: gained AUTH PLAIN LOGIN CRAM-MD5');

		const json = JSON.parse(await probe(target, 'pt_BR.UTF-8')) as {starttls: string; timings: Array<{step: string}>};
		expect(json.starttls).toBe('upgraded');
		expect(json.timings.map(timing => timing.step)).toEqual(['connect and banner', 'EHLO', 'STARTTLS and handshake', 'EHLO', 'QUIT']);
	});
});
