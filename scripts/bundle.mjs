// Bundles the CLI with esbuild so start-up loads a few files, not hundreds of modules.
// Sub-commands are separate chunks, loaded on demand. The full-screen explorer and the
// viewer are each one CommonJS file, dist/explorer.cjs and dist/view.cjs, so they can be
// loaded through V8's code cache (source/code-cache.ts).
import {createHash} from 'node:crypto';
import {rmSync, writeFileSync} from 'node:fs';
import {build} from 'esbuild';
import {bundleOptions} from './bundle-options.mjs';
import {checkBundle} from './check-bundle.mjs';
import {cjsFixes, lazyFiles, shareModuleCopies} from './cjs-fixes.mjs';

rmSync('dist', {recursive: true, force: true});
const common = {minifySyntax: true, legalComments: 'none', logLevel: 'warning'};
await build({
	...bundleOptions,
	...common,
	// demo.js: the demo server, imported by the explorer's bundle under this name.
	entryPoints: {cli: 'source/cli.tsx', demo: 'source/demo/server.ts'},
	outdir: 'dist',
	splitting: true,
	sourcemap: 'linked',
});

const problems = checkBundle('dist');
if (problems.length > 0) {
	console.error(`The bundle uses CommonJS names it does not define (see scripts/check-bundle.mjs):\n${problems.join('\n')}`);
	process.exit(1);
}

// The ES module banner (createRequire, __filename, __dirname) has no place in CommonJS, which has them all.
const {banner: _esmBanner, ...cjsOptions} = bundleOptions;

/**
Builds dist/NAME.cjs from `entry` (its source text) as one CommonJS file, for source/code-cache.ts;
its last line carries its hash, which keys that cache.
*/
async function buildCached(name, entry) {
	const result = await build({
		...cjsOptions,
		...common,
		format: 'cjs',
		// import() fails in a script compiled from V8's cached data in Node 20 (its callback is
		// lost): every import() becomes a require(); the demo server's ES module chunk comes
		// through the loader's importModule instead (scripts/cjs-fixes.mjs).
		supported: {'dynamic-import': false},
		plugins: [...cjsOptions.plugins, cjsFixes],
		// meow finds package.json from import.meta.url.
		define: {...cjsOptions.define, 'import.meta': '__importMeta'},
		banner: {js: "var __importMeta = {url: require('node:url').pathToFileURL(__filename).href};"},
		stdin: {contents: entry, resolveDir: process.cwd(), sourcefile: `${name}-entry.js`, loader: 'js'},
		outfile: `dist/${name}.cjs`,
		write: false,
	});
	const [code] = result.outputFiles;
	const text = shareModuleCopies(code.text);
	// esbuild escapes non-ASCII text in strings and expressions but keeps comments as they are.
	// An ASCII bundle is read as Latin-1 by source/code-cache.ts, 15-20 ms faster than UTF-8.
	const nonAscii = /[^\0-\x7f]/.exec(text);
	if (nonAscii) {
		const line = text.slice(0, nonAscii.index).split('\n').length;
		throw new Error(`dist/${name}.cjs line ${line} is not ASCII (a comment?): keep the bundled sources' comments ASCII`);
	}

	const hash = createHash('sha256').update(text).digest('hex').slice(0, 16);
	writeFileSync(code.path, `${text}//# bundle-hash ${hash}\n`);
}

// Each entry hands its main the promise of yoga-layout's WebAssembly (`ready`), awaited before the first frame.
const entry = module => `import {yogaReady} from 'yoga-layout';\nimport {main as start} from '${module}';\nexport {commandFlags} from '${module}';\nexport const main = (argv, io, hooks = {}) => start(argv, io, {...hooks, ready: yogaReady});\n`;
await buildCached('explorer', entry('./source/explorer.tsx'));
// view opens a file of any size at once; most of its start is loading Ink, like the explorer's.
await buildCached('view', entry('./source/commands/view.tsx'));

// What the explorer's and view's bundles leave out and require when first needed (see lazyFiles).
for (const {file, entry: source} of lazyFiles) {
	await build({...cjsOptions, ...common, format: 'cjs', entryPoints: [source], outfile: `dist/${file}`});
}
