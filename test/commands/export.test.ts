import {execFile} from 'node:child_process';
import {promisify} from 'node:util';
import {beforeAll, describe, expect, it} from 'vitest';
import {main as exportMain} from '../../source/commands/export.js';
import {main as sendMain} from '../../source/commands/send.js';
import type {DemoMessage, DemoServer} from '../../source/demo/server.js';
import {fakeIo, useCommandServers} from '../helpers/command-io.js';

/**
The exported code, run for real against the demo server: it must deliver the message the
recorded session delivered, byte for byte, with the secrets taken from the environment.
*/
const run = promisify(execFile);
const servers = useCommandServers();
const {dir} = servers;
let demo: DemoServer;
let caFile: string;
const password = 'demo-password';

async function exportAs(file: string, form: string, env: NodeJS.ProcessEnv = {}) {
	const io = fakeIo({env});
	const code = await exportMain([file, '--as', form], io.io);
	return {code, stdout: io.stdout, stderr: io.stderr};
}

/** Records a session with `send --transcript`, and returns the transcript and what the demo server received. */
/** The exported code delivered one more message, the same as the recorded one, over TLS as the demo user. */
function expectDeliveredAgain(before: number, received: DemoMessage): void {
	expect(demo.messages).toHaveLength(before + 1);
	const again = demo.messages.at(-1)!;
	expect(again).toMatchObject({from: received.from, recipients: received.recipients, subject: received.subject, tls: true, authUser: 'demo'});
	expect(again.raw.equals(received.raw)).toBe(true);
}

async function recordSession(name: string, extra: string[] = []): Promise<{file: string; received: DemoMessage}> {
	const file = dir.file(`${name}.jsonl`);
	const io = fakeIo({env: {SMTP_EXPLORER_PASSWORD: password}});
	const body = 'Olá, Bob!\n.a line that starts with a dot\n..and one with two\nend\n';
	const code = await sendMain([`${demo.host}:${demo.port}`, '--ca', caFile, '--user', 'demo', '--from', 'Alice <alice@example.com>', '--to', 'bob@example.org', '--to', 'carol@example.net', '--subject', 'Relatório de teste', '--body', body, '--ehlo', 'client.example.com', '--transcript', file, ...extra], io.io);
	expect(io.stderr).toBe('');
	expect(code).toBe(0);
	return {file, received: demo.messages.at(-1)!};
}

const childEnv = () => ({PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', SMTP_USER: 'demo', SMTP_PASSWORD: password, SMTP_CA_FILE: caFile});

async function hasProgram(name: string): Promise<boolean> {
	try {
		await run('sh', ['-c', `command -v ${name}`]);
		return true;
	} catch {
		return false;
	}
}

beforeAll(() => {
	({demo, caFile} = servers);
});

describe('export --as python', () => {
	it('writes a smtplib script that, run with python3, delivers the same message: envelope, headers and body', async () => {
		const {file, received} = await recordSession('python');
		const {code, stdout, stderr} = await exportAs(file, 'python');
		expect(stderr).toBe('');
		expect(code).toBe(0);
		// Like the reference page's send_email_smtp: EHLO, STARTTLS, EHLO, login, sendmail.
		expect(stdout).toMatch(/smtp\.ehlo\(\)\n\s+smtp\.starttls\(context=context\)\n\s+smtp\.ehlo\(\)\n(\s+#.*\n)?\s+smtp\.login\(os\.environ\['SMTP_USER'\], os\.environ\['SMTP_PASSWORD'\]\)\n\s+return smtp\.sendmail\(/);
		expect(stdout).not.toContain(password);

		const script = dir.file('send_email.py', stdout);
		const before = demo.messages.length;
		const result = await run('python3', [script], {env: childEnv(), timeout: 30_000});
		expect(result.stdout).toBe('sent\n');
		expectDeliveredAgain(before, received);
	});

	it('the script fails, sending nothing, when the password is not in the environment', async () => {
		const {file} = await recordSession('python-nopass');
		const script = dir.file('send_email_nopass.py', (await exportAs(file, 'python')).stdout);
		const before = demo.messages.length;
		const {SMTP_PASSWORD: _, ...env} = childEnv();
		await expect(run('python3', [script], {env, timeout: 30_000})).rejects.toMatchObject({stderr: expect.stringContaining("KeyError: 'SMTP_PASSWORD'")});
		expect(demo.messages).toHaveLength(before);
	});
});

describe('export --as swaks', () => {
	it('writes a swaks command that delivers the same message (where swaks is installed)', async ({skip}) => {
		if (!(await hasProgram('swaks'))) {
			skip('swaks is not installed (apt-get install swaks); the swaks line was not run');
			return;
		}

		const {file, received} = await recordSession('swaks');
		const {code, stdout} = await exportAs(file, 'swaks');
		expect(code).toBe(0);
		expect(stdout).not.toContain(password);
		const before = demo.messages.length;
		await run('sh', ['-c', stdout], {env: childEnv(), timeout: 30_000});
		expectDeliveredAgain(before, received);
	});
});

describe('export --as curl', () => {
	it('writes a curl command that delivers the same message', async ({skip}) => {
		if (!(await hasProgram('curl'))) {
			skip('curl is not installed; the curl line was not run');
			return;
		}

		const {file, received} = await recordSession('curl');
		const {code, stdout} = await exportAs(file, 'curl');
		expect(code).toBe(0);
		expect(stdout).toContain('--ssl-reqd');
		expect(stdout).not.toContain(password);
		const before = demo.messages.length;
		await run('sh', ['-c', stdout], {env: childEnv(), timeout: 30_000});
		expectDeliveredAgain(before, received);
	});
});

describe('export --as node and script', () => {
	it('writes a nodemailer script that is valid JavaScript, with the same envelope and message', async () => {
		const {file} = await recordSession('node');
		const {code, stdout} = await exportAs(file, 'node');
		expect(code).toBe(0);
		expect(stdout).toContain("import nodemailer from 'nodemailer';");
		expect(stdout).toContain("envelope: {from: \"alice@example.com\", to: [\"bob@example.org\", \"carol@example.net\"]}");
		expect(stdout).toContain('requireTLS: true,');
		expect(stdout).toContain('auth: {user: process.env.SMTP_USER, pass: process.env.SMTP_PASSWORD');
		expect(stdout).toContain('\t".a line that starts with a dot",');
		expect(stdout).not.toContain(password);
		const script = dir.file('send.mjs', stdout);
		await run(process.execPath, ['--check', script]);
	});

	it('writes a run script with the replies to expect, and no secret', async () => {
		const {file} = await recordSession('script');
		const {code, stdout} = await exportAs(file, 'script');
		expect(code).toBe(0);
		expect(stdout).toMatch(/^CONNECT 127\.0\.0\.1:\d+\nEXPECT 220\nEHLO client\.example\.com\nEXPECT 250\nSTARTTLS\nEXPECT 220\n/m);
		expect(stdout).toContain('# AUTH line redacted: add it by hand');
		expect(stdout).not.toContain(password);
	});
});

describe('export: bad input says why and writes nothing', () => {
	it('needs a file and a form', async () => {
		expect(await exportAs('x.jsonl', 'perl')).toEqual({code: 2, stdout: '', stderr: 'smtp-explorer export: --as takes python, node, swaks, curl or script, not "perl"\n'});
		const none = fakeIo();
		expect(await exportMain(['--as', 'python'], none.io)).toBe(2);
		expect(none.stderr).toMatch(/give the transcript file to export/);
		const noForm = fakeIo();
		expect(await exportMain(['x.jsonl'], noForm.io)).toBe(2);
		expect(noForm.stderr).toMatch(/--as python\|node\|swaks\|curl\|script/);
	});

	it('reports an unreadable file, a text transcript and broken lines', async () => {
		expect(await exportAs(dir.file('missing.jsonl'), 'python')).toMatchObject({code: 1, stdout: '', stderr: expect.stringMatching(/cannot read .*missing\.jsonl: ENOENT/)});
		expect(await exportAs(dir.file('text.txt', '=== connecting to a:25\n'), 'python')).toMatchObject({code: 1, stdout: '', stderr: expect.stringMatching(/only JSON lines transcripts/)});
		expect(await exportAs(dir.file('broken.jsonl', '{"dir":"info","time":"2026-01-01T00:00:00Z","text":"x"}\nnot json\n'), 'python')).toMatchObject({code: 1, stdout: '', stderr: 'smtp-explorer export: 1 line of the transcript could not be read (the first is line 2); is it a JSON lines transcript?\n'});
	});

	it('says there is nothing to export when no message was sent to the end', async () => {
		const lines = [
			{dir: 'info', text: 'connecting to 127.0.0.1:25'},
			{dir: 'send', text: 'EHLO client.example.com'},
			{dir: 'send', text: 'QUIT'},
		].map((line, index) => JSON.stringify({id: index + 1, time: '2026-01-01T00:00:00Z', tls: false, ...line}));
		const file = dir.file('empty.jsonl', `${lines.join('\n')}\n`);
		expect(await exportAs(file, 'python')).toEqual({code: 1, stdout: '', stderr: 'smtp-explorer export: nothing to export: the transcript has no message sent with DATA through to its final dot\n'});
	});

	it('speaks Portuguese with --lang pt or LANG=pt_BR.UTF-8, --help included', async () => {
		const io = fakeIo({env: {LANG: 'pt_BR.UTF-8'}});
		expect(await exportMain(['x.jsonl', '--as', 'perl'], io.io)).toBe(2);
		expect(io.stderr).toBe('smtp-explorer export: --as aceita python, node, swaks, curl ou script, não "perl"\n');
		const help = fakeIo();
		expect(await exportMain(['--help', '--lang', 'pt'], help.io)).toBe(0);
		expect(help.stdout).toMatch(/^ {2}Uso\n {4}\$ smtp-explorer export ARQUIVO\.jsonl --as python\|node\|swaks\|curl\|script/);
		const bad = fakeIo();
		expect(await exportMain(['--lang', 'fr'], bad.io)).toBe(2);
		expect(bad.stderr).toBe('smtp-explorer export: --lang takes pt or en, not "fr"\n');
	});
});
