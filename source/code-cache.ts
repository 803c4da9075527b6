import {isAscii} from 'node:buffer';
import {mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {basename, dirname, extname, join} from 'node:path';
import {pathToFileURL} from 'node:url';
import vm from 'node:vm';

/**
Loads a CommonJS bundle (dist/explorer.cjs, dist/view.cjs) through V8's code cache: the functions the last
start compiled are read back instead of being parsed and compiled again. Node 20 has no
compile cache of its own for modules (module.enableCompileCache came in Node 22), so the
bundle runs as a vm.Script with `cachedData`.

The cache lives in the state directory, one file per bundle, named after the bundle and
everything that makes a cache unusable: the bundle's hash (written at its end by scripts/bundle.mjs), the Node version and
architecture, and the V8 flags. V8 checks the data itself as well (`cachedDataRejected`): a
stale, foreign or damaged file is ignored and replaced. Every failure to read or write it is
silent: the cache only ever saves time.
*/

export type CachedBundle = {
	/** The bundle's `module.exports`. */
	exports: unknown;
	/** 'accepted': the cache was used; 'rejected': there was one, V8 refused it; 'none': there was none. */
	cache: 'accepted' | 'rejected' | 'none';
	/**
	Writes the cache when it was missing or refused, after the work worth caching (the first
	frame) is done; a no-op otherwise and when called again.
	*/
	save(): void;
};

const hashMark = '\n//# bundle-hash ';

/** The directory for the cache: $XDG_STATE_HOME/smtp-explorer/code-cache, or ~/.local/state/... */
export function codeCacheDirectory(env: NodeJS.ProcessEnv, home: string): string {
	const base = env.XDG_STATE_HOME && env.XDG_STATE_HOME !== '' ? env.XDG_STATE_HOME : join(home, '.local', 'state');
	return join(base, 'smtp-explorer', 'code-cache');
}

/** A short, stable hash of a string (FNV-1a, 32 bits): enough to tell flag sets apart in a file name. */
function shortHash(text: string): string {
	let hash = 0x81_1c_9d_c5;
	for (let index = 0; index < text.length; index++) {
		hash ^= text.charCodeAt(index);
		hash = Math.imul(hash, 0x01_00_01_93) >>> 0;
	}

	return hash.toString(16).padStart(8, '0');
}

/** The cache file's name: the bundle's name (`explorer` for explorer.cjs), its hash, Node version, architecture and V8 flags. */
export function cacheFileName(bundleName: string, bundleHash: string, runtime: {version: string; arch: string; flags: string}): string {
	return `${bundleName}-${bundleHash}-node${runtime.version.replace(/^v/, '')}-${runtime.arch}-${shortHash(runtime.flags)}.v8`;
}

function readCache(path: string): Buffer | undefined {
	try {
		return readFileSync(path);
	} catch {
		return undefined;
	}
}

/** Writes the file whole or not at all (a temporary file renamed over it), and drops the same bundle's caches of other builds or runtimes. */
function writeCache(directory: string, bundleName: string, name: string, data: Buffer): void {
	try {
		mkdirSync(directory, {recursive: true, mode: 0o700});
		const temporary = join(directory, `.${name}.${process.pid}.tmp`);
		writeFileSync(temporary, data, {mode: 0o600});
		renameSync(temporary, join(directory, name));
		for (const other of readdirSync(directory)) {
			if (other !== name && other.startsWith(`${bundleName}-`) && other.endsWith('.v8')) rmSync(join(directory, other), {force: true});
		}
	} catch {
		// A read-only or full disk costs the next start its speed-up, nothing else.
	}
}

/**
The bundle's text. scripts/bundle.mjs makes it pure ASCII, which reads as Latin-1 in well under
a millisecond; Node 20's UTF-8 read of the same 1.6 MB takes 15-20 ms. Any other text is read
as UTF-8.
*/
function readSource(path: string): string {
	const bytes = readFileSync(path);
	return bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');
}

export function loadCachedBundle(bundlePath: string, options: {directory: string; flags: string}): CachedBundle {
	const source = readSource(bundlePath);
	const mark = source.lastIndexOf(hashMark);
	const bundleHash = mark === -1 ? undefined : /^[\da-f]+/.exec(source.slice(mark + hashMark.length))?.[0];
	const bundleName = basename(bundlePath, extname(bundlePath));
	const name = bundleHash ? cacheFileName(bundleName, bundleHash, {version: process.version, arch: process.arch, flags: options.flags}) : undefined;
	const cachedData = name ? readCache(join(options.directory, name)) : undefined;
	// The wrapper Node puts around a CommonJS module, plus `importModule`: import() inside a
	// script compiled from cached data fails in Node 20 (the callback for it is lost).
	const script = new vm.Script(`(function (exports, require, module, __filename, __dirname, importModule) {${source}\n})`, {
		filename: bundlePath,
		...(cachedData ? {cachedData} : {}),
	});
	const cache = cachedData === undefined ? 'none' : script.cachedDataRejected ? 'rejected' : 'accepted';
	const module = {exports: {} as unknown};
	const wrapper = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: {exports: unknown}, filename: string, dirname: string, importModule: (specifier: string) => Promise<unknown>) => void;
	const importModule = async (specifier: string) => import(new URL(specifier, pathToFileURL(bundlePath)).href) as Promise<unknown>;
	wrapper.call(module.exports, module.exports, createRequire(bundlePath), module, bundlePath, dirname(bundlePath), importModule);
	let saved = cache === 'accepted' || name === undefined;
	return {
		exports: module.exports,
		cache,
		save() {
			if (saved) return;
			saved = true;
			writeCache(options.directory, bundleName, name!, script.createCachedData());
		},
	};
}
