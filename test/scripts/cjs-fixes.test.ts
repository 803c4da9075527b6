import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {build} from 'esbuild';
import {afterAll, describe, expect, it} from 'vitest';
// @ts-expect-error: a plain .mjs module of the build scripts, without types
import {shareBuiltinCopies} from '../../scripts/cjs-fixes.mjs';

/**
scripts/cjs-fixes.mjs shareBuiltinCopies: in the CommonJS bundles, every import of a Node
built-in shares one copy of it (esbuild's __toESM made one per importing module).
*/

const directory = mkdtempSync(join(tmpdir(), 'cjs-fixes-'));
afterAll(() => {
	rmSync(directory, {recursive: true, force: true});
});

/** Two modules importing node:process and node:path, bundled as scripts/bundle.mjs bundles (CommonJS, minified syntax). */
async function bundled(): Promise<string> {
	writeFileSync(join(directory, 'a.mjs'), "import * as namespace from 'node:process';\nimport process from 'node:process';\nimport {join} from 'node:path';\nexport const a = {namespace, process, join};\n");
	writeFileSync(join(directory, 'b.mjs'), "import * as namespace from 'node:process';\nimport path, {join} from 'node:path';\nexport const b = {namespace, join, path};\n");
	const entry = "export {a} from './a.mjs';\nexport {b} from './b.mjs';\n";
	const result = await build({stdin: {contents: entry, resolveDir: directory, loader: 'js'}, bundle: true, format: 'cjs', platform: 'node', minifySyntax: true, write: false, logLevel: 'error'});
	return result.outputFiles[0]!.text;
}

type Namespace = {default: NodeJS.Process; pid: number};
function load(text: string): {a: {namespace: Namespace; process: NodeJS.Process; join: unknown}; b: {namespace: Namespace; join: unknown; path: unknown}} {
	const file = join(directory, `bundle-${Math.random().toString(36).slice(2)}.cjs`);
	writeFileSync(file, text);
	return createRequire(import.meta.url)(file) as ReturnType<typeof load>;
}

describe('shareBuiltinCopies', () => {
	it('gives every importer of a built-in the same copy, which reads through to the module', async () => {
		const original = await bundled();
		const before = load(original);
		// esbuild's own helper: a copy of the module per importing module.
		expect(before.a.namespace).not.toBe(before.b.namespace);
		const after = load(shareBuiltinCopies(original));
		expect(after.a.namespace).toBe(after.b.namespace);
		expect(after.a.namespace.default).toBe(process);
		expect(after.a.namespace.pid).toBe(process.pid);
		expect(after.a.process).toBe(process);
		expect(after.a.join).toBe(join);
		expect(after.b.join).toBe(join);
		expect(after.b.path).toBe(createRequire(import.meta.url)('node:path'));
	});

	it('refuses a bundle whose __toESM helper or built-in imports are not the ones it knows', async () => {
		const original = await bundled();
		expect(() => shareBuiltinCopies(original.replace('var __toESM = (mod, isNodeMode, target) =>', 'var __toESM = (mod, isNodeMode, target, x) =>'))).toThrow(/__toESM helper changed/);
		expect(() => shareBuiltinCopies(original.replaceAll(/__toESM\(require\("node:\w+"\), 1\)/g, 'require("node:path")'))).toThrow(/no __toESM/);
	});
});
