import {type TextKey, text as say} from '../i18n/messages.js';
import type {ExportForm} from '../protocol/export-session.js';
import type {ComputableMechanism} from '../protocol/sasl.js';
import type {EntryFilter} from '../protocol/transcript.js';
import {commonPrefix, type Completion} from './completion.js';
import {editorReducer, type EditorAction, type EditorState, emptyEditor} from './line-editor.js';
import {textAreaReducer, type TextAreaAction, type TextAreaState} from './text-area.js';
import type {ScrollPosition, SearchScan} from './transcript-view.js';

/**
Everything the screen remembers that is not the session itself: focus, overlays, the
composer's text and history, scrolling, filters. A pure reducer, so every keypress can be
tested without a terminal.
*/

export type Focus = 'composer' | 'transcript' | 'sidebar';

export type PromptKind = 'save-path' | 'overwrite' | 'export-path' | 'export-overwrite' | 'load-path' | 'chunk-size' | 'abandon' | 'auth-user' | 'auth-confirm' | 'search' | 'quit-save' | 'quit-overwrite';

export type Overlay =
	| {kind: 'none'}
	/** The catalog search; `detail` is how far the selected entry's description is scrolled. */
	| {kind: 'palette'; query: EditorState; selected: number; detail: number}
	/** Every key, scrolled to `offset` (a small terminal does not show them all at once). */
	| {kind: 'help'; offset: number}
	/** A paste of several lines, previewed before anything is sent; `problem` is what the validator says of the first. */
	| {kind: 'batch'; lines: string[]; rest: string; problem?: {severity: 'error' | 'warning'; message: string}}
	/** The AUTH helper asking for the password or token: masked, and never the composer. */
	| {kind: 'secret'; mechanism: ComputableMechanism; user: string; editor: EditorState}
	/** The message editor: the whole message, or its bytes as they will go on the wire. */
	| {kind: 'message'; area: TextAreaState; wire: boolean}
	/** The messages the demo server received, one of them opened. */
	| {kind: 'mailbox'; selected: number; open: boolean}
	/** Choosing an AUTH mechanism for the helper. */
	| {kind: 'auth'; selected: number}
	/** Choosing what to export: a replayable script, or the swaks command. */
	| {kind: 'export'; selected: number}
	/** The equivalent swaks command, shown to copy. */
	| {kind: 'swaks'; command: string}
	| {kind: 'prompt'; prompt: PromptKind; editor: EditorState; title: string; note?: string};

export type Flash = {text: string; tone: 'info' | 'warning' | 'error'};

/** The walk's explanation; `offer` is which of its lines the composer holds (0 the main step, then the side steps). */
export type StepNote = {title: string; text: string; offer?: number};

/** The transcript filters Ctrl+F cycles through. */
export const filterPresets: ReadonlyArray<{name: TextKey; filter: EntryFilter}> = [
	{name: 'filter.all', filter: {sent: true, received: true, notes: true}},
	{name: 'filter.noSent', filter: {sent: false, received: true, notes: true}},
	{name: 'filter.noReceived', filter: {sent: true, received: false, notes: true}},
	{name: 'filter.noNotes', filter: {sent: true, received: true, notes: false}},
];

export type UiState = {
	focus: Focus;
	overlay: Overlay;
	editor: EditorState;
	/** Lines sent in this session and earlier ones (oldest first), and where Up/Down is. */
	history: {items: string[]; index?: number; stash?: string};
	/** The draft the user was warned about: Enter again on the same text sends it. */
	confirming?: string;
	/** What Ctrl+X is exporting while its file name is asked (the run script or a code form). */
	exportForm?: ExportForm;
	/** Tab completion in progress, cycled by further Tabs. */
	completion?: {candidates: string[]; index: number; start: number; end: number};
	scroll: ScrollPosition;
	/** The transcript line under the cursor (an index into the transcript), while the transcript has focus. */
	cursor?: number;
	filterIndex: number;
	showTime: boolean;
	/** Sidebar visibility: by terminal width, or as the user chose with F4. */
	sidebar: 'auto' | 'shown' | 'hidden';
	flash?: Flash;
	/** The explanation shown with a suggested next step (Ctrl+N). */
	step?: StepNote;
	/** The last transcript search, for finding the next match. */
	search?: string;
	/** A search still looking, a slice at a time (the viewer's large files): Esc or the quit key stops it. */
	searching?: SearchScan;
	/** The AUTH helper's user name (from --user, or asked for). */
	user?: string;
	/** The password for this session only (never stored); forgotten when the server rejects it. */
	password?: string;
	/** The mechanism the AUTH helper is asking credentials for. */
	mechanism?: ComputableMechanism;
	/** The message being written, while the editor is closed (Esc, a prompt, $EDITOR). */
	draft?: string;
	/** A second keypress is awaited: Ctrl+D sends the final dot, Ctrl+C quits without the message. */
	armed?: 'send' | 'quit';
	/** How many transcript entries the last save held (quitting asks when there are more). */
	savedThrough: number;
};

export const initialUiState = (history: string[] = [], scroll: ScrollPosition = {follow: true}): UiState => ({
	focus: 'composer',
	overlay: {kind: 'none'},
	editor: emptyEditor,
	history: {items: history},
	scroll,
	filterIndex: 0,
	showTime: true,
	sidebar: 'auto',
	savedThrough: 0,
});

export type UiAction =
	| {type: 'edit'; action: EditorAction}
	| {type: 'set-draft'; text: string; step?: StepNote}
	| {type: 'sent'; line: string; remember: boolean}
	| {type: 'confirm-needed'; line: string}
	| {type: 'history'; direction: -1 | 1}
	| {type: 'complete'; completion: Completion | undefined}
	| {type: 'focus-next'}
	| {type: 'focus'; focus: Focus}
	| {type: 'scroll'; position: ScrollPosition}
	| {type: 'cursor'; cursor: number | undefined; position?: ScrollPosition}
	| {type: 'cycle-filter'}
	| {type: 'toggle-time'}
	| {type: 'toggle-sidebar'; wide: boolean}
	| {type: 'open'; overlay: Overlay}
	| {type: 'close-overlay'}
	| {type: 'palette-edit'; action: EditorAction}
	| {type: 'palette-move'; delta: number; count: number}
	| {type: 'prompt-edit'; action: EditorAction}
	| {type: 'message-edit'; action: TextAreaAction}
	| {type: 'message-wire'}
	| {type: 'mailbox-move'; delta: number; count: number}
	| {type: 'mailbox-open'; open: boolean}
	| {type: 'choice-move'; delta: number; count: number}
	| {type: 'flash'; flash: Flash | undefined}
	| {type: 'search'; query: string};

const historyLimit = 500;

export function uiReducer(state: UiState, action: UiAction): UiState {
	switch (action.type) {
		case 'edit': {
			const editor = editorReducer(state.editor, action.action);
			const changed = editor.text !== state.editor.text;
			return {...state, editor, completion: undefined, ...(changed ? {confirming: undefined, step: undefined} : {}), focus: 'composer'};
		}

		case 'set-draft': {
			return {...state, editor: {text: action.text, cursor: action.text.length}, completion: undefined, confirming: undefined, step: action.step, focus: 'composer', overlay: {kind: 'none'}};
		}

		case 'sent': {
			const items = action.remember && action.line.trim() !== '' && state.history.items.at(-1) !== action.line ? [...state.history.items, action.line].slice(-historyLimit) : state.history.items;
			// Back to the live end; a view already following keeps its place (see jump scrolling).
			return {...state, editor: emptyEditor, history: {items}, confirming: undefined, completion: undefined, step: undefined, scroll: state.scroll.follow ? state.scroll : {follow: true}};
		}

		case 'confirm-needed': {
			return {...state, confirming: action.line};
		}

		case 'history': {
			const {items, index, stash} = state.history;
			if (items.length === 0) return state;
			const current = index ?? items.length;
			const next = Math.max(0, Math.min(items.length, current + action.direction));
			if (next === current) return state;
			const text = next === items.length ? (stash ?? '') : items[next]!;
			return {
				...state,
				editor: {text, cursor: text.length},
				history: {items, ...(next === items.length ? {} : {index: next, stash: index === undefined ? state.editor.text : stash})},
				confirming: undefined,
				completion: undefined,
			};
		}

		case 'complete': {
			return complete(state, action.completion);
		}

		case 'focus-next': {
			const order: Focus[] = ['composer', 'transcript', 'sidebar'];
			const focus = order[(order.indexOf(state.focus) + 1) % order.length]!;
			return {...state, focus, ...(focus === 'transcript' ? {} : {cursor: undefined})};
		}

		case 'focus': {
			return {...state, focus: action.focus};
		}

		case 'scroll': {
			return {...state, scroll: action.position};
		}

		case 'cursor': {
			return {...state, cursor: action.cursor, ...(action.position ? {scroll: action.position} : {}), focus: 'transcript'};
		}

		case 'cycle-filter': {
			const filterIndex = (state.filterIndex + 1) % filterPresets.length;
			return {...state, filterIndex, scroll: {follow: true}, cursor: undefined, flash: {text: say()['filter.flash'](say()[filterPresets[filterIndex]!.name]), tone: 'info'}};
		}

		case 'toggle-time': {
			return {...state, showTime: !state.showTime};
		}

		case 'toggle-sidebar': {
			const visible = state.sidebar === 'shown' || (state.sidebar === 'auto' && action.wide);
			return {...state, sidebar: visible ? 'hidden' : 'shown'};
		}

		case 'open': {
			return {...state, overlay: action.overlay, completion: undefined};
		}

		case 'close-overlay': {
			return {...state, overlay: {kind: 'none'}};
		}

		case 'palette-edit': {
			if (state.overlay.kind !== 'palette') return state;
			return {...state, overlay: {...state.overlay, query: editorReducer(state.overlay.query, action.action), selected: 0, detail: 0}};
		}

		case 'palette-move': {
			if (state.overlay.kind !== 'palette' || action.count === 0) return state;
			const selected = Math.max(0, Math.min(action.count - 1, state.overlay.selected + action.delta));
			return {...state, overlay: {...state.overlay, selected, detail: 0}};
		}

		case 'prompt-edit': {
			if (state.overlay.kind === 'secret') return {...state, overlay: {...state.overlay, editor: editorReducer(state.overlay.editor, action.action)}};
			if (state.overlay.kind !== 'prompt') return state;
			return {...state, overlay: {...state.overlay, editor: editorReducer(state.overlay.editor, action.action), note: undefined}};
		}

		case 'message-edit': {
			if (state.overlay.kind !== 'message') return state;
			return {...state, overlay: {...state.overlay, area: textAreaReducer(state.overlay.area, action.action)}};
		}

		case 'message-wire': {
			if (state.overlay.kind !== 'message') return state;
			return {...state, overlay: {...state.overlay, wire: !state.overlay.wire}};
		}

		case 'mailbox-move': {
			if (state.overlay.kind !== 'mailbox' || action.count === 0) return state;
			return {...state, overlay: {...state.overlay, selected: Math.max(0, Math.min(action.count - 1, state.overlay.selected + action.delta))}};
		}

		case 'choice-move': {
			if ((state.overlay.kind !== 'auth' && state.overlay.kind !== 'export') || action.count === 0) return state;
			return {...state, overlay: {...state.overlay, selected: Math.max(0, Math.min(action.count - 1, state.overlay.selected + action.delta))}};
		}

		case 'mailbox-open': {
			if (state.overlay.kind !== 'mailbox') return state;
			return {...state, overlay: {...state.overlay, open: action.open}};
		}

		case 'flash': {
			return {...state, flash: action.flash};
		}

		case 'search': {
			return {...state, search: action.query};
		}
	}
}

/** First Tab: the single candidate, or the common prefix; further Tabs cycle through the candidates. */
function complete(state: UiState, completion: Completion | undefined): UiState {
	const cycling = state.completion;
	const {text} = state.editor;
	if (cycling && cycling.candidates.length > 1) {
		const index = (cycling.index + 1) % cycling.candidates.length;
		const candidate = cycling.candidates[index]!;
		const replaced = text.slice(0, cycling.start) + candidate + text.slice(cycling.end);
		return {...state, editor: {text: replaced, cursor: cycling.start + candidate.length}, completion: {...cycling, index, end: cycling.start + candidate.length}};
	}

	if (!completion) return {...state, flash: {text: say()['flash.nothingToComplete'], tone: 'info'}};
	const {candidates, start, end} = completion;
	const insert = candidates.length === 1 ? candidates[0]! : commonPrefix(candidates);
	const current = text.slice(start, end);
	const replacement = insert.length >= current.length ? insert : current;
	const replaced = text.slice(0, start) + replacement + text.slice(end);
	return {
		...state,
		editor: {text: replaced, cursor: start + replacement.length},
		confirming: undefined,
		completion: candidates.length > 1 ? {candidates, index: -1, start, end: start + replacement.length} : undefined,
		flash: candidates.length > 1 ? {text: candidates.join('  '), tone: 'info'} : undefined,
	};
}
