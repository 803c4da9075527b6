import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {SessionController, type Upload} from '../../source/session/controller.js';
import {eventually, useFakeSessions, wire} from '../helpers/session.js';
import {type SlowServer, startSlowServer} from '../helpers/slow-smtp-server.js';

/**
A message upload as the explorer makes it (sendData, sendBdat): its progress in the
snapshot, published at a bounded pace, and a cancel in the middle that leaves the message
undelivered and says so, never "delivery status unknown".
*/

let server: SlowServer;
beforeAll(async () => {
	// About 5 MB/s: 8 MB take well over a second.
	server = await startSlowServer(200);
});
afterAll(async () => server.close());

const {session, cleanup} = useFakeSessions();
const body = (bytes: number) => `Subject: big\n\n${`${'x'.repeat(76)}\n`.repeat(Math.ceil(bytes / 77))}`;

async function inData(): Promise<SessionController> {
	const controller = new SessionController({target: {kind: 'tcp', host: '127.0.0.1', port: server.port}});
	cleanup(async () => controller.close());
	expect((await controller.connect()).ok).toBe(true);
	await controller.command('EHLO client.example.com');
	await controller.command('MAIL FROM:<a@example.com>');
	await controller.command('RCPT TO:<b@example.org>');
	const data = await controller.command('DATA');
	expect(data.ok && data.reply.code).toBe(354);
	return controller;
}

const notes = (controller: SessionController) => controller.transcript.entries.map(entry => entry.text).join('\n');

describe('message upload', () => {
	it('shows bytes sent of the total in the snapshot, a few times a second, and nothing once the message is through', {timeout: 30_000}, async () => {
		const controller = await inData();
		const seen: Upload[] = [];
		const unsubscribe = controller.subscribe(() => {
			const {upload} = controller.getSnapshot();
			if (upload && upload.done !== seen.at(-1)?.done) seen.push(upload);
		});
		const started = performance.now();
		const text = body(8_000_000);
		const outcome = await controller.sendData(text);
		const ms = performance.now() - started;
		unsubscribe();

		expect(outcome.ok && outcome.reply.code).toBe(250);
		expect(server.delivered.at(-1)).toBeGreaterThan(8_000_000);
		// The total is the message as it goes: CRLF line ends (each LF became CRLF).
		const total = text.length + text.split('\n').length - 1;
		expect(seen[0]).toMatchObject({kind: 'data', total});
		expect(seen.at(-1)!.done).toBeGreaterThan(total / 2);
		expect(seen.every((upload, index) => index === 0 || upload.done > seen[index - 1]!.done)).toBe(true);
		// 123 blocks of 64 KiB went out; the snapshot moved at most once per 250 ms of the run.
		expect(seen.length).toBeGreaterThan(2);
		expect(seen.length).toBeLessThanOrEqual(Math.ceil(ms / 250) + 1);
		expect(controller.getSnapshot().upload).toBeUndefined();
		expect(controller.uploadCancellable).toBe(false);
	});

	it('cancelled in the middle of DATA: the connection closes before the final dot, the server delivers nothing, and every word says NOT sent', {timeout: 30_000}, async () => {
		const controller = await inData();
		const delivered = server.delivered.length;
		const closed = server.closedConnections;
		const sending = controller.sendData(body(20_000_000));
		await eventually(() => (controller.getSnapshot().upload?.done ?? 0) > 1_000_000, 'a megabyte through', 10_000);
		expect(controller.uploadCancellable).toBe(true);
		expect(controller.cancel()).toBe(true);

		const outcome = await sending;
		expect(outcome.ok).toBe(false);
		expect(!outcome.ok && outcome.error).toMatchObject({type: 'transport', kind: 'cancelled'});
		expect(!outcome.ok && outcome.error.message).toMatch(/^the message was NOT sent: connection closed \(upload cancelled\) before its end$/);
		expect(controller.sessionState.phase).toBe('closed');
		expect(controller.getSnapshot().upload).toBeUndefined();
		const said = notes(controller);
		expect(said).toMatch(/upload cancelled after \d+ of \d+ bytes: the message was NOT sent; closing the connection, since every byte before the final dot is message text.*RFC 5321 4\.1\.1\.4/);
		expect(said).toMatch(/connection closed \(upload cancelled\) before the end of the message: the message was NOT sent/);
		expect(said).not.toMatch(/delivery status unknown|after the final dot|NOT sent completely/);
		expect(controller.transcript.entries.some(entry => entry.kind === 'sent' && entry.text === '.')).toBe(false);

		// The server saw the connection go with the message unfinished, and dropped it.
		await eventually(() => server.closedConnections > closed, 'the server to see the close', 10_000);
		await eventually(() => server.dropped.length > 0, 'the server to drop the cut message', 10_000);
		expect(server.delivered.length).toBe(delivered);
	});

	it('cancelled between BDAT chunks: LAST never goes, the connection closes, NOT sent', {timeout: 30_000}, async () => {
		const {controller, server: fake} = await session({replies: {EHLO: '250-fake.test\r\n250-CHUNKING\r\n250 PIPELINING\r\n', BDAT: {silence: true}}});
		await controller.connect();
		await controller.command('EHLO client.example.com');
		await controller.command('MAIL FROM:<a@example.com>');
		await controller.command('RCPT TO:<b@example.org>');
		const sending = controller.sendBdat(body(300_000), 100_000);
		await eventually(() => fake.bdatChunks.length === 1, 'the first chunk');
		await eventually(() => controller.getSnapshot().upload?.done === 100_000, 'the first chunk counted');
		expect(controller.getSnapshot().upload).toMatchObject({kind: 'bdat', done: 100_000});
		expect(controller.cancel()).toBe(true);

		const outcome = await sending;
		expect(!outcome.ok && outcome.error).toMatchObject({type: 'transport', kind: 'cancelled'});
		expect(notes(controller)).toMatch(/upload cancelled after 100000 of \d+ bytes: the message was NOT sent; closing the connection, since the server is owed the rest of the BDAT chunk.*RFC 3030 2/);
		expect(wire(fake).filter(line => line.startsWith('BDAT'))).toEqual(['BDAT 100000']);
		expect(controller.sessionState.phase).toBe('closed');
	});

	it('a cancel once the final dot is on its way is a cancelled wait for the reply: the message may have been delivered', async () => {
		const {controller, server: fake} = await session({replies: {'DATA-END': {silence: true}}});
		await controller.connect();
		await controller.command('EHLO client.example.com');
		await controller.command('MAIL FROM:<a@example.com>');
		await controller.command('RCPT TO:<b@example.org>');
		await controller.command('DATA');
		const sending = controller.sendData('Subject: small\n\nhello\n');
		await fake.waitForLine('.');
		await eventually(() => controller.getSnapshot().upload === undefined, 'the upload to end');
		expect(controller.uploadCancellable).toBe(false);
		expect(controller.cancel()).toBe(true);
		const outcome = await sending;
		expect(outcome.ok).toBe(false);
		const said = notes(controller);
		expect(said).toMatch(/cancelled while waiting for the reply to the message/);
		expect(said).toMatch(/delivery status unknown/);
		expect(said).not.toMatch(/upload cancelled/);
	});
});
