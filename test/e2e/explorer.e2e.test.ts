/**
The built binary in a real terminal (tmux), against the demo server: the walk a learner
makes from EHLO to QUIT, what the screen shows at each step, and that the terminal is
given back as it was. A second test points the app at a server that sends escape
sequences and checks they are shown escaped, with the layout intact.
*/
import {describe, expect, it} from 'vitest';
import {startFakeServer} from '../helpers/fake-smtp-server.js';
import {cli, hasTmux, type Terminal} from '../helpers/terminal.js';
import {useTerminals} from '../helpers/use-terminals.js';

const e2e = useTerminals();

function open(command: string, width = 100, height = 32): Terminal {
	return e2e.start(command, {width, height, env: {XDG_STATE_HOME: e2e.scratchDirectory('smtp-explorer-e2e-')}});
}

describe.runIf(hasTmux)('explorer in a real terminal', () => {
	it('walks EHLO, STARTTLS, EHLO, AUTH PLAIN, MAIL, RCPT, DATA, QUIT on the demo server and gives the terminal back', {timeout: 90_000}, async () => {
		const term = open(`printf 'before-the-app\\n'; node ${cli} --demo --ehlo client.example.com; printf 'exit=%s\\n' "$?"; stty -a | tr ' ' '\\n' | grep -x -- '-*icanon'; sleep 60`);
		await term.waitFor('220 demo.smtp-explorer.test ESMTP', 'the banner');
		expect(term.screen()).toMatch(/PLAINTEXT/);

		await term.type('EHLO client.example.com');
		await term.keys('Enter');
		await term.waitFor('250 SIZE 26214400', 'the EHLO reply');
		expect(term.screen()).toMatch(/STARTTLS/);

		await term.type('STARTTLS');
		await term.keys('Enter');
		await term.waitFor('certificate verified for 127.0.0.1', 'the TLS handshake');
		expect(term.screen().split('\n')[0]).toMatch(/TLSv1\.3/);
		expect(term.screen().split('\n')[0]).not.toMatch(/PLAINTEXT/);

		await term.type('EHLO client.example.com');
		await term.keys('Enter');
		await term.waitFor(/<~ {2}250-AUTH PLAIN LOGIN CRAM-MD5/, 'AUTH after TLS');

		await term.type('AUTH PLAIN');
		await term.keys('Enter');
		await term.waitFor('235 2.7.0 Authentication successful', 'AUTH');
		expect(term.screen()).toMatch(/~> AUTH PLAIN <redacted>/);
		expect(term.screen()).not.toMatch(/demo-password|ZGVtby1wYXNzd29yZA/);
		expect(term.screen().split('\n')[0]).toMatch(/auth: demo/);

		await term.type('MAIL FROM:<demo@example.com>');
		await term.keys('Enter');
		await term.waitFor('250 2.1.0 Accepted', 'MAIL');
		await term.type('RCPT TO:<alice@example.org>');
		await term.keys('Enter');
		await term.waitFor('250 2.1.5 Accepted', 'RCPT');
		await term.type('DATA');
		await term.keys('Enter');
		// After 354 the message editor opens, filled from the envelope.
		await term.waitFor('│   1  From: <demo@example.com>', 'the message editor');
		expect(term.screen()).toMatch(/To: <alice@example\.org>/);
		await term.keys('C-End');
		await term.type('A line of the body.');
		await term.keys('Enter');
		await term.type('.a line with a leading dot');
		await term.waitFor('dot-stuffed (a second "." is added on the wire): line 8', 'the dot-stuffing note');
		await term.keys('C-d');
		await term.waitFor(/<~ {2}250 2\.6\.0/, 'the message accepted');
		expect(term.screen()).toMatch(/~> \.\.a line with a leading dot/);

		await term.type('QUIT');
		await term.keys('Enter');
		await term.waitFor('221', 'the goodbye');
		await term.keys('C-c');
		// The transcript was not saved (no --transcript): quitting asks once; Ctrl+C there quits without saving.
		await term.waitFor('The transcript is not saved', 'the question before quitting');
		await term.keys('C-c');
		// stty prints after the exit line: wait for its answer, whichever it is.
		const after = await term.waitFor(/^-?icanon$/m, 'the exit and the tty mode');
		expect(after).toMatch(/^exit=0$/m);
		// The alternate screen is gone: what was there before the app is back, and the tty is cooked again.
		expect(after).toMatch(/^before-the-app$/m);
		expect(after).not.toMatch(/smtp-explorer {2}127\.0\.0\.1/);
		expect(after).toMatch(/^icanon$/m);
	});

	it('shows escape sequences from the server escaped, with the layout intact', {timeout: 60_000}, async () => {
		const server = await startFakeServer({
			greeting: '220 evil.test \u001B[2J\u001B[H\u001B]0;pwned\u0007 \u009B31m red \u202Egnp.exe\r\n',
			replies: {NOOP: '250 ok \u001B[31mRED\u001B[0m \u0008\u0008\u0008 back\r\n'},
		});
		e2e.afterThis(async () => server.close());
		const term = open(`node ${cli} 127.0.0.1:${server.port} --ehlo client.example.com; sleep 60`, 100, 30);
		const screen = await term.waitFor('220 evil.test', 'the banner');
		expect(screen).toContain(String.raw`220 evil.test \x1b[2J\x1b[H\x1b]0;pwned\x07 \u009b31m red \u202egnp.exe`);
		await term.type('NOOP');
		await term.keys('Enter');
		const after = await term.waitFor('250 ok', 'the reply');
		expect(after).toContain(String.raw`250 ok \x1b[31mRED\x1b[0m \x08\x08\x08 back`);
		// The layout is intact: the header is still the first row and the composer is still drawn.
		const rows = after.split('\n');
		expect(rows[0]).toMatch(/^ smtp-explorer {2}127\.0\.0\.1:\d+/);
		expect(rows.some(row => row.startsWith('>'))).toBe(true);
		// 29 rows drawn: the last terminal row is left empty on purpose (see reservedRows).
		expect(rows).toHaveLength(29);
	});
});
