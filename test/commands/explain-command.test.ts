import {describe, expect, it} from 'vitest';
import {explainUsage, runExplainCommand} from '../../source/commands/explain-command.js';

describe('runExplainCommand', () => {
	it('prints an unregistered code explained by its class', () => {
		expect(runExplainCommand(['299'], {json: false})).toEqual({
			output: [
				'299: success',
				'',
				'2xx: success. 299 itself is not a registered reply code, so only its digits say',
				'anything: the requested action was completed.',
				'',
				'See: RFC 5321 4.2.1',
				'',
			].join('\n'),
			exitCode: 0,
		});
	});

	it('prints an enhanced code with causes and advice', () => {
		expect(runExplainCommand(['5.1.1'], {json: false})).toEqual({
			output: [
				'5.1.1: permanent failure',
				'  5.1.1: Bad destination mailbox: the recipient does not exist',
				'',
				'The domain is fine, but the part before the @ matches no mailbox there: the',
				'classic "user unknown" bounce. It is meant as a permanent failure. A 4.1.1',
				'usually means the server could not check the mailbox at that moment.',
				'',
				'Likely causes:',
				'  - Bad destination mailbox: the recipient does not exist (5.1.1)',
				'',
				'What to try:',
				'  - Check the recipient address for typos',
				'  - Ask the recipient for a current address',
				'',
				'See: RFC 3463 3.2',
				'',
			].join('\n'),
			exitCode: 0,
		});
	});

	it('prints both codes, the reply first', () => {
		const {output, exitCode} = runExplainCommand(['550', '5.7.1'], {json: false});
		expect(exitCode).toBe(0);
		const lines = output.split('\n');
		expect(lines.slice(0, 3)).toEqual([
			'550 5.7.1: permanent failure',
			'  550: Action not taken: mailbox unavailable or rejected by policy',
			'  5.7.1: Delivery not authorized, message refused',
		]);
		expect(lines).toContain('Likely causes:');
		expect(lines).toContain('What to try:');
		expect(lines.at(-2)).toBe('See: RFC 5321 4.2.3, RFC 3463 3.8');
		expect(lines.at(-1)).toBe('');
		expect(lines.every(line => line.length <= 80)).toBe(true);
		expect(output.indexOf('Likely causes:')).toBeLessThan(output.indexOf('What to try:'));
	});

	it('accepts both codes as one argument', () => {
		expect(runExplainCommand(['550 5.7.1'], {json: false})).toEqual(runExplainCommand(['550', '5.7.1'], {json: false}));
	});

	it('wraps to the given width', () => {
		const {output} = runExplainCommand(['550', '5.7.1'], {json: false, width: 50});
		expect(output.split('\n').every(line => line.length <= 50)).toBe(true);
	});

	it('prints JSON', () => {
		const {output, exitCode} = runExplainCommand(['550', '5.7.1'], {json: true});
		expect(exitCode).toBe(0);
		const parsed = JSON.parse(output) as Record<string, unknown>;
		expect(parsed).toMatchObject({
			title: '550 5.7.1',
			code: 550,
			enhanced: '5.7.1',
			replyClass: 'permanent failure',
			reply: {kind: 'reply', code: 550},
			enhancedEntry: {kind: 'enhanced', code: 'X.7.1'},
			enhancedClass: {kind: 'enhanced', code: '5.X.X'},
			rfcs: [
				{rfc: 5321, section: '4.2.3'},
				{rfc: 3463, section: '3.8'},
			],
		});
		expect(parsed['causes']).toBeInstanceOf(Array);
		expect(parsed['tryNext']).toBeInstanceOf(Array);
	});

	it('exits with 2 and a usage line on bad arguments', () => {
		expect(runExplainCommand(['abc'], {json: false})).toEqual({
			output:
				'smtp-explorer explain: "abc" is neither a reply code (like 550) nor an enhanced status code (like 5.7.1)\n'
				+ `${explainUsage}\n`,
			exitCode: 2,
		});
		for (const args of [['5.7'], ['600'], [], ['550', '5.7.1', 'extra']]) {
			const result = runExplainCommand(args, {json: false});
			expect(result.exitCode, JSON.stringify(args)).toBe(2);
			expect(result.output).toMatch(/^smtp-explorer explain: .+\nUsage: smtp-explorer explain /);
		}

		expect(runExplainCommand(['5.7'], {json: true}).exitCode).toBe(2);
	});
});
