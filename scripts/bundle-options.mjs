// The esbuild options every bundle of the app uses: the CLI (scripts/bundle.mjs) and the
// benchmarks' harnesses (bench/run.mjs) must load Ink the same way.
import {fileURLToPath} from 'node:url';
import {inkFixes} from './ink-fixes.mjs';

export const bundleOptions = {
	bundle: true,
	format: 'esm',
	platform: 'node',
	target: 'node20',
	jsx: 'automatic',
	// Bundled CommonJS modules call require() for Node built-ins (smtp-server, ws) and read
	// __filename (write-file-atomic names its temporary files with it: without it every save fails).
	banner: {js: "import {createRequire as __createRequire} from 'node:module'; import {fileURLToPath as __fileURLToPath} from 'node:url'; const require = __createRequire(import.meta.url); const __filename = __fileURLToPath(import.meta.url);"},
	// Ink imports react-devtools-core only when DEV is set; bundling it statically would
	// make the bundle fail at start (ERR_MODULE_NOT_FOUND), so it is replaced by nothing.
	alias: {'react-devtools-core': fileURLToPath(new URL('empty-module.mjs', import.meta.url))},
	define: {'process.env.NODE_ENV': '"production"'},
	plugins: [inkFixes],
};
