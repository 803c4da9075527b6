import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {build} from 'esbuild';
import {afterAll, describe, expect, it} from 'vitest';
// @ts-expect-error: a plain .mjs module of the build scripts, without types
import {shareModuleCopies} from '../../scripts/cjs-fixes.mjs';

/**
scripts/cjs-fixes.mjs shareModuleCopies: in the CommonJS bundles, the importers of a
CommonJS module or Node built-in share one copy of it (esbuild's __toESM made one per
importing module), made again if the module's exports changed names since.
*/

const directory = mkdtempSync(join(tmpdir(), 'cjs-fixes-'));
afterAll(() => {
	rmSync(directory, {recursive: true, force: true});
});

/** Two modules importing node:process, node:path and a CommonJS module, bundled as scripts/bundle.mjs bundles (CommonJS, minified syntax). */
async function bundled(): Promise<string> {
	// A CommonJS module that adds an export after it was first imported (as one still loading in a cycle would look).
	writeFileSync(join(directory, 'late.cjs'), "exports.early = 1;\nexports.addLater = () => {\n\texports.later = 2;\n};\n");
	writeFileSync(join(directory, 'a.mjs'), "import * as namespace from 'node:process';\nimport process from 'node:process';\nimport {join} from 'node:path';\nimport * as late from './late.cjs';\nlate.addLater();\nexport const a = {namespace, process, join, late};\n");
	writeFileSync(join(directory, 'b.mjs'), "import * as namespace from 'node:process';\nimport path, {join} from 'node:path';\nimport * as late from './late.cjs';\nexport const b = {namespace, join, path, late};\n");
	const entry = "export {a} from './a.mjs';\nexport {b} from './b.mjs';\n";
	const result = await build({stdin: {contents: entry, resolveDir: directory, loader: 'js'}, bundle: true, format: 'cjs', platform: 'node', minifySyntax: true, write: false, logLevel: 'error'});
	return result.outputFiles[0]!.text;
}

type Namespace = {default: NodeJS.Process; pid: number};
type Late = {early: number; later?: number};
function load(text: string): {a: {namespace: Namespace; process: NodeJS.Process; join: unknown; late: Late}; b: {namespace: Namespace; join: unknown; path: unknown; late: Late}} {
	const file = join(directory, `bundle-${Math.random().toString(36).slice(2)}.cjs`);
	writeFileSync(file, text);
	return createRequire(import.meta.url)(file) as ReturnType<typeof load>;
}

describe('shareModuleCopies', () => {
	it('gives every importer of a module the same copy, which reads through to the module, and copies again a module whose exports changed', async () => {
		const original = await bundled();
		const before = load(original);
		// esbuild's own helper: a copy of the module per importing module.
		expect(before.a.namespace).not.toBe(before.b.namespace);
		const after = load(shareModuleCopies(original));
		expect(after.a.namespace).toBe(after.b.namespace);
		expect(after.a.namespace.default).toBe(process);
		expect(after.a.namespace.pid).toBe(process.pid);
		expect(after.a.process).toBe(process);
		expect(after.a.join).toBe(join);
		expect(after.b.join).toBe(join);
		expect(after.b.path).toBe(createRequire(import.meta.url)('node:path'));
		// late.cjs gained \`later\` after a.mjs's import: b.mjs's copy has it, as each had its own before.
		expect(before.b.late.later).toBe(2);
		expect(after.b.late.later).toBe(2);
		expect(after.a.late.early).toBe(1);
	});

	it('refuses a bundle whose __toESM helper or built-in imports are not the ones it knows', async () => {
		const original = await bundled();
		expect(() => shareModuleCopies(original.replace('var __toESM = (mod, isNodeMode, target) =>', 'var __toESM = (mod, isNodeMode, target, x) =>'))).toThrow(/__toESM helper changed/);
		expect(() => shareModuleCopies(original.replaceAll(/__toESM\((require[\w$]*\([^()]*\)), 1\)/g, '$1'))).toThrow(/no __toESM/);
	});
});
