// Ink 6.8's Output (ink/build/output.js) builds every frame from nothing: a cell object for
// each of the 120x40 = 4,800 cells, each line of text cut to its clip with slice-ansi and
// tokenised into one object per character with ansi-tokenize, then every row turned back
// into a string, cell by cell. Its caches of those steps live in the Output, and Ink makes
// a new Output for every frame, so nothing is reused. A keypress changes one or two rows,
// yet each frame paid for all 40 (most of a frame's time, see bench keypress).
//
// The patch keeps what a frame produced for the next one:
// - the caches (string widths, tokenised lines) and the clip cuts are shared by every
//   Output and kept for two frames: what this frame or the last one used, no more;
// - a row is first described by the writes that land on it, in order (column and text);
//   a row whose description was seen in the last two frames takes the string made then,
//   wherever it now is on the screen (a scrolled transcript row moves and stays the same).
//   Only new rows are built, with Ink's own code moved here (its empty cells now one object).
// test/ink-output.test.ts checks that the patched Output gives the same frames as Ink's.
import {readFile} from 'node:fs/promises';
import {fileURLToPath} from 'node:url';
import {patch as patchText} from './patch-text.mjs';

const simpleWidthPath = fileURLToPath(new URL('simple-width.mjs', import.meta.url));

// Two generations: what the current frame used and what the previous one did.
const frameCache = `class FrameCache {
    current = new Map();
    previous = new Map();
    get(key) {
        let value = this.current.get(key);
        if (value === undefined) {
            value = this.previous.get(key);
            if (value !== undefined) {
                this.current.set(key, value);
            }
        }
        return value;
    }
    set(key, value) {
        this.current.set(key, value);
    }
    turn() {
        this.previous = this.current;
        this.current = new Map();
    }
}
const emptyCell = {
    type: 'char',
    value: ' ',
    fullWidth: false,
    styles: [],
};
SIMPLE_STYLED_CHARS
class OutputCaches {`;

// A new row's lines were each split into tokens (one object per character and per escape,
// after a grapheme split) and the tokens then turned into characters. A line made only of
// SGR escapes and simple characters (one column each, their own grapheme: see
// scripts/simple-width.mjs) gives the same characters read directly: each escape's tokens
// are ansi-tokenize's own, kept per escape; anything else (links, other escapes, wide or
// combining characters) goes the long way as before.
const simpleStyledChars = `const sgrSequence = /\\u001B\\[[\\d;]*m/y;
const sgrTokens = new Map();
function simpleStyledChars(line) {
    const chars = [];
    let styles = [];
    let index = 0;
    while (index < line.length) {
        const code = line.charCodeAt(index);
        if (code === 0x1b) {
            sgrSequence.lastIndex = index;
            const sequence = sgrSequence.exec(line)?.[0];
            if (sequence === undefined) {
                return undefined;
            }
            let tokens = sgrTokens.get(sequence);
            if (tokens === undefined) {
                tokens = tokenize(sequence);
                if (sgrTokens.size < 1000) {
                    sgrTokens.set(sequence, tokens);
                }
            }
            for (const token of tokens) {
                styles = reduceAnsiCodesIncremental(styles, [token]);
            }
            index += sequence.length;
            continue;
        }
        if (!isSimple(code)) {
            return undefined;
        }
        chars.push({ type: 'char', value: line[index], fullWidth: false, styles });
        index++;
    }
    return chars;
}`;

const simpleLines = {
	before: `            cached = styledCharsFromTokens(tokenize(line));
`,
	after: `            cached = simpleStyledChars(line) ?? styledCharsFromTokens(tokenize(line));
`,
};

const reduceImported = {
	before: `import { styledCharsFromTokens, styledCharsToString, tokenize, } from '@alcalzone/ansi-tokenize';
`,
	after: `import { reduceAnsiCodesIncremental, styledCharsFromTokens, styledCharsToString, tokenize, } from '@alcalzone/ansi-tokenize';
`,
};

const sharedCaches = {
	before: `class OutputCaches {
    widths = new Map();
    blockWidths = new Map();
    styledChars = new Map();
`,
	after: `${frameCache}
    widths = new FrameCache();
    blockWidths = new FrameCache();
    styledChars = new FrameCache();
    slices = new FrameCache();
    rows = new FrameCache();
    /** After each frame: keeps what it used, drops what the frame before used and it did not. */
    turn() {
        for (const cache of [this.widths, this.blockWidths, this.styledChars, this.slices, this.rows]) {
            cache.turn();
        }
    }
    getSlice(line, from, to) {
        const key = from + ',' + to + ',' + line;
        let cached = this.slices.get(key);
        if (cached === undefined) {
            cached = sliceAnsi(line, from, to);
            this.slices.set(key, cached);
        }
        return cached;
    }
    /** A row from its writes (column, text, column, text, ...), built only if no recent frame had it. */
    getRow(width, writes) {
        let key = String(width);
        for (let write = 0; write < writes.length; write += 2) {
            key += '\\u0000' + writes[write] + '\\u0000' + writes[write + 1].length + '\\u0000' + writes[write + 1];
        }
        let cached = this.rows.get(key);
        if (cached === undefined) {
            cached = this.buildRow(width, writes);
            this.rows.set(key, cached);
        }
        return cached;
    }
    // Ink's own code for a row, from Output.get; the empty cells share one object (cells are
    // replaced, never changed).
    buildRow(width, writes) {
        const currentLine = [];
        for (let x = 0; x < width; x++) {
            currentLine.push(emptyCell);
        }
        for (let write = 0; write < writes.length; write += 2) {
            const x = writes[write];
            const line = writes[write + 1];
CHARACTERS
        }
        // See https://github.com/vadimdemedes/ink/pull/564#issuecomment-1637022742
        const lineWithoutEmptyItems = currentLine.filter(item => item !== undefined);
        return styledCharsToString(lineWithoutEmptyItems).trimEnd();
    }
`,
};

// The width of each character of a new row was looked up in the widths cache; one of the
// simple characters is one column (what string-width says, see test/simple-width.test.ts).
const simpleCharacterWidth = {
	before: `    getStringWidth(text) {
`,
	after: `    getStringWidth(text) {
        if (text.length === 1 && isSimple(text.charCodeAt(0))) {
            return 1;
        }
`,
};

const oneCachePerProcess = {
	before: `    operations = [];
    caches = new OutputCaches();
`,
	after: `    operations = [];
    caches = outputCaches;
`,
};

const cachesInstance = {
	before: `export default class Output {`,
	after: `const outputCaches = new OutputCaches();
export default class Output {`,
};

const emptyRows = {
	before: `        const output = [];
        for (let y = 0; y < this.height; y++) {
            const row = [];
            for (let x = 0; x < this.width; x++) {
                row.push({
                    type: 'char',
                    value: ' ',
                    fullWidth: false,
                    styles: [],
                });
            }
            output.push(row);
        }
`,
	after: `        // Each row's writes in order: column, text, column, text, ... (its cells are built in getRow).
        const output = [];
        for (let y = 0; y < this.height; y++) {
            output.push([]);
        }
`,
};

const cachedSlice = {
	before: '                            return sliceAnsi(line, from, to);\n',
	after: '                            return this.caches.getSlice(line, from, to);\n',
};

// The characters of one line put into the row's cells: moved as it is into buildRow.
const characters = `                    const characters = this.caches.getStyledChars(line);
                    let offsetX = x;
                    for (const character of characters) {
                        currentLine[offsetX] = character;
                        // Determine printed width using string-width to align with measurement
                        const characterWidth = Math.max(1, this.caches.getStringWidth(character.value));
                        // For multi-column characters, clear following cells to avoid stray spaces/artifacts
                        if (characterWidth > 1) {
                            for (let index = 1; index < characterWidth; index++) {
                                currentLine[offsetX + index] = {
                                    type: 'char',
                                    value: '',
                                    fullWidth: false,
                                    styles: character.styles,
                                };
                            }
                        }
                        offsetX += characterWidth;
                    }
`;

const recordWrite = {
	before: characters,
	after: '                    currentLine.push(x, line);\n',
};

const rowsFromCache = {
	before: `        const generatedOutput = output
            .map(line => {
            // See https://github.com/vadimdemedes/ink/pull/564#issuecomment-1637022742
            const lineWithoutEmptyItems = line.filter(item => item !== undefined);
            return styledCharsToString(lineWithoutEmptyItems).trimEnd();
        })
            .join('\\n');
`,
	after: `        const generatedOutput = output.map(writes => this.caches.getRow(this.width, writes)).join('\\n');
        this.caches.turn();
`,
};

// ansi-tokenize splits every line into graphemes with Intl.Segmenter, the larger part of
// building a row that is new (all of them after PgUp). Text made only of escapes and of the
// characters scripts/simple-width.mjs knows to stand alone (ASCII, Latin, box drawing,
// arrows...) is one grapheme per code unit, each one column wide: it is split without the
// segmenter. Other text still goes through it.
// The segmenter itself is made on first need: the first Intl.Segmenter of a process loads
// ICU's break rules, 15-25 ms that a first frame of simple text does not need.
const simpleGraphemes = {
	before: 'const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });\n',
	after: `let segmenter;
function graphemes(str) {
    for (let index = 0; index < str.length; index++) {
        const code = str.charCodeAt(index);
        if (code !== 0x1b && !isSimple(code)) {
            segmenter ??= new Intl.Segmenter(undefined, { granularity: "grapheme" });
            return segmenter.segment(str);
        }
    }
    const segments = new Array(str.length);
    for (let index = 0; index < str.length; index++) {
        segments[index] = { segment: str[index], index };
    }
    return segments;
}
`,
};

const segmentsFromGraphemes = {
	before: '    for (const { segment, index } of segmenter.segment(str)) {\n',
	after: '    for (const { segment, index } of graphemes(str)) {\n',
};

// Each character of a tokenised line was a copy of its token with its own copy of the
// styles in force. Every escape already gives a new array of styles (reduceAnsiCodesIncremental
// copies, nothing changes them later; Output shares them the same way for wide characters),
// so the characters up to the next escape share it and the token's three fields are copied
// by name: the same characters, with far fewer allocations for a new row.
const sharedStyles = {
	before: `            ret.push({
                ...token,
                styles: [...codes],
            });
`,
	after: `            ret.push({ type: token.type, value: token.value, fullWidth: token.fullWidth, styles: codes });
`,
};

// Writing a row out asks for the codes between each two neighbouring cells, and each answer
// builds a Set and an array even when it is "none". Cells that share their styles array
// (the characters between two escapes, see above; the empty cells) need no codes at all.
const sameStylesNothing = {
	before: `            ret += ansiCodesToString(diffAnsiCodes(chars[i - 1].styles, char.styles));
`,
	after: `            if (chars[i - 1].styles !== char.styles) {
                ret += ansiCodesToString(diffAnsiCodes(chars[i - 1].styles, char.styles));
            }
`,
};

// A row's string was grown one character at a time (`ret += char.value`): some 120 short
// intermediate strings per row, the largest share of what a PgUp frame allocates (every
// row is new then; Output and the writer both write rows out with this function). The
// pieces are collected and joined once; escapes that come out empty are left out, as
// adding "" was.
const joinedString = {
	before: `export function styledCharsToString(chars) {
    let ret = "";
    for (let i = 0; i < chars.length; i++) {
        const char = chars[i];
        if (i === 0) {
            ret += ansiCodesToString(char.styles);
        }
        else {
            if (chars[i - 1].styles !== char.styles) {
                ret += ansiCodesToString(diffAnsiCodes(chars[i - 1].styles, char.styles));
            }
        }
        ret += char.value;
        // reset active styles at the end of the string
        if (i === chars.length - 1) {
            ret += ansiCodesToString(diffAnsiCodes(char.styles, []));
        }
    }
    return ret;
}
`,
	after: `export function styledCharsToString(chars) {
    // At most an escape before each character and one after the last: one array, never grown.
    const pieces = new Array(chars.length * 2 + 1);
    let count = 0;
    for (let i = 0; i < chars.length; i++) {
        const char = chars[i];
        if (i === 0) {
            if (char.styles.length > 0) {
                pieces[count++] = ansiCodesToString(char.styles);
            }
        }
        else if (chars[i - 1].styles !== char.styles) {
            const codes = diffAnsiCodes(chars[i - 1].styles, char.styles);
            if (codes.length > 0) {
                pieces[count++] = ansiCodesToString(codes);
            }
        }
        pieces[count++] = char.value;
        // reset active styles at the end of the string
        if (i === chars.length - 1 && char.styles.length > 0) {
            pieces[count++] = ansiCodesToString(diffAnsiCodes(char.styles, []));
        }
    }
    pieces.length = count;
    return pieces.join("");
}
`,
};

// slice-ansi (Ink cuts every line to its clip with it) makes its Intl.Segmenter when it is
// loaded, and segments every line it cuts; its widths ask a \p{Emoji_Presentation}
// expression, compiled on first use. Here its segmenter is made on first need, and a line
// made only of escapes and simple characters (scripts/simple-width.mjs: each its own
// grapheme, one column wide) is split one code unit per grapheme without it, as the
// segmenter would split it (an escape is a control: a grapheme of its own, UAX #29 GB4/GB5).
const sliceAnsiSegmenter = {
	before: "const GRAPHEME_SEGMENTER = new Intl.Segmenter(undefined, {granularity: 'grapheme'});\n",
	after: `let graphemeSegmenter;
function simpleSegments(string) {
	const segmentAt = index => ({segment: string[index], index, input: string});
	return {
		containing: index => (index >= 0 && index < string.length ? segmentAt(index) : undefined),
		* [Symbol.iterator]() {
			for (let index = 0; index < string.length; index++) {
				yield segmentAt(index);
			}
		},
	};
}
const GRAPHEME_SEGMENTER = {
	segment(string) {
		for (let index = 0; index < string.length; index++) {
			const code = string.charCodeAt(index);
			if (code !== 0x1b && !isSimple(code)) {
				graphemeSegmenter ??= new Intl.Segmenter(undefined, {granularity: 'grapheme'});
				return graphemeSegmenter.segment(string);
			}
		}
		return simpleSegments(string);
	},
};
`,
};

const sliceAnsiSimpleWidth = {
	before: 'function getGraphemeWidth(grapheme) {\n',
	after: `function getGraphemeWidth(grapheme) {
	if (grapheme.length === 1 && isSimple(grapheme.charCodeAt(0))) {
		return 1;
	}
`,
};

const patch = (text, path, fix, what) => patchText(text, path, fix, what, 'scripts/ink-output.mjs');

/** Ink's output.js with the rows of recent frames reused; throws if the code it patches changed. */
export function patchOutput(text, path) {
	// The loop, one level deeper in buildRow (inside the loop over the row's writes).
	const moved = characters.replace(/^ {20}/gm, '            ').replaceAll('this.caches.', 'this.').trimEnd();
	let contents = patch(text, path, sharedCaches, 'the shared caches');
	contents = contents.replace('CHARACTERS', () => moved).replace('SIMPLE_STYLED_CHARS', () => simpleStyledChars);
	contents = patch(contents, path, simpleLines, 'the simple lines read directly');
	contents = patch(contents, path, reduceImported, 'the imports from ansi-tokenize');
	contents = patch(contents, path, simpleCharacterWidth, 'the width of a simple character');
	contents = patch(contents, path, cachesInstance, 'the caches instance');
	contents = patch(contents, path, oneCachePerProcess, 'the caches instance');
	contents = patch(contents, path, emptyRows, 'the empty rows');
	contents = patch(contents, path, cachedSlice, 'the cached clip cut');
	contents = patch(contents, path, recordWrite, 'recording writes per row');
	contents = patch(contents, path, rowsFromCache, 'the rows from the cache');
	return `import {isSimple} from ${JSON.stringify(simpleWidthPath)};\n${contents}`;
}

/** ansi-tokenize's tokenize.js splitting simple text without Intl.Segmenter; throws if the code it patches changed. */
export function patchTokenize(text, path) {
	let contents = patch(text, path, simpleGraphemes, 'the simple graphemes');
	contents = patch(contents, path, segmentsFromGraphemes, 'the loop over graphemes');
	return `import {isSimple} from ${JSON.stringify(simpleWidthPath)};\n${contents}`;
}

/** slice-ansi's tokenize-ansi.js with its segmenter made on first need and simple text split without it; throws if the code it patches changed. */
export function patchSliceAnsiTokenize(text, path) {
	const contents = patch(patch(text, path, sliceAnsiSegmenter, "slice-ansi's segmenter"), path, sliceAnsiSimpleWidth, "slice-ansi's grapheme width");
	return `import {isSimple} from ${JSON.stringify(simpleWidthPath)};\n${contents}`;
}

/** ansi-tokenize's styledChars.js sharing the styles between characters; throws if the code it patches changed. */
export function patchStyledChars(text, path) {
	const contents = patch(patch(text, path, sharedStyles, 'the shared styles'), path, sameStylesNothing, 'skipping shared styles');
	return patch(contents, path, joinedString, 'the joined row string');
}

/** Registers the patches with an esbuild build (from scripts/ink-fixes.mjs). */
export function inkOutputFixes(build) {
	build.onLoad({filter: /[\\/]ink[\\/]build[\\/]output\.js$/}, async args => ({contents: patchOutput(await readFile(args.path, 'utf8'), args.path), loader: 'js'}));
	build.onLoad({filter: /[\\/]@alcalzone[\\/]ansi-tokenize[\\/]build[\\/]tokenize\.js$/}, async args => ({contents: patchTokenize(await readFile(args.path, 'utf8'), args.path), loader: 'js'}));
	build.onLoad({filter: /[\\/]slice-ansi[\\/]tokenize-ansi\.js$/}, async args => ({contents: patchSliceAnsiTokenize(await readFile(args.path, 'utf8'), args.path), loader: 'js'}));
	build.onLoad({filter: /[\\/]@alcalzone[\\/]ansi-tokenize[\\/]build[\\/]styledChars\.js$/}, async args => ({contents: patchStyledChars(await readFile(args.path, 'utf8'), args.path), loader: 'js'}));
}
