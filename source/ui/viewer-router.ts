import {text as say} from '../i18n/messages.js';
import type {TranscriptEntry} from '../protocol/transcript.js';
import type {Key} from './key-parser.js';
import {matchAction} from './keymap.js';
import {editorActionForKey} from './line-editor.js';
import {moveCursor, navigate, type Pane} from './navigation.js';
import {helpLines} from './help-lines.js';
import {panelHeight, reservedRows} from './layout.js';
import {promptHeight} from './screen-layout.js';
import {scanForMatch, type SearchScan, startScan} from './transcript-view.js';
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
	if (state.searching) {
		// A search is looking through a large file: Esc or the quit key (Ctrl+C, F10, q) stops it
		// where it is, as Ctrl+C stops an upload; other keys wait until it ends.
		const action = matchAction(key, 'viewer');
		if (action !== 'close' && action !== 'quit') return stay(state);
		return stay({...withoutSearching(state), flash: {text: say()['search.stopped'](state.searching.query, searchedPercent(state.searching)), tone: 'info'}});
	}

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
			return stay(search(closed, query, 1, viewerPane(closed, entries, width, height)));
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
			return stay(search(state, state.search, action === 'search-previous' ? -1 : 1, pane));
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

/**
Entries one slice of a search looks at before the keys are read again: about 30 ms of work
on a 2-core machine for a saved session's JSON lines, each parsed as it is looked at.
*/
export const searchSlice = 8192;

/** How far a search has come, in whole percent of the entries it has to look at. */
export function searchedPercent(scan: SearchScan): number {
	return Math.floor((100 * scan.looked) / Math.max(1, scan.count));
}

/** The next match from the cursor in a direction: found at once in a small file, else the first slice looked at and the rest left to continueSearch. */
function search(state: UiState, query: string, direction: 1 | -1, pane: Pane): UiState {
	const from = state.cursor ?? (direction === 1 ? -1 : pane.entries.length);
	return lookFurther(state, startScan(pane.entries, from, query, direction), pane);
}

/** One more slice of the search under way (called by the viewer between reads of the keys); the state as it was when none is. */
export function continueSearch(state: UiState, entries: readonly TranscriptEntry[], width: number, height: number): UiState {
	return state.searching ? lookFurther(state, state.searching, viewerPane(state, entries, width, height)) : state;
}

function lookFurther(state: UiState, scan: SearchScan, pane: Pane): UiState {
	const result = scanForMatch(pane.entries, scan, pane.view.filter, searchSlice);
	if (typeof result !== 'number') return {...state, searching: result};
	const done = withoutSearching(state);
	if (result === -1) return {...done, flash: {text: say()['search.noMatch'](scan.query), tone: 'warning'}};
	return moveCursor(done, result, pane);
}

function withoutSearching(state: UiState): UiState {
	const {searching: _, ...rest} = state;
	return rest;
}
