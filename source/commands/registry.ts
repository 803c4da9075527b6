import type {FlagSpec} from './arguments.js';
import type {CommandMain} from './io.js';

/** What each command module exports: its entry point, and the flags it declares (for profiles and completion). */
export type CommandModule = {main: CommandMain; commandFlags: Readonly<Record<string, FlagSpec>>};

/**
The sub-commands, each loaded only when used, so a sub-command starts without Ink or React.
`profiles: true` marks those that take a server, and so a profile (`@NAME`) in its place.
*/
export const subcommands: Record<string, {load: () => Promise<CommandModule>; profiles?: true}> = {
	catalog: {load: async () => import('./catalog.js')},
	explain: {load: async () => import('./explain.js')},
	export: {load: async () => import('./export.js')},
	'demo-server': {load: async () => import('./demo-server.js')},
	probe: {load: async () => import('./probe.js'), profiles: true},
	send: {load: async () => import('./send.js'), profiles: true},
	run: {load: async () => import('./run.js'), profiles: true},
	view: {load: async () => import('./view.js')},
	profiles: {load: async () => import('./profiles.js')},
	completion: {load: async () => import('./completion.js')},
};

/** The full-screen explorer: what runs when the first word is not a sub-command. It takes profiles too. */
export const explorer = {load: async (): Promise<CommandModule> => import('../explorer.js'), profiles: true} as const;
