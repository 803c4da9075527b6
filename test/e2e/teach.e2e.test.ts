import {execFile} from 'node:child_process';
import {promisify} from 'node:util';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {type DemoServer, startDemoServer} from '../../source/demo/server.js';
import {tempDir} from '../helpers/command-io.js';
import {cli, ensureBuilt} from '../helpers/terminal.js';

/**
The user paths of #14 on the built bundle: the catalog's topics, Portuguese chosen by the
locale or --lang, and a session exported as Python that really delivers the message.
*/
const run = promisify(execFile);
const dir = tempDir();
let demo: DemoServer;

/** Runs dist/cli.js with a clean locale, plus `env`. */
async function smtpExplorer(args: string[], env: Record<string, string> = {}) {
	try {
		const {stdout, stderr} = await run(process.execPath, [cli, ...args], {env: {PATH: process.env.PATH ?? '', LANG: 'C.UTF-8', ...env}, timeout: 30_000});
		return {code: 0, stdout, stderr};
	} catch (error) {
		const failed = error as {code: number; stdout: string; stderr: string};
		return {code: failed.code, stdout: failed.stdout, stderr: failed.stderr};
	}
}

beforeAll(async () => {
	ensureBuilt();
	demo = await startDemoServer();
});

afterAll(async () => {
	await demo.close();
	dir.remove();
});

describe('the bundle teaches', () => {
	it('catalog 587 and catalog "why rejected" put a topic first; explain shows its page', async () => {
		expect((await smtpExplorer(['catalog', '587'])).stdout.split('\n')[0]).toBe('ports (topic)');
		expect((await smtpExplorer(['catalog', 'why', 'rejected'])).stdout.split('\n')[0]).toMatch(/^(policy-rejections|reading-bounces) \(topic\)$/);
		const page = await smtpExplorer(['explain', 'ports']);
		expect(page.code).toBe(0);
		expect(page.stdout.split('\n')[0]).toBe('Ports 25, 587 and 465: which one to use');
	});

	it('catalog --json has 26 commands and 45 reply codes; explain 453 is right', async () => {
		const parsed = JSON.parse((await smtpExplorer(['catalog', '--json'])).stdout) as {commands: unknown[]; replyCodes: unknown[]; topics: unknown[]};
		expect(parsed.commands).toHaveLength(26);
		expect(parsed.replyCodes).toHaveLength(45);
		expect(parsed.topics).toHaveLength(14);
		expect((await smtpExplorer(['explain', '453'])).stdout.split('\n').slice(0, 2)).toEqual(['453: transient failure', '  453: ODMR: you have no mail waiting']);
	});

	it('speaks Portuguese with LANG=pt_BR.UTF-8 (help included), and English with --lang en', async () => {
		const help = await smtpExplorer(['catalog', '--help'], {LANG: 'pt_BR.UTF-8'});
		expect(help.stdout).toMatch(/^ {2}Uso\n/);
		expect(help.stdout).toContain('Pesquisa o catálogo de referência');
		expect((await smtpExplorer(['explain', '--help'], {LC_ALL: 'pt_BR.UTF-8'})).stdout).toContain('Explica uma resposta');
		expect((await smtpExplorer(['catalog', 'rcpt'], {LANG: 'pt_BR.UTF-8'})).stdout.split('\n').slice(0, 2)).toEqual(['RCPT (comando, mensagem)', '  Acrescenta um destinatário do envelope à transação aberta']);
		expect((await smtpExplorer(['catalog', 'rcpt', '--lang', 'en'], {LANG: 'pt_BR.UTF-8'})).stdout.split('\n')[0]).toBe('RCPT (command, message)');
		expect((await smtpExplorer(['catalog', 'rcpt', '--lang', 'pt'])).stdout.split('\n')[0]).toBe('RCPT (comando, mensagem)');
		const bad = await smtpExplorer(['explain', '550', '--lang', 'xx']);
		expect(bad).toMatchObject({code: 2, stdout: '', stderr: 'smtp-explorer explain: --lang takes pt or en, not "xx"\n'});
	});

	it('exports a session sent with the bundle as Python that python3 runs to deliver the same message', async () => {
		const caFile = dir.file('ca.pem', demo.caCert);
		const transcript = dir.file('session.jsonl');
		const sent = await smtpExplorer(['send', `${demo.host}:${demo.port}`, '--ca', caFile, '--user', 'demo', '--from', 'alice@example.com', '--to', 'bob@example.org', '--subject', 'Exported', '--body', 'Hello from the bundle\n', '--ehlo', 'client.example.com', '--transcript', transcript], {SMTP_EXPLORER_PASSWORD: 'demo-password'});
		expect(sent.code).toBe(0);
		const original = demo.messages.at(-1)!;

		const exported = await smtpExplorer(['export', transcript, '--as', 'python']);
		expect(exported.code).toBe(0);
		expect(exported.stdout).not.toContain('demo-password');
		const script = dir.file('send_email.py', exported.stdout);
		const result = await run('python3', [script], {env: {PATH: process.env.PATH ?? '', SMTP_USER: 'demo', SMTP_PASSWORD: 'demo-password', SMTP_CA_FILE: caFile}, timeout: 30_000});
		expect(result.stdout).toBe('sent\n');
		const again = demo.messages.at(-1)!;
		expect(again.id).toBe(original.id + 1);
		expect(again).toMatchObject({from: 'alice@example.com', recipients: ['bob@example.org'], subject: 'Exported', tls: true, authUser: 'demo'});
		expect(again.raw.equals(original.raw)).toBe(true);
	});
});
