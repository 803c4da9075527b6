// Fixes applied to Ink, its layout engine (yoga-layout), meow and smtp-server as they are bundled (esbuild
// plugin), each with the reason. A fix whose pattern is gone fails the build, so an upgrade
// is checked rather than silently unpatched.
import {createHash} from 'node:crypto';
import {readFile} from 'node:fs/promises';
import {fileURLToPath} from 'node:url';
import {inkOutputFixes} from './ink-output.mjs';
import {patch as patchText} from './patch-text.mjs';

// yoga-layout 3 carries its WebAssembly as a base64 data: URL and, when the global fetch
// exists, loads it with fetch(). In Node that pulls in undici just to decode a string
// (about 55 ms of every start, see `npm run bench -- --only startup`); the fallback it
// has for fetch failing decodes the same bytes directly, so it is used from the start.
const yogaWasmWithoutFetch = {
	before: 'function ya(){return w||"function"!=typeof fetch?',
	after: 'function ya(){return true?',
};

// The fallback decodes the base64 with atob (Node 20's is JavaScript) and copies it byte by
// byte in a loop that runs once, before V8 optimises it: 10-16 ms of a start for ~100 KB.
// Buffer decodes it natively in well under a millisecond.
const yogaWasmDecode = {
	before: 'var b=xa(a.slice(37)),c=new Uint8Array(b.length);for(a=0;a<b.length;++a)c[a]=b.charCodeAt(a);var d=c}',
	after: 'var d=Buffer.from(a.slice(37),"base64")}',
};

// Ink checks every text it draws for escapes and C1 controls one code point at a time, a
// for-of and a call per character that the first frames run in V8's interpreter (3-8 ms
// of a profiled start). One regular expression finds the same characters: code points
// U+0080-U+009F are single UTF-16 units, never part of a surrogate pair.
const controlCharacterScan = {
	before: `    for (const character of text) {
        if (isC1ControlCharacter(character)) {
            return true;
        }
    }
    return false;
};`,
	after: `    return /[\\u0080-\\u009f]/.test(text);
};`,
};

/** Ink's ansi-tokenizer.js finding C1 controls with one expression; throws if the code it patches changed. */
export function patchAnsiTokenizer(text, path) {
	return patch(text, path, controlCharacterScan, 'the control character scan');
}

// smtp-server 3.21 holds every greeting back for 100 ms to catch clients that talk before
// it (a fixed timer, no option). The demo server is one the app itself connects to, and
// the explorer's first frame waits for its banner: `earlyTalkerDelay` (ms, default 100 as
// before) lets it greet at once. Only the demo server sets it (source/demo/server.ts).
const earlyTalkerDelay = {
	before: 'setTimeout(() => this.connectionReady(), 100)',
	after: 'setTimeout(() => this.connectionReady(), this._server.options.earlyTalkerDelay ?? 100)',
};

// smtp-server normalises each client's address with net.isIPv6, whose first call compiles
// Node's IPv6 expression: 10-15 ms of the demo's first connection, for 127.0.0.1. Text
// without a colon is never an IPv6 address (RFC 4291 2.2), so it is not asked.
function ipv6OnlyWithColon(text) {
	// The ES module build names the module `net`, the CommonJS build `node_net_1.default`.
	const net = text.includes('node_net_1.default.isIPv6(address)') ? 'node_net_1.default' : 'net';
	return {before: `if (address && ${net}.isIPv6(address)) {`, after: `if (address && address.includes(':') && ${net}.isIPv6(address)) {`};
}

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

// Ink 6.8's incremental writer (createIncremental in build/log-update.js) rewrites every row
// that changed, whole; scripts/ink-writer.mjs writes only the cells that differ and moves
// blocks of rows with the terminal's own line operations. It also has the fixes the old
// string patches made here: the move up past a frame's trailing newline (Ink's own moved
// one row too few, so each update landed one row lower), one move to the first changed row,
// unchanged rows crossed in one jump (ESC[nE), rows started with CR. The replaced code is
// pinned by its SHA-256: an Ink upgrade that changes it fails the build until the new
// writer is checked against it.
const writerPath = fileURLToPath(new URL('ink-writer.mjs', import.meta.url));
const replacedIncremental = {
	from: 'const createIncremental = (stream, { showCursor = false } = {}) => {',
	to: 'const create = (stream, { showCursor = false, incremental = false } = {}) => {',
	sha256: '3947bfd5c2e691dfeb87890298c4a0abae555171c45f8fc4e69520feb368fcc4',
};

export function replaceIncrementalWriter(text, path) {
	const start = text.indexOf(replacedIncremental.from);
	const end = text.indexOf(replacedIncremental.to);
	const replaced = start === -1 || end < start ? undefined : text.slice(start, end);
	if (replaced === undefined || createHash('sha256').update(replaced).digest('hex') !== replacedIncremental.sha256) {
		throw new Error(`${path} changed: check scripts/ink-writer.mjs against Ink's new createIncremental before pinning its SHA-256 in scripts/ink-fixes.mjs`);
	}

	return `${text.slice(0, start)}import {createScrollingIncremental} from ${JSON.stringify(writerPath)};
const createIncremental = (stream, options) => createScrollingIncremental(stream, options, {ansiEscapes, cliCursor, buildCursorOnlySequence, buildCursorSuffix, buildReturnToBottomPrefix, hideCursorEscape});
${text.slice(end)}`;
}

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

// meow's bundled dependencies run normalize-package-data and @babel/code-frame when loaded.
// The first is only for a package.json meow is asked to normalise (cli.pkg, never read
// here), and its spdx-correct sorts a table with localeCompare at load, which loads ICU's
// collation rules: 25-35 ms of every start. The second only describes a package.json
// that is not valid JSON. Both are loaded when first used.
const meowLazyNormalize = {
	before: 'var normalizeExports = requireNormalize();\nconst normalizePackageData = getDefaultExportFromCjs(normalizeExports);\n',
	after: 'const normalizePackageData = (...data) => getDefaultExportFromCjs(requireNormalize())(...data);\n',
};
const meowLazyCodeFrame = {
	before: 'var libExports = requireLib$1();\n',
	after: '',
};
const meowCodeFrameUse = {
	before: 'return libExports.codeFrameColumns(',
	after: 'return requireLib$1().codeFrameColumns(',
};

export function patchMeowDependencies(text, path) {
	return [meowLazyNormalize, meowLazyCodeFrame, meowCodeFrameUse].reduce((contents, fix) => patch(contents, path, fix, "meow's lazy dependencies"), text);
}

const patch = (text, path, fix, what) => patchText(text, path, fix, what, 'scripts/ink-fixes.mjs');

export const inkFixes = {
	name: 'ink-fixes',
	setup(build) {
		build.onLoad({filter: /[\\/]ink[\\/]build[\\/]log-update\.js$/}, async args => {
			const text = await readFile(args.path, 'utf8');
			const contents = replaceIncrementalWriter(text, args.path);
			return {contents, loader: 'js'};
		});
		inkOutputFixes(build);
		build.onLoad({filter: /[\\/]ink[\\/]build[\\/]ansi-tokenizer\.js$/}, async args => ({contents: patchAnsiTokenizer(await readFile(args.path, 'utf8'), args.path), loader: 'js'}));
		build.onLoad({filter: /[\\/]@alcalzone[\\/]ansi-tokenize[\\/]build[\\/]diff\.js$/}, async args => {
			const text = await readFile(args.path, 'utf8');
			return {contents: patch(text, args.path, sameStyleNoDiff, 'the same-style shortcut'), loader: 'js'};
		});
		build.onResolve({filter: /^string-width$/}, () => ({path: stringWidthPath}));
		build.onLoad({filter: /[\\/]node_modules[\\/]string-width[\\/]index\.js$/}, async args => {
			if (args.path !== stringWidthPath) throw new Error(`a second string-width in the bundle: ${args.path}`);
			return {contents: lazyStringWidth(await readFile(args.path, 'utf8'), args.path), loader: 'js'};
		});
		build.onLoad({filter: /[\\/]meow[\\/]build[\\/]dependencies\.js$/}, async args => ({contents: patchMeowDependencies(await readFile(args.path, 'utf8'), args.path), loader: 'js'}));
		build.onLoad({filter: /[\\/]smtp-server[\\/]dist[\\/](?:esm|cjs)[\\/]smtp-connection\.js$/}, async args => {
			const text = await readFile(args.path, 'utf8');
			const greeting = patch(text, args.path, earlyTalkerDelay, 'the early-talker delay option');
			return {contents: patch(greeting, args.path, ipv6OnlyWithColon(greeting), 'the IPv6 check of client addresses'), loader: 'js'};
		});
		build.onLoad({filter: /[\\/]yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/}, async args => {
			const text = await readFile(args.path, 'utf8');
			const withoutFetch = patch(text, args.path, yogaWasmWithoutFetch, 'loading the WebAssembly without fetch');
			return {contents: patch(withoutFetch, args.path, yogaWasmDecode, 'decoding the WebAssembly with Buffer'), loader: 'js'};
		});
	},
};
