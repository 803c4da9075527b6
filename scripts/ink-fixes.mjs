// Fixes applied to Ink, its layout engine (yoga-layout) and smtp-server as they are bundled (esbuild
// plugin), each with the reason. A fix whose pattern is gone fails the build, so an upgrade
// is checked rather than silently unpatched.
import {readFile} from 'node:fs/promises';
import {fileURLToPath} from 'node:url';
import {inkOutputFixes} from './ink-output.mjs';

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

// Ink 6.8's incremental renderer moves down over each unchanged row with its own
// "cursor next line" (ESC[E, 3 bytes a row): most of the bytes of a one-character update
// on a tall screen. Rows left alone are counted instead and crossed with one ESC[nE
// (CNL with a count, ECMA-48 8.3.12), written just before the next changed row or at the end.
const incrementalSkipRows = {
	before: `            if (nextLines[i] === previousLines[i]) {
                // Don't move past the last line when there's no trailing newline,
                // otherwise the cursor overshoots the rendered block.
                if (!isLastLine || hasTrailingNewline) {
                    buffer.push(ansiEscapes.cursorNextLine);
                }
                continue;
            }
            buffer.push(ansiEscapes.cursorTo(0) +`,
	after: `            if (nextLines[i] === previousLines[i]) {
                // Don't move past the last line when there's no trailing newline,
                // otherwise the cursor overshoots the rendered block.
                if (!isLastLine || hasTrailingNewline) {
                    skippedRows++;
                }
                if (isLastLine && skippedRows > 0) {
                    buffer.push(crossRows(skippedRows));
                    skippedRows = 0;
                }
                continue;
            }
            if (skippedRows > 0) {
                buffer.push(crossRows(skippedRows));
                skippedRows = 0;
            }
            buffer.push(ansiEscapes.cursorTo(0) +`,
};

const incrementalSkipCounter = {
	before: `        for (let i = 0; i < visibleCount; i++) {
            const isLastLine = i === visibleCount - 1;`,
	after: `        let skippedRows = 0;
        const crossRows = rows => (rows === 1 ? ansiEscapes.cursorNextLine : '\u001B[' + rows + 'E');
        for (let i = 0; i < visibleCount; i++) {
            const isLastLine = i === visibleCount - 1;`,
};

// smtp-server 3.21 holds every greeting back for 100 ms to catch clients that talk before
// it (a fixed timer, no option). The demo server is one the app itself connects to, and
// the explorer's first frame waits for its banner: `earlyTalkerDelay` (ms, default 100 as
// before) lets it greet at once. Only the demo server sets it (source/demo/server.ts).
const earlyTalkerDelay = {
	before: 'setTimeout(() => this.connectionReady(), 100)',
	after: 'setTimeout(() => this.connectionReady(), this._server.options.earlyTalkerDelay ?? 100)',
};

// Ink, wrap-ansi, cli-truncate and widest-line measure text with string-width, in two major
// versions (wrap-ansi still asks for 7). Each builds its \p{RGI_Emoji} expression when it is
// loaded and compiles it on the first text that is not ASCII (a box-drawing line will do):
// 30-60 ms of every start. The bundle gets one version, whose rules are built only for text
// that needs them; simpler text is measured by scripts/simple-width.mjs.
const stringWidthPath = fileURLToPath(import.meta.resolve('string-width'));
const simpleWidthPath = fileURLToPath(new URL('simple-width.mjs', import.meta.url));
const stringWidthExport = 'export default function stringWidth(';

function lazyStringWidth(text, path) {
	const imports = "import stripAnsi from 'strip-ansi';\nimport {eastAsianWidth} from 'get-east-asian-width';\n";
	if (!text.startsWith(imports) || text.split(stringWidthExport).length !== 2 || !text.trimEnd().endsWith('}')) {
		throw new Error(`${path} changed: check the lazy string-width wrapper in scripts/ink-fixes.mjs`);
	}

	const body = text.slice(imports.length).replace(stringWidthExport, 'return function stringWidth(');
	return `${imports}import {simpleWidth} from ${JSON.stringify(simpleWidthPath)};
let measure;
function rules() {
${body}
}
export default function stringWidth(input, options) {
	return simpleWidth(input, options) ?? (measure ??= rules())(input, options);
}
`;
}

// The update starts by moving up to the frame's first row and then down over the unchanged
// rows at its top (ESC[39A ESC[35E to reach row 36 of 40): one move up to the first changed
// row does the same in fewer bytes. Each rewritten row then starts with a carriage return
// (1 byte) instead of ESC[1G (4 bytes): the same move to column 1.
const incrementalFirstMove = {
	before: "buffer.push(ansiEscapes.cursorUp(previousOutput.endsWith('\\n') ? previousVisible : previousVisible - 1));",
	// \`var\`: the branch that shrinks the frame leaves it undefined (and moves as before).
	after: "var pendingUp = previousOutput.endsWith('\\n') ? previousVisible : previousVisible - 1;",
};

const incrementalMerge = {
	before: `            if (skippedRows > 0) {
                buffer.push(crossRows(skippedRows));
                skippedRows = 0;
            }
            buffer.push(ansiEscapes.cursorTo(0) +`,
	after: `            if (pendingUp !== undefined) {
                // Up to the top, then down over the unchanged rows: one move up (or down) instead.
                const net = pendingUp - skippedRows;
                buffer.push(net > 0 ? ansiEscapes.cursorUp(net) : net < 0 ? crossRows(-net) : '');
                pendingUp = undefined;
                skippedRows = 0;
            }
            if (skippedRows > 0) {
                buffer.push(crossRows(skippedRows));
                skippedRows = 0;
            }
            buffer.push('\\r' +`,
};

const incrementalPendingAtEnd = {
	before: `                if (isLastLine && skippedRows > 0) {
                    buffer.push(crossRows(skippedRows));`,
	after: `                if (isLastLine && skippedRows > 0) {
                    if (pendingUp !== undefined) buffer.push(ansiEscapes.cursorUp(pendingUp));
                    pendingUp = undefined;
                    buffer.push(crossRows(skippedRows));`,
};

// Ink builds each frame cell by cell and, to write a row, asks ansi-tokenize for the codes
// that lead from one cell's style to the next: three Sets and four arrays per cell, about
// 5,000 cells a frame at 120x40, a large share of a frame's time (and of the first frame's,
// when nothing is optimised yet). Neighbouring cells nearly always share their style; then
// the answer is "nothing", found without building anything.
const sameStyleNoDiff = {
	before: 'export function diffAnsiCodes(from, to) {\n',
	after: `export function diffAnsiCodes(from, to) {
    if (from.length === to.length && from.every((code, index) => code.code === to[index].code && code.endCode === to[index].endCode)) {
        return [];
    }
`,
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
			let contents = patch(text, args.path, incrementalCursorUp, 'the incremental rendering fix');
			contents = patch(contents, args.path, incrementalSkipCounter, 'counting unchanged rows');
			contents = patch(contents, args.path, incrementalSkipRows, 'crossing unchanged rows in one jump');
			contents = patch(contents, args.path, incrementalFirstMove, 'the first move of an update');
			contents = patch(contents, args.path, incrementalMerge, 'merging the first move with the rows it crosses');
			contents = patch(contents, args.path, incrementalPendingAtEnd, 'the first move when only the last rows change');
			return {contents, loader: 'js'};
		});
		inkOutputFixes(build);
		build.onLoad({filter: /[\\/]@alcalzone[\\/]ansi-tokenize[\\/]build[\\/]diff\.js$/}, async args => {
			const text = await readFile(args.path, 'utf8');
			return {contents: patch(text, args.path, sameStyleNoDiff, 'the same-style shortcut'), loader: 'js'};
		});
		build.onResolve({filter: /^string-width$/}, () => ({path: stringWidthPath}));
		build.onLoad({filter: /[\\/]node_modules[\\/]string-width[\\/]index\.js$/}, async args => {
			if (args.path !== stringWidthPath) throw new Error(`a second string-width in the bundle: ${args.path}`);
			return {contents: lazyStringWidth(await readFile(args.path, 'utf8'), args.path), loader: 'js'};
		});
		build.onLoad({filter: /[\\/]smtp-server[\\/]dist[\\/](?:esm|cjs)[\\/]smtp-connection\.js$/}, async args => {
			const text = await readFile(args.path, 'utf8');
			return {contents: patch(text, args.path, earlyTalkerDelay, 'the early-talker delay option'), loader: 'js'};
		});
		build.onLoad({filter: /[\\/]yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/}, async args => {
			const text = await readFile(args.path, 'utf8');
			return {contents: patch(text, args.path, yogaWasmWithoutFetch, 'loading the WebAssembly without fetch'), loader: 'js'};
		});
	},
};
