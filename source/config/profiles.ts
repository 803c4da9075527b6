import {isAbsolute, join} from 'node:path';
import {parse, TomlError} from 'smol-toml';

/**
Saved targets ("profiles"), read from a TOML file and turned into the command-line flags
they stand for. Pure: the caller reads the file, runs a password command and checks modes.

	[profiles.work]
	host = "smtp.example.com"
	port = 587
	tls = "starttls"
	user = "alice"
	password_command = ["pass", "show", "smtp/work"]

Each key is a flag of the same name (snake_case for kebab-case), so what the flag does is
documented once, in --help; the flags given on the command line win.
*/

type KeyKind = 'string' | 'port' | 'boolean' | 'argv' | readonly string[];

/** Every key a profile may hold: its kind, and the flag it stands for (camelCase, as the commands declare them). */
export const profileKeys = {
	host: {kind: 'string', about: 'HOST, IPv4, [IPv6] or a Unix socket path'},
	mx: {kind: 'string', about: "a domain: connect to its MX hosts (the mx:DOMAIN target)"},
	port: {kind: 'port', about: 'the port (default: 25, 587 with submission, 465 with tls = "implicit")'},
	tls: {kind: ['starttls', 'implicit', 'none'], about: 'starttls (--starttls), implicit (--tls) or none (--no-starttls)'},
	require_tls: {kind: 'boolean', flag: 'requireTls'},
	submission: {kind: 'boolean', flag: 'submission'},
	insecure: {kind: 'boolean', flag: 'insecure'},
	ca: {kind: 'string', flag: 'ca', path: true},
	cert: {kind: 'string', flag: 'cert', path: true},
	key: {kind: 'string', flag: 'key', path: true},
	servername: {kind: 'string', flag: 'servername'},
	tls_min: {kind: ['TLSv1.2', 'TLSv1.3'], flag: 'tlsMin'},
	ehlo: {kind: 'string', flag: 'ehlo'},
	user: {kind: 'string', flag: 'user'},
	auth: {kind: 'string', flag: 'auth'},
	password_env: {kind: 'string', about: 'the environment variable that holds the password'},
	password_command: {kind: 'argv', about: 'a command (an array: program and arguments, no shell) that prints the password'},
	proxy: {kind: 'string', flag: 'proxy'},
	proxy_password_env: {kind: 'string', about: 'the environment variable that holds the proxy user\'s password'},
	proxy_password_command: {kind: 'argv', about: 'a command that prints the proxy user\'s password'},
	proxy_protocol: {kind: ['v1', 'v2'], flag: 'proxyProtocol'},
	proxy_source: {kind: 'string', flag: 'proxySource'},
	proxy_destination: {kind: 'string', flag: 'proxyDestination'},
	dns_server: {kind: 'string', flag: 'dnsServer'},
	lmtp: {kind: 'boolean', flag: 'lmtp'},
	timeout: {kind: 'string', flag: 'timeout'},
	connect_timeout: {kind: 'string', flag: 'connectTimeout'},
	greeting_timeout: {kind: 'string', flag: 'greetingTimeout'},
	command_timeout: {kind: 'string', flag: 'commandTimeout'},
	data_timeout: {kind: 'string', flag: 'dataTimeout'},
	data_block_timeout: {kind: 'string', flag: 'dataBlockTimeout'},
	data_end_timeout: {kind: 'string', flag: 'dataEndTimeout'},
} as const satisfies Record<string, {kind: KeyKind; flag?: string; path?: true; about?: string}>;

export type ProfileKey = keyof typeof profileKeys;
export type ProfileValues = {[Key in ProfileKey]?: (typeof profileKeys)[Key]['kind'] extends 'boolean' ? boolean : (typeof profileKeys)[Key]['kind'] extends 'port' ? number : (typeof profileKeys)[Key]['kind'] extends 'argv' ? string[] : string};
export type Profile = {name: string; values: ProfileValues};
export type ProfilesResult = {ok: true; profiles: Profile[]} | {ok: false; error: string};

const namePattern = /^[\w.-]+$/;

/** The explorer's own timeouts, which `timeout` (every wait) fills in for it: it has no --timeout. */
const explorerTimeouts = ['connectTimeout', 'greetingTimeout', 'commandTimeout', 'dataTimeout', 'dataBlockTimeout', 'dataEndTimeout'] as const;

/** Levenshtein distance, for "did you mean". */
function distance(a: string, b: string): number {
	let previous = Array.from({length: b.length + 1}, (_, index) => index);
	for (let i = 1; i <= a.length; i++) {
		const current = [i];
		for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
		previous = current;
	}

	return previous[b.length]!;
}

/** The candidate closest to `word`, if any is close enough to be a likely typo. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
	let best: {candidate: string; score: number} | undefined;
	for (const candidate of candidates) {
		const score = distance(word.toLowerCase(), candidate.toLowerCase());
		if (!best || score < best.score) best = {candidate, score};
	}

	return best && best.score <= Math.max(2, Math.floor(word.length / 3)) ? best.candidate : undefined;
}

const show = (value: unknown) => JSON.stringify(value)?.replaceAll(/[\u0000-\u001F\u007F-\u009F]/g, char => `\\u${char.codePointAt(0)!.toString(16).padStart(4, '0')}`);

function checkValue(key: ProfileKey, value: unknown): string | undefined {
	const {kind} = profileKeys[key] as {kind: KeyKind};
	const hasControl = (text: string) => /[\u0000-\u001F\u007F-\u009F]/.test(text);
	if (kind === 'boolean') return typeof value === 'boolean' ? undefined : 'must be true or false';
	if (kind === 'port') return Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 65_535 ? undefined : 'must be a port number from 1 to 65535';
	if (kind === 'argv') {
		if (!Array.isArray(value) || value.length === 0 || !value.every(word => typeof word === 'string' && word !== '')) return 'must be an array of strings: the program, then its arguments (it runs without a shell), e.g. ["pass", "show", "smtp/work"]';
		// No shell reads these words, so only NUL, which no argument can hold, is refused.
		return value.some(word => (word as string).includes('\u0000')) ? 'holds a NUL character' : undefined;
	}

	if (typeof value !== 'string') return 'must be a string (in double quotes)';
	if (hasControl(value)) return 'holds a control character';
	if (typeof kind !== 'string' && !kind.includes(value)) return `must be one of ${kind.map(choice => `"${choice}"`).join(', ')}`;
	return value === '' ? 'is empty' : undefined;
}

/**
Reads the profile file's text. `directory` is where the file lives (relative paths of ca,
cert and key are taken from there) and `home` is what a leading ~/ stands for.
*/
export function parseProfiles(text: string, where: {file: string; directory: string; home: string}): ProfilesResult {
	let document: Record<string, unknown>;
	try {
		document = parse(text) as Record<string, unknown>;
	} catch (error) {
		if (!(error instanceof TomlError)) throw error;
		const reason = error.message.split('\n')[0]!.replace(/^Invalid TOML document: /, '');
		return {ok: false, error: `${where.file}:${error.line}:${error.column}: syntax error: ${reason} (line ${error.line}, column ${error.column})`};
	}

	const topKeys = Object.keys(document).filter(key => key !== 'profiles');
	if (topKeys.length > 0) {
		const [key] = topKeys;
		return {ok: false, error: `${where.file}: unknown top-level key "${key}": profiles go in tables named [profiles.NAME], e.g. [profiles.${namePattern.test(key!) ? key : 'work'}]`};
	}

	const tables = document.profiles ?? {};
	if (typeof tables !== 'object' || Array.isArray(tables) || tables instanceof Date) return {ok: false, error: `${where.file}: "profiles" must be a table of [profiles.NAME] tables`};
	const profiles: Profile[] = [];
	const known = Object.keys(profileKeys);
	for (const [name, table] of Object.entries(tables as Record<string, unknown>)) {
		const label = `${where.file}: profile "${show(name)?.slice(1, -1)}"`;
		if (!namePattern.test(name)) return {ok: false, error: `${label}: a profile name takes letters, digits, "_", "-" and "." only`};
		if (typeof table !== 'object' || table === null || Array.isArray(table) || table instanceof Date) return {ok: false, error: `${label} must be a table: [profiles.${name}]`};
		const values: Record<string, unknown> = {};
		for (const [key, value] of Object.entries(table)) {
			if (key === 'password' || key === 'pass') return {ok: false, error: `${label}: a password is never kept in the file in clear; name a variable with password_env, or a command with password_command`};
			if (!(key in profileKeys)) {
				const suggestion = closest(key, known);
				return {ok: false, error: `${label}: unknown key "${show(key)?.slice(1, -1)}"${suggestion ? `; did you mean "${suggestion}"?` : ''} (known keys: ${known.join(', ')})`};
			}

			const problem = checkValue(key as ProfileKey, value);
			if (problem) return {ok: false, error: `${label}: ${key} ${problem}, not ${show(value)}`};
			values[key] = (profileKeys[key as ProfileKey] as {path?: true}).path ? resolvePath(value as string, where) : value;
		}

		const profile = values as ProfileValues;
		if (profile.host !== undefined && profile.mx !== undefined) return {ok: false, error: `${label}: give host or mx, not both`};
		if (profile.password_env !== undefined && profile.password_command !== undefined) return {ok: false, error: `${label}: give password_env or password_command, not both`};
		if (profile.proxy_password_env !== undefined && profile.proxy_password_command !== undefined) return {ok: false, error: `${label}: give proxy_password_env or proxy_password_command, not both`};
		profiles.push({name, values: profile});
	}

	return {ok: true, profiles};
}

function resolvePath(path: string, where: {directory: string; home: string}): string {
	if (path === '~' || path.startsWith('~/')) return join(where.home, path.slice(1));
	return isAbsolute(path) ? path : join(where.directory, path);
}

/** The profile named, or a message listing the known ones (and the likeliest typo). */
export function findProfile(profiles: readonly Profile[], name: string, file: string): {ok: true; profile: Profile} | {ok: false; error: string} {
	const profile = profiles.find(candidate => candidate.name === name);
	if (profile) return {ok: true, profile};
	const names = profiles.map(candidate => candidate.name);
	const suggestion = closest(name, names);
	const shown = show(name)?.slice(1, -1);
	if (names.length === 0) return {ok: false, error: `no profile "${shown}": ${file} defines none (see smtp-explorer profiles --help)`};
	return {ok: false, error: `no profile "${shown}" in ${file}${suggestion ? `; did you mean @${suggestion}?` : ''} (known: ${names.map(known => `@${known}`).join(', ')})`};
}

/** Where the profile's server is, as a HOST[:PORT] argument: `[::1]:2525`, `mx:example.org`, a socket path. */
export function profileTarget(values: ProfileValues): string | undefined {
	const port = values.port === undefined ? '' : `:${values.port}`;
	if (values.mx !== undefined) return `mx:${values.mx}${port}`;
	const {host} = values;
	if (host === undefined) return undefined;
	if (/^(unix:|\.{0,2}\/)/.test(host)) return host;
	return host.includes(':') && !host.startsWith('[') ? `[${host}]${port}` : `${host}${port}`;
}

/** The flags a command line gives (camelCase), so the profile's own give way to them. */
function givenFlags(argv: readonly string[]): Set<string> {
	const end = argv.includes('--') ? argv.indexOf('--') : argv.length;
	const given = new Set<string>();
	for (const word of argv.slice(0, end)) {
		const name = /^--(?:no-)?([a-z\d-]+)(?:=|$)/.exec(word)?.[1];
		if (name) given.add(name.replaceAll(/-([a-z\d])/g, (_, letter: string) => letter.toUpperCase()));
	}

	// One TLS mode: a command line that picks one overrides the profile's, whichever it is.
	if (given.has('tls') || given.has('starttls')) given.add('tls').add('starttls');
	return given;
}

/**
The profile's settings as flags for a command that takes `accepts` (its flags, camelCase):
keys the command has no flag for are left out (probe has no --user, the explorer no --auth),
and so is every flag the command line gives. `run` sends STARTTLS and EHLO itself.
*/
export function profileFlags(values: ProfileValues, accepts: ReadonlySet<string>, argv: readonly string[], command: string): string[] {
	const given = givenFlags(argv);
	const flags: string[] = [];
	const add = (flag: string, value: string | boolean) => {
		if (!accepts.has(flag) || given.has(flag)) return;
		if (command === 'run' && (flag === 'starttls' || flag === 'ehlo')) return;
		const name = flag.replaceAll(/[A-Z]/g, letter => `-${letter.toLowerCase()}`);
		flags.push(typeof value === 'boolean' ? (value ? `--${name}` : `--no-${name}`) : `--${name}=${value}`);
	};

	for (const [key, value] of Object.entries(values) as Array<[ProfileKey, string | boolean | number | string[]]>) {
		const spec = profileKeys[key] as {flag?: string};
		if (key === 'tls') {
			if (value === 'implicit') add('tls', true);
			else add('starttls', value === 'starttls');
		} else if (key === 'timeout' && !accepts.has('timeout')) {
			// The explorer sets each wait on its own: `timeout` sets those the profile leaves out.
			for (const flag of explorerTimeouts) if (values[profileKeyOf(flag)] === undefined) add(flag, value as string);
		} else if (spec.flag) {
			add(spec.flag, value as string | boolean);
		}
	}

	return flags;
}

function profileKeyOf(flag: string): ProfileKey {
	return flag.replaceAll(/[A-Z]/g, letter => `_${letter.toLowerCase()}`) as ProfileKey;
}

/**
The command line with `@NAME` (at `index`) replaced by the profile's target, followed by
its flags. Returns the new argv; the caller passes it to the command as if typed.
*/
export function expandProfile(argv: readonly string[], index: number, profile: Profile, accepts: ReadonlySet<string>, command: string): string[] {
	const target = profileTarget(profile.values);
	const rest = [...argv.slice(0, index), ...argv.slice(index + 1)];
	return [...argv.slice(0, index), ...(target === undefined ? [] : [target]), ...profileFlags(profile.values, accepts, rest, command), ...argv.slice(index + 1)];
}

/** Where `@NAME` is on the command line (before any `--`), or -1. */
export function profileArgument(argv: readonly string[]): number {
	const end = argv.includes('--') ? argv.indexOf('--') : argv.length;
	return argv.slice(0, end).findIndex(word => /^@[\w.-]*$/.test(word));
}

/** A one-line summary for `smtp-explorer profiles`: where it goes and how. */
export function describeProfile(values: ProfileValues): string {
	const parts = [profileTarget(values) ?? '(no server: give HOST after @name)'];
	if (values.tls) parts.push(values.tls === 'implicit' ? 'tls' : values.tls === 'none' ? 'no starttls' : 'starttls');
	if (values.require_tls) parts.push('require-tls');
	if (values.insecure) parts.push('INSECURE');
	if (values.user) parts.push(`user ${values.user}${values.auth ? ` (${values.auth})` : ''}`);
	if (values.password_env) parts.push(`password from $${values.password_env}`);
	if (values.password_command) parts.push(`password from ${values.password_command[0]}`);
	if (values.ehlo) parts.push(`ehlo ${values.ehlo}`);
	if (values.proxy) parts.push(`via ${values.proxy}`);
	if (values.lmtp) parts.push('lmtp');
	return parts.join(', ');
}
