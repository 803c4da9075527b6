// The esbuild options every bundle of the app uses: the CLI (scripts/bundle.mjs) and the
// benchmarks' harnesses (bench/run.mjs) must load Ink the same way.
import {fileURLToPath} from 'node:url';
import {inkFixes} from './ink-fixes.mjs';

/** The names CommonJS code may use freely, defined at the top of every chunk (ESM has none of them). */
export const commonJsNames = ['require', '__filename', '__dirname'];

const commonJsGlobals = [
	"import {createRequire as __createRequire} from 'node:module';",
	"import {fileURLToPath as __fileURLToPath} from 'node:url';",
	"import {dirname as __pathDirname} from 'node:path';",
	'const require = __createRequire(import.meta.url);',
	'const __filename = __fileURLToPath(import.meta.url);',
	'const __dirname = __pathDirname(__filename);',
].join(' ');

export const bundleOptions = {
	bundle: true,
	format: 'esm',
	platform: 'node',
	target: 'node20',
	jsx: 'automatic',
	// Bundled CommonJS modules expect what Node's CommonJS wrapper gives them and an ESM
	// file does not: require() (smtp-server, ws load Node built-ins with it), __filename
	// and __dirname (write-file-atomic names its temporary files after __filename). Every
	// chunk defines all three; scripts/check-bundle.mjs fails the build if a chunk uses one
	// this banner does not define.
	banner: {js: commonJsGlobals},
	// Ink imports react-devtools-core only when DEV is set; bundling it statically would
	// make the bundle fail at start (ERR_MODULE_NOT_FOUND), so it is replaced by nothing.
	alias: {'react-devtools-core': fileURLToPath(new URL('empty-module.mjs', import.meta.url))},
	define: {'process.env.NODE_ENV': '"production"'},
	plugins: [inkFixes],
};
