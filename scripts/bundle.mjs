// Bundles the CLI with esbuild so start-up loads a few files, not hundreds of modules.
// Sub-commands and the full-screen app are separate chunks, loaded on demand.
import {rmSync} from 'node:fs';
import {build} from 'esbuild';
import {bundleOptions} from './bundle-options.mjs';
import {checkBundle} from './check-bundle.mjs';

rmSync('dist', {recursive: true, force: true});
await build({
	...bundleOptions,
	entryPoints: {cli: 'source/cli.tsx'},
	outdir: 'dist',
	splitting: true,
	sourcemap: 'linked',
	minifySyntax: true,
	legalComments: 'none',
	logLevel: 'warning',
});

const problems = checkBundle('dist');
if (problems.length > 0) {
	console.error(`The bundle uses CommonJS names it does not define (see scripts/check-bundle.mjs):\n${problems.join('\n')}`);
	process.exit(1);
}
