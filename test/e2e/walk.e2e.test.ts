/**
The step-by-step walk in a real terminal (tmux) with the built binary on the demo server:
a learner goes from the banner to QUIT with nothing but Ctrl+N, Enter and the message
editor, then finds the message in the demo mailbox, intact. The live transcript file
holds every line, with the AUTH secret redacted.
*/
import {existsSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {cli, hasTmux} from '../helpers/terminal.js';
import {useTerminals} from '../helpers/use-terminals.js';

const e2e = useTerminals();

const password = 'demo-password';
const passwordBase64 = Buffer.from(password).toString('base64').replace(/=+$/, '');
const plainBase64 = Buffer.from(`\u0000demo\u0000${password}`).toString('base64');

/** The screen's rows joined with single spaces: the step panel wraps its sentences. */
const joined = (screen: string) => screen.split('\n').map(row => row.trim()).join(' ');

/** The composer row: the line the walk put there. */
const composerHolds = (line: string) => (screen: string) => screen.split('\n').some(row => row.trimEnd() === `> ${line}`);

describe.runIf(hasTmux)('the walk in a real terminal', () => {
	it('goes from the banner to QUIT with only Ctrl+N, Enter and the message editor, and the message arrives intact', {timeout: 120_000}, async () => {
		const state = e2e.scratchDirectory('smtp-explorer-walk-');
		const transcript = join(state, 'walk.txt');
		const term = e2e.start(`node ${cli} --demo --ehlo client.example.com --transcript ${transcript}; sleep 60`, {
			width: 100,
			height: 32,
			env: {XDG_STATE_HOME: state},
		});

		/** Ctrl+N, check the composer holds the suggested line, Enter, wait for the reply. */
		async function step(line: string, reply: RegExp | string, what: string): Promise<string> {
			await term.keys('C-n');
			await term.waitFor(composerHolds(line), `Ctrl+N to suggest ${line}`);
			expect(term.screen()).toContain(`next: ${line.split(' ')[0]}`);
			await term.keys('Enter');
			return term.waitFor(reply, what);
		}

		await term.waitFor('220 demo.smtp-explorer.test ESMTP', 'the banner');

		let screen = await step('EHLO client.example.com', '250 SIZE 26214400', 'the EHLO reply');
		expect(screen).toMatch(/<- {2}250-STARTTLS/);
		expect(screen).not.toMatch(/250-AUTH/);

		screen = await step('STARTTLS', 'certificate verified for 127.0.0.1', 'the TLS handshake');
		expect(screen).toMatch(/<- {2}220 2\.0\.0 Ready to start TLS/);
		expect(screen.split('\n')[0]).toMatch(/TLSv1\.3/);

		screen = await step('EHLO client.example.com', /<~ {2}250-AUTH PLAIN LOGIN CRAM-MD5/, 'AUTH offered after TLS');
		expect(screen).toMatch(/<~ {2}250 SIZE 26214400/);

		screen = await step('AUTH PLAIN', '235 2.7.0 Authentication successful', 'AUTH');
		expect(screen).toMatch(/~> AUTH PLAIN <redacted>/);
		expect(screen.split('\n')[0]).toMatch(/auth: demo/);
		expect(screen).not.toContain(password);
		expect(screen).not.toContain(passwordBase64);

		await step('MAIL FROM:<demo@example.com>', '250 2.1.0 Accepted', 'MAIL accepted');
		await step('RCPT TO:<alice@example.org>', '250 2.1.5 Accepted', 'RCPT accepted');

		// DATA's 354 opens the message editor, filled from the envelope; the cursor is on the body.
		screen = await step('DATA', '│   1  From: <demo@example.com>', 'the message editor');
		expect(screen).toMatch(/│ {3}2 {2}To: <alice@example\.org>/);
		expect(screen).toMatch(/│ {3}3 {2}Subject: Test from smtp-explorer/);
		expect(screen).toMatch(/│ {3}5 {2}Message-ID: <[^>]+@client\.example\.com>/);
		await term.type('.hidden dot line of the walk');
		await term.waitFor('│   7· .hidden dot line of the walk', 'the body line, marked for dot-stuffing');
		await term.keys('C-d');
		screen = await term.waitFor(/<~ {2}250 2\.6\.0 .*queued as demo message #1/, 'the message accepted');
		expect(screen).toMatch(/<~ {2}354 /);
		expect(screen).toMatch(/~> \.\.hidden dot line of the walk/);

		await step('QUIT', /<~ {2}221 /, 'the goodbye');

		// The end of the journey: the demo mailbox holds the message.
		await term.keys('F2');
		screen = await term.waitFor('demo mailbox: 1 message', 'the mailbox');
		expect(screen).toMatch(/› +1 .*<demo@example\.com> +→ <alice@example\.org> +Test from smtp-explorer/);
		await term.keys('Enter');
		screen = await term.waitFor('as received', 'the message opened');
		const rows = screen.split('\n').map(row => row.replace(/^│ /, '').replace(/\s*│$/, ''));
		const from = rows.indexOf('From: <demo@example.com>');
		expect(from).toBeGreaterThan(-1);
		expect(rows.slice(from, from + 7)).toEqual([
			'From: <demo@example.com>',
			'To: <alice@example.org>',
			'Subject: Test from smtp-explorer',
			expect.stringMatching(/^Date: \w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}$/),
			expect.stringMatching(/^Message-ID: <[^>]+@client\.example\.com>$/),
			'',
			// Un-stuffed: a single leading dot, as the user typed it.
			'.hidden dot line of the walk',
		]);

		// The live transcript file: every line of the walk, the secret redacted.
		expect(existsSync(transcript)).toBe(true);
		const saved = readFileSync(transcript, 'utf8');
		const lines = saved.split('\n');
		for (const expected of [
			/^<- {2}220 demo\.smtp-explorer\.test ESMTP/,
			/^ -> EHLO client\.example\.com$/,
			/^<- {2}250-STARTTLS$/,
			/^ -> STARTTLS$/,
			/^<- {2}220 2\.0\.0 Ready to start TLS$/,
			/^ ~> EHLO client\.example\.com$/,
			/^<~ {2}250-AUTH PLAIN LOGIN CRAM-MD5$/,
			/^ ~> AUTH PLAIN <redacted>$/,
			/^<~ {2}235 2\.7\.0 Authentication successful$/,
			/^ ~> MAIL FROM:<demo@example\.com>$/,
			/^<~ {2}250 2\.1\.0 Accepted$/,
			/^ ~> RCPT TO:<alice@example\.org>$/,
			/^<~ {2}250 2\.1\.5 Accepted$/,
			/^ ~> DATA$/,
			/^<~ {2}354 /,
			/^ ~> From: <demo@example\.com>$/,
			/^ ~> \.\.hidden dot line of the walk$/,
			/^ ~> \.$/,
			/^<~ {2}250 2\.6\.0 .*queued as demo message #1$/,
			/^ ~> QUIT$/,
			/^<~ {2}221 /,
		]) {
			expect(lines.some(line => expected.test(line)), `a line matching ${expected}`).toBe(true);
		}

		// Nothing secret: not the base64 the client sent, nor the password's.
		expect(saved).not.toContain(plainBase64);
		expect(saved).not.toContain(passwordBase64);
		// Not the password itself either, anywhere in the file.
		expect(saved.split('\n').filter(line => line.includes(password))).toEqual([]);
	});
});

describe.runIf(hasTmux)('the walk off the main road, in a real terminal', () => {
	it('Ctrl+N again offers the side steps; after a refused password it offers AUTH again, not MAIL; after QUIT it names the reconnect key', {timeout: 120_000}, async () => {
		const term = e2e.start(`node ${cli} --demo --user demo --ehlo client.example.com; sleep 60`, {
			width: 100,
			height: 32,
			env: {XDG_STATE_HOME: e2e.scratchDirectory('smtp-explorer-walk-'), SMTP_EXPLORER_PASSWORD: 'not-the-password'},
		});
		await term.waitFor('220 demo.smtp-explorer.test ESMTP', 'the banner');

		// Before EHLO the side step is HELO; Ctrl+N again comes back to EHLO.
		await term.keys('C-n');
		await term.waitFor(composerHolds('EHLO client.example.com'), 'EHLO suggested');
		expect(joined(term.screen())).toContain('Also possible (Ctrl+N again): HELO.');
		await term.keys('C-n');
		await term.waitFor(composerHolds('HELO client.example.com'), 'HELO offered as a side step');
		expect(term.screen()).toContain('side step: HELO');
		await term.keys('C-n');
		await term.waitFor(composerHolds('EHLO client.example.com'), 'back to EHLO');
		await term.keys('Enter');
		await term.waitFor('250 SIZE 26214400', 'the EHLO reply');

		// Greeted: STARTTLS, then NOOP, VRFY and EXPN beside it. NOOP goes out and the walk carries on.
		await term.keys('C-n');
		await term.waitFor(composerHolds('STARTTLS'), 'STARTTLS suggested');
		await term.keys('C-n');
		await term.waitFor(composerHolds('NOOP'), 'NOOP offered');
		await term.keys('Enter');
		await term.waitFor(/<- {2}250 /, 'the reply to NOOP');
		for (const [line, reply] of [['STARTTLS', 'certificate verified'], ['EHLO client.example.com', /<~ {2}250-AUTH PLAIN LOGIN CRAM-MD5/]] as const) {
			await term.keys('C-n');
			await term.waitFor(composerHolds(line), `${line} suggested`);
			await term.keys('Enter');
			await term.waitFor(reply, `the reply to ${line}`);
		}

		// The password from the environment is wrong: 535, and the walk says to log in again.
		await term.keys('C-n');
		await term.waitFor(composerHolds('AUTH PLAIN'), 'AUTH suggested');
		await term.keys('Enter');
		await term.waitFor(/<~ {2}535 /, 'the refusal');
		await term.keys('C-n');
		const again = await term.waitFor(composerHolds('AUTH PLAIN'), 'AUTH again, not MAIL');
		expect(joined(again)).toMatch(/failed with 535 \(RFC 4954 6\)/);
		expect(again).not.toContain('> MAIL FROM');
		// The forgotten password is asked for, masked: Esc leaves it, and nothing is sent.
		await term.keys('Enter');
		await term.waitFor('password (hidden here', 'the password asked again');
		await term.keys('Escape');
		await term.waitFor('AUTH cancelled before anything was sent', 'the prompt closed');

		await term.type('QUIT');
		await term.keys('Enter');
		await term.waitFor(/<~ {2}221 /, 'the goodbye');
		await term.waitFor(screen => /phase +closed|closed {2}F1 help/.test(screen), 'the session closed');
		await term.keys('C-n');
		await term.waitFor(screen => joined(screen).includes('press Ctrl+R to connect again'), 'the reconnect key named');
	});
});
