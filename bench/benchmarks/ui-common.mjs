// Runs bench/ui-harness.tsx (bundled by run.mjs) in a child process with the given options.
import {cleanEnv, runJson} from '../lib.mjs';

/** A colour terminal for Ink (the child's own stdout is a pipe, so chalk must be told). */
const harnessEnv = () => cleanEnv({FORCE_COLOR: '1'});

export async function runHarness(context, options) {
	if (!context.harness) throw new Error('the UI harness was not bundled');
	return runJson('node', ['--expose-gc', context.harness, JSON.stringify(options)], {env: harnessEnv(), cwd: context.root, timeoutMs: 180_000});
}
