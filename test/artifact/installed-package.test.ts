/**
The artifact tier: what a user installs is what is tested. One `npm pack` of this checkout is
installed (offline) into a temporary prefix, and the installed `smtp-explorer` is run: its
--version and --help, every sub-command's main path against the installed
`smtp-explorer demo-server --port 0`, and the explorer in a real terminal (tmux), where
Ctrl+S saves in each format and Ctrl+X exports, each file then opened with `view`.
*/
import {readFileSync, statSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {hasTmux, root, startTerminal, type Terminal} from '../helpers/terminal.js';
import {type InstalledPackage, installPackage, type Running} from './installed-package.js';

const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {version: string}).version;
const subcommands = ['catalog', 'explain', 'demo-server', 'probe', 'send', 'run', 'view'];

let installed: InstalledPackage;
let demo: Running;
let demoPort: number;
let caFile: string;

beforeAll(async () => {
	installed = installPackage();
	caFile = join(installed.prefix, 'demo-ca.pem');
	demo = installed.start(['demo-server', '--port', '0', '--ca-out', caFile]);
	demoPort = Number((await demo.waitFor(/demo SMTP server listening on 127\.0\.0\.1:(\d+)\n/))[1]);
	await demo.waitFor(/demo CA certificate written to/);
}, 120_000);

afterAll(async () => {
	await demo?.stop();
	installed?.remove();
});

describe('the installed package', () => {
	it('holds only the bundle, package.json and the README, and declares no dependencies to install', () => {
		expect(installed.files).toContain('dist/cli.js');
		expect(installed.files).toContain('package.json');
		expect(installed.files.filter(file => !file.startsWith('dist/') && file !== 'package.json' && file !== 'README.md')).toEqual([]);
		const manifest = JSON.parse(readFileSync(join(installed.packageDir, 'package.json'), 'utf8')) as {dependencies?: Record<string, string>; bin: Record<string, string>};
		// The bundle carries every library it runs: a dependency here would be fetched at install for nothing.
		expect(manifest.dependencies ?? {}).toEqual({});
		expect(manifest.bin).toEqual({'smtp-explorer': 'dist/cli.js'});
	});

	it('--version prints the version of package.json', () => {
		const result = installed.run(['--version']);
		expect(result).toMatchObject({status: 0, stdout: `${version}\n`, stderr: ''});
	});

	it('--help lists every sub-command, and each sub-command answers --help with its usage', () => {
		const top = installed.run(['--help']);
		expect(top.status).toBe(0);
		for (const name of subcommands) expect(top.stdout).toMatch(new RegExp(`^ {4}${name} `, 'm'));
		for (const name of subcommands) {
			const result = installed.run([name, '--help']);
			expect(result.stderr, name).toBe('');
			expect(result.status, name).toBe(0);
			expect(result.stdout, name).toContain(`$ smtp-explorer ${name}`);
		}
	});

	it('probe reports the installed demo server as JSON: banner, STARTTLS verified against the demo CA, AUTH after TLS', () => {
		const result = installed.run(['probe', `127.0.0.1:${demoPort}`, '--ca', caFile, '--ehlo', 'artifact.example.com']);
		expect(result.stderr).toBe('');
		expect(result.status).toBe(0);
		const report = JSON.parse(result.stdout) as {banner: {code: number}; starttls: string; tls: {verified: boolean}; authMechanisms: string[]};
		expect(report).toMatchObject({banner: {code: 220}, starttls: 'upgraded', tls: {verified: true}, authMechanisms: ['PLAIN', 'LOGIN', 'CRAM-MD5']});
	});

	it('send delivers a message over STARTTLS with AUTH, and the demo server logs it', async () => {
		const result = installed.run(
			['send', `127.0.0.1:${demoPort}`, '--ca', caFile, '--ehlo', 'artifact.example.com', '--user', 'demo', '--from', 'demo@example.com', '--to', 'alice@example.org', '--subject', 'From the installed package'],
			{input: 'Sent by the artifact tier.\n', env: {SMTP_EXPLORER_PASSWORD: 'demo-password'}},
		);
		expect(result.stderr).toBe('');
		expect(result.status).toBe(0);
		expect(result.stdout).toMatch(/^sent: 250 /);
		await demo.waitFor(/From the installed package/);
	});

	it('run replays a script and checks its expectations', () => {
		const script = join(installed.prefix, 'check.smtp');
		writeFileSync(script, 'EXPECT 220\nEHLO artifact.example.com\nEXPECT 250\nNOOP\nEXPECT 2xx\nQUIT\nEXPECT 221\n');
		const result = installed.run(['run', script, `127.0.0.1:${demoPort}`]);
		expect(result.stderr).toBe('');
		expect(result.status).toBe(0);
		expect(result.stdout).toBe(`${script}: 3 commands sent, 4 expectations met\n`);
	});

	it('catalog and explain answer from the built-in reference', () => {
		const explain = installed.run(['explain', '550', '5.1.1']);
		expect(explain.status).toBe(0);
		expect(explain.stdout).toMatch(/^550 5\.1\.1: permanent failure\n/);
		const catalog = installed.run(['catalog', 'STARTTLS']);
		expect(catalog.status).toBe(0);
		expect(catalog.stdout).toContain('RFC 3207');
	});

	it('view names a file it cannot open, and asks for a terminal to show one it can', () => {
		expect(installed.run(['view', join(installed.prefix, 'missing.jsonl')])).toMatchObject({status: 1, stderr: expect.stringContaining('missing.jsonl') as unknown});
		const saved = join(installed.prefix, 'piped.txt');
		writeFileSync(saved, '<~  220 demo ready\n');
		expect(installed.run(['view', saved])).toMatchObject({status: 2, stderr: 'smtp-explorer view: needs a terminal\n'});
	});
});

describe.runIf(hasTmux)('the installed explorer in a real terminal', () => {
	const terminals: Terminal[] = [];
	afterEach(() => {
		for (const terminal of terminals.splice(0)) terminal.kill();
	});

	const open = (args: string) => {
		const terminal = startTerminal(`${installed.bin} ${args}; printf 'exit=%s\\n' "$?"; sleep 60`, {width: 110, height: 32, env: {XDG_STATE_HOME: join(installed.prefix, 'state')}});
		terminals.push(terminal);
		return terminal;
	};

	/** The explorer on the installed demo server, after EHLO, STARTTLS and EHLO again. */
	const exploreDemo = async () => {
		const term = open(`127.0.0.1:${demoPort} --ca ${caFile}`);
		await term.waitFor('220 demo.smtp-explorer.test ESMTP', 'the banner');
		await term.type('EHLO client.example.com');
		await term.keys('Enter');
		await term.waitFor('250 SIZE 26214400', 'the EHLO reply');
		await term.type('STARTTLS');
		await term.keys('Enter');
		await term.waitFor('certificate verified for 127.0.0.1', 'the TLS handshake');
		await term.type('NOOP');
		await term.keys('Enter');
		await term.waitFor(/<~ {2}250 /, 'the NOOP reply');
		return term;
	};

	/** Answers the prompt in front with `path`, replacing the suggested name. */
	const answer = async (term: Terminal, path: string) => {
		await term.keys('C-u');
		await term.type(path);
		await term.keys('Enter');
	};

	/** Opens a saved file with the installed `view` and waits for the session's lines. */
	const viewShows = async (path: string, ...lines: Array<string | RegExp>) => {
		const viewer = open(`view ${path}`);
		for (const line of lines) await viewer.waitFor(line, `${String(line)} in view of ${path}`);
		await viewer.keys('q');
		await viewer.waitFor(/^exit=0$/m, 'view to close');
	};

	const privateFile = (path: string) => {
		const stats = statSync(path);
		expect(stats.isFile()).toBe(true);
		expect(stats.mode & 0o777).toBe(0o600);
		return readFileSync(path, 'utf8');
	};

	it('Ctrl+S saves .txt, .jsonl and .md at mode 0600, and view opens each one', {timeout: 120_000}, async () => {
		const term = await exploreDemo();
		for (const extension of ['txt', 'jsonl', 'md']) {
			const path = join(installed.prefix, `session.${extension}`);
			await term.keys('C-s');
			await term.waitFor('Save the transcript to', 'the save prompt');
			await answer(term, path);
			await term.waitFor(`saved ${path}`, `the save of ${path}`);
			expect(term.screen()).not.toMatch(/could not write|is not defined/);
			const text = privateFile(path);
			expect(text).toContain('EHLO client.example.com');
			expect(text).toContain('certificate verified for 127.0.0.1');
			if (extension === 'jsonl') for (const line of text.trimEnd().split('\n')) expect(() => JSON.parse(line) as unknown).not.toThrow();
			if (extension === 'md') expect(text).toMatch(/^# /);
			await viewShows(path, 'EHLO client.example.com', '250 SIZE 26214400', 'certificate verified for 127.0.0.1', 'NOOP');
		}

		await term.keys('C-c');
		await term.waitFor(/^exit=0$/m, 'the explorer to exit');
	});

	it('Ctrl+X exports a script that the installed run replays, shows the equivalent swaks command, and quitting asks to save the transcript', {timeout: 120_000}, async () => {
		const term = await exploreDemo();
		const script = join(installed.prefix, 'session.smtp');
		await term.keys('C-x');
		await term.waitFor('a replayable script, for smtp-explorer run', 'the export choices');
		await term.keys('Enter');
		await term.waitFor('Export a script that smtp-explorer run replays', 'the export prompt');
		await answer(term, script);
		await term.waitFor(`saved ${script}`, 'the export');
		const text = privateFile(script);
		expect(text).toMatch(/^EHLO client\.example\.com$/m);
		expect(text).toMatch(/^STARTTLS$/m);
		expect(text).toMatch(new RegExp(`^CONNECT 127\\.0\\.0\\.1:${demoPort}$`, 'm'));
		// The exported script is replayed by the installed `run`: it names the server itself.
		const replay = installed.run(['run', script, '--ca', caFile]);
		expect(replay.stderr).toBe('');
		expect(replay.status).toBe(0);

		await term.keys('C-x');
		await term.waitFor('the equivalent swaks command line', 'the export choices');
		await term.keys('Down', 'Enter');
		await term.waitFor(/swaks .*--server 127\.0\.0\.1/, 'the swaks command');
		await term.keys('Escape');
		// An export is not a saved transcript: quitting asks, and Enter saves before it quits.
		await term.keys('C-c');
		await term.waitFor('The transcript is not saved', 'the question before quitting');
		const onQuit = join(installed.prefix, 'on-quit.jsonl');
		await answer(term, onQuit);
		await term.waitFor(/^exit=0$/m, 'the explorer to exit');
		expect(privateFile(onQuit)).toContain('NOOP');
	});
});
