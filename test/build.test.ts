import {execFileSync} from 'node:child_process';
import {readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {pathToFileURL} from 'node:url';
import {describe, expect, it} from 'vitest';
// @ts-expect-error: a plain ES module of the build, without type declarations.
import {checkBundle, undefinedCommonJsUses} from '../scripts/check-bundle.mjs';
// @ts-expect-error: a plain ES module of the build, without type declarations.
import {patchMeowDependencies, replaceIncrementalWriter} from '../scripts/ink-fixes.mjs';

/**
The fixes scripts/ink-fixes.mjs makes to Ink and yoga-layout as they are bundled, checked on
the built bundle (`npm test` builds first).
*/

const dist = join(import.meta.dirname, '..', 'dist');
const chunks = readdirSync(dist).filter(name => name.endsWith('.js'));
const chunkHolding = (text: string): string => {
	const found = chunks.find(name => readFileSync(join(dist, name), 'utf8').includes(text));
	if (!found) throw new Error(`no chunk in dist/ holds ${text}`);
	return join(dist, found);
};

describe('the bundle', () => {
	it('decodes yoga-layout\'s WebAssembly without loading fetch (undici) at start, with Buffer', () => {
		const yoga = chunkHolding('data:application/octet-stream;base64,');
		// Imports the chunk that carries yoga-layout, lets its loading finish, then reports
		// whether Node loaded its fetch implementation and whether the layout engine works.
		const script = `
			await import(${JSON.stringify(yoga)});
			await new Promise(resolve => setTimeout(resolve, 300));
			const undici = process.moduleLoadList.some(name => name.includes('undici'));
			console.log(JSON.stringify({undici}));
		`;
		const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], {encoding: 'utf8', timeout: 20_000});
		expect(JSON.parse(output)).toEqual({undici: false});
		// Decoded by Buffer, not atob and a byte loop (10-16 ms of a start); importing the chunk above instantiated it.
		expect(readFileSync(yoga, 'utf8')).toContain('Buffer.from(a.slice(37), "base64")');
		expect(readFileSync(join(dist, 'explorer.cjs'), 'utf8')).toContain('Buffer.from(a.slice(37), "base64")');
	});

	it('writes Ink\'s incremental updates with scripts/ink-writer.mjs, and refuses an Ink whose writer changed', () => {
		const ink = readFileSync(chunkHolding('incrementalRendering'), 'utf8');
		expect(ink).toMatch(/createIncremental\d* = \(stream\d*, options\d*\) => createScrollingIncremental\(stream\d*, options\d*, \{/);
		const logUpdate = join(import.meta.dirname, '..', 'node_modules', 'ink', 'build', 'log-update.js');
		const original = readFileSync(logUpdate, 'utf8');
		expect(replaceIncrementalWriter(original, logUpdate)).toContain('createScrollingIncremental(stream, options, {ansiEscapes, cliCursor');
		const changed = original.replace('buffer.push(ansiEscapes.cursorNextLine);', 'buffer.push(ansiEscapes.cursorDown());');
		expect(() => replaceIncrementalWriter(changed, logUpdate)).toThrow(/changed: check scripts\/ink-writer\.mjs/);
	});

	it('holds one string-width, whose full rules are built only for text that needs them', () => {
		const bundled = chunks.map(name => readFileSync(join(dist, name), 'utf8')).join('\n');
		// One copy of the emoji expression, built inside rules() on first need, not at load.
		expect(bundled.split('p{RGI_Emoji}').length - 1).toBe(1);
		const ink = readFileSync(chunkHolding('p{RGI_Emoji}'), 'utf8');
		const rules = ink.indexOf('function rules()');
		expect(rules).toBeGreaterThan(-1);
		expect(ink.indexOf('p{RGI_Emoji}')).toBeGreaterThan(rules);
		expect(ink).toMatch(/return simpleWidth\(input, options\) \?\? \(measure \?\?= rules\(\)\)\(input, options\)/);
	});

	it('lets the demo server greet without smtp-server\'s 100 ms early-talker wait', () => {
		const server = readFileSync(chunkHolding('connectionReady()'), 'utf8');
		expect(server).toContain('this._server.options.earlyTalkerDelay ?? 100');
		expect(server).not.toMatch(/connectionReady\(\), 100\)/);
		const demo = readFileSync(chunkHolding('smtp-explorer demo server (practice only)'), 'utf8');
		expect(demo).toMatch(/earlyTalkerDelay: 0/);
	});

	it('lets smtp-server ask net.isIPv6 (whose first call compiles a large expression) only about addresses with a colon', () => {
		const server = readFileSync(chunkHolding('connectionReady()'), 'utf8');
		expect(server).toMatch(/return address && address\.includes\(":"\) && net\d*\.isIPv6\(address\) && \(address = normalizeIPv6\(address\)\)/);
	});

	it('skips the style difference of neighbouring cells that share their style (ansi-tokenize)', () => {
		const ink = readFileSync(chunkHolding('function diffAnsiCodes'), 'utf8');
		expect(ink).toMatch(/function diffAnsiCodes\(from, to\) \{\s*if \(from\.length === to\.length && from\.every\(/);
	});

	it('reuses the rows of recent frames in Ink\'s Output and splits simple text without the segmenter (scripts/ink-output.mjs)', () => {
		const ink = readFileSync(chunkHolding('caches = outputCaches'), 'utf8');
		expect(ink).toMatch(/output\d*\.map\(\(writes\d*\) => this\.caches\.getRow\(this\.width, writes\d*\)\)\.join\(`\n`\)/);
		expect(ink).toMatch(/caches = outputCaches\d*;/);
		expect(ink).toMatch(/cached = simpleStyledChars\(line\d*\) \?\? styledCharsFromTokens\(tokenize\(line\d*\)\)/);
		expect(ink).toMatch(/for \(let \{ segment, index \} of graphemes\(str\)\)/);
		expect(ink).toMatch(/fullWidth: token\d*\.fullWidth, styles: codes\d* \}\)/);
		expect(ink).toMatch(/function styledCharsToString\(chars\d*\) \{\s*(?:const|let) pieces\d* = new Array\(chars\d*\.length \* 2 \+ 1\)[^]*?pieces\d*\.length = count\d*[,;]\s*(?:return )?pieces\d*\.join\(""\);/);
	});

	it('makes the explorer one CommonJS file, with its hash last, no import() and no top-level await', () => {
		const explorer = readFileSync(join(dist, 'explorer.cjs'), 'utf8');
		expect(explorer.trimEnd().split('\n').at(-1)).toMatch(/^\/\/# bundle-hash [\da-f]{16}$/);
		// import() inside a script compiled from V8's cached data fails in Node 20.
		expect(explorer).not.toMatch(/\bimport\(/);
		// yoga-layout's WebAssembly is ready when yogaReady settles; the explorer awaits it before drawing.
		expect(explorer).toMatch(/var Yoga\d*, yogaReady\d* = /);
		expect(explorer).toMatch(/main\(argv, io, \{ \.\.\.hooks, ready: yogaReady\d* \}\)/);
		// The demo server stays in its own ES module chunk, loaded only for --demo.
		expect(explorer).toContain('importModule("./demo.js")');
		expect(explorer).not.toContain('smtp-explorer demo server (practice only)');
		expect(chunks).toContain('demo.js');
	});

	it('answers --version from the entry file alone: it imports no chunk before it has looked at the arguments', () => {
		const entry = readFileSync(join(dist, 'cli.js'), 'utf8');
		const staticImports = [...entry.matchAll(/^(?:import\b[^;]*?from\s*|import\s*)["']([^"']+)["'];?$/gm)].map(match => match[1]);
		expect(staticImports.length).toBeGreaterThan(0);
		expect(staticImports.filter(specifier => !specifier!.startsWith('node:'))).toEqual([]);
		expect(execFileSync(process.execPath, [join(dist, 'cli.js'), '--version'], {encoding: 'utf8'})).toMatch(/^\d+\.\d+\.\d+\n$/);
	});

	it('leaves out what most starts never run and requires it from a file of its own when first needed', async () => {
		const explorer = readFileSync(join(dist, 'explorer.cjs'), 'utf8');
		// Ink's DevTools (and the ws library they pull in) are not bundled at all.
		expect(explorer).not.toContain('Sec-WebSocket');
		const lazy: Array<[file: string, marker: string, exported: string]> = [['messages-pt.cjs', 'conectando a', 'pt'], ['catalog-pt.cjs', 'Caixa postal', 'pt'], ['socks.cjs', 'SocksClient = class', 'SocksClient']];
		for (const [file, marker, exported] of lazy) {
			expect(explorer).not.toContain(marker);
			expect(explorer).toContain(`require("./${file}")`);
			expect(readFileSync(join(dist, file), 'utf8')).toContain(marker);
			const module = await import(pathToFileURL(join(dist, file)).href) as Record<string, unknown>;
			expect(module[exported], file).toBeDefined();
		}
	});

	it('loads the explorer and view bundles without loading ICU\'s grapheme or collation rules (15-35 ms each)', () => {
		// Counts what loads those rules (a new Intl.Segmenter, Intl.Collator, localeCompare)
		// while the bundle is loaded: slice-ansi, ansi-tokenize and text-width each made a
		// segmenter at load; meow's normalize-package-data sorted a table with localeCompare.
		const script = `
			const counts = {segmenters: 0, collations: 0};
			const Segmenter = Intl.Segmenter;
			Intl.Segmenter = class extends Segmenter { constructor(...options) { super(...options); counts.segmenters++; } };
			const Collator = Intl.Collator;
			Intl.Collator = class extends Collator { constructor(...options) { super(...options); counts.collations++; } };
			const localeCompare = String.prototype.localeCompare;
			String.prototype.localeCompare = function (...options) { counts.collations++; return localeCompare.apply(this, options); };
			const bundle = require(process.argv[1]);
			// write-file-atomic (with signal-exit, worker_threads, crypto) is loaded when a file is first saved.
			const workerThreads = process.moduleLoadList.includes('NativeModule worker_threads');
			console.log(JSON.stringify({...counts, workerThreads, main: typeof bundle.main}));
		`;
		for (const file of ['explorer.cjs', 'view.cjs']) {
			const output = execFileSync(process.execPath, ['-e', script, join(dist, file)], {encoding: 'utf8', timeout: 20_000});
			expect(JSON.parse(output), file).toEqual({segmenters: 0, collations: 0, workerThreads: false, main: 'function'});
		}
	});

	it('shares one copy of each module (React, Node built-ins) between the modules of the explorer and view bundles that import it', () => {
		for (const file of ['explorer.cjs', 'view.cjs']) {
			const bundle = readFileSync(join(dist, file), 'utf8');
			expect(bundle, file).toContain('__toESMOnce(require("node:process"))');
			expect(bundle, file).toMatch(/__toESMOnce\(require_react\(\)\)/);
			expect(bundle, file).not.toMatch(/__toESM\(require[\w$]*\(/);
		}
	});

	it('makes the explorer and view bundles pure ASCII (source/code-cache.ts reads them as Latin-1, 15-20 ms sooner than UTF-8)', () => {
		for (const file of ['explorer.cjs', 'view.cjs']) {
			const bytes = readFileSync(join(dist, file));
			expect(bytes.findIndex(byte => byte > 0x7f), file).toBe(-1);
		}
	});

	it('refuses a meow whose bundled dependencies changed where they are made lazy', () => {
		const path = join(import.meta.dirname, '..', 'node_modules', 'meow', 'build', 'dependencies.js');
		const original = readFileSync(path, 'utf8');
		expect(patchMeowDependencies(original, path)).toContain('getDefaultExportFromCjs(requireNormalize())');
		expect(() => patchMeowDependencies(original.replace('var normalizeExports = requireNormalize();', 'var normalizeExports = requireNormalize(1);'), path)).toThrow(/changed: check/);
		expect(() => patchMeowDependencies(original.replace('return libExports.codeFrameColumns(', 'return libExports.codeFrame('), path)).toThrow(/changed: check/);
	});

	it('makes view one CommonJS file too, started through the code cache, with yoga awaited before drawing', () => {
		const view = readFileSync(join(dist, 'view.cjs'), 'utf8');
		expect(view.trimEnd().split('\n').at(-1)).toMatch(/^\/\/# bundle-hash [\da-f]{16}$/);
		expect(view).not.toMatch(/\bimport\(/);
		expect(view).toMatch(/var Yoga\d*, yogaReady\d* = /);
		expect(view).toMatch(/main\d*\(argv, io, \{ \.\.\.hooks, ready: yogaReady\d* \}\)/);
		// The view command itself (its check of the first lines) and no explorer (the demo server least of all).
		expect(view).toMatch(/index\.firstLines\(firstLinesChecked\d*\)/);
		expect(view).not.toContain('smtp-explorer demo server (practice only)');
		// Like the explorer's, it requires the Portuguese tables from their own file when first needed.
		expect(view).not.toContain('conectando a');
		expect(view).toContain('require("./messages-pt.cjs")');
		// cli.js sends `view` to it, not to the ES module chunk (which completion still reads flags from).
		expect(readFileSync(join(dist, 'cli.js'), 'utf8')).toMatch(/view: \{ load: cachedBundle\("view\.cjs"\) \}/);
	});
});

describe('the CommonJS names check (scripts/check-bundle.mjs)', () => {
	const banner = readFileSync(join(dist, 'cli.js'), 'utf8').split('\n')[1]!;

	it('finds nothing in the built bundle: every chunk defines require, __filename and __dirname', () => {
		expect(banner).toMatch(/const __filename = .*const __dirname = /);
		expect(checkBundle(dist)).toEqual([]);
	});

	it('names the chunk line that uses __filename, __dirname or require() without defining it', () => {
		const chunk = 'var tmp = crypto.createHash("sha1").update(__filename);\nvar here = __dirname + "/x";\nvar fs = require("node:fs");';
		expect(undefinedCommonJsUses(chunk).map((use: {name: string; line: number}) => `${use.name}@${use.line}`)).toEqual(['require@3', '__filename@1', '__dirname@2']);
		expect(undefinedCommonJsUses(`${banner}\n${chunk}`)).toEqual([]);
	});

	it('does not count properties, object keys or the English word "require" as uses', () => {
		const chunk = 'module.__dirname; var o = {__filename: 1}; var help = "servers that require TLS"; x.require("y"); typeof require$1;';
		expect(undefinedCommonJsUses(chunk)).toEqual([]);
	});
});
