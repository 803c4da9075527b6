/**
Whether the terminal has left/right margins (DECSLRM, in xterm, iTerm2, WezTerm, mintty,
Windows Terminal; not in tmux, screen, VTE, kitty or alacritty). With them the terminal
writer (scripts/ink-writer.mjs) moves the transcript's rows without moving the sidebar beside
them. The app asks once at start with DECRQM for DEC private mode 69, DECLRMM (VT510,
"Request Mode - Host To Terminal"); the terminal answers DECRPM `CSI ? 69 ; Ps $ y` (VT510,
"Report Mode - Terminal To Host"), Ps 1 (set) or 2 (reset) meaning the mode exists, 0 (not
recognized) or 4 (permanently reset) that it does not. No answer is a no: nothing waits for
it, frames are drawn without margins until a yes arrives.
*/

/** The key the writer reads on the output stream (same Symbol.for as scripts/ink-writer.mjs). */
export const leftRightMarginsKey = Symbol.for('smtp-explorer.terminal.left-right-margins');

export const queryLeftRightMargins = '\u001B[?69$p';

/** Turns the feature off: for a terminal that claims margins but draws them wrong. */
export const noMarginsVariable = 'SMTP_EXPLORER_NO_MARGINS';

/** Ask only a terminal (a file or a pipe would keep the question), and not when the user said no. */
export function shouldQueryMargins(isTTY: boolean | undefined, env: NodeJS.ProcessEnv): boolean {
	return isTTY === true && (env[noMarginsVariable] ?? '') === '';
}

/** A DECRPM reply about mode 69: whether it says the terminal has left/right margins; undefined for anything else. */
export function marginsFromReport(sequence: string): boolean | undefined {
	const match = /^\u001B\[\?69;(\d)\$y$/.exec(sequence);
	if (!match) return undefined;
	return match[1] === '1' || match[1] === '2';
}

/** Tells the writer drawing on `stream` that it may use left/right margins. */
export function markLeftRightMargins(stream: object, supported: boolean): void {
	(stream as Record<symbol, boolean>)[leftRightMarginsKey] = supported;
}

/**
What undoes a rectangle move half-written when the app leaves the screen (exit, crash, the
external editor): left/right margins (CSI s while DECLRMM is on), DECLRMM, top/bottom
margins. The same bytes as the writer's own reset; empty for a terminal never marked.
*/
export function resetMarginsIfUsed(stream: object): string {
	return (stream as Record<symbol, boolean>)[leftRightMarginsKey] === true ? '\u001B[s\u001B[?69l\u001B[r' : '';
}
