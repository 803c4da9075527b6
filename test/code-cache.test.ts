import {mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {cacheFileName, codeCacheDirectory, loadCachedBundle} from '../source/code-cache.js';

/**
source/code-cache.ts: a CommonJS bundle run through V8's code cache. The cache is written
after the caller says so, used by the next load, keyed by bundle and runtime, and a stale or
damaged one is ignored and replaced, never an error.
*/

const directories: string[] = [];
afterEach(() => {
	for (const directory of directories.splice(0)) rmSync(directory, {recursive: true, force: true});
});

function fixture(body: string, hash: string) {
	const directory = mkdtempSync(join(tmpdir(), 'smtp-explorer-code-cache-'));
	directories.push(directory);
	const bundle = join(directory, 'bundle.cjs');
	// Enough functions that V8 has something to cache; the hash line as scripts/bundle.mjs writes it.
	const filler = Array.from({length: 50}, (_, index) => `function f${index}(x) { return x * ${index} + ${index}; }`).join('\n');
	writeFileSync(bundle, `${filler}\n${body}\n//# bundle-hash ${hash}\n`);
	return {bundle, cache: join(directory, 'cache')};
}

const runtime = {flags: '--some-flag'};
const cacheFiles = (directory: string) => {
	try {
		return readdirSync(directory);
	} catch {
		return [];
	}
};

describe('loadCachedBundle', () => {
	it('runs the bundle as CommonJS, writes the cache only when asked, and uses it the next time', () => {
		const {bundle, cache} = fixture("module.exports = {answer: f2(20), file: __filename, hasRequire: typeof require('node:path').join === 'function'};", 'abc123');
		const first = loadCachedBundle(bundle, {directory: cache, ...runtime});
		expect(first.exports).toEqual({answer: 42, file: bundle, hasRequire: true});
		expect(first.cache).toBe('none');
		expect(cacheFiles(cache)).toEqual([]);
		first.save();
		const name = cacheFileName('bundle', 'abc123', {version: process.version, arch: process.arch, flags: runtime.flags});
		expect(cacheFiles(cache)).toEqual([name]);

		const second = loadCachedBundle(bundle, {directory: cache, ...runtime});
		expect(second.cache).toBe('accepted');
		expect(second.exports).toEqual(first.exports);
	});

	it('keys the cache by bundle name and hash, Node version, architecture and V8 flags', () => {
		const base = {version: 'v20.20.2', arch: 'x64', flags: ''};
		const name = cacheFileName('explorer', 'abc123', base);
		expect(name).toMatch(/^explorer-abc123-/);
		expect(cacheFileName('view', 'abc123', base)).toMatch(/^view-abc123-/);
		expect(name).toContain('node20.20.2');
		expect(name).toContain('x64');
		expect(cacheFileName('explorer', 'abc124', base)).not.toBe(name);
		expect(cacheFileName('explorer', 'abc123', {...base, version: 'v20.20.3'})).not.toBe(name);
		expect(cacheFileName('explorer', 'abc123', {...base, arch: 'arm64'})).not.toBe(name);
		expect(cacheFileName('explorer', 'abc123', {...base, flags: '--max-old-space-size=100'})).not.toBe(name);
	});

	it('ignores a damaged cache, runs the bundle all the same, and replaces the file', () => {
		const {bundle, cache} = fixture('module.exports = {answer: f3(13)};', 'def456');
		const name = cacheFileName('bundle', 'def456', {version: process.version, arch: process.arch, flags: runtime.flags});
		mkdirSync(cache, {recursive: true});
		writeFileSync(join(cache, name), 'not a V8 code cache at all');
		const loaded = loadCachedBundle(bundle, {directory: cache, ...runtime});
		expect(loaded.cache).toBe('rejected');
		expect(loaded.exports).toEqual({answer: 42});
		loaded.save();
		expect(readFileSync(join(cache, name)).toString('utf8')).not.toBe('not a V8 code cache at all');
		expect(loadCachedBundle(bundle, {directory: cache, ...runtime}).cache).toBe('accepted');
	});

	it('drops the caches of other builds of the same bundle when it writes its own, keeps other bundles\' caches, and leaves no temporary file', () => {
		const {bundle, cache} = fixture('module.exports = 1;', 'aaa111');
		mkdirSync(cache, {recursive: true});
		writeFileSync(join(cache, 'bundle-old000-node20.0.0-x64-00000000.v8'), 'old');
		// Another bundle's cache (the explorer's next to view's) stays: each start uses its own.
		const other = cacheFileName('other', 'ccc333', {version: process.version, arch: process.arch, flags: runtime.flags});
		writeFileSync(join(cache, other), 'kept');
		writeFileSync(join(cache, 'unrelated.txt'), 'kept');
		loadCachedBundle(bundle, {directory: cache, ...runtime}).save();
		expect(cacheFiles(cache).sort()).toEqual([cacheFileName('bundle', 'aaa111', {version: process.version, arch: process.arch, flags: runtime.flags}), other, 'unrelated.txt'].sort());
	});

	it('stays quiet when the cache cannot be written (the directory is a file)', () => {
		const {bundle, cache} = fixture('module.exports = 2;', 'bbb222');
		writeFileSync(cache, 'a file where the directory should be');
		const loaded = loadCachedBundle(bundle, {directory: cache, ...runtime});
		expect(() => loaded.save()).not.toThrow();
		expect(loaded.exports).toBe(2);
	});

	it('lives in the state directory', () => {
		expect(codeCacheDirectory({XDG_STATE_HOME: '/state'}, '/home/u')).toBe('/state/smtp-explorer/code-cache');
		expect(codeCacheDirectory({}, '/home/u')).toBe('/home/u/.local/state/smtp-explorer/code-cache');
	});
});
