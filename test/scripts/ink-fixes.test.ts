import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {pathToFileURL} from 'node:url';
import fc from 'fast-check';
import {afterAll, describe, expect, it} from 'vitest';
// @ts-expect-error: a plain .mjs module of the build scripts, without types
import {patchAnsiTokenizer} from '../../scripts/ink-fixes.mjs';

/**
scripts/ink-fixes.mjs patchAnsiTokenizer: Ink's check for escapes and C1 controls in the
text it draws, made with one regular expression, answers as Ink's own loop does.
*/

const path = join(process.cwd(), 'node_modules', 'ink', 'build', 'ansi-tokenizer.js');
const original = readFileSync(path, 'utf8');
const directory = mkdtempSync(join(tmpdir(), 'ink-fixes-'));
afterAll(() => {
	rmSync(directory, {recursive: true, force: true});
});

type Tokenizer = {hasAnsiControlCharacters: (text: string) => boolean; tokenizeAnsi: (text: string) => unknown[]};

/** Ink's ansi-tokenizer.js as written to a file of its own (it imports nothing). */
async function load(name: string, text: string): Promise<Tokenizer> {
	const file = join(directory, `${name}.mjs`);
	// Without its source map comment: the map is not copied along.
	writeFileSync(file, text.replace(/^\/\/# sourceMappingURL=.*$/m, ''));
	return (await import(pathToFileURL(file).href)) as Tokenizer;
}

describe('patchAnsiTokenizer', () => {
	it('finds escapes and C1 controls exactly where Ink\'s loop does', async () => {
		expect(original).not.toMatch(/^import /m);
		const ink = await load('original', original);
		const patched = await load('patched', patchAnsiTokenizer(original, path));
		expect(patched.hasAnsiControlCharacters('plain \u2500 text')).toBe(false);
		expect(patched.hasAnsiControlCharacters('a\u009Bb')).toBe(true);
		expect(patched.hasAnsiControlCharacters('a\u0080')).toBe(true);
		expect(patched.hasAnsiControlCharacters('\u00A0\u007F')).toBe(false);
		const piece = fc.oneof(fc.string({maxLength: 4}), fc.constantFrom('\u001B', '\u0080', '\u009F', '\u00A0', '\u007F', '\u{1F600}', '\uD800', '\uDC80', '界'));
		fc.assert(
			fc.property(fc.array(piece, {maxLength: 8}), parts => {
				const text = parts.join('');
				expect(patched.hasAnsiControlCharacters(text)).toBe(ink.hasAnsiControlCharacters(text));
				expect(patched.tokenizeAnsi(text)).toEqual(ink.tokenizeAnsi(text));
			}),
			{numRuns: 3000},
		);
	});

	it('refuses an Ink whose loop changed', () => {
		expect(() => patchAnsiTokenizer(original.replace('if (isC1ControlCharacter(character)) {', 'if (isC1(character)) {'), path)).toThrow(/changed: check/);
	});
});
