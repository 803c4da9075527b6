import {spawnSync} from 'node:child_process';
import {accessSync, constants, readFileSync, statSync} from 'node:fs';
import {homedir} from 'node:os';
import {dirname, isAbsolute, join} from 'node:path';
import {describeProfile, expandProfile, findProfile, parseProfiles, type Profile, profileKeys} from '../config/profiles.js';
import {sanitizeForDisplay} from '../protocol/sanitize.js';
import {kebab, parseCommandLine, reportNotRun} from './arguments.js';
import type {CommandIo} from './io.js';

/** Where the profiles live: $XDG_CONFIG_HOME/smtp-explorer/config.toml, by default under ~/.config. */
export function profilePath(env: NodeJS.ProcessEnv): string {
	const base = env.XDG_CONFIG_HOME && isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : join(env.HOME ?? homedir(), '.config');
	return join(base, 'smtp-explorer', 'config.toml');
}

/** The environment variables every command takes the passwords from: the SMTP user's and the SOCKS proxy user's. */
const passwordVariable = 'SMTP_EXPLORER_PASSWORD';
const proxyPasswordVariable = 'SMTP_EXPLORER_PROXY_PASSWORD';
/** A password command that waits longer than this (a forgotten prompt, a hung agent) is stopped. */
const passwordCommandTimeoutMs = 60_000;

type Loaded = {ok: true; path: string; exists: boolean; profiles: Profile[]; warnings: string[]} | {ok: false; path: string; error: string};

/** Reads and checks the profile file; a missing file is no profiles at all, not an error. */
export function loadProfiles(env: NodeJS.ProcessEnv): Loaded {
	const path = profilePath(env);
	let text: string;
	let mode: number;
	try {
		text = readFileSync(path, 'utf8');
		mode = statSync(path).mode;
	} catch (error) {
		const {code} = error as NodeJS.ErrnoException;
		if (code === 'ENOENT') return {ok: true, path, exists: false, profiles: [], warnings: []};
		return {ok: false, path, error: `cannot read ${sanitizeForDisplay(path)}: ${code ?? (error as Error).message}`};
	}

	const parsed = parseProfiles(text, {file: sanitizeForDisplay(path), directory: dirname(path), home: env.HOME ?? homedir()});
	if (!parsed.ok) return {ok: false, path, error: parsed.error};
	const warnings: string[] = [];
	// Like ssh with its keys: a file others can read or change should not decide what runs to get a secret.
	if ((mode & 0o066) !== 0 && parsed.profiles.some(profile => profile.values.password_command ?? profile.values.proxy_password_command)) {
		const shown = sanitizeForDisplay(path);
		warnings.push(`warning: ${shown} names a password command and other users can ${mode & 0o022 ? 'change' : 'read'} it (mode ${(mode & 0o777).toString(8).padStart(4, '0')}); run: chmod 600 ${shown}`);
	}

	return {ok: true, path, exists: true, profiles: parsed.profiles, warnings};
}

/**
Runs a profile's password command: an argv array, no shell, stdin and stderr left to the
user (a pinentry may ask), stdout read and never shown. Its first line is the password.
*/
export function runPasswordCommand(argv: readonly string[], env: NodeJS.ProcessEnv, timeoutMs = passwordCommandTimeoutMs): {ok: true; password: string} | {ok: false; error: string} {
	const [program, ...args] = argv;
	const name = sanitizeForDisplay(program!);
	const run = spawnSync(program!, args, {env, stdio: ['inherit', 'pipe', 'inherit'], timeout: timeoutMs, maxBuffer: 64 * 1024, encoding: 'utf8'});
	if (run.error) {
		const {code} = run.error as NodeJS.ErrnoException;
		if (code === 'ETIMEDOUT') return {ok: false, error: `password_command ${name} did not finish within ${timeoutMs / 1000}s and was stopped`};
		return {ok: false, error: `password_command: could not run ${name}: ${code ?? run.error.message}`};
	}

	if (run.status !== 0) return {ok: false, error: `password_command ${name} failed (${run.signal ? `signal ${run.signal}` : `exit code ${run.status}`}); its output is not shown`};
	const password = run.stdout.split(/\r?\n/)[0] ?? '';
	return password === '' ? {ok: false, error: `password_command ${name} printed no password`} : {ok: true, password};
}

export type Applied = {ok: true; argv: string[]; env: NodeJS.ProcessEnv} | {ok: false; error: string};

/**
Puts the profile named at argv[index] (`@NAME`) into a command line for `command`, whose
flags are `accepts`, and the profile's password into the environment the command reads
it from, when the command will authenticate and the environment has none yet.
*/
export function applyProfile(command: string, argv: readonly string[], index: number, accepts: ReadonlySet<string>, io: CommandIo): Applied {
	const loaded = loadProfiles(io.env);
	if (!loaded.ok) return loaded;
	for (const warning of loaded.warnings) io.stderr.write(`smtp-explorer: ${warning}\n`);
	const name = argv[index]!.slice(1);
	const found = findProfile(loaded.profiles, name, sanitizeForDisplay(loaded.path) + (loaded.exists ? '' : ' (no such file)'));
	if (!found.ok) return found;
	const {values} = found.profile;
	const expanded = expandProfile(argv, index, found.profile, accepts, command);
	// Said here, so the message names the profile and its key rather than a flag nobody typed.
	for (const key of ['ca', 'cert', 'key'] as const) {
		const path = values[key];
		if (path === undefined || !expanded.includes(`--${key}=${path}`)) continue;
		try {
			accessSync(path, constants.R_OK);
		} catch (error) {
			return {ok: false, error: `profile @${name}: ${key} = "${sanitizeForDisplay(path)}" cannot be read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`};
		}
	}


	let env = io.env;
	const authenticates = accepts.has('user') && expanded.some(word => /^--user(=|$)/.test(word));
	// A proxy URL with a user name (socks5://user@host:port) needs that user's password.
	const proxyUrls = expanded.flatMap((word, at) => (word.startsWith('--proxy=') ? [word.slice(8)] : word === '--proxy' ? [expanded[at + 1] ?? ''] : []));
	const proxyUser = proxyUrls.some(url => /^socks5h?:\/\/[^@/]+@/i.test(url));
	const sources = [
		{needed: authenticates, variable: passwordVariable, fromEnv: values.password_env, command: values.password_command, key: 'password_command'},
		{needed: proxyUser, variable: proxyPasswordVariable, fromEnv: values.proxy_password_env, command: values.proxy_password_command, key: 'proxy_password_command'},
	];
	for (const {needed, variable, fromEnv, command: program, key} of sources) {
		if (!needed || env[variable] !== undefined) continue;
		// An unset variable leaves the command to ask, as it would without a profile.
		if (fromEnv !== undefined && io.env[fromEnv] !== undefined) env = {...env, [variable]: io.env[fromEnv]};
		if (program === undefined) continue;
		const run = runPasswordCommand(program, io.env);
		if (!run.ok) return {ok: false, error: `profile @${name}: ${run.error.replace(/^password_command/, key)}`};
		env = {...env, [variable]: run.password};
	}

	return {ok: true, argv: expanded, env};
}

const keyTable = Object.entries(profileKeys)
	.map(([key, spec]) => {
		const about = 'about' in spec ? spec.about : `as --${kebab(spec.flag)}`;
		return `	  ${key.padEnd(19)} ${about}`;
	})
	.join('\n');

export const help = `
	Usage
	  $ smtp-explorer profiles [--names]

	Lists the saved targets (profiles) and the file they are read from:
	$XDG_CONFIG_HOME/smtp-explorer/config.toml (by default ~/.config/smtp-explorer/config.toml).
	Use one as @NAME where HOST[:PORT] goes: smtp-explorer @work, probe @work,
	send @work ..., run script.smtp @work. Flags on the command line win over the profile.

	Options
	  --names             print only the names, one a line (for shell completion)

	A profile is a TOML table; each key is the flag of the same name
	  [profiles.work]
	  host = "smtp.example.com"
	  port = 587
	  tls = "starttls"
	  user = "alice"
	  password_command = ["pass", "show", "smtp/work"]

	Keys
${keyTable}

	A password is never kept in the file: password_env names an environment variable, or
	password_command a program that prints it (run without a shell, only when the command
	authenticates; its output is never shown or logged). Relative ca, cert and key paths are
	taken from the file's folder; ~/ is your home.
`;

export const commandFlags = {names: {type: 'boolean', default: false}} as const;

export async function main(argv: string[], io: CommandIo): Promise<number> {
	const parsed = parseCommandLine(help, argv, commandFlags);
	if (!parsed.ok) return reportNotRun(parsed, io, 'profiles');
	if (parsed.cli.input.length > 0) {
		io.stderr.write(`smtp-explorer profiles: unexpected "${sanitizeForDisplay(parsed.cli.input[0]!)}"; see --help\n`);
		return 2;
	}

	const loaded = loadProfiles(io.env);
	if (!loaded.ok) {
		io.stderr.write(`smtp-explorer profiles: ${loaded.error}\n`);
		return 2;
	}

	if (parsed.cli.flags.names) {
		for (const profile of loaded.profiles) io.stdout.write(`${profile.name}\n`);
		return 0;
	}

	for (const warning of loaded.warnings) io.stderr.write(`smtp-explorer profiles: ${warning}\n`);
	const path = sanitizeForDisplay(loaded.path);
	if (!loaded.exists) {
		io.stdout.write(`No profiles: ${path} does not exist. See smtp-explorer profiles --help to write one.\n`);
		return 0;
	}

	io.stdout.write(`Profiles in ${path}:\n`);
	if (loaded.profiles.length === 0) io.stdout.write('  (none)\n');
	const width = Math.max(0, ...loaded.profiles.map(profile => profile.name.length)) + 3;
	for (const profile of loaded.profiles) io.stdout.write(`  ${`@${profile.name}`.padEnd(width)}${sanitizeForDisplay(describeProfile(profile.values))}\n`);
	return 0;
}
