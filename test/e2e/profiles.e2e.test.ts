/**
`smtp-explorer @demo` as a user runs it: the built binary in tmux, a profile file in a
temporary XDG_CONFIG_HOME, and the demo server in its own process on a port the system
picked (`demo-server --port 0`, the port read from what it prints).
*/
import {type ChildProcess, spawn} from 'node:child_process';
import {mkdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {tempDir} from '../helpers/command-io.js';
import {cli, hasTmux, type Terminal} from '../helpers/terminal.js';
import {useTerminals} from '../helpers/use-terminals.js';

const dir = tempDir();
const e2e = useTerminals();
let demo: ChildProcess | undefined;
let port = 0;

beforeAll(async () => {
	demo = spawn(process.execPath, [cli, 'demo-server', '--port', '0', '--ca-out', join(dir.path, 'demo-ca.pem')], {stdio: ['ignore', 'pipe', 'inherit']});
	let output = '';
	port = await new Promise<number>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`the demo server did not say its port:\n${output}`)), 15_000);
		demo!.stdout!.on('data', (chunk: Buffer) => {
			output += chunk.toString('utf8');
			const match = /demo SMTP server listening on 127\.0\.0\.1:(\d+)\n/.exec(output);
			if (match) {
				clearTimeout(timer);
				resolve(Number(match[1]));
			}
		});
	});
});

afterAll(() => {
	demo?.kill('SIGTERM');
	dir.remove();
});

/** A config home with one profile, [profiles.demo], pointing at the demo server. */
function profileHome(name: string, extra: string): string {
	const home = join(dir.path, name);
	mkdirSync(join(home, 'smtp-explorer'), {recursive: true});
	// The CA path is relative: it is taken from the config file's folder.
	writeFileSync(join(home, 'smtp-explorer', 'config.toml'), `[profiles.demo]\nhost = "127.0.0.1"\nport = ${port}\nca = "../../demo-ca.pem"\n${extra}`, {mode: 0o600});
	return home;
}

function open(command: string, home: string, env: Record<string, string> = {}): Terminal {
	return e2e.start(command, {width: 110, height: 32, env: {XDG_CONFIG_HOME: home, XDG_STATE_HOME: join(dir.path, 'state'), ...env}});
}

describe.runIf(hasTmux)('smtp-explorer @NAME in a real terminal', () => {
	it('reaches the banner of the profile\'s server, upgrades with STARTTLS as the profile says, and authenticates with its password command', {timeout: 60_000}, async () => {
		const home = profileHome('full', `tls = "starttls"\nehlo = "profile.example"\nuser = "demo"\npassword_command = ["${process.execPath}", "-e", "console.log('demo-password')"]\n`);
		const term = open(`node ${cli} @demo; sleep 60`, home);
		await term.waitFor('220 demo.smtp-explorer.test ESMTP', 'the banner');
		await term.waitFor(/~> EHLO profile\.example/, 'EHLO again inside TLS, with the profile\'s name');
		expect(term.screen()).toContain('certificate verified for 127.0.0.1');
		expect(term.screen().split('\n')[0]).toMatch(new RegExp(`127\\.0\\.0\\.1:${port}.*TLSv1\\.3`));

		await term.type('AUTH PLAIN');
		await term.keys('Enter');
		await term.waitFor('235 2.7.0 Authentication successful', 'AUTH with the password from the command');
		expect(term.screen()).not.toMatch(/demo-password|ZGVtby1wYXNzd29yZA/);
	});

	it('a flag on the command line wins over the profile', {timeout: 60_000}, async () => {
		// The profile says STARTTLS; --no-starttls keeps the explorer in plaintext after the banner.
		const home = profileHome('override', 'tls = "starttls"\n');
		const term = open(`node ${cli} @demo --no-starttls; sleep 60`, home);
		await term.waitFor('220 demo.smtp-explorer.test ESMTP', 'the banner');
		expect(term.screen().split('\n')[0]).toMatch(/PLAINTEXT/);
		// Nothing was sent on its own: the composer waits for the user's EHLO.
		expect(term.screen()).not.toMatch(/-> EHLO/);
	});
});
