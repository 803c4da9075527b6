// Fixes applied to Ink's code as it is bundled (esbuild plugin), each with the reason.
import {readFile} from 'node:fs/promises';

// Ink 6.8's incremental renderer moves the cursor up one row too few when the previous
// frame ended with a newline (any frame shorter than the terminal), so each update lands
// one row lower. The app keeps its frame one row short of the terminal to get incremental
// updates at all (a full-height frame makes Ink clear and redraw everything each time).
const incrementalCursorUp = {
	before: 'ansiEscapes.cursorUp(previousVisible - 1)',
	after: "ansiEscapes.cursorUp(previousOutput.endsWith('\\n') ? previousVisible : previousVisible - 1)",
};

export const inkFixes = {
	name: 'ink-fixes',
	setup(build) {
		build.onLoad({filter: /[\\/]ink[\\/]build[\\/]log-update\.js$/}, async args => {
			const text = await readFile(args.path, 'utf8');
			if (!text.includes(incrementalCursorUp.before)) {
				throw new Error(`Ink's log-update.js changed (${args.path}): check whether the incremental rendering fix in scripts/ink-fixes.mjs is still needed`);
			}

			return {contents: text.replace(incrementalCursorUp.before, incrementalCursorUp.after), loader: 'js'};
		});
	},
};
