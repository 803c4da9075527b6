// Fixes applied to Ink and its layout engine (yoga-layout) as they are bundled (esbuild
// plugin), each with the reason. A fix whose pattern is gone fails the build, so an upgrade
// is checked rather than silently unpatched.
import {readFile} from 'node:fs/promises';

// Ink 6.8's incremental renderer moves the cursor up one row too few when the previous
// frame ended with a newline (any frame shorter than the terminal), so each update lands
// one row lower. The app keeps its frame one row short of the terminal to get incremental
// updates at all (a full-height frame makes Ink clear and redraw everything each time).
const incrementalCursorUp = {
	before: 'ansiEscapes.cursorUp(previousVisible - 1)',
	after: "ansiEscapes.cursorUp(previousOutput.endsWith('\\n') ? previousVisible : previousVisible - 1)",
};

// yoga-layout 3 carries its WebAssembly as a base64 data: URL and, when the global fetch
// exists, loads it with fetch(). In Node that pulls in undici just to decode a string
// (about 55 ms of every start, see `npm run bench -- --only startup`); the fallback it
// has for fetch failing decodes the same bytes directly, so it is used from the start.
const yogaWasmWithoutFetch = {
	before: 'function ya(){return w||"function"!=typeof fetch?',
	after: 'function ya(){return true?',
};

function patch(text, path, fix, what) {
	if (!text.includes(fix.before)) throw new Error(`${path} changed: check whether ${what} in scripts/ink-fixes.mjs is still needed`);
	return text.replace(fix.before, fix.after);
}

export const inkFixes = {
	name: 'ink-fixes',
	setup(build) {
		build.onLoad({filter: /[\\/]ink[\\/]build[\\/]log-update\.js$/}, async args => {
			const text = await readFile(args.path, 'utf8');
			return {contents: patch(text, args.path, incrementalCursorUp, 'the incremental rendering fix'), loader: 'js'};
		});
		build.onLoad({filter: /[\\/]yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/}, async args => {
			const text = await readFile(args.path, 'utf8');
			return {contents: patch(text, args.path, yogaWasmWithoutFetch, 'loading the WebAssembly without fetch'), loader: 'js'};
		});
	},
};
