import {type TextKey, text as messagesText} from '../i18n/messages.js';
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
	/** What it does, for the help overlay: a key into the message tables. */
	description: TextKey;
	/** Short words for the status bar (a message key); bindings without it are only in the help. */
	hint?: TextKey;
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
	{action: 'send', keys: [plain('return')], scope: 'composer', label: 'Enter', description: 'keys.composer.send'},
	{action: 'complete', keys: [plain('tab')], scope: 'composer', label: 'Tab', description: 'keys.composer.complete', hint: 'hint.complete'},
	{action: 'history-previous', keys: [plain('up')], scope: 'composer', label: 'Up', description: 'keys.composer.history-previous'},
	{action: 'history-next', keys: [plain('down')], scope: 'composer', label: 'Down', description: 'keys.composer.history-next'},
	{action: 'line-up', keys: [plain('up')], scope: 'transcript', label: 'Up', description: 'keys.transcript.line-up'},
	{action: 'line-down', keys: [plain('down')], scope: 'transcript', label: 'Down', description: 'keys.transcript.line-down'},
	{action: 'top', keys: [plain('home')], scope: 'transcript', label: 'Home', description: 'keys.transcript.top'},
	{action: 'bottom', keys: [plain('end')], scope: 'transcript', label: 'End', description: 'keys.transcript.bottom'},
	{action: 'help', keys: [plain('f1')], scope: 'global', label: 'F1, ?', description: 'keys.global.help', hint: 'hint.help'},
	{action: 'quit', keys: [ctrl('c'), plain('f10')], scope: 'global', label: 'Ctrl+C, F10', description: 'keys.global.quit', hint: 'hint.quit'},
	{action: 'palette', keys: [ctrl('p'), plain('f5')], scope: 'global', label: 'Ctrl+P, F5', description: 'keys.global.palette', hint: 'hint.palette'},
	{action: 'next-step', keys: [ctrl('n'), plain('f7')], scope: 'global', label: 'Ctrl+N, F7', description: 'keys.global.next-step', hint: 'hint.next-step'},
	{action: 'page-up', keys: [plain('pageup')], scope: 'global', label: 'PgUp', description: 'keys.global.page-up', hint: 'hint.page-up'},
	{action: 'page-down', keys: [plain('pagedown')], scope: 'global', label: 'PgDn', description: 'keys.global.page-down'},
	{action: 'focus-next', keys: [shifted('tab'), plain('f6')], scope: 'global', label: 'Shift+Tab, F6', description: 'keys.global.focus-next', hint: 'hint.focus-next'},
	{action: 'sidebar', keys: [plain('f4')], scope: 'global', label: 'F4', description: 'keys.global.sidebar', hint: 'hint.sidebar'},
	{action: 'save', keys: [ctrl('s'), plain('f9')], scope: 'global', label: 'Ctrl+S, F9', description: 'keys.global.save', hint: 'hint.save'},
	{action: 'follow', keys: [ctrl('g'), plain('f12')], scope: 'global', label: 'Ctrl+G, F12', description: 'keys.global.follow'},
	{action: 'message-editor', keys: [ctrl('o'), plain('f8')], scope: 'global', label: 'Ctrl+O, F8', description: 'keys.global.message-editor'},
	{action: 'export', keys: [ctrl('x'), shifted('f9')], scope: 'global', label: 'Ctrl+X, Shift+F9', description: 'keys.global.export'},
	{action: 'toggle-time', keys: [ctrl('t'), shifted('f5')], scope: 'global', label: 'Ctrl+T, Shift+F5', description: 'keys.global.toggle-time'},
	{action: 'filter', keys: [ctrl('f'), shifted('f6')], scope: 'global', label: 'Ctrl+F, Shift+F6', description: 'keys.global.filter'},
	{action: 'reconnect', keys: [ctrl('r'), shifted('f12')], scope: 'global', label: 'Ctrl+R, Shift+F12', description: 'keys.global.reconnect'},
	{action: 'mailbox', keys: [plain('f2')], scope: 'global', label: 'F2', description: 'keys.global.mailbox'},
	{action: 'search', keys: [plain('f3')], scope: 'global', label: 'F3', description: 'keys.global.search'},
	{action: 'close', keys: [plain('escape')], scope: 'global', label: 'Esc', description: 'keys.global.close'},

	{action: 'line-up', keys: [plain('up')], scope: 'palette', label: 'Up', description: 'keys.palette.line-up'},
	{action: 'line-down', keys: [plain('down')], scope: 'palette', label: 'Down', description: 'keys.palette.line-down'},
	{action: 'page-up', keys: [plain('pageup')], scope: 'palette', label: 'PgUp', description: 'keys.palette.page-up'},
	{action: 'page-down', keys: [plain('pagedown')], scope: 'palette', label: 'PgDn', description: 'keys.palette.page-down'},
	{action: 'send', keys: [plain('return')], scope: 'palette', label: 'Enter', description: 'keys.palette.send'},
	{action: 'close', keys: [plain('escape'), ctrl('p'), ctrl('c'), plain('f5')], scope: 'palette', label: 'Esc', description: 'keys.palette.close'},

	{action: 'line-up', keys: [plain('up')], scope: 'help', label: 'Up', description: 'keys.help.line-up'},
	{action: 'line-down', keys: [plain('down')], scope: 'help', label: 'Down', description: 'keys.help.line-down'},
	{action: 'page-up', keys: [plain('pageup')], scope: 'help', label: 'PgUp', description: 'keys.help.page-up'},
	{action: 'page-down', keys: [plain('pagedown'), text(' ')], scope: 'help', label: 'PgDn, Space', description: 'keys.help.page-down'},
	{action: 'top', keys: [plain('home')], scope: 'help', label: 'Home', description: 'keys.help.top'},
	{action: 'bottom', keys: [plain('end')], scope: 'help', label: 'End', description: 'keys.help.bottom'},
	{action: 'close', keys: [plain('escape'), plain('f1'), plain('return'), text('?'), text('q'), ctrl('c')], scope: 'help', label: 'Esc', description: 'keys.help.close'},

	{action: 'send', keys: [plain('return')], scope: 'prompt', label: 'Enter', description: 'keys.prompt.send'},
	{action: 'quit', keys: [ctrl('c'), plain('f10')], scope: 'prompt', label: 'Ctrl+C', description: 'keys.prompt.quit'},
	{action: 'close', keys: [plain('escape')], scope: 'prompt', label: 'Esc, Ctrl+C', description: 'keys.prompt.close'},

	{action: 'line-up', keys: [plain('up')], scope: 'choice', label: 'Up', description: 'keys.choice.line-up'},
	{action: 'line-down', keys: [plain('down')], scope: 'choice', label: 'Down', description: 'keys.choice.line-down'},
	{action: 'send', keys: [plain('return')], scope: 'choice', label: 'Enter', description: 'keys.choice.send'},
	{action: 'close', keys: [plain('escape'), ctrl('c')], scope: 'choice', label: 'Esc', description: 'keys.choice.close'},

	{action: 'line-up', keys: [plain('up')], scope: 'mailbox', label: 'Up', description: 'keys.mailbox.line-up'},
	{action: 'line-down', keys: [plain('down')], scope: 'mailbox', label: 'Down', description: 'keys.mailbox.line-down'},
	{action: 'send', keys: [plain('return')], scope: 'mailbox', label: 'Enter', description: 'keys.mailbox.send'},
	{action: 'close', keys: [plain('escape'), plain('f2'), ctrl('c')], scope: 'mailbox', label: 'Esc', description: 'keys.mailbox.close'},

	{action: 'send', keys: [plain('return')], scope: 'batch', label: 'Enter', description: 'keys.batch.send'},
	{action: 'close', keys: [plain('escape'), ctrl('c')], scope: 'batch', label: 'Esc', description: 'keys.batch.close'},

	{action: 'close', keys: [plain('escape'), plain('return'), ctrl('c')], scope: 'swaks', label: 'Esc', description: 'keys.swaks.close'},

	{action: 'search', keys: [text('/')], scope: 'viewer', label: '/', description: 'keys.viewer.search'},
	{action: 'search-next', keys: [text('n')], scope: 'viewer', label: 'n', description: 'keys.viewer.search-next'},
	{action: 'search-previous', keys: [text('N')], scope: 'viewer', label: 'N', description: 'keys.viewer.search-previous'},
	{action: 'line-up', keys: [plain('up')], scope: 'viewer', label: 'Up', description: 'keys.viewer.line-up'},
	{action: 'line-down', keys: [plain('down')], scope: 'viewer', label: 'Down', description: 'keys.viewer.line-down'},
	{action: 'top', keys: [plain('home')], scope: 'viewer', label: 'Home', description: 'keys.viewer.top'},
	{action: 'bottom', keys: [plain('end')], scope: 'viewer', label: 'End', description: 'keys.viewer.bottom'},
	{action: 'help', keys: [text('?')], scope: 'viewer', label: '?', description: 'keys.viewer.help'},
	{action: 'quit', keys: [text('q')], scope: 'viewer', label: 'q', description: 'keys.viewer.quit'},
];

/** How people press a global action, as the table writes it first: "Ctrl+R" for reconnect. */
export function keyLabel(action: Action): string {
	const binding = keymap.find(item => item.action === action && item.scope === 'global');
	if (!binding) throw new Error(`no global binding for ${action}`);
	return binding.label.split(', ')[0]!;
}

/** A key as the status bar writes it: "Ctrl+C, F10" -> "^C". */
const shortLabel = (label: string) => label.split(', ')[0]!.replace(/^Ctrl\+/, '^');

/** The status bar's words for a global action's key in a moment the hints do not cover: "^C cancel" during an upload. */
export function keyHint(action: Action, word: TextKey): string {
	return `${shortLabel(keyLabel(action))} ${messagesText()[word]}`;
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
	const t = messagesText();
	const shown = new Set<Action>();
	const parts: Array<{action: Action; text: string}> = [];
	for (const binding of bindingsFor(mode)) {
		const key = mode === 'viewer' ? viewerWords[binding.action] : binding.hint;
		const word = key && t[key];
		if (!word || shown.has(binding.action) || (binding.scope !== 'global' && binding.scope !== 'composer' && binding.scope !== 'viewer')) continue;
		shown.add(binding.action);
		parts.push({action: binding.action, text: `${shortLabel(binding.label)} ${word}`});
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
	help: {label: 'F1', description: 'keys.viewer.help'},
	quit: {description: 'keys.viewer.quit'},
	search: {description: 'keys.viewer.search'},
};

/** Short words for the viewer's status bar, where the explorer's hints do not apply. */
const viewerWords: Partial<Record<Action, TextKey>> = {
	search: 'hint.viewer.search',
	'search-next': 'hint.viewer.next',
	filter: 'hint.viewer.filter',
	'toggle-time': 'hint.viewer.time',
	help: 'hint.help',
	quit: 'hint.quit',
};

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
