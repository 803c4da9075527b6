import {execFileSync} from 'node:child_process';
import {readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';

/**
The fixes scripts/ink-fixes.mjs makes to Ink and yoga-layout as they are bundled, checked on
the built bundle (`npm test` builds first).
*/

const dist = join(import.meta.dirname, '..', 'dist');
const chunks = readdirSync(dist).filter(name => name.endsWith('.js'));
const chunkHolding = (text: string): string => {
	const found = chunks.find(name => readFileSync(join(dist, name), 'utf8').includes(text));
	if (!found) throw new Error(`no chunk in dist/ holds ${text}`);
	return join(dist, found);
};

describe('the bundle', () => {
	it('decodes yoga-layout\'s WebAssembly without loading fetch (undici) at start', () => {
		const yoga = chunkHolding('data:application/octet-stream;base64,');
		// Imports the chunk that carries yoga-layout, lets its loading finish, then reports
		// whether Node loaded its fetch implementation and whether the layout engine works.
		const script = `
			await import(${JSON.stringify(yoga)});
			await new Promise(resolve => setTimeout(resolve, 300));
			const undici = process.moduleLoadList.some(name => name.includes('undici'));
			console.log(JSON.stringify({undici}));
		`;
		const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], {encoding: 'utf8', timeout: 20_000});
		expect(JSON.parse(output)).toEqual({undici: false});
	});

	it('moves the cursor up past the trailing newline in Ink\'s incremental updates', () => {
		const ink = readFileSync(chunkHolding('incrementalRendering'), 'utf8');
		// esbuild renames the variable and writes the newline as a template literal.
		expect(ink).toMatch(/cursorUp\(previousOutput\.endsWith\(`\n`\) \? (previousVisible\d*) : \1 - 1\)/);
	});
});
