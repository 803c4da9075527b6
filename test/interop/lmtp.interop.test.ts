import {readFileSync} from 'node:fs';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {main as probe, type ProbeReport} from '../../source/commands/probe.js';
import {main as run} from '../../source/commands/run.js';
import {main as send} from '../../source/commands/send.js';
import {fakeIo, tempDir} from '../helpers/command-io.js';
import {delivered, type Dovecot, startDovecot} from '../helpers/interop/dovecot.js';
import {missingPackages} from '../helpers/interop/packages.js';

/**
LMTP end to end against Dovecot's LMTP server (dovecot-lmtpd), on a TCP port and on a
Unix socket: LHLO, and after the final dot one reply per accepted recipient (RFC 2033
4.2), each paired with its recipient. `full` has a one-byte quota: its RCPT is accepted,
its delivery refused after the dot.
*/

const missing = missingPackages('dovecot-core', 'dovecot-lmtpd');

describe.skipIf(missing.length > 0)('LMTP against Dovecot', () => {
	let dovecot: Dovecot;
	const dir = tempDir();

	beforeAll(async () => {
		dovecot = await startDovecot();
	}, 60_000);

	afterAll(async () => {
		await dovecot?.stop();
		dir.remove();
	}, 60_000);

	const sendTo = async (target: string, recipients: string[], extra: string[] = []) => {
		const io = fakeIo();
		const code = await send([target, ...extra, '--ehlo', 'mta.example.com', '--from', 'sender@example.com', ...recipients.flatMap(recipient => ['--to', recipient]), '--subject', 'over LMTP', '--body', 'hello'], io.io);
		return {code, stdout: io.stdout, stderr: io.stderr};
	};

	it('send lmtp:HOST:PORT delivers to each recipient and reports each reply', async () => {
		const result = await sendTo(`lmtp:127.0.0.1:${dovecot.lmtpPort}`, ['alice@interop.test', 'carol@interop.test']);
		expect(result.stderr).toBe('');
		expect(result.code).toBe(0);
		expect(result.stdout).toMatch(/^delivered \(LMTP, \d+ bytes\) to 2 of 2: <alice@interop\.test> 250 2\.0\.0 <alice@interop\.test> \S+ Saved; <carol@interop\.test> 250 2\.0\.0 <carol@interop\.test> \S+ Saved\n$/);
		expect(await delivered(dovecot, 'alice')).toContain('Subject: over LMTP');
		expect(await delivered(dovecot, 'carol')).toContain('Subject: over LMTP');
	});

	it('send --lmtp to the Unix socket: some delivered, some refused after the dot (exit 10), each refusal named', async () => {
		const before = dovecot.messages('alice').length;
		const result = await sendTo(dovecot.lmtpSocket, ['alice@interop.test', 'full@interop.test', 'nobody@interop.test'], ['--lmtp']);
		expect(result.code).toBe(10);
		expect(result.stdout).toMatch(/^delivered \(LMTP, \d+ bytes\) to 1 of 2: <alice@interop\.test> 250 /);
		expect(result.stderr).toMatch(/recipient refused: <nobody@interop\.test> 550 5\.1\.1 /);
		expect(result.stderr).toMatch(/recipient refused: <full@interop\.test> 552 5\.2\.2 .*[Qq]uota/);
		expect(await delivered(dovecot, 'alice', before + 1)).toContain('Subject: over LMTP');
		expect(dovecot.messages('full')).toEqual([]);
	});

	it('send: every delivery refused after the dot is exit 11', async () => {
		const result = await sendTo(`lmtp:127.0.0.1:${dovecot.lmtpPort}`, ['full@interop.test']);
		expect(result.code).toBe(11);
		expect(result.stderr).toMatch(/the message was delivered to no recipient: <full@interop\.test> 552 /);
	});

	it('without --lmtp, EHLO to an LMTP server fails as the protocol mismatch it is (EHLO refused, exit 6)', async () => {
		const result = await sendTo(`127.0.0.1:${dovecot.lmtpPort}`, ['alice@interop.test']);
		expect(result.code).toBe(6);
	});

	it('probe lmtp: greets with LHLO and lists what Dovecot offers', async () => {
		const io = fakeIo();
		const code = await probe([`lmtp:127.0.0.1:${dovecot.lmtpPort}`, '--ehlo', 'probe.example.com'], io.io);
		expect(io.stderr).toBe('');
		expect(code).toBe(0);
		const report = JSON.parse(io.stdout) as ProbeReport;
		expect(report.timings.map(timing => timing.step)).toContain('LHLO');
		expect(report.extensionsBeforeTls?.map(extension => extension.keyword)).toEqual(expect.arrayContaining(['PIPELINING', 'ENHANCEDSTATUSCODES']));
	});

	it('run: one EXPECT per accepted recipient after the dot, in RCPT order', async () => {
		const script = dir.file('lmtp.smtp', [
			'LHLO mta.example.com', 'EXPECT 250',
			'MAIL FROM:<sender@example.com>', 'EXPECT 250',
			'RCPT TO:<carol@interop.test>', 'EXPECT 250',
			'RCPT TO:<full@interop.test>', 'EXPECT 250',
			'DATA', 'Subject: scripted', '', 'hi', '.',
			'EXPECT 250', 'EXPECT 552',
			'QUIT', 'EXPECT 221', '',
		].join('\n'));
		const io = fakeIo();
		const code = await run([script, `lmtp:${dovecot.lmtpSocket}`], io.io);
		expect(io.stderr).toBe('');
		expect(code).toBe(0);
		expect(io.stdout).toContain('7 expectations met');
		// The order matters: the first EXPECT after the dot is carol's, the second full's.
		const swapped = dir.file('swapped.smtp', readFileSync(script, 'utf8').replace('EXPECT 250\nEXPECT 552', 'EXPECT 552\nEXPECT 250'));
		const failing = fakeIo();
		expect(await run([swapped, `lmtp:${dovecot.lmtpSocket}`], failing.io)).toBe(1);
		expect(failing.stderr).toMatch(/expected 552, got:\n {4}250 2\.0\.0 <carol@interop\.test>/);
	});
});
