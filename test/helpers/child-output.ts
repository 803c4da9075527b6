import type {ChildProcess} from 'node:child_process';

/** What a child process has written to stdout and stderr so far, and a wait for a pattern in it. */
export type ChildOutput = {
	output: () => string;
	/** Resolves with the first match of `pattern` in everything written so far; rejects after 15 s. */
	waitFor: (pattern: RegExp) => Promise<RegExpMatchArray>;
};

/** Collects a child's stdout and stderr as one text, re-checking each pending wait on every chunk. */
export function watchOutput(child: ChildProcess): ChildOutput {
	let text = '';
	const listeners = new Set<() => void>();
	const onData = (chunk: Buffer) => {
		text += chunk.toString('utf8');
		for (const listener of listeners) listener();
	};
	child.stdout?.on('data', onData);
	child.stderr?.on('data', onData);
	const waitFor = async (pattern: RegExp) =>
		new Promise<RegExpMatchArray>((resolve, reject) => {
			const timer = setTimeout(() => reject(new Error(`no ${pattern} in 15 s; output so far:\n${text}`)), 15_000);
			const check = () => {
				const match = pattern.exec(text);
				if (!match) return;
				clearTimeout(timer);
				listeners.delete(check);
				resolve(match);
			};
			listeners.add(check);
			check();
		});
	return {output: () => text, waitFor};
}
