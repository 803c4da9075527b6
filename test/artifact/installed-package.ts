import {type ChildProcess, execFileSync, spawn, spawnSync} from 'node:child_process';
import {mkdtempSync, readdirSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {root} from '../helpers/terminal.js';
import {watchOutput} from '../helpers/child-output.js';

/**
The package as a user gets it: `npm pack` of this checkout (the dist/ that `npm test` has
just built), installed with `npm install --global --prefix DIR` into a temporary prefix,
offline: the bundle carries every library, so the package has no dependencies to fetch.
Tests then run DIR/bin/smtp-explorer, never the source and never dist/ in place.
*/

export type InstalledPackage = {
	/** The prefix the package was installed into. */
	prefix: string;
	/** DIR/bin/smtp-explorer: the link npm made, as on a user's PATH. */
	bin: string;
	/** The package's own directory under the prefix. */
	packageDir: string;
	/** The files the tarball holds, as `npm pack` listed them. */
	files: string[];
	/** Runs the installed command to completion. */
	run(args: string[], options?: {input?: string; env?: NodeJS.ProcessEnv; cwd?: string}): {status: number | null; stdout: string; stderr: string};
	/** Starts the installed command, for servers; stopped by `remove`. */
	start(args: string[]): Running;
	remove(): void;
};

export type Running = {child: ChildProcess; output: () => string; waitFor: (pattern: RegExp) => Promise<RegExpMatchArray>; stop: () => Promise<void>};

const npm = (args: string[], cwd: string) => execFileSync('npm', args, {cwd, encoding: 'utf8', env: {...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false'}});

export function installPackage(): InstalledPackage {
	const prefix = mkdtempSync(join(tmpdir(), 'smtp-explorer-artifact-'));
	const packed = JSON.parse(npm(['pack', '--json', '--pack-destination', prefix], root)) as Array<{filename: string; files: Array<{path: string}>}>;
	const tarball = join(prefix, packed[0]!.filename);
	npm(['install', '--global', '--offline', '--no-audit', '--no-fund', '--prefix', prefix, tarball], prefix);
	const bin = join(prefix, 'bin', 'smtp-explorer');
	const children: Running[] = [];
	// Tests run in the prefix, so a file written "here" can never land in the checkout.
	const baseEnv = {...process.env, NO_COLOR: '1', PATH: `${join(prefix, 'bin')}:${process.env.PATH ?? ''}`};
	return {
		prefix,
		bin,
		packageDir: join(prefix, 'lib', 'node_modules', 'smtp-explorer'),
		files: packed[0]!.files.map(file => file.path).sort(),
		run(args, options = {}) {
			const result = spawnSync(bin, args, {encoding: 'utf8', input: options.input ?? '', cwd: options.cwd ?? prefix, env: {...baseEnv, ...options.env}, timeout: 30_000});
			return {status: result.status, stdout: result.stdout, stderr: result.stderr};
		},
		start(args) {
			const child = spawn(bin, args, {cwd: prefix, stdio: ['ignore', 'pipe', 'pipe'], env: baseEnv});
			const exited = new Promise<void>(resolve => child.once('exit', () => resolve()));
			const running: Running = {
				child,
				...watchOutput(child),
				async stop() {
					if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
					await exited;
				},
			};
			children.push(running);
			return running;
		},
		remove() {
			for (const running of children) if (running.child.exitCode === null) running.child.kill('SIGKILL');
			rmSync(prefix, {recursive: true, force: true});
		},
	};
}

/** The names in a directory, for messages. */
export const listing = (dir: string) => readdirSync(dir).sort();
