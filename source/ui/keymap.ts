import type {Key} from './key-parser.js';

/**
The one keymap: every shortcut, where it applies, and the words for it. The help overlay
and the status bar are drawn from this table, so they never disagree with what keys do.
Global shortcuts are never printable characters: the composer owns those.
*/

export type Action =
	| 'send'
	| 'complete'
	| 'history-previous'
	| 'history-next'
	| 'line-up'
	| 'line-down'
	| 'palette'
	| 'focus-next'
	| 'page-up'
	| 'page-down'
	| 'top'
	| 'bottom'
	| 'follow'
	| 'next-step'
	| 'message-editor'
	| 'save'
	| 'export'
	| 'toggle-time'
	| 'filter'
	| 'sidebar'
	| 'help'
	| 'close'
	| 'reconnect'
	| 'mailbox'
	| 'search'
	| 'search-next'
	| 'search-previous'
	| 'quit';

/** Where a binding applies: everywhere, only when that part has focus, or only in the read-only viewer. */
export type Scope = 'global' | 'composer' | 'transcript' | 'viewer';

/** A key: its name and modifiers; `text` for a printable key, which only the viewer binds. */
export type KeySpec = {name: string; ctrl?: boolean; shift?: boolean; meta?: boolean; text?: string};

export type Binding = {
	action: Action;
	keys: KeySpec[];
	scope: Scope;
	/** How the key is written for people: "Ctrl+P". */
	label: string;
	/** What it does, for the help overlay. */
	description: string;
	/** Short words for the status bar; bindings without it are only in the help. */
	hint?: string;
};

export const keymap: readonly Binding[] = [
	{action: 'send', keys: [{name: 'return'}], scope: 'composer', label: 'Enter', description: 'send the line (a second Enter confirms a warning)'},
	{action: 'complete', keys: [{name: 'tab'}], scope: 'composer', label: 'Tab', description: 'complete the verb, keyword, parameter or mechanism', hint: 'complete'},
	{action: 'history-previous', keys: [{name: 'up'}], scope: 'composer', label: 'Up', description: 'previous line from history'},
	{action: 'history-next', keys: [{name: 'down'}], scope: 'composer', label: 'Down', description: 'next line from history'},
	{action: 'line-up', keys: [{name: 'up'}], scope: 'transcript', label: 'Up', description: 'move the line cursor up (its reply is explained)'},
	{action: 'line-down', keys: [{name: 'down'}], scope: 'transcript', label: 'Down', description: 'move the line cursor down'},
	{action: 'top', keys: [{name: 'home'}], scope: 'transcript', label: 'Home', description: 'go to the first line'},
	{action: 'bottom', keys: [{name: 'end'}], scope: 'transcript', label: 'End', description: 'go to the last line and follow new ones'},
	{action: 'palette', keys: [{name: 'p', ctrl: true}], scope: 'global', label: 'Ctrl+P', description: 'open the palette: search commands, codes, extensions, mechanisms', hint: 'palette'},
	{action: 'focus-next', keys: [{name: 'tab', shift: true}], scope: 'global', label: 'Shift+Tab', description: 'move focus: composer, transcript, sidebar', hint: 'focus'},
	{action: 'page-up', keys: [{name: 'pageup'}], scope: 'global', label: 'PgUp', description: 'scroll the transcript up a page', hint: 'scroll'},
	{action: 'page-down', keys: [{name: 'pagedown'}], scope: 'global', label: 'PgDn', description: 'scroll the transcript down a page'},
	{action: 'follow', keys: [{name: 'g', ctrl: true}], scope: 'global', label: 'Ctrl+G', description: 'back to the live end of the transcript'},
	{action: 'next-step', keys: [{name: 'n', ctrl: true}], scope: 'global', label: 'Ctrl+N', description: 'fill the composer with the suggested next step', hint: 'next step'},
	{action: 'message-editor', keys: [{name: 'o', ctrl: true}], scope: 'global', label: 'Ctrl+O', description: 'open the message editor (after DATA got 354)'},
	{action: 'save', keys: [{name: 's', ctrl: true}], scope: 'global', label: 'Ctrl+S', description: 'save the transcript to a file', hint: 'save'},
	{action: 'export', keys: [{name: 'x', ctrl: true}], scope: 'global', label: 'Ctrl+X', description: 'export the session as a replayable script or a swaks command'},
	{action: 'toggle-time', keys: [{name: 't', ctrl: true}], scope: 'global', label: 'Ctrl+T', description: 'show or hide timestamps and latency'},
	{action: 'filter', keys: [{name: 'f', ctrl: true}], scope: 'global', label: 'Ctrl+F', description: 'filter the transcript: all, hide sent, hide received, hide notes'},
	{action: 'sidebar', keys: [{name: 'b', ctrl: true}], scope: 'global', label: 'Ctrl+B', description: 'show or hide the session sidebar'},
	{action: 'reconnect', keys: [{name: 'r', ctrl: true}], scope: 'global', label: 'Ctrl+R', description: 'reconnect (forgets everything the server said)'},
	{action: 'mailbox', keys: [{name: 'f2'}], scope: 'global', label: 'F2', description: 'the demo mailbox: what the demo server received (demo mode)'},
	{action: 'search', keys: [{name: 'f3'}], scope: 'global', label: 'F3', description: 'search the transcript (Enter finds the next match)'},
	{action: 'search', keys: [{name: 'text', text: '/'}], scope: 'viewer', label: '/', description: 'search the transcript'},
	{action: 'search-next', keys: [{name: 'text', text: 'n'}], scope: 'viewer', label: 'n', description: 'next match'},
	{action: 'search-previous', keys: [{name: 'text', text: 'N'}], scope: 'viewer', label: 'N', description: 'previous match'},
	{action: 'line-up', keys: [{name: 'up'}], scope: 'viewer', label: 'Up', description: 'move the line cursor up (its reply is explained)'},
	{action: 'line-down', keys: [{name: 'down'}], scope: 'viewer', label: 'Down', description: 'move the line cursor down'},
	{action: 'top', keys: [{name: 'home'}], scope: 'viewer', label: 'Home', description: 'go to the first line'},
	{action: 'bottom', keys: [{name: 'end'}], scope: 'viewer', label: 'End', description: 'go to the last line'},
	{action: 'quit', keys: [{name: 'text', text: 'q'}], scope: 'viewer', label: 'q', description: 'close the viewer'},
	{action: 'help', keys: [{name: 'f1'}], scope: 'global', label: 'F1, ?', description: 'this help (? works on an empty composer)', hint: 'help'},
	{action: 'close', keys: [{name: 'escape'}], scope: 'global', label: 'Esc', description: 'close the overlay or prompt in front'},
	{action: 'quit', keys: [{name: 'c', ctrl: true}], scope: 'global', label: 'Ctrl+C', description: 'cancel what is pending; when idle, send QUIT and exit', hint: 'quit'},
];

function matches(spec: KeySpec, key: Key): boolean {
	if (spec.text !== undefined) return key.name === 'text' && key.text === spec.text && !key.ctrl && !key.meta;
	return spec.name === key.name && Boolean(spec.ctrl) === key.ctrl && Boolean(spec.shift) === key.shift && Boolean(spec.meta) === key.meta;
}

/** The action a key triggers where the focus is, or undefined (then the key is text for the composer). */
export function matchAction(key: Key, focus: 'composer' | 'transcript' | 'sidebar' | 'viewer'): Action | undefined {
	for (const binding of keymap) {
		if (binding.scope !== 'global' && binding.scope !== focus) continue;
		if (binding.keys.some(spec => matches(spec, key))) return binding.action;
	}

	return undefined;
}

/** Global actions that also work in the read-only viewer. */
const viewerGlobals: ReadonlySet<Action> = new Set(['page-up', 'page-down', 'toggle-time', 'filter', 'search', 'help', 'close', 'quit']);

/** The status bar: `^P palette  Tab complete  PgUp scroll ...`, cut to fit. */
export function statusHints(width: number, mode: 'explorer' | 'viewer' = 'explorer'): string {
	const shown = new Set<Action>();
	const parts: string[] = [];
	for (const binding of bindingsFor(mode)) {
		const word = binding.hint ?? (mode === 'viewer' ? viewerWords[binding.action] : undefined);
		if (!word || shown.has(binding.action)) continue;
		shown.add(binding.action);
		parts.push(`${binding.label.replace(/^Ctrl\+/, '^').replace(/, \?$/, '')} ${word}`);
	}

	let line = '';
	for (const part of parts) {
		const next = line === '' ? part : `${line}  ${part}`;
		if (next.length > width) break;
		line = next;
	}

	return line;
}

/** Short words for the viewer's status bar, where the explorer's hints do not apply. */
const viewerWords: Partial<Record<Action, string>> = {search: 'search', 'search-next': 'next', filter: 'filter', 'toggle-time': 'time', quit: 'quit'};

/** The bindings of a mode: the explorer's, or the read-only viewer's. */
export function bindingsFor(mode: 'explorer' | 'viewer'): Binding[] {
	if (mode === 'explorer') return keymap.filter(binding => binding.scope !== 'viewer');
	// The viewer's own keys first: with no composer, printable keys like / and q are free.
	return [...keymap.filter(binding => binding.scope === 'viewer'), ...keymap.filter(binding => binding.scope === 'global' && viewerGlobals.has(binding.action))];
}
