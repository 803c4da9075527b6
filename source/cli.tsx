#!/usr/bin/env node
import {createRequire} from 'node:module';
import process from 'node:process';
import {homedir} from 'node:os';
import {fileURLToPath} from 'node:url';
import type {CommandIo} from './commands/io.js';
import type {CommandModule} from './commands/registry.js';

/**
The entry point: picks a mode from the first word and loads only what that mode needs, so
the sub-commands start without loading Ink or React.
*/

type CachedBundleModule = Omit<CommandModule, 'main'> & {main: (argv: string[], io: CommandIo, hooks: {firstFrame: () => void}) => Promise<number>};

/**
A full-screen command from its CommonJS bundle beside this file (dist/explorer.cjs,
dist/view.cjs), through V8's code cache (source/code-cache.ts): most of their start is
loading Ink and React, which the cache spares compiling again. The cache is written after
the first frame, so it holds what drawing it compiled.
*/
function cachedBundle(file: string): () => Promise<CommandModule> {
	return async () => {
		const {codeCacheDirectory, loadCachedBundle} = await import('./code-cache.js');
		const bundle = loadCachedBundle(fileURLToPath(new URL(file, import.meta.url)), {
			directory: codeCacheDirectory(process.env, homedir()),
			flags: [...process.execArgv, process.env.NODE_OPTIONS ?? ''].join(' '),
		});
		const command = bundle.exports as CachedBundleModule;
		return {commandFlags: command.commandFlags, main: async (argv, io) => command.main(argv, io, {firstFrame: () => bundle.save()})};
	};
}

const cachedExplorer = {profiles: true, load: cachedBundle('explorer.cjs')} as const;
/** Sub-commands started from a cached bundle instead of their ES module chunk (completion still reads their flags there). */
const cachedSubcommands: Record<string, {load: () => Promise<CommandModule>}> = {view: {load: cachedBundle('view.cjs')}};

async function start(): Promise<number> {
	const argv = process.argv.slice(2);
	const [first, ...rest] = argv;
	// No sub-command's name starts with '-', so `smtp-explorer --version` (or --help) loads nothing more than it needs.
	const command = first === undefined || first.startsWith('-') ? undefined : await subcommandNamed(first);
	if (command) return runCommand(first!, command, rest, await processIo());

	// Answered here, so they do not load the whole app.
	if (argv.includes('--version')) {
		const {version} = createRequire(import.meta.url)('../package.json') as {version: string};
		process.stdout.write(`${version}\n`);
		return 0;
	}

	if (argv.includes('--help')) {
		const {printHelp} = await import('./help.js');
		return printHelp(argv, await processIo());
	}

	return runCommand('explorer', cachedExplorer, argv, await processIo());
}

async function subcommandNamed(name: string): Promise<{load: () => Promise<CommandModule>; profiles?: true} | undefined> {
	if (Object.hasOwn(cachedSubcommands, name)) return cachedSubcommands[name];
	const {subcommands} = await import('./commands/registry.js');
	return Object.hasOwn(subcommands, name) ? subcommands[name] : undefined;
}

async function processIo(): Promise<CommandIo> {
	return (await import('./commands/io.js')).processIo();
}

/** Runs a command; where it takes a server, `@NAME` on its command line stands for that saved profile. */
async function runCommand(name: string, command: {load: () => Promise<CommandModule>; profiles?: true}, argv: string[], io: CommandIo): Promise<number> {
	const module = await command.load();
	if (!command.profiles || !argv.some(word => word.startsWith('@'))) return module.main(argv, io);
	const {profileArgument} = await import('./config/profiles.js');
	const at = profileArgument(argv);
	if (at === -1) return module.main(argv, io);
	const {applyProfile} = await import('./commands/profiles.js');
	const applied = applyProfile(name, argv, at, new Set(Object.keys(module.commandFlags)), io);
	if (!applied.ok) {
		io.stderr.write(`smtp-explorer: ${applied.error}\n`);
		return 2;
	}

	return module.main(applied.argv, {...io, env: applied.env});
}

start().then(
	code => {
		process.exitCode = code;
	},
	(error: unknown) => {
		process.stderr.write(`smtp-explorer: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
		process.exitCode = 70;
	},
);
