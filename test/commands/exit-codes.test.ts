/**
The one exit-code table (source/commands/exit-codes.ts): every code each of probe, send
and run can return, one test each, against the fake server; each command's --help and the
README list the codes from the same table.
*/
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {beforeAll, describe, expect, it} from 'vitest';
import {formatHelp} from '../../source/commands/arguments.js';
import {type ExitName, exitCodes, exitCodesHelp, exitMeanings} from '../../source/commands/exit-codes.js';
import {main as probeMain} from '../../source/commands/probe.js';
import {main as runMain} from '../../source/commands/run.js';
import {main as sendMain} from '../../source/commands/send.js';
import {closedPort, fakeIo, useCommandServers} from '../helpers/command-io.js';
import type {FakeServer, FakeServerOptions} from '../helpers/fake-smtp-server.js';
import {createTestPki, type TestPki} from '../helpers/test-certs.js';

const servers = useCommandServers();
let pki: TestPki;
beforeAll(async () => {
	pki = await createTestPki();
});

type Main = typeof probeMain;
const mains: Record<'probe' | 'send' | 'run', Main> = {probe: probeMain, send: sendMain, run: runMain};

/** What each command's --help promises. */
const promised: Record<keyof typeof mains, ExitName[]> = {
	probe: ['ok', 'usage', 'connect', 'tls', 'greeting', 'ehlo', 'lost', 'proxy', 'xclient'],
	send: ['ok', 'usage', 'connect', 'tls', 'greeting', 'ehlo', 'auth', 'sender', 'recipients', 'someRecipients', 'data', 'lost', 'proxy', 'xclient'],
	run: ['ok', 'expectation', 'usage', 'connect', 'tls', 'greeting', 'auth', 'lost', 'proxy', 'xclient'],
};

type Case = {
	/** The fake server for this case, or none. */
	server?: FakeServerOptions;
	/** The arguments, given the server's HOST:PORT (or a closed port's). */
	argv: (where: string) => string[];
	/** For run: the script. */
	script?: string;
	stderr: RegExp;
	/** What the server must have received (lines), when it matters. */
	lines?: string[];
};

const message = ['--ehlo', 'client.example.com', '--from', 'alice@example.com', '--to', 'bob@example.org', '--subject', 'Hi', '--body', 'Hello'];
const twoRecipients = [...message, '--to', 'carol@example.org'];
const noStartTls = {EHLO: '250-fake.test\r\n250 STARTTLS\r\n'};
const ca = () => ['--ca', servers.testCaFile];
/** A SOCKS proxy where nothing listens (the case's closed port), in front of any server. */
const deadProxy = (where: string) => ['--proxy', `socks5://${where}`];
const xclientRefused: FakeServerOptions = {replies: {EHLO: '250-fake.test\r\n250 XCLIENT NAME ADDR\r\n', XCLIENT: '550 5.7.0 not for you\r\n'}};
const xclient = ['--xclient', 'ADDR=192.0.2.1'];

const cases: Record<keyof typeof mains, Partial<Record<ExitName, Case>>> = {
	probe: {
		ok: {server: {}, argv: where => [where, '--ehlo', 'p.example.com'], stderr: /^$/},
		usage: {argv: () => ['--format', 'xml', '127.0.0.1'], stderr: /--format must be json or text/},
		connect: {argv: where => [where], stderr: /connect failed: connection refused/},
		tls: {server: {get tls() {
			return pki.expired;
		}}, argv: where => [where, ...ca()], stderr: /STARTTLS failed: TLS handshake failed: the server's certificate expired/},
		greeting: {server: {greeting: '554 5.3.2 not now\r\n'}, argv: where => [where], stderr: /banner failed: .*554 5\.3\.2 not now/, lines: ['QUIT']},
		ehlo: {server: {replies: {EHLO: '550 no\r\n', HELO: '550 no\r\n'}}, argv: where => [where, '--ehlo', 'p.example.com'], stderr: /EHLO failed: EHLO \(550\) and HELO \(550\) were both refused: 550 no/},
		lost: {server: {replies: {EHLO: {close: 'fin'}}}, argv: where => [where, '--ehlo', 'p.example.com'], stderr: /EHLO failed: connection closed by the server/, lines: ['EHLO p.example.com']},
		proxy: {argv: where => ['127.0.0.1:25', ...deadProxy(where)], stderr: /proxy failed: connection refused by the proxy/},
		xclient: {server: xclientRefused, argv: where => [where, ...xclient, '--no-starttls', '--ehlo', 'p.example.com'], stderr: /XCLIENT failed: XCLIENT refused: 550 5\.7\.0 not for you/},
	},
	send: {
		ok: {server: {}, argv: where => [where, ...message], stderr: /^$/},
		usage: {argv: where => [where, ...message.slice(0, 2)], stderr: /--from is required/},
		connect: {argv: where => [where, ...message], stderr: /connection refused/},
		tls: {server: {replies: {...noStartTls, STARTTLS: '454 4.7.0 not now\r\n'}}, argv: where => [where, '--require-tls', ...message], stderr: /STARTTLS refused: 454 4\.7\.0 not now/, lines: ['EHLO client.example.com', 'STARTTLS', 'QUIT']},
		greeting: {server: {greeting: ['421 4.3.2 busy\r\n', {close: 'fin'}]}, argv: where => [where, ...message], stderr: /refused service in its banner: 421 4\.3\.2 busy/, lines: []},
		ehlo: {server: {replies: {EHLO: '550 no\r\n', HELO: '550 no\r\n'}}, argv: where => [where, ...message], stderr: /EHLO \(550\) and HELO \(550\) were both refused/},
		auth: {server: {}, argv: where => [where, ...message, '--user', 'alice'], stderr: /the server does not offer AUTH/},
		sender: {server: {replies: {MAIL: '550 5.7.1 not you\r\n'}}, argv: where => [where, ...message], stderr: /MAIL FROM refused: 550 5\.7\.1 not you/},
		recipients: {server: {replies: {RCPT: '550 5.1.1 unknown\r\n'}}, argv: where => [where, ...twoRecipients], stderr: /every recipient was refused/},
		someRecipients: {server: {sequences: {RCPT: ['250 ok\r\n', '550 5.1.1 unknown\r\n']}}, argv: where => [where, ...twoRecipients], stderr: /recipient refused: <carol@example\.org> 550 5\.1\.1 unknown/},
		data: {server: {replies: {DATA: '554 5.5.1 no thanks\r\n'}}, argv: where => [where, ...message], stderr: /DATA refused \(the message was not sent\): 554 5\.5\.1 no thanks/},
		lost: {server: {replies: {'DATA-END': {close: 'fin'}}}, argv: where => [where, ...message], stderr: /no reply to the message: connection closed by the server after the final dot/},
		proxy: {argv: where => ['127.0.0.1:25', ...deadProxy(where), ...message], stderr: /connection refused by the proxy/},
		xclient: {server: xclientRefused, argv: where => [where, ...xclient, '--no-starttls', ...message], stderr: /XCLIENT refused: 550 5\.7\.0 not for you/},
	},
	run: {
		ok: {server: {}, script: 'NOOP\nEXPECT 250\n', argv: where => [where], stderr: /^$/},
		expectation: {server: {}, script: 'NOOP\nEXPECT 550\n', argv: where => [where], stderr: /expected 550, got:\n {4}250 OK/},
		usage: {server: {}, script: 'EXPECT 99\n', argv: where => [where], stderr: /line 1/, lines: []},
		connect: {script: 'NOOP\n', argv: where => [where], stderr: /connection refused/},
		tls: {server: {get tls() {
			return pki.expired;
		}}, script: 'EHLO c.example\nSTARTTLS\n', argv: where => [where, ...ca()], stderr: /line 2: STARTTLS: TLS handshake failed: the server's certificate expired/},
		greeting: {server: {greeting: '554 5.3.2 not now\r\n'}, script: 'EHLO c.example\n', argv: where => [where], stderr: /refused service in its banner: 554 5\.3\.2 not now/, lines: ['QUIT']},
		auth: {server: {}, script: 'EHLO c.example\nAUTH PLAIN AGFsaWNlAHNlY3JldA==\n', argv: where => [where, '--require-tls'], stderr: /line 2: AUTH PLAIN/, lines: ['EHLO c.example', 'QUIT']},
		lost: {server: {replies: {NOOP: {close: 'fin'}}}, script: 'NOOP\nEXPECT 250\n', argv: where => [where], stderr: /line 1: NOOP: connection closed by the server/},
		proxy: {script: 'NOOP\n', argv: where => ['127.0.0.1:25', ...deadProxy(where)], stderr: /connection refused by the proxy/},
		xclient: {server: xclientRefused, script: 'EHLO c.example\nEXPECT 250\n', argv: where => [where, ...xclient], stderr: /--xclient: XCLIENT refused:\n {4}550 5\.7\.0 not for you/},
	},
};

async function runCase(name: keyof typeof mains, which: Case) {
	let server: FakeServer | undefined;
	let where: string;
	if (which.server) {
		server = await servers.fake(which.server);
		where = `127.0.0.1:${server.port}`;
	} else {
		where = `127.0.0.1:${await closedPort()}`;
	}

	const argv = which.argv(where);
	if (which.script !== undefined) argv.unshift(servers.dir.file(`exit-${Math.random().toString(36).slice(2)}.smtp`, which.script));
	const io = fakeIo({env: {SMTP_EXPLORER_PASSWORD: 'secret'}});
	const code = await mains[name](argv, io.io);
	return {code, stderr: io.stderr, server};
}

describe.each(Object.keys(mains) as Array<keyof typeof mains>)('%s', name => {
	it.each(promised[name])(`exits with the table's code for %s`, async exit => {
		const which = cases[name][exit];
		expect(which, `a test case for ${name} ${exit}`).toBeDefined();
		const {code, stderr, server} = await runCase(name, which!);
		expect(stderr).toMatch(which!.stderr);
		expect(code).toBe(exitCodes[exit]);
		if (which!.lines && server) {
			await new Promise(resolve => setTimeout(resolve, 50));
			expect([...server.lines]).toEqual(which!.lines);
		}
	});

	it('lists those codes in --help, with the table\'s words', async () => {
		const io = fakeIo();
		expect(await mains[name](['--help'], io.io)).toBe(0);
		expect(io.stdout).toContain(formatHelp(`\n${exitCodesHelp(promised[name])}\n`).trimEnd());
	});
});

describe('the README', () => {
	it('shows the whole table once, with the same words', () => {
		const readme = readFileSync(join(import.meta.dirname, '..', '..', 'README.md'), 'utf8');
		for (const [name, code] of Object.entries(exitCodes)) {
			const meaning = exitMeanings[name as ExitName].replace(/ \((run|send)\)$/, '').replaceAll(/--[a-z]+/g, flag => `\`${flag}\``);
			expect(readme, name).toContain(`| ${code} | ${meaning} |`);
		}

		expect(readme.match(/^\| code \| meaning \|/gm)).toHaveLength(1);
	});
});
