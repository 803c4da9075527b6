import {parseArgs} from 'node:util';
import {sanitizeForDisplay} from '../protocol/sanitize.js';
import type {CommandIo} from './io.js';

/**
Command-line parsing for the sub-commands, on Node's own parseArgs: they must start fast
(meow alone takes about 60 ms to load), and they are run from scripts. The full-screen
app keeps meow. Flags are declared as meow declares them, named in camelCase and written
in kebab-case; `--no-NAME` turns a boolean off.
*/

export type FlagSpec = {type: 'string' | 'boolean'; isMultiple?: boolean; shortFlag?: string; default?: string | boolean};

export type FlagValues<Flags extends Record<string, FlagSpec>> = {
	[Name in keyof Flags]: Flags[Name] extends {type: 'boolean'} ? boolean : Flags[Name] extends {isMultiple: true} ? string[] : Flags[Name] extends {default: string} ? string : string | undefined;
};

export type Parsed<Flags extends Record<string, FlagSpec>> = {flags: FlagValues<Flags>; input: string[]; help: string};

export type CommandLine<Flags extends Record<string, FlagSpec>> = {ok: true; cli: Parsed<Flags>} | {ok: false; exitCode: number; output: string};

/** `requireTls` -> `require-tls`: flags are declared in camelCase and written in kebab-case. */
export const kebab = (name: string) => name.replace(/[A-Z]/g, letter => `-${letter.toLowerCase()}`);

/** The help text as printed: the template's tab indentation becomes two spaces. */
export function formatHelp(help: string): string {
	return `${help.replace(/^\n/, '').replace(/^\t/gm, '  ').trimEnd()}\n`;
}

/**
Parses argv; --help gives exit code 0 with the help, an unknown option or a missing value
exit code 2 with the reason. Nothing here exits the process.
*/
export function parseCommandLine<Flags extends Record<string, FlagSpec>>(help: string, argv: string[], flags: Flags): CommandLine<Flags> {
	if (argv.includes('--help')) return {ok: false, exitCode: 0, output: formatHelp(help)};

	const negated = new Map<string, boolean>();
	const words: string[] = [];
	const end = argv.includes('--') ? argv.indexOf('--') : argv.length;
	for (const [index, word] of argv.entries()) {
		const name = /^--no-([a-z\d-]+)$/.exec(word)?.[1];
		const flag = name === undefined ? undefined : Object.entries(flags).find(([key, spec]) => kebab(key) === name && spec.type === 'boolean');
		if (index < end && flag) {
			negated.set(flag[0], true);
			continue;
		}

		// --flag after --no-flag turns it back on.
		const positive = /^--([a-z\d-]+)$/.exec(word)?.[1];
		for (const key of Object.keys(flags)) if (index < end && kebab(key) === positive) negated.delete(key);
		words.push(word);
	}

	let values: Record<string, string | boolean | string[] | undefined>;
	let positionals: string[];
	let tokens: Array<{kind: string; name?: string}>;
	try {
		const options = Object.fromEntries(
			Object.entries(flags).map(([key, spec]) => [kebab(key), {type: spec.type, ...(spec.isMultiple ? {multiple: true} : {}), ...(spec.shortFlag ? {short: spec.shortFlag} : {})}]),
		);
		({values, positionals, tokens} = parseArgs({args: words, options, allowPositionals: true, strict: true, tokens: true}) as {values: typeof values; positionals: string[]; tokens: typeof tokens});
	} catch (error) {
		const {code, message} = error as NodeJS.ErrnoException;
		const option = /'(-[^']*)'/.exec(message)?.[1];
		const reason = code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option ? `unknown option ${option}` : message;
		return {ok: false, exitCode: 2, output: `${sanitizeForDisplay(reason)}; see --help\n`};
	}

	// A value given twice is a mistake, unless the flag takes several (--to a --to b).
	for (const [key, spec] of Object.entries(flags)) {
		const given = tokens.filter(token => token.kind === 'option' && token.name === kebab(key)).length;
		if (given > 1 && !spec.isMultiple && spec.type === 'string') return {ok: false, exitCode: 2, output: `--${kebab(key)} is given ${given} times; give it once (see --help)\n`};
	}

	const result: Record<string, unknown> = {};
	for (const [key, spec] of Object.entries(flags)) {
		const value = values[kebab(key)];
		if (spec.type === 'boolean') result[key] = negated.has(key) ? false : (value ?? spec.default ?? false);
		else if (spec.isMultiple) result[key] = value ?? [];
		else result[key] = value ?? spec.default;
	}

	return {ok: true, cli: {flags: result as FlagValues<Flags>, input: positionals, help: formatHelp(help)}};
}

/**
Writes what a command line that is not to be run asked for: --help to stdout, a usage error
to stderr (after `smtp-explorer COMMAND: ` when `command` is given). Returns the exit code.
*/
export function reportNotRun(result: Extract<CommandLine<Record<string, FlagSpec>>, {ok: false}>, io: CommandIo, command?: string): number {
	if (result.exitCode === 0) io.stdout.write(result.output);
	else io.stderr.write(command ? `smtp-explorer ${command}: ${result.output}` : result.output);
	return result.exitCode;
}
