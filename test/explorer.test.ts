import {describe, expect, it} from 'vitest';
import {main} from '../source/explorer.js';
import {fakeIo} from './helpers/command-io.js';

/**
The explorer's command line: every mistake is a usage error (exit 2) with a clear reason,
found before anything connects or draws. (--help, --version and unknown flags are answered
by cli.tsx and meow before main runs its own checks.)
*/

async function explore(argv: string[]) {
	const run = fakeIo();
	const code = await main(argv, run.io);
	return {code, stdout: run.stdout, stderr: run.stderr};
}

const usage = (reason: string) => `smtp-explorer: ${reason}\n(smtp-explorer --help lists every option)\n`;

describe('smtp-explorer HOST: usage errors', () => {
	it.each([
		[['mx.example.com', '--tls', '--starttls'], '--tls (TLS from the start) and --starttls (upgrade later) exclude each other'],
		[[], 'say which server to explore (HOST[:PORT]), or use --demo'],
		[['mx.example.com', 'mx2.example.com'], 'unexpected argument: mx2.example.com'],
		[['--demo', 'mx.example.com'], '--demo starts its own server: leave out HOST'],
		[['mx.example.com', '--connect-timeout', 'soon'], '--connect-timeout "soon" is not a duration such as 30s, 2m or 1500ms'],
		[['mx.example.com', '--data-end-timeout', 'later'], '--data-end-timeout "later" is not a duration such as 30s, 2m or 1500ms'],
		[['mx.example.com', '--command-timeout', 'soon'], '--command-timeout "soon" is not a duration such as 30s, 2m or 1500ms'],
	])('%j', async (argv, reason) => {
		const {code, stdout, stderr} = await explore(argv);
		expect(code).toBe(2);
		expect(stdout).toBe('');
		expect(stderr).toBe(usage(reason));
	});

	it('says its own usage errors in Portuguese with --lang pt', async () => {
		const cases: Array<[string[], string]> = [
			[['--lang', 'pt'], 'diga qual servidor explorar (HOST[:PORTA]), ou use --demo'],
			[['mx.example.com', 'mx2.example.com', '--lang', 'pt'], 'argumento inesperado: mx2.example.com'],
			[['--demo', 'mx.example.com', '--lang', 'pt'], '--demo inicia o próprio servidor: não informe HOST'],
			[['mx.example.com', '--tls', '--starttls', '--lang', 'pt'], '--tls (TLS desde o início) e --starttls (upgrade depois) se excluem'],
		];
		for (const [argv, reason] of cases) {
			const {code, stdout, stderr} = await explore(argv);
			expect(code).toBe(2);
			expect(stdout).toBe('');
			expect(stderr).toBe(`smtp-explorer: ${reason}\n(smtp-explorer --help lista todas as opções)\n`);
		}

		const data = await explore(['mx.example.com', '--data', '/nonexistent/message.eml', '--lang', 'pt']);
		expect(data.stderr).toMatch(/^smtp-explorer: não foi possível ler o arquivo da mensagem: .*\/nonexistent\/message\.eml/);
	});

	it('names a bad port, a missing --ca file and a missing --data file', async () => {
		const port = await explore(['mx.example.com:99999']);
		expect(port.code).toBe(2);
		expect(port.stderr).toMatch(/^smtp-explorer: .*99999/);
		const ca = await explore(['mx.example.com', '--ca', '/nonexistent/ca.pem']);
		expect(ca.code).toBe(2);
		expect(ca.stderr).toMatch(/^smtp-explorer: .*\/nonexistent\/ca\.pem/);
		const data = await explore(['mx.example.com', '--data', '/nonexistent/message.eml']);
		expect(data.code).toBe(2);
		expect(data.stderr).toMatch(/^smtp-explorer: cannot read the message file: .*\/nonexistent\/message\.eml/);
	});
});
