/** The streams and environment a sub-command talks to: process's own, or a test's. */
export type CommandIo = {
	stdout: NodeJS.WritableStream;
	stderr: NodeJS.WritableStream;
	stdin: NodeJS.ReadableStream & {isTTY?: boolean};
	env: NodeJS.ProcessEnv;
};

/** A sub-command: its own arguments in, an exit code out. */
export type CommandMain = (argv: string[], io: CommandIo) => Promise<number>;

export const processIo = (): CommandIo => ({stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env});

/** Terminal width for wrapping text output, or 80 when not a terminal. */
export function outputWidth(stream: NodeJS.WritableStream): number {
	const columns = (stream as {columns?: number}).columns;
	return columns && columns >= 40 ? Math.min(columns, 120) : 80;
}
