import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {type Dovecot, startDovecot} from '../helpers/interop/dovecot.js';
import {missingPackages} from '../helpers/interop/packages.js';
import {type Postfix, startPostfix} from '../helpers/interop/postfix.js';
import {waitFor} from '../helpers/interop/processes.js';
import {cli, hasTmux} from '../helpers/terminal.js';
import {useTerminals} from '../helpers/use-terminals.js';

/**
The built explorer in a real terminal (tmux) against a real Postfix: STARTTLS verified
with the test CA, then XCLIENT typed in the composer, the new 220 and the new EHLO, and
Postfix logging the session as coming from the client XCLIENT named.
*/

const missing = missingPackages('postfix', 'dovecot-core');

describe.runIf(hasTmux && missing.length === 0)('the explorer against a real Postfix', () => {
	let dovecot: Dovecot;
	let postfix: Postfix;
	const e2e = useTerminals();

	beforeAll(async () => {
		dovecot = await startDovecot();
		postfix = await startPostfix({saslSocket: dovecot.authSocket});
	}, 60_000);

	afterAll(async () => {
		await postfix?.stop();
		await dovecot?.stop();
	}, 60_000);

	it('STARTTLS, then XCLIENT from the composer: the session starts over as the named client', {timeout: 60_000}, async () => {
		const term = e2e.start(`node ${cli} localhost:${postfix.smtpPort} --starttls --ca ${postfix.caFile} --ehlo client.example.com`, {width: 110, height: 34, env: {XDG_STATE_HOME: e2e.scratchDirectory('smtp-explorer-postfix-e2e-')}});
		await term.waitFor('certificate verified for localhost', 'the STARTTLS handshake');
		await term.waitFor(/250[ -]XCLIENT/, 'the EHLO after TLS');
		expect(term.screen().split('\n')[0]).toMatch(/TLSv1\.[23]/);

		await term.type('XCLIENT ADDR=192.0.2.9 NAME=tmux.example.net');
		await term.keys('Enter');
		await term.waitFor('XCLIENT accepted', 'the 220 to XCLIENT');
		expect(term.screen()).toMatch(/<~  220 postfix\.interop\.test ESMTP Postfix/);
		expect(term.screen()).toMatch(/try +EHLO client\.example\.com/);

		await term.type('EHLO client.example.com');
		await term.keys('Enter');
		await term.type('QUIT');
		await term.keys('Enter');
		await term.waitFor('221 2.0.0 Bye', 'the reply to QUIT');
		const line = await waitFor('the disconnect line', () => postfix.log().split('\n').find(entry => entry.includes('disconnect from tmux.example.net[192.0.2.9]')));
		expect(line).toMatch(/ehlo=3 xclient=\S+ starttls=1 quit=1/);
	});

	it('Tab completes the XCLIENT attributes Postfix lists, and the palette fills them all; Postfix takes the filled line', {timeout: 60_000}, async () => {
		const term = e2e.start(`node ${cli} localhost:${postfix.smtpPort} --starttls --ca ${postfix.caFile} --ehlo client.example.com`, {width: 120, height: 40, env: {XDG_STATE_HOME: e2e.scratchDirectory('smtp-explorer-postfix-e2e-')}});
		await term.waitFor(/250[ -]XCLIENT/, 'the EHLO after TLS');

		await term.type('XCLIENT HE');
		await term.keys('Tab');
		await term.waitFor(screen => screen.split('\n').some(row => row.trimEnd() === '> XCLIENT HELO='), 'HELO= completed');
		// Clear the line (Ctrl+U), then the palette's helper.
		await term.keys('C-u', 'C-p');
		await term.type('xclient');
		await term.waitFor(/› XCLIENT\s+command/, 'XCLIENT selected in the palette');
		await term.keys('Enter');
		const filled = await term.waitFor('XCLIENT helper', 'the helper panel');
		// The transcript pane's rows joined (a long EHLO line wraps): the names Postfix listed.
		const joined = filled.split('\n').map(row => row.split('│')[0]!.trim()).join(' ');
		const listed = /250-XCLIENT ((?:[A-Z_]+ )+)/.exec(joined)![1]!.trim().split(' ');
		expect(listed).toEqual(expect.arrayContaining(['NAME', 'ADDR', 'HELO']));
		expect(joined).toContain(`listed after XCLIENT in its EHLO reply: ${listed.join(' ')}.`);
		await term.keys('Enter');
		await term.waitFor('XCLIENT accepted', 'the 220 to the filled XCLIENT');
		await term.type('QUIT');
		await term.keys('Enter');
		await term.waitFor('221 2.0.0 Bye', 'the reply to QUIT');
		// Postfix took every value the helper filled in: it logs the session as that client.
		const line = await waitFor('the disconnect line', () => postfix.log().split('\n').find(entry => entry.includes('disconnect from client.example.com[192.0.2.10]')));
		expect(line).toMatch(/ehlo=2 xclient=\S+ starttls=1 quit=1/);
	});
});
