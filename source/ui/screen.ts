/**
Terminal switches the full-screen modes (the explorer and `view`) share. The alternate
screen keeps the user's scrollback intact (xterm ctlseqs, DECSET 1049); leaving it also shows
the cursor again, whatever state the app left it in.
*/
export const enterAlternateScreen = '\u001B[?1049h\u001B[H';
export const leaveAlternateScreen = '\u001B[?1049l\u001B[?25h';

/** Colour unless --no-color was given or NO_COLOR is set to anything but empty (no-color.org). */
export function colorWanted(flag: boolean, env: NodeJS.ProcessEnv): boolean {
	return flag && (env.NO_COLOR === undefined || env.NO_COLOR === '');
}
