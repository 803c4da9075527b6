import {spawn} from 'node:child_process';
import {chmodSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {beforeAll, describe, expect, it} from 'vitest';
import {runPasswordCommand} from '../../source/commands/profiles.js';
import {useCommandServers} from '../helpers/command-io.js';
import {startMicrosocks} from '../helpers/interop/microsocks.js';
import {missingPackages} from '../helpers/interop/packages.js';
import {cli, ensureBuilt} from '../helpers/terminal.js';

/** Profiles as users meet them: the built binary, a profile file in a temporary XDG folder. */

const servers = useCommandServers();

beforeAll(() => {
	ensureBuilt();
});

let configs = 0;

/** A fresh XDG_CONFIG_HOME with this profile file in it (mode 0600 unless told). */
function configHome(text: string | undefined, mode = 0o600): {home: string; file: string} {
	const home = join(servers.dir.path, `xdg-${configs++}`);
	const file = join(home, 'smtp-explorer', 'config.toml');
	mkdirSync(join(home, 'smtp-explorer'), {recursive: true});
	if (text !== undefined) {
		writeFileSync(file, text);
		chmodSync(file, mode);
	}

	return {home, file};
}

type Ran = {code: number | null; stdout: string; stderr: string};

/** Runs the built CLI in its own process (async: the demo server in this process must keep answering). */
async function run(args: string[], env: NodeJS.ProcessEnv): Promise<Ran> {
	const {SMTP_EXPLORER_PASSWORD: _password, XDG_CONFIG_HOME: _xdg, ...inherited} = process.env;
	const child = spawn(process.execPath, [cli, ...args], {env: {...inherited, NO_COLOR: '1', ...env}, stdio: ['ignore', 'pipe', 'pipe']});
	let stdout = '';
	let stderr = '';
	child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
	child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
	const code = await new Promise<number | null>(resolve => child.on('close', resolve));
	return {code, stdout, stderr};
}

const message = ['--from', 'a@example.com', '--to', 'b@example.org', '--subject', 'profile test', '--body', 'hello'];

function demoProfile(extra = ''): string {
	return `[profiles.demo]\nhost = "127.0.0.1"\nport = ${servers.demo.port}\nca = "${servers.caFile}"\ntls = "starttls"\nehlo = "profile.example"\n${extra}`;
}

describe('smtp-explorer profiles', () => {
	it('a missing file is no profiles, not an error', async () => {
		const {home, file} = configHome(undefined);
		const listed = await run(['profiles'], {XDG_CONFIG_HOME: home});
		expect(listed).toEqual({code: 0, stdout: `No profiles: ${file} does not exist. See smtp-explorer profiles --help to write one.\n`, stderr: ''});
		const used = await run(['probe', '@work'], {XDG_CONFIG_HOME: home});
		expect(used.code).toBe(2);
		expect(used.stderr).toBe(`smtp-explorer: no profile "work": ${file} (no such file) defines none (see smtp-explorer profiles --help)\n`);
	});

	it('lists each profile with the file it comes from; --names prints only the names', async () => {
		const {home, file} = configHome(`${demoProfile('user = "demo"\npassword_env = "DEMO_PASSWORD"\n')}\n[profiles.lab]\nmx = "example.org"\nport = 2525\n`);
		const listed = await run(['profiles'], {XDG_CONFIG_HOME: home});
		expect(listed.code).toBe(0);
		expect(listed.stdout).toBe(`Profiles in ${file}:\n  @demo  127.0.0.1:${servers.demo.port}, starttls, user demo, password from $DEMO_PASSWORD, ehlo profile.example\n  @lab   mx:example.org:2525\n`);
		expect((await run(['profiles', '--names'], {XDG_CONFIG_HOME: home})).stdout).toBe('demo\nlab\n');
	});

	it('without XDG_CONFIG_HOME the file is ~/.config/smtp-explorer/config.toml', async () => {
		const {home} = configHome('[profiles.only]\nhost = "a.example"\n');
		const listed = await run(['profiles'], {HOME: home, XDG_CONFIG_HOME: ''});
		expect(listed.stdout).toBe(`No profiles: ${join(home, '.config', 'smtp-explorer', 'config.toml')} does not exist. See smtp-explorer profiles --help to write one.\n`);
	});

	it('probe, send and run take @NAME where HOST goes', async () => {
		const {home} = configHome(demoProfile('user = "demo"\npassword_env = "DEMO_PASSWORD"\n'));
		const env = {XDG_CONFIG_HOME: home, DEMO_PASSWORD: 'demo-password'};
		const probe = await run(['probe', '@demo'], env);
		expect(probe.code).toBe(0);
		expect(JSON.parse(probe.stdout)).toMatchObject({target: `127.0.0.1:${servers.demo.port}`, starttls: 'upgraded', tls: {verified: true}});

		const send = await run(['send', '@demo', ...message, '-v'], env);
		expect(send.stderr).toMatch(/~> EHLO profile\.example/);
		expect(send.stderr).toMatch(/<~ {2}235 /);
		expect(send.code).toBe(0);

		const script = servers.dir.file('check.smtp', 'EHLO script.example\nEXPECT 250\nSTARTTLS\nEXPECT 220\nQUIT\n');
		const replay = await run(['run', script, '@demo'], env);
		expect(replay.stderr).toBe('');
		expect(replay.code).toBe(0);
	});

	it('flags on the command line win over the profile', async () => {
		const {home} = configHome(demoProfile());
		const send = await run(['send', '@demo', '--ehlo', 'cli.example', ...message, '-v'], {XDG_CONFIG_HOME: home});
		expect(send.code).toBe(0);
		expect(send.stderr).toMatch(/ -> EHLO cli\.example/);
		expect(send.stderr).not.toMatch(/profile\.example/);

		// The profile says STARTTLS; --no-starttls on the command line keeps the session plain.
		const probe = await run(['probe', '@demo', '--no-starttls'], {XDG_CONFIG_HOME: home});
		expect(probe.code).toBe(0);
		expect(JSON.parse(probe.stdout)).toMatchObject({starttls: 'not tried', tls: null});
	});

	it('a password command gives the password to AUTH, and its output shows nowhere', async () => {
		const secret = 'demo-password';
		const command = JSON.stringify([process.execPath, '-e', `process.stdout.write(${JSON.stringify(`${secret}\n`)})`]);
		const {home} = configHome(demoProfile(`user = "demo"\npassword_command = ${command}\n`));
		const transcript = join(servers.dir.path, 'password-command.jsonl');
		const send = await run(['send', '@demo', ...message, '-v', '--transcript', transcript], {XDG_CONFIG_HOME: home});
		expect(send.code).toBe(0);
		expect(send.stderr).toMatch(/235 2\.7\.0 Authentication successful/);
		const base64 = Buffer.from(`\0demo\0${secret}`).toString('base64');
		for (const text of [send.stdout, send.stderr, readFileSync(transcript, 'utf8')]) {
			expect(text).not.toContain(secret);
			expect(text).not.toContain(base64);
		}
	});

	it('a failing password command stops before anything is sent', async () => {
		const fake = await servers.fake();
		const {home} = configHome(`[profiles.broken]\nhost = "127.0.0.1"\nport = ${fake.port}\nuser = "demo"\npassword_command = ["${process.execPath}", "-e", "process.stdout.write('leaked'); process.exit(3)"]\n`);
		const send = await run(['send', '@broken', ...message], {XDG_CONFIG_HOME: home});
		expect(send.code).toBe(2);
		expect(send.stderr).toMatch(/^smtp-explorer: profile @broken: password_command .* failed \(exit code 3\); its output is not shown\n$/);
		expect(send.stderr).not.toContain('leaked');
		expect(fake.connections).toBe(0);

		const missing = configHome(`[profiles.missing]\nhost = "127.0.0.1"\nport = ${fake.port}\nuser = "demo"\npassword_command = ["/nonexistent/pass-helper"]\n`);
		const notFound = await run(['send', '@missing', ...message], {XDG_CONFIG_HOME: missing.home});
		expect(notFound.stderr).toBe('smtp-explorer: profile @missing: password_command: could not run /nonexistent/pass-helper: ENOENT\n');
		expect(fake.connections).toBe(0);
	});

	it('the password command is not run when the command does not authenticate, or the environment has a password', async () => {
		const marker = join(servers.dir.path, 'password-command-ran');
		const {home} = configHome(demoProfile(`user = "demo"\npassword_command = ["${process.execPath}", "-e", "require('fs').writeFileSync('${marker}', 'x'); console.log('demo-password')"]\n`));
		expect((await run(['probe', '@demo'], {XDG_CONFIG_HOME: home})).code).toBe(0);
		expect((await run(['send', '@demo', ...message], {XDG_CONFIG_HOME: home, SMTP_EXPLORER_PASSWORD: 'demo-password'})).code).toBe(0);
		expect(() => readFileSync(marker)).toThrow(/ENOENT/);
	});

	it('a password command that hangs is stopped after its timeout', () => {
		const started = Date.now();
		expect(runPasswordCommand([process.execPath, '-e', 'setTimeout(() => {}, 10000)'], process.env, 300)).toEqual({ok: false, error: `password_command ${process.execPath} did not finish within 0.3s and was stopped`});
		expect(Date.now() - started).toBeLessThan(5000);
	});

	it('warns when others can read a file that names a password command', async () => {
		const text = '[profiles.work]\nhost = "a.example"\nuser = "alice"\npassword_command = ["pass", "show", "work"]\n';
		const open = configHome(text, 0o644);
		const listed = await run(['profiles'], {XDG_CONFIG_HOME: open.home});
		expect(listed.stderr).toBe(`smtp-explorer profiles: warning: ${open.file} names a password command and other users can read it (mode 0644); run: chmod 600 ${open.file}\n`);
		const writable = configHome(text, 0o666);
		expect((await run(['profiles'], {XDG_CONFIG_HOME: writable.home})).stderr).toMatch(/other users can change it \(mode 0666\)/);
		expect((await run(['profiles'], {XDG_CONFIG_HOME: configHome(text, 0o600).home})).stderr).toBe('');
		// Without a password command there is nothing to warn about.
		expect((await run(['profiles'], {XDG_CONFIG_HOME: configHome('[profiles.work]\nhost = "a.example"\n', 0o644).home})).stderr).toBe('');
	});

	it('bad input: each message, and nothing sent', async () => {
		const fake = await servers.fake();
		const cases: Array<[string, string, RegExp]> = [
			['syntax error', `[profiles.work]\nhost = "127.0.0.1"\nport = ${fake.port}\ntls = starttls\n`, /^smtp-explorer: .*config\.toml:4:7: syntax error: .*\(line 4, column 7\)\n$/],
			['unknown key', `[profiles.work]\nhost = "127.0.0.1"\nport = ${fake.port}\nsevername = "mx.example"\n`, /^smtp-explorer: .*config\.toml: profile "work": unknown key "severname"; did you mean "servername"\? \(known keys: /],
			['password in clear', `[profiles.work]\nhost = "127.0.0.1"\nport = ${fake.port}\npassword = "x"\n`, /a password is never kept in the file in clear/],
			['unknown profile', `[profiles.wrok]\nhost = "127.0.0.1"\nport = ${fake.port}\n[profiles.lab]\nhost = "127.0.0.1"\n`, /^smtp-explorer: no profile "work" in .*config\.toml; did you mean @wrok\? \(known: @wrok, @lab\)\n$/],
		];
		for (const [what, text, expected] of cases) {
			const {home} = configHome(text);
			for (const args of [['probe', '@work'], ['@work']]) {
				const ran = await run(args, {XDG_CONFIG_HOME: home});
				expect(ran.stderr, what).toMatch(expected);
				expect(ran.code, what).toBe(2);
			}
		}

		expect(fake.connections).toBe(0);
	});

	it.skipIf(missingPackages('microsocks').length > 0)('routes through the profile\'s SOCKS5 proxy, signing in with its proxy password command', async () => {
		const proxy = await startMicrosocks({user: 'relay', password: 'proxy-secret'});
		try {
			const command = JSON.stringify([process.execPath, '-e', "console.log('proxy-secret')"]);
			const {home} = configHome(demoProfile(`proxy = "${proxy.url('relay')}"\nproxy_password_command = ${command}\n`));
			const transcript = join(servers.dir.path, 'proxy.txt');
			const probe = await run(['probe', '@demo', '--transcript', transcript], {XDG_CONFIG_HOME: home});
			expect(probe.stderr).toBe('');
			expect(probe.code).toBe(0);
			expect(readFileSync(transcript, 'utf8')).toContain(`through the proxy socks5://relay@127.0.0.1:${proxy.port}`);
			expect(readFileSync(transcript, 'utf8')).not.toContain('proxy-secret');

			// Without a password source, no terminal to ask on: refused before connecting.
			const bare = configHome(demoProfile(`proxy = "${proxy.url('relay')}"\n`));
			const refused = await run(['probe', '@demo', '--format', 'text'], {XDG_CONFIG_HOME: bare.home});
			expect(refused.stderr).toMatch(/the proxy user needs a password/);
			expect(refused.code).not.toBe(0);
		} finally {
			await proxy.stop();
		}
	});

	it('a certificate file the profile names and the command uses must be readable, said with the profile\'s key', async () => {
		const fake = await servers.fake();
		const {home, file} = configHome(`[profiles.work]\nhost = "127.0.0.1"\nport = ${fake.port}\nca = "missing-ca.pem"\n`);
		const probe = await run(['probe', '@work'], {XDG_CONFIG_HOME: home});
		expect(probe.stderr).toBe(`smtp-explorer: profile @work: ca = "${join(file, '..', 'missing-ca.pem')}" cannot be read: ENOENT\n`);
		expect(probe.code).toBe(2);
		expect(fake.connections).toBe(0);
	});
});
