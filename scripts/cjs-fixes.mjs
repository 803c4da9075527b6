// What the explorer's CommonJS bundle (dist/explorer.cjs, loaded with V8's code cache by
// source/code-cache.ts) needs changed in Ink and yoga-layout: CommonJS has no top-level
// await, and esbuild refuses to emit a bundle that holds one. A fix whose pattern is gone
// fails the build, so an upgrade is checked rather than silently unpatched.
import {readFile} from 'node:fs/promises';
import {patch as patchText} from './patch-text.mjs';

const patch = (text, path, before, after, what) => patchText(text, path, {before, after}, what, 'scripts/cjs-fixes.mjs');

/** Imports left out of dist/explorer.cjs: what is imported, by whom, the file in dist/ that holds it, and its source. */
export const lazyFiles = [
	{imported: /^\.\/messages-pt\.js$/, importer: /[\\/]source[\\/]i18n[\\/]messages\.ts$/, file: 'messages-pt.cjs', entry: 'source/i18n/messages-pt.ts'},
	{imported: /^\.\/pt\/index\.js$/, importer: /[\\/]source[\\/]catalog[\\/]localize\.ts$/, file: 'catalog-pt.cjs', entry: 'source/catalog/pt/index.ts'},
	{imported: /^socks$/, importer: /[\\/]source[\\/]transport[\\/]socks\.ts$/, file: 'socks.cjs', entry: 'socks'},
];

export const cjsFixes = {
	name: 'cjs-fixes',
	setup(build) {
		// Both awaits serve React DevTools only, when DEV=true; the bundle has no DevTools
		// (react-devtools-core is aliased to nothing, see bundle-options.mjs).
		build.onLoad({filter: /[\\/]ink[\\/]build[\\/]reconciler\.js$/}, async args => {
			let text = await readFile(args.path, 'utf8');
			// Not even bundled (it would pull in the ws library, 113 KB, for nothing).
			text = patch(text, args.path, "await import('./devtools.js');", 'void 0;', 'the DevTools import');
			text = patch(text, args.path, '? await loadPackageJson()', '? {name: undefined, version: undefined}', "the DevTools' package.json");
			return {contents: text, loader: 'js'};
		});
		// yoga-layout instantiates its WebAssembly with a top-level await. Here the binding is
		// filled in when that finishes, and `yogaReady` says when: the explorer awaits it
		// before its first frame (nothing in Ink uses Yoga before it renders).
		build.onLoad({filter: /[\\/]yoga-layout[\\/]dist[\\/]src[\\/]index\.js$/}, async args => {
			const text = await readFile(args.path, 'utf8');
			const contents = patch(
				text,
				args.path,
				'const Yoga = wrapAssembly(await loadYoga());\nexport default Yoga;',
				'let Yoga;\nexport const yogaReady = loadYoga().then(assembly => {\n\tYoga = wrapAssembly(assembly);\n});\nexport {Yoga as default};',
				'the WebAssembly readiness promise',
			);
			return {contents, loader: 'js'};
		});
		// The demo server (smtp-server, selfsigned: most of the code) stays an ES module chunk,
		// dist/demo.js, imported only for --demo. Not with import() in the bundle: Node 20
		// loses a vm.Script's dynamic-import callback when the script comes from the code
		// cache (ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING), so the loader hands the bundle an
		// `importModule` of its own (source/code-cache.ts).
		build.onResolve({filter: /^\.\/demo\/server\.js$/}, args => (/[\\/]source[\\/]explorer\.tsx$/.test(args.importer) ? {path: 'demo', namespace: 'demo-chunk'} : undefined));
		// Code most starts never run is left out of the bundle and required from a file of its
		// own when first needed (scripts/bundle.mjs writes them): the Portuguese tables and
		// catalog text, and the SOCKS library. Each is self-contained (the tables share only
		// the stateless plural helper), so a second copy of a module holds no state apart.
		for (const {imported, importer, file} of lazyFiles) {
			build.onResolve({filter: imported}, args => (importer.test(args.importer) ? {path: `./${file}`, external: true} : undefined));
		}

		build.onLoad({filter: /.*/, namespace: 'demo-chunk'}, () => ({
			contents: "export async function openDemoServer(options) {\n\tconst demo = await importModule('./demo.js');\n\treturn demo.openDemoServer(options);\n}\n",
			loader: 'js',
		}));
	},
};

// esbuild's __toESM copies every property of a CommonJS module into a new object, a getter
// each, at every import of it: 39 modules importing React made 39 copies of its exports,
// 20 of jsx-runtime's, 16 of `process` (10-15 ms of a profiled start). Here the importers
// of a module share one copy, as ES modules share one namespace; a module whose exports
// gained or lost names since (one still loading, in a cycle) is copied again.
const toEsmHelper = 'var __toESM = (mod, isNodeMode, target) => (';
const sharedToEsm = `var __toESMShared = new WeakMap();
function __toESMOnce(mod) {
  if (mod == null || typeof mod != "object" && typeof mod != "function") return __toESM(mod, 1);
  let shared = __toESMShared.get(mod), names = __getOwnPropNames(mod).length;
  return (shared === void 0 || shared.names !== names) && __toESMShared.set(mod, shared = { copy: __toESM(mod, 1), names }), shared.copy;
}
`;

/** The CommonJS bundle's text with one __toESM copy per module, shared by its importers; throws if esbuild's helper or its calls changed. */
export function shareModuleCopies(text) {
	if (text.split(toEsmHelper).length !== 2 || !text.includes('__getOwnPropNames = Object.getOwnPropertyNames')) throw new Error("esbuild's __toESM helper changed: check shareModuleCopies in scripts/cjs-fixes.mjs");
	let shared = 0;
	const contents = text.replaceAll(/__toESM\((require[\w$]*\([^()]*\)), 1\)/g, (_call, required) => {
		shared++;
		return `__toESMOnce(${required})`;
	});
	if (shared === 0) throw new Error('no __toESM(require...(), 1) in the bundle: check shareModuleCopies in scripts/cjs-fixes.mjs');
	return contents.replace(toEsmHelper, () => sharedToEsm + toEsmHelper);
}
