import {readdirSync, readFileSync} from 'node:fs';
import {dirname, join, relative} from 'node:path';
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
	{folder: 'i18n', forbidden: [ui, io], why: 'i18n/ is pure message tables every layer may use'},
	{folder: 'config', forbidden: [ui, io], why: 'config/ is pure: the profile file\'s text in, flags out'},
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

	it('every import follows the layer order protocol <- catalog <- transport <- session <- ui <- commands/cli (demo sits beside session)', () => {
		// The rank of each folder: a file may import only from its own rank or below.
		const rank: Record<string, number> = {i18n: 0, protocol: 0, catalog: 1, transport: 2, session: 3, demo: 3, ui: 4, commands: 5, cli: 5};
		const layerOf = (file: string) => {
			const first = relative(root, file).split(/[\\/]/)[0]!;
			return first in rank ? first : 'cli';
		};

		const offending: string[] = [];
		for (const file of readdirSync(root, {recursive: true, encoding: 'utf8'}).filter(name => /\.tsx?$/.test(name)).map(name => join(root, name))) {
			const from = layerOf(file);
			for (const specifier of importsOf(file)) {
				if (!specifier.startsWith('.')) continue;
				const target = layerOf(join(dirname(file), specifier));
				if (rank[target]! > rank[from]! || (from === 'session' && target === 'demo') || (from === 'demo' && target === 'session')) offending.push(`${relative(root, file)} (${from}) imports ${specifier} (${target})`);
			}
		}

		expect(offending).toEqual([]);
	});

	it('the layer check sees an import against the order', () => {
		// The UI used to import the demo server and transport; both are now behind interfaces in lower layers.
		const ui = readdirSync(join(root, 'ui'), {recursive: true, encoding: 'utf8'}).filter(name => /\.tsx?$/.test(name));
		const reaching = ui.flatMap(name => importsOf(join(root, 'ui', name)).filter(specifier => /\/(demo|transport|commands)\//.test(specifier)));
		expect(reaching).toEqual([]);
		expect(importsOf(join(root, 'explorer.tsx')).some(specifier => specifier.startsWith('./ui/'))).toBe(true);
	});
});

describe('failures are values with types, not strings to match', () => {
	// transport/ is left out: it is where the texts of other libraries' errors (the socks
	// package, OpenSSL) are turned into codes and kinds, as they offer nothing else to read.
	const sources = ['protocol', 'catalog', 'session', 'commands', 'ui', 'demo'].flatMap(folder => filesUnder(folder)).concat([join(root, 'explorer.tsx'), join(root, 'cli.tsx')]);

	it('no behaviour is decided by matching the text of a reason, message or error', () => {
		const matching = /\/[^/\n]+\/[gimsuy]*\.test\(\s*[\w.]*(reason|message|error)\b|\.(reason|message|error)\??\.(includes|startsWith|endsWith|match)\(/;
		const offending = sources.flatMap(file => readFileSync(file, 'utf8').split('\n').map((line, index) => ({file, line, index})))
			.filter(({line}) => matching.test(line))
			.map(({file, index, line}) => `${relative(root, file)}:${index + 1}: ${line.trim()}`);
		expect(offending).toEqual([]);
	});

	it('the session\'s outcomes carry typed errors, never a bare string', () => {
		for (const [file, type] of [['session/controller.ts', 'CommandOutcome'], ['session/authenticate.ts', 'AuthResult'], ['session/open-session.ts', 'Opening'], ['session/controller.ts', 'ConnectOutcome']] as const) {
			const text = readFileSync(join(root, file), 'utf8');
			const declaration = new RegExp(`export type ${type} =[\\s\\S]*?\\n\\n`).exec(text)?.[0];
			expect(declaration, `${file} declares ${type}`).toBeDefined();
			expect(declaration).toMatch(/error: SessionError/);
			expect(declaration).not.toMatch(/error: string/);
		}
	});
});
