// One text fix to a dependency's file as it is bundled (scripts/ink-fixes.mjs, ink-output.mjs,
// cjs-fixes.mjs). A fix whose code is not there exactly once fails the build: after an
// upgrade the fix is checked, never silently skipped or applied in the wrong place.

/**
`text` (the file at `path`) with `fix.before` replaced by `fix.after`, both taken literally
(no `$` patterns in `after`); throws naming `what` and the `script` that holds the fix when
`before` is not there exactly once.
*/
export function patch(text, path, fix, what, script) {
	if (text.split(fix.before).length !== 2) throw new Error(`${path} changed: check ${what} in ${script}`);
	return text.replace(fix.before, () => fix.after);
}
