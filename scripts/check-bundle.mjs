// The build check for CommonJS leftovers: an ESM chunk that uses require, __filename or
// __dirname without defining it dies with a ReferenceError only when that code path runs
// (saving a transcript, for write-file-atomic), long after start-up looked fine. So every
// chunk in dist/ is read, and a use of one of those names in a chunk that does not define
// it at the top fails the build, naming the chunk and the place.
import {readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {commonJsNames} from './bundle-options.mjs';

/** Where each name is used in `text` without a top-level definition: [{name, line, excerpt}]. */
export function undefinedCommonJsUses(text) {
	const lines = text.split('\n');
	const defined = name => lines.some(line => new RegExp(`^(?:.*; )?(?:const|let|var) ${name} = `).test(line) || new RegExp(`^import .*\\bas ${name}\\b`).test(line));
	const uses = [];
	for (const name of commonJsNames) {
		if (defined(name)) continue;
		// A property (`.require`, `module.__dirname`) or an object key is not a use of the free
		// name; "require" is also an English word in help texts, so only a call or a typeof counts.
		const free = `(?<![.\\w$])${name}`;
		const pattern = new RegExp(name === 'require' ? `${free}\\s*\\(|typeof ${name}(?![\\w$])` : `${free}(?![\\w$]|\\s*:)`);
		for (const [index, line] of lines.entries()) {
			if (pattern.test(line)) uses.push({name, line: index + 1, excerpt: line.trim().slice(0, 120)});
		}
	}

	return uses;
}

/** Checks every .js file in `dir`; returns the problems as readable lines (none: the bundle is fine). */
export function checkBundle(dir) {
	const problems = [];
	for (const file of readdirSync(dir).filter(name => name.endsWith('.js')).sort()) {
		for (const use of undefinedCommonJsUses(readFileSync(join(dir, file), 'utf8'))) {
			problems.push(`${join(dir, file)}:${use.line}: uses ${use.name}, which an ES module does not define: ${use.excerpt}`);
		}
	}

	return problems;
}
