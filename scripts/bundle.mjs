// Bundles the CLI with esbuild so start-up loads a few files, not hundreds of modules.
// Sub-commands and the full-screen app are separate chunks, loaded on demand.
import {rmSync} from 'node:fs';
import {build} from 'esbuild';

rmSync('dist', {recursive: true, force: true});
await build({
	entryPoints: {cli: 'source/cli.tsx'},
	outdir: 'dist',
	bundle: true,
	splitting: true,
	format: 'esm',
	platform: 'node',
	target: 'node20',
	jsx: 'automatic',
	sourcemap: 'linked',
	minifySyntax: true,
	legalComments: 'none',
	logLevel: 'warning',
	// Bundled CommonJS modules (smtp-server, ws) call require() for Node built-ins.
	banner: {js: "import {createRequire as __createRequire} from 'node:module'; const require = __createRequire(import.meta.url);"},
	// Ink imports react-devtools-core only when DEV is set; bundling it statically would
	// make the bundle fail at start (ERR_MODULE_NOT_FOUND), so it is replaced by nothing.
	alias: {'react-devtools-core': './scripts/empty-module.mjs'},
	define: {'process.env.NODE_ENV': '"production"'},
});
