#!/usr/bin/env node
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
	'demo-server': async () => import('./commands/demo-server.js'),
	probe: async () => import('./commands/probe.js'),
	send: async () => import('./commands/send.js'),
	run: async () => import('./commands/run.js'),
	view: async () => import('./commands/view.js'),
};

async function start(): Promise<number> {
	const [first, ...rest] = process.argv.slice(2);
	const load = first === undefined ? undefined : subcommands[first];
	if (load) {
		const {main} = await load();
		return main(rest, processIo());
	}

	const {main} = await import('./explorer.js');
	return main(process.argv.slice(2), processIo());
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
