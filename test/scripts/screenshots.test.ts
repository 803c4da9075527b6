import {execFile} from 'node:child_process';
import {existsSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {promisify} from 'node:util';
import {afterAll, describe, expect, it} from 'vitest';
// @ts-expect-error: a plain .mjs script, without type declarations
import {applySgr, color256, parseScreen, renderSvg} from '../../scripts/ansi-to-svg.mjs';
import {tempDir} from '../helpers/command-io.js';
import {ensureBuilt, hasTmux, root} from '../helpers/terminal.js';

/** The README's pictures: the renderer, the script that makes them from the real app, and the links. */

const pictures = ['explorer', 'palette', 'message-editor', 'probe'];
const dir = tempDir();
afterAll(() => {
	dir.remove();
});

describe('ansi-to-svg', () => {
	it('reads SGR colours: the 16, the 256 and true colour, bold, inverse and reset', () => {
		const plain = applySgr({}, '0');
		expect(applySgr(plain, '1;31')).toMatchObject({bold: true, fg: '#cc6666'});
		expect(applySgr(plain, '38;5;196').fg).toBe('#ff0000');
		expect(applySgr(plain, '48;2;1;2;3').bg).toBe('#010203');
		expect(applySgr(applySgr(plain, '7;32'), '').inverse).toBe(false);
		expect(color256(232)).toBe('#080808');
	});

	it('places each run at its column, wide characters counted as two', () => {
		const [row] = parseScreen('ab\u001B[32m✓ok\u001B[0m 漢x');
		expect(row.map((run: {column: number; text: string}) => [run.column, run.text])).toEqual([
			[0, 'ab'],
			[2, '✓ok'],
			[5, ' 漢x'],
		]);
	});

	it('escapes text for XML and drops control bytes other than colours', () => {
		const svg = renderSvg('<b>&\u0007\u001B[2J', {columns: 10, rows: 1, title: 'a<b'});
		expect(svg).toContain('&lt;b&gt;&amp;</tspan>');
		expect(svg).toContain('<title>a&lt;b</title>');
		expect(svg).not.toMatch(/[\u0000-\u0008\u001B]/);
	});
});

describe('npm run screenshots', () => {
	it.runIf(hasTmux)('makes every picture from the real app on the demo server, colours kept', {timeout: 180_000}, async () => {
		ensureBuilt();
		const {CI: _ci, ...env} = process.env;
		await promisify(execFile)(process.execPath, [join(root, 'scripts', 'screenshots.mjs'), '--out', dir.path], {env, timeout: 170_000});
		const svg = (name: string) => readFileSync(join(dir.path, `${name}.svg`), 'utf8');
		for (const name of pictures) expect(svg(name)).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[\s\S]*<\/svg>\n$/);
		// The main screen mid-session: a TLS session, a refused recipient in its colour.
		expect(svg('explorer')).toContain('550 5.1.1');
		expect(svg('explorer')).toContain('TLSv1.3');
		expect(svg('explorer')).toMatch(/fill="#cc6666"[^>]*>&lt;~ {2}550 5\.1\.1/);
		expect(svg('palette')).toContain('RCPT TO:&lt;forward-path&gt;');
		expect(svg('message-editor')).toMatch(/dot-stuffed \(a second &quot;\.&quot;|dot-stuffed \(a second "\."/);
		expect(svg('message-editor')).toContain('..and so is this one');
		expect(svg('probe')).toContain('Extensions after TLS');
		// More than one colour: the capture kept its escapes.
		expect(new Set(svg('explorer').match(/fill="#[\da-f]{6}"/g)).size).toBeGreaterThan(4);
	});

	it('the README opens with the main picture, and every picture it shows is in docs/', () => {
		const readme = readFileSync(join(root, 'README.md'), 'utf8');
		expect(readme.split('\n').slice(0, 3).join('\n')).toMatch(/^# smtp-explorer\n\n!\[[^\]]+\]\(docs\/explorer\.svg\)$/);
		const linked = [...readme.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map(match => match[1]!);
		expect(linked.toSorted()).toEqual(pictures.map(name => `docs/${name}.svg`).toSorted());
		for (const link of linked) expect(existsSync(join(root, link)), link).toBe(true);
	});
});
