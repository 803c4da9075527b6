import {text as say} from '../i18n/messages.js';
import type {TranscriptEntry} from '../protocol/transcript.js';
import type {Key} from './key-parser.js';
import {matchAction} from './keymap.js';
import {editorActionForKey} from './line-editor.js';
import {findNext, moveCursor, navigate, type Pane} from './navigation.js';
import {helpLines} from './help-lines.js';
import {panelHeight, reservedRows} from './layout.js';
import {promptHeight} from './screen-layout.js';
import {filterPresets, uiReducer, type UiState} from './ui-state.js';

/**
The read-only viewer's router: the explorer's navigation (one module), its own printable
keys (/ n N q ?), and no composer. Pure, like the explorer's.
*/
export type ViewerRouted = {state: UiState; exit: boolean};

/** The viewer's transcript pane for a state and a terminal size. */
export function viewerPane(state: UiState, entries: readonly TranscriptEntry[], width: number, terminalHeight: number): Pane & {rows: number} {
	const rows = terminalHeight - reservedRows;
	const cursorShown = state.cursor !== undefined && entries[state.cursor] !== undefined;
	const promptRows = state.overlay.kind === 'prompt' ? promptHeight(width, state.overlay.title) : 0;
	const height = Math.max(3, rows - 2 - (cursorShown ? panelHeight : 0) - promptRows);
	return {entries, view: {width, filter: filterPresets[state.filterIndex]!.filter, showTime: state.showTime}, height, rows};
}

export function routeViewerKey(before: UiState, key: Key, entries: readonly TranscriptEntry[], width: number, height: number): ViewerRouted {
	const state = before.flash ? {...before, flash: undefined} : before;
	const stay = (next: UiState): ViewerRouted => ({state: next, exit: false});
	const pane = viewerPane(state, entries, width, height);
	const {overlay} = state;
	if (overlay.kind === 'help') {
		const action = matchAction(key, 'help');
		const shown = Math.max(1, pane.rows - 2 - 4);
		const last = Math.max(0, helpLines('viewer').length - shown);
		const offsets: Partial<Record<string, number>> = {'line-up': overlay.offset - 1, 'line-down': overlay.offset + 1, 'page-up': overlay.offset - shown + 1, 'page-down': overlay.offset + shown - 1, top: 0, bottom: last};
		if (action === 'close') return stay(uiReducer(state, {type: 'close-overlay'}));
		const offset = action ? offsets[action] : undefined;
		return stay(offset === undefined ? state : {...state, overlay: {kind: 'help', offset: Math.max(0, Math.min(last, offset))}});
	}

	if (overlay.kind === 'prompt') {
		const action = matchAction(key, 'prompt');
		if (action === 'close' || action === 'quit') return stay(uiReducer(state, {type: 'close-overlay'}));
		if (action === 'send') {
			const query = overlay.editor.text;
			const closed = uiReducer(uiReducer(state, {type: 'close-overlay'}), {type: 'search', query});
			return stay(findNext(closed, query, 1, viewerPane(closed, entries, width, height)));
		}

		const edit = editorActionForKey(key);
		return stay(edit ? uiReducer(state, {type: 'prompt-edit', action: edit}) : state);
	}

	const action = matchAction(key, 'viewer');
	const moved = navigate(state, action, pane);
	if (moved) {
		// The explanation panel opens with the cursor: keep the line in view in the smaller pane.
		return stay(moved.cursor === undefined || moved.cursor === state.cursor ? moved : navigateReveal(moved, entries, width, height));
	}

	switch (action) {
		case 'search': {
			const text = state.search ?? '';
			return stay(uiReducer(state, {type: 'open', overlay: {kind: 'prompt', prompt: 'search', title: say()['viewer.search'], editor: {text, cursor: text.length}}}));
		}

		case 'search-next':
		case 'search-previous': {
			if (!state.search) return stay(uiReducer(state, {type: 'open', overlay: {kind: 'prompt', prompt: 'search', title: say()['viewer.search'], editor: {text: '', cursor: 0}}}));
			return stay(findNext(state, state.search, action === 'search-previous' ? -1 : 1, pane));
		}

		case 'help': {
			return stay(uiReducer(state, {type: 'open', overlay: {kind: 'help', offset: 0}}));
		}

		case 'close': {
			return stay(uiReducer(state, {type: 'cursor', cursor: undefined}));
		}

		case 'quit': {
			return {state, exit: true};
		}

		default: {
			return stay(state);
		}
	}
}

/** The cursor's line in view in the pane as it is with the explanation panel open. */
function navigateReveal(state: UiState, entries: readonly TranscriptEntry[], width: number, height: number): UiState {
	return state.cursor === undefined ? state : moveCursor(state, state.cursor, viewerPane(state, entries, width, height));
}
