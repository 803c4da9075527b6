import {describe, expect, it} from 'vitest';
import {closest, expandProfile, findProfile, parseProfiles, type Profile, profileArgument, profileFlags, profileTarget} from '../../source/config/profiles.js';

const where = {file: '/home/u/.config/smtp-explorer/config.toml', directory: '/home/u/.config/smtp-explorer', home: '/home/u'};

function parsed(text: string): Profile[] {
	const result = parseProfiles(text, where);
	if (!result.ok) throw new Error(result.error);
	return result.profiles;
}

function failure(text: string): string {
	const result = parseProfiles(text, where);
	if (result.ok) throw new Error('expected an error');
	return result.error;
}

const explorerFlags = new Set(['starttls', 'tls', 'requireTls', 'submission', 'insecure', 'ca', 'servername', 'ehlo', 'transcript', 'cert', 'key', 'tlsMin', 'user', 'connectTimeout', 'greetingTimeout', 'commandTimeout', 'dataTimeout', 'dataBlockTimeout', 'dataEndTimeout', 'color', 'revealSecrets', 'data', 'demo']);
const connectionFlags = ['starttls', 'tls', 'requireTls', 'submission', 'insecure', 'ca', 'servername', 'ehlo', 'timeout', 'transcript'];
const probeFlags = new Set([...connectionFlags, 'format']);
const sendFlags = new Set([...connectionFlags, 'from', 'to', 'user', 'auth', 'verbose']);
const runFlags = new Set(connectionFlags);

describe('parseProfiles', () => {
	it('reads every kind of key, and takes relative and ~/ paths from the file and the home folder', () => {
		const [work, lab] = parsed(`
[profiles.work]
host = "smtp.example.com"
port = 587
tls = "starttls"
require_tls = true
ca = "certs/work-ca.pem"
cert = "~/client.pem"
key = "/etc/ssl/client.key"
servername = "mail.example.com"
tls_min = "TLSv1.3"
ehlo = "laptop.example.com"
user = "alice"
auth = "LOGIN"
password_command = ["pass", "show", "smtp/work"]
timeout = "30s"

[profiles.lab]
mx = "example.org"
password_env = "LAB_PASSWORD"
`);
		expect(work).toEqual({
			name: 'work',
			values: {
				host: 'smtp.example.com',
				port: 587,
				tls: 'starttls',
				require_tls: true,
				ca: '/home/u/.config/smtp-explorer/certs/work-ca.pem',
				cert: '/home/u/client.pem',
				key: '/etc/ssl/client.key',
				servername: 'mail.example.com',
				tls_min: 'TLSv1.3',
				ehlo: 'laptop.example.com',
				user: 'alice',
				auth: 'LOGIN',
				password_command: ['pass', 'show', 'smtp/work'],
				timeout: '30s',
			},
		});
		expect(lab).toEqual({name: 'lab', values: {mx: 'example.org', password_env: 'LAB_PASSWORD'}});
	});

	it('an empty file has no profiles', () => {
		expect(parsed('')).toEqual([]);
		expect(parsed('# only a comment\n')).toEqual([]);
	});

	it('a syntax error names the file, the line and the column', () => {
		expect(failure('[profiles.work]\nhost = "a.example"\nport = \n')).toMatch(/^\/home\/u\/\.config\/smtp-explorer\/config\.toml:3:8: syntax error: .*\(line 3, column 8\)$/);
		expect(failure('[profiles.work]\nhost = "unterminated\n')).toMatch(/config\.toml:2:\d+: syntax error/);
	});

	it('an unknown key names the key and the closest known one', () => {
		expect(failure('[profiles.work]\nhots = "a.example"\n')).toMatch(/profile "work": unknown key "hots"; did you mean "host"\?/);
		expect(failure('[profiles.work]\nrequire-tls = true\n')).toMatch(/unknown key "require-tls"; did you mean "require_tls"\?/);
		expect(failure('[profiles.work]\npasword_command = ["pass"]\n')).toMatch(/did you mean "password_command"\?/);
		// Nothing close: the key and the whole list, no guess.
		const far = failure('[profiles.work]\nfrobnicate = 1\n');
		expect(far).toMatch(/unknown key "frobnicate" \(known keys: host, mx, port/);
		expect(far).not.toMatch(/did you mean/);
	});

	it('refuses a password in clear, and says what to use instead', () => {
		expect(failure('[profiles.work]\nhost = "a.example"\npassword = "hunter2"\n')).toMatch(/a password is never kept in the file in clear; name a variable with password_env, or a command with password_command/);
		expect(failure('[profiles.work]\npassword = "hunter2"\n')).not.toMatch(/hunter2/);
	});

	it('checks each value against its key', () => {
		expect(failure('[profiles.w]\nport = 70000\n')).toMatch(/port must be a port number from 1 to 65535, not 70000/);
		expect(failure('[profiles.w]\nport = "587"\n')).toMatch(/port must be a port number/);
		expect(failure('[profiles.w]\ntls = "yes"\n')).toMatch(/tls must be one of "starttls", "implicit", "none", not "yes"/);
		expect(failure('[profiles.w]\ninsecure = "true"\n')).toMatch(/insecure must be true or false/);
		expect(failure('[profiles.w]\npassword_command = "pass show x"\n')).toMatch(/password_command must be an array of strings: the program, then its arguments \(it runs without a shell\)/);
		expect(failure('[profiles.w]\nehlo = "a\\u001b[2Jb"\n')).toMatch(/ehlo holds a control character, not "a\\u001b\[2Jb"/);
		expect(failure('[profiles.w]\nhost = "a.example"\nmx = "example.org"\n')).toMatch(/give host or mx, not both/);
		expect(failure('[profiles.w]\npassword_env = "A"\npassword_command = ["b"]\n')).toMatch(/give password_env or password_command, not both/);
	});

	it('wants profiles in [profiles.NAME] tables', () => {
		expect(failure('[work]\nhost = "a.example"\n')).toMatch(/unknown top-level key "work": profiles go in tables named \[profiles\.NAME\], e\.g\. \[profiles\.work\]/);
		expect(failure('[profiles]\nhost = "a.example"\n')).toMatch(/profile "host" must be a table: \[profiles\.host\]/);
		expect(failure('[profiles."my work"]\nhost = "a.example"\n')).toMatch(/a profile name takes letters, digits/);
	});
});

describe('findProfile', () => {
	const profiles = parsed('[profiles.work]\nhost = "a.example"\n[profiles.lab]\nhost = "b.example"\n');

	it('finds a profile by name', () => {
		expect(findProfile(profiles, 'lab', 'f.toml')).toEqual({ok: true, profile: profiles[1]});
	});

	it('an unknown profile lists the known ones and the likely typo', () => {
		expect(findProfile(profiles, 'wrok', 'f.toml')).toEqual({ok: false, error: 'no profile "wrok" in f.toml; did you mean @work? (known: @work, @lab)'});
		expect(findProfile(profiles, 'zzzzzz', 'f.toml')).toEqual({ok: false, error: 'no profile "zzzzzz" in f.toml (known: @work, @lab)'});
		expect(findProfile([], 'work', 'f.toml (no such file)')).toEqual({ok: false, error: 'no profile "work": f.toml (no such file) defines none (see smtp-explorer profiles --help)'});
	});
});

describe('profileTarget', () => {
	it('writes the server as a HOST[:PORT] argument', () => {
		expect(profileTarget({host: 'smtp.example.com'})).toBe('smtp.example.com');
		expect(profileTarget({host: 'smtp.example.com', port: 587})).toBe('smtp.example.com:587');
		expect(profileTarget({host: '::1', port: 2525})).toBe('[::1]:2525');
		expect(profileTarget({host: '[::1]'})).toBe('[::1]');
		expect(profileTarget({host: '/run/dovecot/lmtp', port: 24})).toBe('/run/dovecot/lmtp');
		expect(profileTarget({mx: 'example.org'})).toBe('mx:example.org');
		expect(profileTarget({mx: 'example.org', port: 2525})).toBe('mx:example.org:2525');
		expect(profileTarget({ehlo: 'a.example'})).toBeUndefined();
	});
});

describe('profileFlags and expandProfile', () => {
	const work: Profile = {name: 'work', values: {host: 'smtp.example.com', port: 587, tls: 'starttls', ca: '/ca.pem', ehlo: 'laptop.example', user: 'alice', auth: 'PLAIN', cert: '/c.pem', key: '/k.pem', timeout: '30s'}};

	it('puts the target where @NAME was and the flags after it', () => {
		expect(expandProfile(['@work', '--no-color'], 0, work, explorerFlags, 'explorer')).toEqual([
			'smtp.example.com:587',
			'--starttls',
			'--ca=/ca.pem',
			'--ehlo=laptop.example',
			'--user=alice',
			'--cert=/c.pem',
			'--key=/k.pem',
			'--connect-timeout=30s',
			'--greeting-timeout=30s',
			'--command-timeout=30s',
			'--data-timeout=30s',
			'--data-block-timeout=30s',
			'--data-end-timeout=30s',
			'--no-color',
		]);
		expect(expandProfile(['check.smtp', '@work'], 1, work, runFlags, 'run')).toEqual(['check.smtp', 'smtp.example.com:587', '--ca=/ca.pem', '--timeout=30s']);
	});

	it('leaves out what the command has no flag for', () => {
		// probe neither authenticates nor takes a client certificate; the explorer has no --auth.
		expect(profileFlags(work.values, probeFlags, [], 'probe')).toEqual(['--starttls', '--ca=/ca.pem', '--ehlo=laptop.example', '--timeout=30s']);
		expect(profileFlags(work.values, sendFlags, [], 'send')).toEqual(['--starttls', '--ca=/ca.pem', '--ehlo=laptop.example', '--user=alice', '--auth=PLAIN', '--timeout=30s']);
		expect(profileFlags(work.values, explorerFlags, [], 'explorer')).not.toContain('--auth=PLAIN');
	});

	it('the command line wins: a flag given there drops the profile\'s, in every spelling', () => {
		expect(profileFlags(work.values, sendFlags, ['--ehlo', 'other.example'], 'send')).not.toContainEqual(expect.stringMatching(/^--ehlo/));
		expect(profileFlags(work.values, sendFlags, ['--ehlo=other.example'], 'send')).not.toContainEqual(expect.stringMatching(/^--ehlo/));
		expect(profileFlags(work.values, sendFlags, ['--user', 'bob'], 'send')).not.toContain('--user=alice');
		// One TLS mode: --tls, --starttls or --no-starttls on the command line replaces the profile's.
		expect(profileFlags(work.values, sendFlags, ['--tls'], 'send')).not.toContain('--starttls');
		expect(profileFlags(work.values, sendFlags, ['--no-starttls'], 'send')).not.toContain('--starttls');
		expect(profileFlags({tls: 'implicit'}, sendFlags, ['--starttls'], 'send')).toEqual([]);
		// After --, words are arguments, not flags.
		expect(profileFlags(work.values, sendFlags, ['--', '--ehlo'], 'send')).toContain('--ehlo=laptop.example');
	});

	it('an explorer timeout named in the profile beats its "timeout" for every wait', () => {
		const flags = profileFlags({timeout: '30s', connect_timeout: '5s'}, explorerFlags, ['--greeting-timeout', '1m'], 'explorer');
		expect(flags).toEqual(['--command-timeout=30s', '--data-timeout=30s', '--data-block-timeout=30s', '--data-end-timeout=30s', '--connect-timeout=5s']);
	});

	it('maps each TLS mode to its flag; run sends STARTTLS and EHLO itself', () => {
		expect(profileFlags({tls: 'implicit'}, probeFlags, [], 'probe')).toEqual(['--tls']);
		expect(profileFlags({tls: 'starttls'}, probeFlags, [], 'probe')).toEqual(['--starttls']);
		expect(profileFlags({tls: 'none'}, probeFlags, [], 'probe')).toEqual(['--no-starttls']);
		expect(profileFlags({tls: 'starttls', ehlo: 'a.example', insecure: true}, runFlags, [], 'run')).toEqual(['--insecure']);
		expect(profileFlags({tls: 'implicit'}, runFlags, [], 'run')).toEqual(['--tls']);
	});

	it('passes the routes of a profile: proxy, PROXY protocol, DNS server, LMTP', () => {
		const values = {proxy: 'socks5h://relay@127.0.0.1:1080', proxy_protocol: 'v2', proxy_source: '192.0.2.1:5000', dns_server: '127.0.0.1:5353', lmtp: true} as const;
		const accepts = new Set([...connectionFlags, 'proxy', 'proxyProtocol', 'proxySource', 'proxyDestination', 'dnsServer', 'lmtp']);
		expect(profileFlags(values, accepts, [], 'probe')).toEqual(['--proxy=socks5h://relay@127.0.0.1:1080', '--proxy-protocol=v2', '--proxy-source=192.0.2.1:5000', '--dns-server=127.0.0.1:5353', '--lmtp']);
		expect(profileFlags(values, accepts, ['--proxy', 'socks5://other:1080', '--no-lmtp'], 'probe')).toEqual(['--proxy-protocol=v2', '--proxy-source=192.0.2.1:5000', '--dns-server=127.0.0.1:5353']);
	});

	it('a profile without a server leaves HOST to the command line', () => {
		expect(expandProfile(['@lab', 'mx.example.org'], 0, {name: 'lab', values: {ehlo: 'a.example'}}, probeFlags, 'probe')).toEqual(['--ehlo=a.example', 'mx.example.org']);
	});
});

describe('profileArgument', () => {
	it('finds @NAME before --, and only a whole word', () => {
		expect(profileArgument(['@work'])).toBe(0);
		expect(profileArgument(['script.smtp', '@work', '--tls'])).toBe(1);
		expect(profileArgument(['--', '@work'])).toBe(-1);
		expect(profileArgument(['--from', 'a@example.com'])).toBe(-1);
	});
});

describe('closest', () => {
	it('suggests only likely typos', () => {
		expect(closest('prot', ['port', 'host'])).toBe('port');
		expect(closest('zzzz', ['port', 'host'])).toBeUndefined();
	});
});
