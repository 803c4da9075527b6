import {spawn} from 'node:child_process';
import {chmodSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {build} from 'esbuild';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {type TranscriptFormat, parseTranscript} from '../../source/protocol/transcript-format.js';
import type {TranscriptEntry} from '../../source/protocol/transcript.js';
import {cramMd5Response, loginResponses, plainResponse, xoauth2Response} from '../../source/protocol/sasl.js';
import {authenticate} from '../../source/session/authenticate.js';
import type {SessionController} from '../../source/session/controller.js';
import {describeFileError, saveTranscript, TranscriptAppender} from '../../source/session/transcript-file.js';
import {tempDir} from '../helpers/command-io.js';
import type {FakeServerOptions} from '../helpers/fake-smtp-server.js';
import {eventually, useFakeSessions} from '../helpers/session.js';

const dir = tempDir();
afterAll(() => dir.remove());

const {session} = useFakeSessions();

const mode = (path: string) => statSync(path).mode & 0o777;

/** A session with server text that must be escaped, a note, a redacted line, and a body. */
async function recordedSession(): Promise<SessionController> {
	const {controller} = await session({
		greeting: '220 fake.test \u001B[2J\u202Eevil ``` fence\r\n',
		replies: {NOOP: {write: Buffer.from('250 bytes \xFF\xFE ok\r\n', 'latin1')}},
	});
	await controller.connect();
	await controller.command('EHLO client.example.com');
	await controller.command('AUTH PLAIN AGFsaWNlAHNlY3JldA==');
	await controller.command('NOOP');
	await controller.command('MAIL FROM:<a@example.com>');
	await controller.command('RCPT TO:<b@example.org>');
	await controller.command('DATA');
	await controller.sendData('Subject: hi\r\n\r\n.dot\r\n');
	await controller.quit();
	await eventually(() => controller.sessionState.phase === 'closed', 'the connection to close');
	return controller;
}

/** What a text or Markdown file can give back: the kind (warnings read back as errors), the text, TLS on wire lines, the note. */
function visible(entries: readonly TranscriptEntry[]) {
	return entries.map(entry => ({
		kind: entry.kind === 'warning' ? 'error' : entry.kind,
		text: entry.text,
		wireTls: entry.kind === 'sent' || entry.kind === 'received' ? entry.tls : undefined,
		note: entry.note,
	}));
}

describe('TranscriptAppender keeps the file private', () => {
	it('makes an existing 0644 file 0600 before writing to it, and keeps what it held', () => {
		const path = join(dir.path, 'shared.txt');
		writeFileSync(path, 'earlier session\n', {mode: 0o644});
		chmodSync(path, 0o644);
		const opened = TranscriptAppender.open(path);
		expect(opened.ok).toBe(true);
		if (!opened.ok) return;
		expect(mode(path)).toBe(0o600);
		opened.appender.write({id: 1, at: 0, kind: 'sent', tls: false, text: 'NOOP'});
		opened.appender.close();
		expect(readFileSync(path, 'utf8')).toBe('earlier session\n -> NOOP\n');
		expect(opened.appender.failed).toBe(false);
	});

	it('a failed write (/dev/full) is reported once and remembered', () => {
		const errors: string[] = [];
		const opened = TranscriptAppender.open('/dev/full', {onError: reason => errors.push(reason)});
		expect(opened.ok).toBe(true);
		if (!opened.ok) return;
		opened.appender.write({id: 1, at: 0, kind: 'sent', tls: false, text: 'NOOP'});
		opened.appender.write({id: 2, at: 0, kind: 'sent', tls: false, text: 'QUIT'});
		opened.appender.close();
		expect(opened.appender.failed).toBe(true);
		expect(errors).toEqual(['the disk is full (or over quota): "/dev/full" was not saved; the transcript file stops here, the session goes on']);
	});
});

describe('saveTranscript', () => {
	it.each(['text', 'jsonl', 'markdown'] as TranscriptFormat[])('round-trips the %s format: reading the file back gives the same lines', async format => {
		const controller = await recordedSession();
		const {entries} = controller.transcript;
		const path = join(dir.path, `round-trip.${format === 'text' ? 'txt' : format === 'jsonl' ? 'jsonl' : 'md'}`);
		const saved = await saveTranscript(path, entries);
		expect(saved).toEqual({ok: true, path, bytes: statSync(path).size});
		const content = readFileSync(path, 'utf8');
		// `cat` is safe: no escape, bidi or invalid byte reaches the file raw (F4).
		expect(content).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\uFFFD]/);
		const parsed = parseTranscript(content, entries[0]!.at);
		expect(parsed.errors).toEqual([]);
		if (format === 'jsonl') {
			expect(parsed.entries.map(({id, ...rest}) => rest)).toEqual(entries.map(({id, ...rest}) => rest));
		} else {
			expect(visible(parsed.entries)).toEqual(visible(entries));
		}
	});

	it('creates the file with mode 0600, and keeps it 0600 when overwriting', async () => {
		const path = join(dir.path, 'private.txt');
		expect((await saveTranscript(path, [])).ok).toBe(true);
		expect(mode(path)).toBe(0o600);
		chmodSync(path, 0o644);
		expect((await saveTranscript(path, [], {overwrite: true})).ok).toBe(true);
		expect(mode(path)).toBe(0o600);
	});

	it('never overwrites an existing file unless asked: the original survives, and the reason says how', async () => {
		const path = dir.file('existing.txt', 'original content\n');
		const controller = await recordedSession();
		const result = await saveTranscript(path, controller.transcript.entries);
		expect(result).toEqual({ok: false, reason: expect.stringContaining('already exists and was left as it is') as string, exists: true});
		if (!result.ok) expect(result.reason).toContain('overwriting');
		expect(readFileSync(path, 'utf8')).toBe('original content\n');
		expect((await saveTranscript(path, controller.transcript.entries, {overwrite: true})).ok).toBe(true);
		expect(readFileSync(path, 'utf8')).toContain('EHLO client.example.com');
	});

	it('refuses a symlink, with or without overwrite, and leaves its target alone (CWE-59)', async () => {
		const target = dir.file('link-target.txt', 'precious\n');
		const link = join(dir.path, 'link.txt');
		symlinkSync(target, link);
		for (const overwrite of [false, true]) {
			const result = await saveTranscript(link, [], {overwrite});
			expect(result).toEqual({ok: false, reason: expect.stringContaining('is a symbolic link') as string, exists: false});
		}

		expect(readFileSync(target, 'utf8')).toBe('precious\n');
		expect(lstatSync(link).isSymbolicLink()).toBe(true);
	});

	it('says when the directory does not exist, or the path is a directory, or a part of it is a file', async () => {
		const cases: Array<[string, string]> = [
			[join(dir.path, 'missing', 'x.txt'), `the directory "${join(dir.path, 'missing')}" does not exist`],
			[dir.path, 'is a directory'],
			[join(dir.file('plain-file', 'x'), 'x.txt'), 'is not a directory'],
		];
		for (const [path, reason] of cases) {
			for (const overwrite of [false, true]) {
				const result = await saveTranscript(path, [], {overwrite});
				expect(result, `${path} overwrite=${overwrite}`).toEqual({ok: false, reason: expect.stringContaining(reason) as string, exists: false});
			}
		}
	});

	it('keeps the transcript in memory whole after a failed save, and leaves no temporary file behind', async () => {
		const controller = await recordedSession();
		const before = structuredClone(controller.transcript.entries);
		const target = join(dir.path, 'cleanup');
		mkdirSync(target);
		const existing = join(target, 'taken.txt');
		writeFileSync(existing, 'x');
		expect((await saveTranscript(existing, controller.transcript.entries)).ok).toBe(false);
		expect((await saveTranscript(join(target, 'missing', 'x.txt'), controller.transcript.entries)).ok).toBe(false);
		expect(controller.transcript.entries).toEqual(before);
		expect(readdirSync(target)).toEqual(['taken.txt']);
	});

	it('puts the words for a full disk, a read-only file system and permission problems in the reason', () => {
		expect(describeFileError('/x/t.txt', {code: 'ENOSPC'} as NodeJS.ErrnoException)).toBe('the disk is full (or over quota): "/x/t.txt" was not saved');
		expect(describeFileError('/x/t.txt', {code: 'EROFS'} as NodeJS.ErrnoException)).toContain('read-only file system');
		expect(describeFileError('/x/t.txt', {code: 'EACCES'} as NodeJS.ErrnoException)).toContain('permission denied');
		expect(describeFileError('/x/\u001B]0;t.txt', {code: 'EACCES'} as NodeJS.ErrnoException)).not.toContain('\u001B');
	});
});

/**
The built modules, for child processes: the save as another user (root ignores directory
permissions), and the run command killed in the middle of a session.
*/
const bundleDir = tempDir();
beforeAll(async () => {
	await build({
		entryPoints: {'transcript-file': 'source/session/transcript-file.ts', run: 'source/commands/run.ts'},
		outdir: bundleDir.path,
		outExtension: {'.js': '.mjs'},
		bundle: true,
		format: 'esm',
		platform: 'node',
		target: 'node20',
		logLevel: 'error',
		// As scripts/bundle-options.mjs: write-file-atomic names its temporary file from __filename.
		banner: {js: "import {createRequire as __createRequire} from 'node:module'; import {fileURLToPath as __fileURLToPath} from 'node:url'; const require = __createRequire(import.meta.url); const __filename = __fileURLToPath(import.meta.url);"},
	});
	chmodSync(bundleDir.path, 0o755);
}, 60_000);
afterAll(() => bundleDir.remove());

/** Runs ES module code in a child node; resolves with its stdout once it exits. */
async function child(code: string, args: string[] = []): Promise<{stdout: string; stderr: string; status: number | null}> {
	const running = spawn(process.execPath, ['--input-type=module', '-e', code, '--', ...args], {stdio: ['ignore', 'pipe', 'pipe']});
	let stdout = '';
	let stderr = '';
	running.stdout.on('data', (chunk: Buffer) => {
		stdout += chunk.toString();
	});
	running.stderr.on('data', (chunk: Buffer) => {
		stderr += chunk.toString();
	});
	const status = await new Promise<number | null>(resolve => running.on('exit', resolve));
	return {stdout, stderr, status};
}

describe('saveTranscript without permission', () => {
	it('says "permission denied" for a directory the user may not write to', async () => {
		const locked = join(dir.path, 'locked');
		mkdirSync(locked, {mode: 0o755});
		chmodSync(dir.path, 0o755);
		chmodSync(locked, 0o555);
		const path = join(locked, 't.txt');
		const module = join(bundleDir.path, 'transcript-file.mjs');
		// Root ignores directory permissions, so the save runs as an unprivileged user.
		const asUser = process.getuid?.() === 0 ? 'process.setgid(65534); process.setuid(65534);' : '';
		const result = await child(`${asUser} const {saveTranscript} = await import(${JSON.stringify(module)}); console.log(JSON.stringify(await saveTranscript(${JSON.stringify(path)}, [])));`);
		expect(result.stderr).toBe('');
		expect(JSON.parse(result.stdout)).toEqual({ok: false, reason: `permission denied: cannot write "${path}" (check the permissions of the file and of its directory)`, exists: false});
		expect(readdirSync(locked)).toEqual([]);
	});
});

describe('TranscriptAppender', () => {
	const entry = (id: number, text: string, extra: Partial<TranscriptEntry> = {}): TranscriptEntry => ({id, at: 1_750_000_000_000 + id, kind: 'sent', tls: false, text, ...extra});

	it('has each line in the file as soon as write() returns, in the format the name asks for', () => {
		for (const [name, check] of [
			['live.txt', (content: string) => expect(content).toBe(' -> EHLO a.example\n -> NOOP\n')],
			['live.jsonl', (content: string) => expect(content.trimEnd().split('\n').map(line => (JSON.parse(line) as {text: string}).text)).toEqual(['EHLO a.example', 'NOOP'])],
		] as const) {
			const path = join(dir.path, name);
			const opened = TranscriptAppender.open(path);
			if (!opened.ok) throw new Error(opened.reason);
			opened.appender.write(entry(1, 'EHLO a.example'));
			expect(readFileSync(path, 'utf8')).not.toBe('');
			opened.appender.write(entry(2, 'NOOP'));
			check(readFileSync(path, 'utf8'));
			opened.appender.close();
			expect(mode(path)).toBe(0o600);
		}
	});

	it('writes Markdown as a section per session: header and fence at the start, the closing fence on close()', () => {
		const path = join(dir.path, 'live.md');
		for (const text of ['EHLO first.example', 'EHLO second.example']) {
			const opened = TranscriptAppender.open(path, {title: 'smtp-explorer run', clock: () => 0});
			if (!opened.ok) throw new Error(opened.reason);
			opened.appender.write(entry(1, text));
			expect(readFileSync(path, 'utf8')).toMatch(new RegExp(`${text}\\n$`));
			opened.appender.close();
		}

		const content = readFileSync(path, 'utf8');
		expect(content.match(/^# smtp-explorer run$/gm)).toHaveLength(2);
		expect(content).toContain('- started: 1970-01-01T00:00:00.000Z\n- secrets: redacted\n\n```text\n');
		expect(content.endsWith(' -> EHLO second.example\n```\n')).toBe(true);
		expect(parseTranscript(content).entries.map(parsed => parsed.text)).toEqual(['EHLO first.example', 'EHLO second.example']);
	});

	it('appends to an existing file, and refuses a symlink or a directory', () => {
		const path = dir.file('appended.txt', 'earlier session\n');
		const opened = TranscriptAppender.open(path);
		if (!opened.ok) throw new Error(opened.reason);
		opened.appender.write(entry(1, 'NOOP'));
		opened.appender.close();
		expect(readFileSync(path, 'utf8')).toBe('earlier session\n -> NOOP\n');

		const link = join(dir.path, 'appender-link.txt');
		symlinkSync(path, link);
		expect(TranscriptAppender.open(link)).toEqual({ok: false, reason: expect.stringContaining('is a symbolic link') as string});
		expect(TranscriptAppender.open(dir.path)).toEqual({ok: false, reason: expect.stringContaining('is a directory') as string});
		expect(TranscriptAppender.open(join(dir.path, 'nope', 'x.txt'))).toEqual({ok: false, reason: expect.stringContaining('does not exist') as string});
	});

	it('reports a failed write once (a full disk: /dev/full) and writes nothing more', () => {
		const errors: string[] = [];
		const opened = TranscriptAppender.open('/dev/full', {onError: reason => errors.push(reason)});
		if (!opened.ok) throw new Error(opened.reason);
		opened.appender.write(entry(1, 'NOOP'));
		opened.appender.write(entry(2, 'NOOP'));
		opened.appender.close();
		expect(errors).toEqual(['the disk is full (or over quota): "/dev/full" was not saved; the transcript file stops here, the session goes on']);
	});

	it.each(['jsonl', 'md'])('keeps every line written before the process is killed in the middle of a session (.%s)', async extension => {
		// The server takes the message, then never answers: the run waits for the reply to the final dot.
		const {server} = await session({replies: {'DATA-END': {silence: true}}});
		const script = dir.file(`killed-${extension}.smtp`, 'EHLO client.example.com\nMAIL FROM:<a@example.com>\nRCPT TO:<b@example.org>\nDATA\nSubject: kill test\n\nbody line\n.\nEXPECT 250\n');
		const path = join(dir.path, `killed.${extension}`);
		const module = join(bundleDir.path, 'run.mjs');
		const running = spawn(process.execPath, [
			'--input-type=module',
			'-e',
			`const {main} = await import(${JSON.stringify(module)}); await main(process.argv.slice(1), {stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env});`,
			'--',
			script,
			`127.0.0.1:${server.port}`,
			'--transcript',
			path,
		], {stdio: 'ignore'});
		const exited = new Promise(resolve => running.on('exit', (_code, signal) => resolve(signal)));
		await server.waitForLine('.');
		const expected = ['EHLO client.example.com', 'MAIL FROM:<a@example.com>', 'RCPT TO:<b@example.org>', 'DATA', 'Subject: kill test', '', 'body line', '.'];
		// The transcript line for the final dot is written before the dot goes out, so it is there now.
		running.kill('SIGKILL');
		expect(await exited).toBe('SIGKILL');
		const parsed = parseTranscript(readFileSync(path, 'utf8'));
		expect(parsed.errors).toEqual([]);
		expect(parsed.entries.filter(line => line.kind === 'sent').map(line => line.text)).toEqual(expected);
		expect(parsed.entries.filter(line => line.kind === 'received').map(line => line.code)).toEqual([220, 250, 250, 250, 250, 250, 250, 354]);
	});

	it('a process killed in the middle of a save over an existing file leaves the old file whole', async () => {
		const path = join(dir.path, 'kept.txt');
		const old = ' -> EHLO earlier.example\n<-  250 earlier session\n';
		writeFileSync(path, old, {mode: 0o600});
		const module = join(bundleDir.path, 'transcript-file.mjs');
		// Large enough that the write is still going when the temporary file is seen.
		const running = spawn(process.execPath, [
			'--input-type=module',
			'-e',
			`const {savePrivateFile} = await import(${JSON.stringify(module)}); await savePrivateFile(process.argv[1], ' -> NOOP\\n'.repeat(12_000_000), {overwrite: true});`,
			'--',
			path,
		], {stdio: 'ignore'});
		const exited = new Promise(resolve => running.on('exit', (_code, signal) => resolve(signal)));
		const temporary = () => readdirSync(dir.path).filter(name => name.startsWith('kept.txt.'));
		await eventually(() => temporary().length > 0, 'the save to start writing its temporary file', 20_000);
		running.kill('SIGKILL');
		expect(await exited).toBe('SIGKILL');
		// The name still holds the old content, whole; what was cut short is only the temporary file.
		expect(readFileSync(path, 'utf8')).toBe(old);
		expect(mode(path)).toBe(0o600);
		expect(temporary().length).toBe(1);
		expect(statSync(join(dir.path, temporary()[0]!)).size).toBeLessThan(' -> NOOP\n'.length * 12_000_000);
	});
});

describe('redaction in saved files', () => {
	const password = 'p4ss-w0rd!';
	const user = 'alice';
	const credentials = {user, password};
	const challenge = Buffer.from('<12345.6789@fake.test>').toString('base64');

	const cases: Array<{name: string; server: FakeServerOptions; run: (controller: SessionController) => Promise<unknown>; secrets: string[]}> = [
		{
			name: 'AUTH PLAIN with the initial response on the same line',
			server: {},
			run: async controller => authenticate(controller, {mechanism: 'PLAIN', credentials}),
			secrets: [plainResponse(credentials)],
		},
		{
			name: 'AUTH PLAIN with the response after 334',
			server: {},
			run: async controller => {
				await controller.command('AUTH PLAIN');
				return controller.command(plainResponse(credentials));
			},
			secrets: [plainResponse(credentials)],
		},
		{
			name: 'AUTH LOGIN',
			server: {sequences: {'AUTH-RESPONSE': ['334 UGFzc3dvcmQ6\r\n', '235 ok\r\n']}},
			run: async controller => authenticate(controller, {mechanism: 'LOGIN', credentials}),
			secrets: [loginResponses(credentials)[1]],
		},
		{
			name: 'AUTH CRAM-MD5',
			server: {replies: {AUTH: `334 ${challenge}\r\n`}},
			run: async controller => authenticate(controller, {mechanism: 'CRAM-MD5', credentials}),
			secrets: [cramMd5Response(challenge, credentials)!],
		},
		{
			name: 'AUTH XOAUTH2',
			server: {},
			run: async controller => authenticate(controller, {mechanism: 'XOAUTH2', user, token: password}),
			secrets: [xoauth2Response(user, password)],
		},
	];

	it.each(cases)('$name: no file holds the password or its base64, unless secrets are revealed', async ({server: options, run, secrets}) => {
		const {controller, server} = await session(options);
		await controller.connect();
		await controller.command('EHLO client.example.com');
		await run(controller);
		expect(controller.sessionState.auth).toBeDefined();
		// What went on the wire holds the secret; the transcript must not.
		for (const secret of secrets) expect(server.lines.some(line => line.includes(secret))).toBe(true);
		const forbidden = [password, Buffer.from(password).toString('base64'), ...secrets];
		const secretOf = (entry: TranscriptEntry) => controller.transcript.secretOf(entry);
		for (const name of ['t.txt', 't.jsonl', 't.md']) {
			const redacted = join(dir.path, `redacted-${Math.random()}-${name}`);
			expect((await saveTranscript(redacted, controller.transcript.entries, {secretOf})).ok).toBe(true);
			const content = readFileSync(redacted, 'utf8');
			for (const secret of forbidden) expect(content, name).not.toContain(secret);
			expect(content).toContain('<redacted>');

			const revealed = join(dir.path, `revealed-${Math.random()}-${name}`);
			expect((await saveTranscript(revealed, controller.transcript.entries, {secretOf, revealSecrets: true})).ok).toBe(true);
			const shown = readFileSync(revealed, 'utf8');
			for (const secret of secrets) {
				// JSON lines also carry the bytes in base64, so the text field is what is compared there.
				expect(name.endsWith('jsonl') ? shown.replaceAll(/"bytes":"[^"]*"/g, '') : shown, name).toContain(secret);
			}
		}
	});
});
