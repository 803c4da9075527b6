import {readdirSync, readFileSync} from 'node:fs';
import {join, relative} from 'node:path';
import {describe, expect, it} from 'vitest';

/**
The layers of design.md, enforced: protocol/ and catalog/ are pure (no sockets, no TLS,
no file or process I/O, no terminal UI); transport/, session/ and demo/ never touch the UI.
*/

const root = join(import.meta.dirname, '..', 'source');

function filesUnder(folder: string): string[] {
	return readdirSync(join(root, folder), {recursive: true, encoding: 'utf8'})
		.filter(name => /\.tsx?$/.test(name))
		.map(name => join(root, folder, name));
}

function importsOf(file: string): string[] {
	const text = readFileSync(file, 'utf8');
	return [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map(match => match[1] ?? match[2]!);
}

const ui = /^(ink|react|ink-[\w-]+|react\/.*)$/;
const io = /^(node:)?(net|tls|fs|fs\/promises|child_process|dns|http|https|dgram|process|readline)$/;

const rules: Array<{folder: string; forbidden: RegExp[]; why: string}> = [
	{folder: 'protocol', forbidden: [ui, io], why: 'protocol/ is pure: plain functions over strings and bytes'},
	{folder: 'catalog', forbidden: [ui, io], why: 'catalog/ is pure data and search'},
	{folder: 'transport', forbidden: [ui], why: 'transport/ does I/O only, never UI'},
	{folder: 'session', forbidden: [ui], why: 'session/ is shared by the TUI and the non-interactive commands'},
	{folder: 'demo', forbidden: [ui], why: 'demo/ is a server, not UI'},
];

describe('architecture', () => {
	for (const rule of rules) {
		it(`${rule.folder}/ imports nothing forbidden (${rule.why})`, () => {
			const offending: string[] = [];
			for (const file of filesUnder(rule.folder)) {
				for (const specifier of importsOf(file)) {
					if (rule.forbidden.some(pattern => pattern.test(specifier))) offending.push(`${relative(root, file)} imports ${specifier}`);
					if (/^\.\.\/ui\//.test(specifier)) offending.push(`${relative(root, file)} imports ${specifier}`);
				}
			}

			expect(offending).toEqual([]);
		});
	}

	it('the import scanner sees the kinds of import it must judge', () => {
		const sample = join(root, 'protocol', 'sasl.ts');
		expect(importsOf(sample)).toContain('node:crypto');
	});

	it('protocol/ and catalog/ do not reach into the layers above them', () => {
		const offending: string[] = [];
		for (const folder of ['protocol', 'catalog']) {
			for (const file of filesUnder(folder)) {
				for (const specifier of importsOf(file)) {
					if (/^\.\.\/(transport|session|ui|demo|commands)\//.test(specifier)) offending.push(`${relative(root, file)} imports ${specifier}`);
				}
			}
		}

		expect(offending).toEqual([]);
	});
});
