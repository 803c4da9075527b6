// Bundles the CLI with esbuild so start-up loads a few files, not hundreds of modules.
// Sub-commands are separate chunks, loaded on demand. The full-screen explorer is one
// CommonJS file, dist/explorer.cjs, so it can be loaded through V8's code cache
// (source/code-cache.ts); its last line carries its hash, which keys that cache.
import {createHash} from 'node:crypto';
import {rmSync, writeFileSync} from 'node:fs';
import {build} from 'esbuild';
import {bundleOptions} from './bundle-options.mjs';
import {checkBundle} from './check-bundle.mjs';
import {cjsFixes, lazyFiles} from './cjs-fixes.mjs';

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
const explorer = await build({
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
	stdin: {
		contents: "import {yogaReady} from 'yoga-layout';\nimport {main as explorer} from './source/explorer.tsx';\nexport {commandFlags} from './source/explorer.tsx';\nexport const main = (argv, io, hooks = {}) => explorer(argv, io, {...hooks, ready: yogaReady});\n",
		resolveDir: process.cwd(),
		sourcefile: 'explorer-entry.js',
		loader: 'js',
	},
	outfile: 'dist/explorer.cjs',
	write: false,
});
const [code] = explorer.outputFiles;
const hash = createHash('sha256').update(code.contents).digest('hex').slice(0, 16);
writeFileSync(code.path, `${code.text}//# bundle-hash ${hash}\n`);

// What the explorer's bundle leaves out and requires when first needed (see lazyFiles).
for (const {file, entry} of lazyFiles) {
	await build({...cjsOptions, ...common, format: 'cjs', entryPoints: [entry], outfile: `dist/${file}`});
}
