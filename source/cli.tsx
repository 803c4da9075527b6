#!/usr/bin/env node
import {createRequire} from 'node:module';
import process from 'node:process';
import type {CommandMain} from './commands/io.js';
import {processIo} from './commands/io.js';

/**
The entry point: picks a mode from the first word and loads only what that mode needs, so
the sub-commands start without loading Ink or React.
*/
const subcommands: Record<string, () => Promise<{main: CommandMain}>> = {
	catalog: async () => import('./commands/catalog.js'),
	explain: async () => import('./commands/explain.js'),
	export: async () => import('./commands/export.js'),
	'demo-server': async () => import('./commands/demo-server.js'),
	probe: async () => import('./commands/probe.js'),
	send: async () => import('./commands/send.js'),
	run: async () => import('./commands/run.js'),
	view: async () => import('./commands/view.js'),
};

async function start(): Promise<number> {
	const argv = process.argv.slice(2);
	const [first, ...rest] = argv;
	const load = first === undefined ? undefined : subcommands[first];
	if (load) {
		const {main} = await load();
		return main(rest, processIo());
	}

	// Answered here, so they do not load the whole app.
	if (argv.includes('--version')) {
		const {version} = createRequire(import.meta.url)('../package.json') as {version: string};
		process.stdout.write(`${version}\n`);
		return 0;
	}

	if (argv.includes('--help')) {
		const {help} = await import('./help.js');
		process.stdout.write(`\n  A full-screen terminal explorer for live SMTP sessions, with the protocol reference built in\n${help.replace(/^\t/gm, '  ')}\n`);
		return 0;
	}

	const {main} = await import('./explorer.js');
	return main(argv, processIo());
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
