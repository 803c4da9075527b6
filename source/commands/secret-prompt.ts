import type {CommandIo} from './io.js';

/** Reads a line from the terminal without echo; undefined when stdin is not a terminal, or on Ctrl+C. */
export async function promptSecret(io: CommandIo, prompt: string): Promise<string | undefined> {
	const stdin = io.stdin as NodeJS.ReadStream;
	if (!stdin.isTTY || typeof stdin.setRawMode !== 'function') return undefined;
	io.stderr.write(prompt);
	stdin.setRawMode(true);
	stdin.setEncoding('utf8');
	stdin.resume();
	return new Promise(resolve => {
		let value = '';
		const finish = (result: string | undefined) => {
			stdin.off('data', onData);
			stdin.off('end', onEnd);
			stdin.setRawMode(false);
			stdin.pause();
			io.stderr.write('\n');
			resolve(result);
		};

		const onData = (chunk: string) => {
			for (const char of chunk) {
				if (char === '\r' || char === '\n' || char === '\u0004') {
					finish(value);
					return;
				}

				if (char === '\u0003') {
					finish(undefined);
					return;
				}

				if (char === '\u007F' || char === '\b') value = [...value].slice(0, -1).join('');
				else if (char >= ' ') value += char;
			}
		};

		const onEnd = () => finish(undefined);
		stdin.on('data', onData);
		stdin.once('end', onEnd);
	});
}
