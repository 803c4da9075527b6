import {describe, expect, it} from 'vitest';
import {commands} from '../../source/catalog/commands.js';
import {extensions} from '../../source/catalog/extensions.js';
import type {Phase} from '../../source/protocol/phase.js';
import {initialSessionState, type SessionState} from '../../source/protocol/session.js';
import {validateLine} from '../../source/protocol/validate.js';
import {greetedState} from '../helpers/session-state.js';

/**
The catalog and the validator describe the same protocol from two sides: every command's
example must pass the validator in every phase the catalog says the command is valid in,
with the extension it needs advertised.
*/

const everything = ['PIPELINING', 'SIZE 1000000', '8BITMIME', 'DSN', 'SMTPUTF8', 'STARTTLS', 'AUTH PLAIN LOGIN CRAM-MD5', 'CHUNKING', 'ETRN', 'XCLIENT NAME ADDR', 'XFORWARD NAME ADDR', 'BURL imap', 'ATRN'];

function stateIn(phase: Phase): SessionState {
	const greeted = greetedState(everything);
	switch (phase) {
		case 'connected': {
			return {...initialSessionState(), phase: 'connected', greeting: {code: 220, text: 'hi'}};
		}

		case 'mail': {
			return {...greeted, phase, envelope: {from: {address: 'a@example.com', status: 'accepted'}, recipients: [], body: 'none'}};
		}

		case 'rcpt':
		case 'bdat': {
			return {...greeted, phase, envelope: {from: {address: 'a@example.com', status: 'accepted'}, recipients: [{address: 'b@example.org', status: 'accepted'}], body: phase === 'bdat' ? 'chunks' : 'none'}};
		}

		default: {
			return {...greeted, phase};
		}
	}
}

describe('catalog and validator agree', () => {
	for (const command of commands) {
		for (const phase of command.phases) {
			it(`${command.verb}: "${command.example}" passes in the ${phase} phase`, () => {
				const result = validateLine(command.example, {state: stateIn(phase), loopback: true});
				expect(result.diagnostics.filter(diagnostic => diagnostic.severity !== 'info')).toEqual([]);
				expect(result.verdict).toBe('send');
			});
		}

		it(`${command.verb}: the template is a valid start too`, () => {
			const phase = command.phases[0]!;
			const result = validateLine(command.template, {state: stateIn(phase), loopback: true});
			expect(result.diagnostics.filter(diagnostic => diagnostic.severity === 'error')).toEqual([]);
		});
	}

	it('every command that needs an extension names one the catalog knows', () => {
		const keywords = new Set(extensions.map(extension => extension.keyword));
		for (const command of commands) if (command.extension) expect(keywords.has(command.extension), command.verb).toBe(true);
	});
});
