import {text as say} from '../i18n/messages.js';
import type {TranscriptEntry} from '../protocol/transcript.js';
import {computeLayout, type Layout} from './layout.js';
import {wrapToWidth} from './text-width.js';
import type {ViewOptions} from './transcript-view.js';
import {filterPresets, type UiState} from './ui-state.js';

/**
The explorer's layout for a state and a terminal size: the same function draws the screen
and routes the keys, so a key that opens the explanation panel makes the next key (in the
same read) page by the smaller pane, as the user sees it.
*/
export type ScreenLayout = {
	layout: Layout;
	transcriptHeight: number;
	view: ViewOptions;
	/** Rows overlays take (palette, help, editor). */
	overlayHeight: number;
};

/** A prompt's title shows at most this many rows. */
export const maxTitleRows = 3;

/** The rows a prompt takes: its title (wrapped, at most three rows), the answer, a note. */
export function promptHeight(width: number, title: string): number {
	return Math.min(maxTitleRows, wrapToWidth(title, width).length) + 2;
}

export function secretPromptTitle(state: UiState): string {
	const overlay = state.overlay;
	if (overlay.kind !== 'secret') return '';
	const t = say();
	const what = overlay.mechanism === 'XOAUTH2' || overlay.mechanism === 'OAUTHBEARER' ? t['auth.token'] : t['auth.password'];
	return t['auth.secretPrompt'](overlay.mechanism, overlay.user, what);
}

export function screenLayout(state: UiState, entries: readonly TranscriptEntry[], width: number, height: number): ScreenLayout {
	const cursorShown = state.focus === 'transcript' && state.cursor !== undefined && entries[state.cursor] !== undefined;
	const layout = computeLayout(width, height, {sidebar: state.sidebar, panel: cursorShown || Boolean(state.step)});
	const view: ViewOptions = {width: layout.tooSmall ? width : layout.mainWidth, filter: filterPresets[state.filterIndex]!.filter, showTime: state.showTime};
	if (layout.tooSmall) return {layout, transcriptHeight: 0, view, overlayHeight: 0};
	// A prompt with a long question takes rows from the transcript (the composer's place holds four).
	const title = state.overlay.kind === 'prompt' ? state.overlay.title : secretPromptTitle(state);
	const extra = title === '' ? 0 : Math.max(0, promptHeight(width, title) - 4);
	return {layout, transcriptHeight: layout.transcriptHeight - extra, view, overlayHeight: layout.overlayHeight - 1};
}

/** Rows an overlay (palette, help, editor) takes on a terminal of this size. */
export function overlayRows(width: number, height: number): number {
	const layout = computeLayout(width, height, {sidebar: 'auto', panel: false});
	return layout.tooSmall ? 0 : layout.overlayHeight - 1;
}
