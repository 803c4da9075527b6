/**
Where each part of the screen goes, for a terminal size: a pure function, so every size
is tested without a terminal. 80x24 is the smallest that shows the transcript, the
composer and a collapsed sidebar; below it the app shows a message instead.
*/
export const minimumSize = {width: 80, height: 24} as const;

/**
Rows of the terminal the app leaves empty at the bottom. Ink 6 redraws the whole screen
on every update when its output is as tall as the terminal; one row less, and it rewrites
only the lines that changed (a typed character costs about 300 bytes, not 5 KB: over a
slow SSH link that is the difference).
*/
export const reservedRows = 1;

/** From this width the sidebar sits beside the transcript; below it, it collapses to one line. */
export const sidebarBreakpoint = 110;
const sidebarWidth = 38;
const composerHeight = 3;
/** Rows of the explanation panel under the transcript. */
export const panelHeight = 7;

export type Layout =
	| {tooSmall: true}
	| {
			tooSmall: false;
			width: number;
			/** Rows the app draws: the terminal's, less the reserved ones. */
			height: number;
			/** Rows for the transcript itself. */
			transcriptHeight: number;
			/** Width of the transcript column (the whole width, unless the sidebar is beside it). */
			mainWidth: number;
			/** The sidebar beside the transcript, when shown. */
			sidebar?: {width: number; height: number};
			/** A one-line sidebar summary under the header (narrow terminals). */
			strip: boolean;
			/** Rows for the explanation or next-step panel under the transcript (0 when closed). */
			panelHeight: number;
			composerHeight: number;
			/** Rows for overlays (palette, help). */
			overlayHeight: number;
	  };

export function computeLayout(width: number, height: number, options: {sidebar: 'auto' | 'shown' | 'hidden'; panel: boolean}): Layout {
	if (width < minimumSize.width || height < minimumSize.height) return {tooSmall: true};
	const rows = height - reservedRows;
	const wide = width >= sidebarBreakpoint;
	const beside = options.sidebar === 'shown' || (options.sidebar === 'auto' && wide);
	const strip = !beside && options.sidebar !== 'hidden';
	// Header, separator above the composer, status bar.
	const fixed = 1 + 1 + composerHeight + 1 + (strip ? 1 : 0);
	const panel = options.panel ? panelHeight : 0;
	const body = rows - fixed;
	const sideWidth = beside ? Math.min(sidebarWidth, Math.floor(width / 2)) : 0;
	return {
		tooSmall: false,
		width,
		height: rows,
		transcriptHeight: Math.max(3, body - panel),
		mainWidth: width - sideWidth,
		...(beside ? {sidebar: {width: sideWidth, height: body}} : {}),
		strip,
		panelHeight: panel,
		composerHeight,
		overlayHeight: rows - 2,
	};
}
