import type {TranscriptEntry} from '../protocol/transcript.js';
import type {Action} from './keymap.js';
import {nextVisible, pageBy, previousVisible, revealEntry, stepVisible, type ViewOptions, visibleWindow} from './transcript-view.js';
import {uiReducer, type UiState} from './ui-state.js';

/**
Moving through a transcript, shared by the explorer and the read-only viewer: the line
cursor, paging, the first and last line, filters and timestamps. Pure.
*/
export type Pane = {entries: readonly TranscriptEntry[]; view: ViewOptions; height: number};

/** The state after a navigation action, or undefined when the action is not one. */
export function navigate(state: UiState, action: Action | undefined, pane: Pane): UiState | undefined {
	const {entries, view, height} = pane;
	switch (action) {
		case 'line-up':
		case 'line-down': {
			return moveCursor(state, stepVisible(entries, state.cursor, action === 'line-up' ? -1 : 1, view.filter), pane);
		}

		case 'top': {
			const first = nextVisible(entries, -1, view.filter);
			return uiReducer(state, {type: 'cursor', cursor: first === -1 ? undefined : first, position: {follow: false, entry: Math.max(0, first), row: 0}});
		}

		case 'bottom': {
			const last = previousVisible(entries, entries.length, view.filter);
			return uiReducer(uiReducer(state, {type: 'scroll', position: {follow: true}}), {type: 'cursor', cursor: last === -1 ? undefined : last});
		}

		case 'page-up':
		case 'page-down': {
			const shown = visibleWindow(entries, state.scroll, view, height).position;
			return uiReducer(state, {type: 'scroll', position: pageBy(entries, shown, action === 'page-up' ? -1 : 1, view, height)});
		}

		case 'filter': {
			return uiReducer(state, {type: 'cycle-filter'});
		}

		case 'toggle-time': {
			return uiReducer(state, {type: 'toggle-time'});
		}

		default: {
			return undefined;
		}
	}
}

/** Puts the line cursor on an entry and scrolls as little as possible to show it. */
export function moveCursor(state: UiState, target: number, pane: Pane): UiState {
	if (target === -1) return state;
	return uiReducer(state, {type: 'cursor', cursor: target, position: revealEntry(pane.entries, state.scroll, target, pane.view, pane.height)});
}
