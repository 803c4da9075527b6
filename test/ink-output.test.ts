import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {pathToFileURL} from 'node:url';
import {build, type Plugin} from 'esbuild';
import fc from 'fast-check';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
// @ts-expect-error: a plain .mjs module of the build scripts, without types
import {inkOutputFixes, patchOutput, patchSliceAnsiTokenize, patchStyledChars, patchTokenize} from '../scripts/ink-output.mjs';
// @ts-expect-error: a plain .mjs module of the build scripts, without types
import {simpleRanges} from '../scripts/simple-width.mjs';
// @ts-expect-error: a plain .mjs module of the build scripts, without types
import {inkFixes} from '../scripts/ink-fixes.mjs';

/**
scripts/ink-output.mjs patches Ink's Output (rows of recent frames reused), ansi-tokenize
(simple text split without Intl.Segmenter, styles shared between characters) and slice-ansi
(simple text split without Intl.Segmenter) as they are bundled. Ink's own code, bundled without the patches, is the reference: the patched code
must draw every frame the same, including frames that repeat rows of earlier ones.
*/

type Transformer = (line: string, index: number) => string;
type OutputInstance = {
	write(x: number, y: number, text: string, options: {transformers: Transformer[]}): void;
	clip(clip: {x1?: number; x2?: number; y1?: number; y2?: number}): void;
	unclip(): void;
	get(): {output: string; height: number};
};
type Module = {
	Output: new (options: {width: number; height: number}) => OutputInstance;
	tokenize: (text: string) => unknown[];
	styledCharsFromTokens: (tokens: unknown[]) => Array<{styles: unknown[]}>;
	styledCharsToString: (chars: unknown[]) => string;
	sliceAnsi: (text: string, start: number, end?: number) => string;
};

// Ink's package exports do not name build/output.js: it is taken by its path.
const outputPath = join(process.cwd(), 'node_modules', 'ink', 'build', 'output.js');
const entry = `export {default as Output} from ${JSON.stringify(outputPath)};\nexport {tokenize, styledCharsFromTokens, styledCharsToString} from '@alcalzone/ansi-tokenize';\nexport {default as sliceAnsi} from 'slice-ansi';\n`;
let directory: string;
let patched: Module;
let original: Module;

async function bundle(name: string, plugins: Parameters<typeof build>[0]['plugins']): Promise<Module> {
	const outfile = join(directory, `${name}.mjs`);
	await build({stdin: {contents: entry, resolveDir: process.cwd(), loader: 'js'}, bundle: true, format: 'esm', platform: 'node', outfile, logLevel: 'error', plugins});
	return (await import(pathToFileURL(outfile).href)) as Module;
}

beforeAll(async () => {
	directory = mkdtempSync(join(tmpdir(), 'ink-output-'));
	writeFileSync(join(directory, 'package.json'), '{"type": "module"}\n');
	patched = await bundle('patched', [{name: 'ink-output', setup: inkOutputFixes as (build: unknown) => void}]);
	original = await bundle('original', []);
});

afterAll(() => {
	rmSync(directory, {recursive: true, force: true});
});

const ranges = simpleRanges as Array<[number, number]>;
const simpleCharacters = ranges.flatMap(([first, last]) => Array.from({length: last - first + 1}, (_, index) => String.fromCodePoint(first + index)));
const red = '\u001B[31m';
const styles = [red, '\u001B[39m', '\u001B[1m', '\u001B[2m', '\u001B[22m', '\u001B[0m', '\u001B[7m', '\u001B[27m', '\u001B[38;5;12m', '\u001B[1;4;32m', '\u001B]8;;https://example.test\u0007', '\u001B]8;;\u0007'];
// Wide, joining, zero-width and control characters, a lone escape, an unknown escape, the row key's separator.
const others = ['界', '😀', '\u0301', '\u200D', '\uFE0F', '🇩🇪', 'é', '\u00AD', '\u0000', '\u001B', '\u001B[5C', '\t'];
const piece = fc.oneof({weight: 6, arbitrary: fc.constantFrom(...simpleCharacters.filter((_, index) => index % 5 === 0), 'a', 'b', ' ', '─', '│')}, {weight: 2, arbitrary: fc.constantFrom(...styles)}, {weight: 1, arbitrary: fc.constantFrom(...others)});
const line = fc.array(piece, {maxLength: 14}).map(parts => parts.join(''));
const text = fc.array(line, {minLength: 1, maxLength: 3}).map(lines => lines.join('\n'));

const transformers: Record<string, Transformer> = {
	red: line => `${red}${line}\u001B[39m`,
	upper: line => line.toUpperCase(),
	numbered: (line, index) => `${index}${line}`,
};
const transformer = fc.constantFrom(...Object.keys(transformers));

type Operation = {type: 'write'; x: number; y: number; text: string; transformers: string[]} | {type: 'clip'; x1?: number; x2?: number; y1?: number; y2?: number} | {type: 'unclip'};
const edge = fc.option(fc.integer({min: -2, max: 14}), {nil: undefined});
const operation: fc.Arbitrary<Operation> = fc.oneof(
	{weight: 5, arbitrary: fc.record({type: fc.constant('write' as const), x: fc.integer({min: -3, max: 14}), y: fc.integer({min: -2, max: 7}), text, transformers: fc.array(transformer, {maxLength: 2})})},
	{weight: 1, arbitrary: fc.record({type: fc.constant('clip' as const), x1: edge, x2: edge, y1: edge, y2: edge}, {requiredKeys: ['type']})},
	{weight: 1, arbitrary: fc.constant({type: 'unclip' as const})},
);
const frame = fc.record({width: fc.integer({min: 1, max: 12}), height: fc.integer({min: 1, max: 6}), operations: fc.array(operation, {maxLength: 10})});

function draw(module: Module, {width, height, operations}: {width: number; height: number; operations: Operation[]}) {
	const output = new module.Output({width, height});
	for (const operation of operations) {
		if (operation.type === 'write') output.write(operation.x, operation.y, operation.text, {transformers: operation.transformers.map(name => transformers[name]!)});
		else if (operation.type === 'clip') output.clip(operation);
		else output.unclip();
	}

	return output.get();
}

/** The frame with its writes moved (a scrolled or shifted screen) and its width changed. */
const moved = fc.record({dx: fc.integer({min: -3, max: 3}), dy: fc.integer({min: -2, max: 2}), dw: fc.integer({min: -3, max: 3})});
type Frame = {width: number; height: number; operations: Operation[]};
const move = (base: Frame, {dx, dy, dw}: {dx: number; dy: number; dw: number}): Frame => ({
	width: Math.max(1, base.width + dw),
	height: base.height,
	operations: base.operations.map(operation => (operation.type === 'write' ? {...operation, x: operation.x + dx, y: operation.y + dy} : operation)),
});

describe('Ink\'s Output with the rows of recent frames reused', () => {
	it('draws every frame as Ink does, when frames repeat, move and drop rows of earlier ones', () => {
		// A few frames and moved copies of them (the same rows elsewhere, on a narrower or wider
		// screen), drawn in a random order with repeats: rows come from the cache, from the frame
		// before the last (kept) or from further back (dropped, built again).
		fc.assert(
			fc.property(fc.array(frame, {minLength: 1, maxLength: 3}), fc.array(moved, {maxLength: 3}), fc.array(fc.nat(), {minLength: 1, maxLength: 8}), (bases, moves, order) => {
				const frames = [...bases, ...moves.map((by, index) => move(bases[index % bases.length]!, by))];
				for (const pick of order) {
					const chosen = frames[pick % frames.length]!;
					expect(draw(patched, chosen)).toEqual(draw(original, chosen));
				}
			}),
			{numRuns: 1500},
		);
	});

	it('reads lines of simple characters and SGR escapes directly, drawing them as Ink does', () => {
		// Every simple character (one column, its own grapheme) alone, between others and
		// under compound, nested and reset styles; a width of 2 cuts some of them.
		const samples = simpleCharacters.flatMap(character => [character, `a${character}b`, `${red}${character}\u001B[39m`, `\u001B[1;4;32m${character}\u001B[0m${character}`, `\u001B[2m\u001B[38;5;12m${character}\u001B[22m${character}\u001B[m`]);
		for (const sample of samples) {
			for (const width of [2, 8]) {
				const chosen = {width, height: 1, operations: [{type: 'write' as const, x: 0, y: 0, text: sample, transformers: []}]};
				expect(draw(patched, chosen), JSON.stringify(sample)).toEqual(draw(original, chosen));
			}
		}
	});

	it('reuses a row that moved (a scrolled line), and one whose neighbours changed', () => {
		const rows = ['a\u001B[31mred\u001B[39m', 'b\u001B[1mbold\u001B[22m', 'c│d'];
		const frames = [
			{width: 20, height: 3, operations: rows.map((text, y) => ({type: 'write' as const, x: 0, y, text, transformers: []}))},
			{width: 20, height: 3, operations: rows.map((text, y) => ({type: 'write' as const, x: 0, y: (y + 1) % 3, text, transformers: []}))},
			{width: 20, height: 3, operations: [...rows.map((text, y) => ({type: 'write' as const, x: 0, y, text, transformers: []})), {type: 'write' as const, x: 3, y: 1, text: '界', transformers: []}]},
		];
		for (const chosen of [...frames, ...frames]) expect(draw(patched, chosen)).toEqual(draw(original, chosen));
	});
});

describe('ansi-tokenize with simple text split without Intl.Segmenter', () => {
	it('tokenises every simple character as before, alone and between others', () => {
		for (const character of simpleCharacters) {
			for (const sample of [character, `a${character}${character}b`, `${red}${character}\u001B[39m`, `${character}\u0301`, `${character}\u200D${character}`]) {
				expect(patched.tokenize(sample), `U+${character.codePointAt(0)!.toString(16)} in ${JSON.stringify(sample)}`).toEqual(original.tokenize(sample));
			}
		}
	});

	it('tokenises, styles and writes back any line as before', () => {
		fc.assert(
			fc.property(line, sample => {
				expect(patched.tokenize(sample)).toEqual(original.tokenize(sample));
				const chars = patched.styledCharsFromTokens(patched.tokenize(sample));
				expect(chars).toEqual(original.styledCharsFromTokens(original.tokenize(sample)));
				expect(patched.styledCharsToString(chars)).toBe(original.styledCharsToString(original.styledCharsFromTokens(original.tokenize(sample))));
			}),
			{numRuns: 3000},
		);
	});
});

describe('slice-ansi with simple text split without Intl.Segmenter', () => {
	it('cuts every simple character as before, alone and between others', () => {
		for (const character of simpleCharacters) {
			for (const sample of [character, `a${character}${character}b`, `${red}${character}\u001B[39m`, `${character}\u0301`, `${character}\u200D${character}`, `${character}${red}\u0301`]) {
				for (const [start, end] of [[0, 1], [1, 2], [0, 3], [1, undefined]] as const) {
					expect(patched.sliceAnsi(sample, start, end), `U+${character.codePointAt(0)!.toString(16)} in ${JSON.stringify(sample)}`).toBe(original.sliceAnsi(sample, start, end));
				}
			}
		}
	});

	it('cuts any line as before', () => {
		fc.assert(
			fc.property(line, fc.integer({min: 0, max: 16}), fc.option(fc.integer({min: 0, max: 16}), {nil: undefined}), (sample, start, end) => {
				expect(patched.sliceAnsi(sample, start, end)).toBe(original.sliceAnsi(sample, start, end));
			}),
			{numRuns: 3000},
		);
	});

	it('makes no Intl.Segmenter (ICU\'s break rules, 15-25 ms) until a line needs one, neither does ansi-tokenize', async () => {
		const Segmenter = Intl.Segmenter;
		let made = 0;
		const intl = Intl as {Segmenter: typeof Intl.Segmenter};
		intl.Segmenter = class extends Segmenter {
			constructor(...options: ConstructorParameters<typeof Intl.Segmenter>) {
				super(...options);
				made++;
			}
		};
		try {
			// A bundle of its own with all the bundle's fixes (string-width's among them), loaded
			// after the count began: loading it makes no segmenter.
			const fresh = await bundle('patched-fresh', [inkFixes as Plugin]);
			const simpleLine = `\u001B[1m\u2500 session \u2500\u2500\u001B[22m ${red}EHLO a.test\u001B[39m \u2192 \u2713`;
			expect(fresh.sliceAnsi(simpleLine, 2, 30)).toBe(original.sliceAnsi(simpleLine, 2, 30));
			expect(fresh.tokenize(simpleLine)).toEqual(original.tokenize(simpleLine));
			expect(made).toBe(0);
			expect(fresh.sliceAnsi('a\u754Cb', 1, 3)).toBe('\u754C');
			expect(fresh.tokenize('a\u{1F600}')).toEqual(original.tokenize('a\u{1F600}'));
			expect(made).toBe(2);
		} finally {
			intl.Segmenter = Segmenter;
		}
	});
});

describe('the patches fail the build when the code they patch changed', () => {
	const read = (path: string) => readFileSync(join(process.cwd(), 'node_modules', path), 'utf8');

	it('checks Ink\'s output.js, ansi-tokenize\'s tokenize.js and styledChars.js, slice-ansi\'s tokenize-ansi.js', () => {
		const cases: Array<[(text: string, path: string) => string, string, string]> = [
			[patchOutput as (text: string, path: string) => string, 'ink/build/output.js', 'const characters = this.caches.getStyledChars(line);'],
			[patchOutput as (text: string, path: string) => string, 'ink/build/output.js', 'return sliceAnsi(line, from, to);'],
			[patchOutput as (text: string, path: string) => string, 'ink/build/output.js', 'cached = styledCharsFromTokens(tokenize(line));'],
			[patchTokenize as (text: string, path: string) => string, '@alcalzone/ansi-tokenize/build/tokenize.js', 'of segmenter.segment(str)'],
			[patchStyledChars as (text: string, path: string) => string, '@alcalzone/ansi-tokenize/build/styledChars.js', 'styles: [...codes],'],
			[patchStyledChars as (text: string, path: string) => string, '@alcalzone/ansi-tokenize/build/styledChars.js', 'ret += char.value;'],
			[patchSliceAnsiTokenize as (text: string, path: string) => string, 'slice-ansi/tokenize-ansi.js', "new Intl.Segmenter(undefined, {granularity: 'grapheme'});"],
			[patchSliceAnsiTokenize as (text: string, path: string) => string, 'slice-ansi/tokenize-ansi.js', 'function getGraphemeWidth(grapheme) {'],
		];
		for (const [patch, path, needle] of cases) {
			const text = read(path);
			expect(() => patch(text, path)).not.toThrow();
			expect(text).toContain(needle);
			expect(() => patch(text.replace(needle, `${needle} `), path)).toThrow(/changed: check/);
		}
	});
});
