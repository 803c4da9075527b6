import type {WalkKeys} from '../protocol/next-step.js';
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

/**
Where a binding applies: everywhere in the explorer, where the focus is, in one overlay,
or only in the read-only viewer. Overlays take only their own keys: the router asks the
scope of what is in front.
*/
export type Scope = 'global' | 'composer' | 'transcript' | 'viewer' | 'palette' | 'help' | 'prompt' | 'choice' | 'mailbox' | 'batch' | 'swaks';

/** A key: its name and modifiers; `text` for a printable key, which only the viewer and overlays bind. */
export type KeySpec = {name: string; ctrl?: boolean; shift?: boolean; meta?: boolean; text?: string};

export type Binding = {
	action: Action;
	keys: KeySpec[];
	scope: Scope;
	/** How the keys are written for people: "Ctrl+P, F5" (the first one is the status bar's). */
	label: string;
	/** What it does, for the help overlay. */
	description: string;
	/** Short words for the status bar; bindings without it are only in the help. */
	hint?: string;
};

const ctrl = (name: string): KeySpec => ({name, ctrl: true});
const plain = (name: string): KeySpec => ({name});
const shifted = (name: string): KeySpec => ({name, shift: true});
const text = (character: string): KeySpec => ({name: 'text', text: character});

/**
Every global action has a function key too: tmux takes Ctrl+B and GNU screen Ctrl+A, and
other multiplexers or terminals may take other control keys; function keys pass through
them all. F10 quits as in htop and mc; F11 (full screen in many terminals) is left alone.
*/
export const keymap: readonly Binding[] = [
	{action: 'send', keys: [plain('return')], scope: 'composer', label: 'Enter', description: 'send the line (a second Enter confirms a warning)'},
	{action: 'complete', keys: [plain('tab')], scope: 'composer', label: 'Tab', description: 'complete the verb, keyword, parameter or mechanism', hint: 'complete'},
	{action: 'history-previous', keys: [plain('up')], scope: 'composer', label: 'Up', description: 'previous line from history'},
	{action: 'history-next', keys: [plain('down')], scope: 'composer', label: 'Down', description: 'next line from history'},
	{action: 'line-up', keys: [plain('up')], scope: 'transcript', label: 'Up', description: 'move the line cursor up (its reply is explained)'},
	{action: 'line-down', keys: [plain('down')], scope: 'transcript', label: 'Down', description: 'move the line cursor down'},
	{action: 'top', keys: [plain('home')], scope: 'transcript', label: 'Home', description: 'go to the first line'},
	{action: 'bottom', keys: [plain('end')], scope: 'transcript', label: 'End', description: 'go to the last line and follow new ones'},
	{action: 'help', keys: [plain('f1')], scope: 'global', label: 'F1, ?', description: 'this help (? works on an empty composer)', hint: 'help'},
	{action: 'quit', keys: [ctrl('c'), plain('f10')], scope: 'global', label: 'Ctrl+C, F10', description: 'cancel what is pending; when idle, send QUIT and exit', hint: 'quit'},
	{action: 'palette', keys: [ctrl('p'), plain('f5')], scope: 'global', label: 'Ctrl+P, F5', description: 'open the palette: search commands, codes, extensions, mechanisms', hint: 'palette'},
	{action: 'next-step', keys: [ctrl('n'), plain('f7')], scope: 'global', label: 'Ctrl+N, F7', description: 'fill the composer with the suggested next step', hint: 'next step'},
	{action: 'page-up', keys: [plain('pageup')], scope: 'global', label: 'PgUp', description: 'scroll the transcript up a page', hint: 'scroll'},
	{action: 'page-down', keys: [plain('pagedown')], scope: 'global', label: 'PgDn', description: 'scroll the transcript down a page'},
	{action: 'focus-next', keys: [shifted('tab'), plain('f6')], scope: 'global', label: 'Shift+Tab, F6', description: 'move focus: composer, transcript, sidebar', hint: 'focus'},
	{action: 'sidebar', keys: [plain('f4')], scope: 'global', label: 'F4', description: 'show or hide the session sidebar (envelope, TLS, extensions)', hint: 'session'},
	{action: 'save', keys: [ctrl('s'), plain('f9')], scope: 'global', label: 'Ctrl+S, F9', description: 'save the transcript to a file', hint: 'save'},
	{action: 'follow', keys: [ctrl('g'), plain('f12')], scope: 'global', label: 'Ctrl+G, F12', description: 'back to the live end of the transcript'},
	{action: 'message-editor', keys: [ctrl('o'), plain('f8')], scope: 'global', label: 'Ctrl+O, F8', description: 'open the message editor (after DATA got 354)'},
	{action: 'export', keys: [ctrl('x'), shifted('f9')], scope: 'global', label: 'Ctrl+X, Shift+F9', description: 'export the session as a replayable script or a swaks command'},
	{action: 'toggle-time', keys: [ctrl('t'), shifted('f5')], scope: 'global', label: 'Ctrl+T, Shift+F5', description: 'show or hide timestamps and latency'},
	{action: 'filter', keys: [ctrl('f'), shifted('f6')], scope: 'global', label: 'Ctrl+F, Shift+F6', description: 'filter the transcript: all, hide sent, hide received, hide notes'},
	{action: 'reconnect', keys: [ctrl('r'), shifted('f12')], scope: 'global', label: 'Ctrl+R, Shift+F12', description: 'reconnect (forgets everything the server said)'},
	{action: 'mailbox', keys: [plain('f2')], scope: 'global', label: 'F2', description: 'the demo mailbox: what the demo server received (demo mode)'},
	{action: 'search', keys: [plain('f3')], scope: 'global', label: 'F3', description: 'search the transcript (Enter finds the next match)'},
	{action: 'close', keys: [plain('escape')], scope: 'global', label: 'Esc', description: 'close the overlay or prompt in front'},

	{action: 'line-up', keys: [plain('up')], scope: 'palette', label: 'Up', description: 'previous entry'},
	{action: 'line-down', keys: [plain('down')], scope: 'palette', label: 'Down', description: 'next entry'},
	{action: 'page-up', keys: [plain('pageup')], scope: 'palette', label: 'PgUp', description: "scroll the entry's description up"},
	{action: 'page-down', keys: [plain('pagedown')], scope: 'palette', label: 'PgDn', description: "scroll the entry's description down (example, replies, RFC)"},
	{action: 'send', keys: [plain('return')], scope: 'palette', label: 'Enter', description: 'put the entry in the composer (AUTH opens the helper)'},
	{action: 'close', keys: [plain('escape'), ctrl('p'), ctrl('c'), plain('f5')], scope: 'palette', label: 'Esc', description: 'close the palette'},

	{action: 'line-up', keys: [plain('up')], scope: 'help', label: 'Up', description: 'scroll the help up a line'},
	{action: 'line-down', keys: [plain('down')], scope: 'help', label: 'Down', description: 'scroll the help down a line'},
	{action: 'page-up', keys: [plain('pageup')], scope: 'help', label: 'PgUp', description: 'scroll the help up a page'},
	{action: 'page-down', keys: [plain('pagedown'), text(' ')], scope: 'help', label: 'PgDn, Space', description: 'scroll the help down a page'},
	{action: 'top', keys: [plain('home')], scope: 'help', label: 'Home', description: 'the first key'},
	{action: 'bottom', keys: [plain('end')], scope: 'help', label: 'End', description: 'the last key'},
	{action: 'close', keys: [plain('escape'), plain('f1'), plain('return'), text('?'), text('q'), ctrl('c')], scope: 'help', label: 'Esc', description: 'close the help'},

	{action: 'send', keys: [plain('return')], scope: 'prompt', label: 'Enter', description: 'answer the question'},
	{action: 'quit', keys: [ctrl('c'), plain('f10')], scope: 'prompt', label: 'Ctrl+C', description: 'asked to save before quitting: quit without saving'},
	{action: 'close', keys: [plain('escape')], scope: 'prompt', label: 'Esc, Ctrl+C', description: 'cancel the question (nothing is sent)'},

	{action: 'line-up', keys: [plain('up')], scope: 'choice', label: 'Up', description: 'previous choice'},
	{action: 'line-down', keys: [plain('down')], scope: 'choice', label: 'Down', description: 'next choice'},
	{action: 'send', keys: [plain('return')], scope: 'choice', label: 'Enter', description: 'take the choice'},
	{action: 'close', keys: [plain('escape'), ctrl('c')], scope: 'choice', label: 'Esc', description: 'close the choices'},

	{action: 'line-up', keys: [plain('up')], scope: 'mailbox', label: 'Up', description: 'previous message'},
	{action: 'line-down', keys: [plain('down')], scope: 'mailbox', label: 'Down', description: 'next message'},
	{action: 'send', keys: [plain('return')], scope: 'mailbox', label: 'Enter', description: 'open the message as received'},
	{action: 'close', keys: [plain('escape'), plain('f2'), ctrl('c')], scope: 'mailbox', label: 'Esc', description: 'back to the list, or close the mailbox'},

	{action: 'send', keys: [plain('return')], scope: 'batch', label: 'Enter', description: 'send the pasted lines in order'},
	{action: 'close', keys: [plain('escape'), ctrl('c')], scope: 'batch', label: 'Esc', description: 'drop the paste: nothing is sent'},

	{action: 'close', keys: [plain('escape'), plain('return'), ctrl('c')], scope: 'swaks', label: 'Esc', description: 'close the swaks command'},

	{action: 'search', keys: [text('/')], scope: 'viewer', label: '/', description: 'search the transcript'},
	{action: 'search-next', keys: [text('n')], scope: 'viewer', label: 'n', description: 'next match'},
	{action: 'search-previous', keys: [text('N')], scope: 'viewer', label: 'N', description: 'previous match'},
	{action: 'line-up', keys: [plain('up')], scope: 'viewer', label: 'Up', description: 'move the line cursor up (its reply is explained)'},
	{action: 'line-down', keys: [plain('down')], scope: 'viewer', label: 'Down', description: 'move the line cursor down'},
	{action: 'top', keys: [plain('home')], scope: 'viewer', label: 'Home', description: 'go to the first line'},
	{action: 'bottom', keys: [plain('end')], scope: 'viewer', label: 'End', description: 'go to the last line'},
	{action: 'help', keys: [text('?')], scope: 'viewer', label: '?', description: 'this help'},
	{action: 'quit', keys: [text('q')], scope: 'viewer', label: 'q', description: 'close the viewer'},
];

/** How people press a global action, as the table writes it first: "Ctrl+R" for reconnect. */
export function keyLabel(action: Action): string {
	const binding = keymap.find(item => item.action === action && item.scope === 'global');
	if (!binding) throw new Error(`no global binding for ${action}`);
	return binding.label.split(', ')[0]!;
}

/** The keys the walk names in its explanations, from this table rather than written twice. */
export const walkKeys: WalkKeys = {reconnect: keyLabel('reconnect'), messageEditor: keyLabel('message-editor')};

function matches(spec: KeySpec, key: Key): boolean {
	if (spec.text !== undefined) return key.name === 'text' && key.text === spec.text && !key.ctrl && !key.meta;
	return spec.name === key.name && Boolean(spec.ctrl) === key.ctrl && Boolean(spec.shift) === key.shift && Boolean(spec.meta) === key.meta;
}

/** The action a key triggers in a scope: an overlay's own keys, or the focus's and the global ones. */
export function matchAction(key: Key, scope: Exclude<Scope, 'global'> | 'sidebar'): Action | undefined {
	const overlay = scope !== 'composer' && scope !== 'transcript' && scope !== 'sidebar' && scope !== 'viewer';
	for (const binding of keymap) {
		if (binding.scope !== scope && (overlay || binding.scope !== 'global')) continue;
		if (scope === 'viewer' && binding.scope === 'global' && !viewerGlobals.has(binding.action)) continue;
		if (binding.keys.some(spec => matches(spec, key))) return binding.action;
	}

	return undefined;
}

/** Global actions that also work in the read-only viewer. */
const viewerGlobals: ReadonlySet<Action> = new Set(['page-up', 'page-down', 'toggle-time', 'filter', 'search', 'help', 'close', 'quit']);

/** The status bar always keeps these, however narrow: a user must be able to find help and the way out. */
const kept: ReadonlySet<Action> = new Set(['help', 'quit']);

/** The status bar: `F1 help  ^C quit  ^P palette ...`, the lower-priority hints dropped first to fit. */
export function statusHints(width: number, mode: 'explorer' | 'viewer' = 'explorer'): string {
	const shown = new Set<Action>();
	const parts: Array<{action: Action; text: string}> = [];
	for (const binding of bindingsFor(mode)) {
		const word = mode === 'viewer' ? viewerWords[binding.action] : binding.hint;
		if (!word || shown.has(binding.action) || (binding.scope !== 'global' && binding.scope !== 'composer' && binding.scope !== 'viewer')) continue;
		shown.add(binding.action);
		parts.push({action: binding.action, text: `${binding.label.split(', ')[0]!.replace(/^Ctrl\+/, '^')} ${word}`});
	}

	// The kept ones first, then the table's order is the priority; shown in the table's order.
	const chosen = new Set<(typeof parts)[number]>();
	let used = -2;
	for (const part of [...parts.filter(part => kept.has(part.action)), ...parts.filter(part => !kept.has(part.action))]) {
		if (used + 2 + part.text.length > width) continue;
		chosen.add(part);
		used += 2 + part.text.length;
	}

	return parts
		.filter(part => chosen.has(part))
		.map(part => part.text)
		.join('  ');
}

const viewerSays: Partial<Record<Action, Partial<Binding>>> = {
	help: {label: 'F1', description: 'this help'},
	quit: {description: 'close the viewer'},
	search: {description: 'search the transcript'},
};

/** Short words for the viewer's status bar, where the explorer's hints do not apply. */
const viewerWords: Partial<Record<Action, string>> = {search: 'search', 'search-next': 'next', filter: 'filter', 'toggle-time': 'time', help: 'help', quit: 'quit'};

/** The bindings of a mode: the explorer's (every scope), or the read-only viewer's. */
export function bindingsFor(mode: 'explorer' | 'viewer'): Binding[] {
	if (mode === 'explorer') return keymap.filter(binding => binding.scope !== 'viewer');
	// The viewer's own keys first: with no composer, printable keys like / and q are free.
	return [
		...keymap.filter(binding => binding.scope === 'viewer'),
		// Said as the viewer does them: no composer for ?, nothing to send QUIT to.
		...keymap.filter(binding => binding.scope === 'global' && viewerGlobals.has(binding.action)).map(binding => ({...binding, ...viewerSays[binding.action]})),
		...keymap.filter(binding => binding.scope === 'help' || binding.scope === 'prompt'),
	];
}
