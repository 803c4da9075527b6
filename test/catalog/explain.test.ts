import {describe, expect, it} from 'vitest';
import {explainReply, parseExplainArgs} from '../../source/catalog/explain.js';
import {findReplyCode, formatRfc, lookupEnhanced} from '../../source/catalog/index.js';

describe('explainReply', () => {
	it('explains a reply code with its enhanced code', () => {
		const explanation = explainReply(550, '5.7.1');
		expect(explanation.title).toBe('550 5.7.1');
		expect(explanation.code).toBe(550);
		expect(explanation.enhanced).toBe('5.7.1');
		expect(explanation.replyClass).toBe('permanent failure');
		expect(explanation.reply?.code).toBe(550);
		expect(explanation.enhancedEntry?.code).toBe('X.7.1');
		expect(explanation.enhancedClass?.code).toBe('5.X.X');
		expect(explanation.meaning).toContain(findReplyCode(550)!.description);
		expect(explanation.meaning).toContain(lookupEnhanced('X.7.1')!.description);
		expect(explanation.rfcs.map(ref => formatRfc(ref))).toEqual(['RFC 5321 4.2.3', 'RFC 3463 3.8']);
	});

	it('puts the enhanced code\'s advice first and drops advice for other codes', () => {
		const explanation = explainReply(550, '5.7.1');
		const enhancedAdvice = lookupEnhanced('X.7.1')!.tryNext;
		// The X.7.1 advice for 4.7.1 does not fit 5.7.1.
		const fitting = enhancedAdvice
			.filter(line => !line.includes('4.7.1'))
			.map(line => line.charAt(0).toUpperCase() + line.slice(1));
		expect(fitting.length).toBeGreaterThan(0);
		expect(explanation.tryNext.slice(0, fitting.length)).toEqual(fitting);
		expect(explanation.tryNext.some(line => line.includes('5.1.1'))).toBe(false);
		expect(explanation.tryNext).toContain('For 5.7.1 on RCPT: authenticate with AUTH before relaying to outside domains');
		expect(explanation.causes[0]).toBe('Delivery not authorized, message refused (5.7.1)');
		expect(explanation.causes).not.toContain('The mailbox does not exist (enhanced code 5.1.1)');
		expect(explanation.causes).toContain('Mailbox disabled or access denied');
		expect(new Set(explanation.tryNext).size).toBe(explanation.tryNext.length);
	});

	it('keeps all of a reply code\'s advice when no enhanced code is given', () => {
		const explanation = explainReply(550);
		const reply = findReplyCode(550)!;
		expect(explanation.title).toBe('550');
		expect(explanation.causes).toEqual(reply.causes);
		expect(explanation.tryNext).toEqual(reply.tryNext);
		expect(explanation.enhancedEntry).toBeUndefined();
		expect(explanation.enhancedClass).toBeUndefined();
		expect(explanation.meaning).toBe(reply.description);
	});

	it('explains an intermediate code alone', () => {
		const explanation = explainReply(334);
		expect(explanation.title).toBe('334');
		expect(explanation.replyClass).toBe('intermediate');
		expect(explanation.reply?.code).toBe(334);
		expect(explanation.rfcs.map(ref => formatRfc(ref))).toEqual(['RFC 4954 4']);
		expect(explanation.tryNext.length).toBeGreaterThan(0);
	});

	it('names the reply classes', () => {
		expect(explainReply(250).replyClass).toBe('success');
		expect(explainReply(354).replyClass).toBe('intermediate');
		expect(explainReply(451).replyClass).toBe('transient failure');
		expect(explainReply(554).replyClass).toBe('permanent failure');
	});

	it('explains an enhanced code alone, taking the class from it', () => {
		const explanation = explainReply(undefined, '5.1.1');
		expect(explanation.title).toBe('5.1.1');
		expect(explanation.code).toBeUndefined();
		expect(explanation.replyClass).toBe('permanent failure');
		expect(explanation.reply).toBeUndefined();
		expect(explanation.enhancedEntry?.code).toBe('X.1.1');
		expect(explanation.enhancedClass?.code).toBe('5.X.X');
		expect(explanation.causes[0]).toContain('(5.1.1)');
		expect(explanation.tryNext.some(line => line.includes('4.1.1'))).toBe(false);
		expect(explanation.rfcs.map(ref => formatRfc(ref))).toEqual(['RFC 3463 3.2']);
		expect(explainReply(undefined, '4.1.1').replyClass).toBe('transient failure');
		expect(explainReply(undefined, '4.1.1').tryNext.some(line => line.includes('4.1.1'))).toBe(true);
		expect(explainReply(undefined, '2.1.5').replyClass).toBe('success');
		expect(explainReply(undefined, '2.1.5').causes).toEqual([]);
	});

	it('explains an unregistered reply code by its class', () => {
		const explanation = explainReply(299);
		expect(explanation.title).toBe('299');
		expect(explanation.replyClass).toBe('success');
		expect(explanation.reply).toBeUndefined();
		expect(explanation.meaning).toMatch(/^2xx: success\./);
		expect(explanation.meaning).toContain('not a registered reply code');
		expect(explanation.rfcs.map(ref => formatRfc(ref))).toEqual(['RFC 5321 4.2.1']);

		const failure = explainReply(559);
		expect(failure.replyClass).toBe('permanent failure');
		expect(failure.meaning).toMatch(/^5xx: permanent failure\./);
		expect(failure.meaning).toContain('mail system');
		expect(failure.tryNext.length).toBeGreaterThan(0);
	});

	it('explains an unregistered enhanced code by its class and subject', () => {
		const explanation = explainReply(undefined, '4.7.99');
		expect(explanation.enhancedEntry).toBeUndefined();
		expect(explanation.enhancedClass?.code).toBe('4.X.X');
		expect(explanation.replyClass).toBe('transient failure');
		expect(explanation.meaning).toContain('not in the enhanced status code registry');
		expect(explanation.meaning).toContain(lookupEnhanced('X.7.0')!.summary);
		expect(explanation.tryNext).toHaveLength(lookupEnhanced('4.X.X')!.tryNext.length);
	});

	it('points out an enhanced code whose class disagrees with the reply', () => {
		const explanation = explainReply(250, '5.0.0');
		expect(explanation.replyClass).toBe('success');
		expect(explanation.meaning).toContain('does not match');
		expect(explanation.rfcs.map(ref => formatRfc(ref))).toContain('RFC 2034 3');
		expect(explainReply(354, '2.0.0').meaning).toContain('3xx replies never do');
	});

	it('ignores reply text after the enhanced code', () => {
		expect(explainReply(550, '5.1.1 No such user').title).toBe('550 5.1.1');
	});

	it('says so when there is nothing to explain', () => {
		const explanation = explainReply(undefined);
		expect(explanation.title).toBe('');
		expect(explanation.meaning).toContain('Nothing to explain');
		expect(explanation.causes).toEqual([]);
		expect(explanation.rfcs).toEqual([]);
	});
});

describe('parseExplainArgs', () => {
	it('accepts a code, an enhanced code, or both', () => {
		expect(parseExplainArgs(['550', '5.7.1'])).toEqual({code: 550, enhanced: '5.7.1'});
		expect(parseExplainArgs(['5.7.1'])).toEqual({enhanced: '5.7.1'});
		expect(parseExplainArgs(['550'])).toEqual({code: 550});
		expect(parseExplainArgs(['550 5.7.1'])).toEqual({code: 550, enhanced: '5.7.1'});
		expect(parseExplainArgs(['  550   5.7.1 '])).toEqual({code: 550, enhanced: '5.7.1'});
		expect(parseExplainArgs(['5.7.1', '550'])).toEqual({code: 550, enhanced: '5.7.1'});
		expect(parseExplainArgs(['299'])).toEqual({code: 299});
		expect(parseExplainArgs(['4.7.99'])).toEqual({enhanced: '4.7.99'});
	});

	it('rejects junk with a clear error', () => {
		expect(parseExplainArgs(['abc'])).toEqual({
			error: '"abc" is neither a reply code (like 550) nor an enhanced status code (like 5.7.1) nor a topic (smtp, session-flow, ports, starttls-vs-implicit-tls, auth-needs-tls, by-hand, reading-bounces, greylisting, policy-rejections, vrfy-expn, pipelining-explained, eight-bit-and-utf8, delivery-notifications, faq)',
		});
		expect(parseExplainArgs(['Greylisting'])).toEqual({topic: 'greylisting'});
		expect(parseExplainArgs(['5.7'])).toEqual({
			error: '"5.7" is not a complete enhanced status code: write class.subject.detail, like 5.7.1',
		});
		expect(parseExplainArgs(['600'])).toEqual({
			error: '"600" is not an SMTP reply code: reply codes have three digits and start with 2, 3, 4 or 5',
		});
	});

	it('rejects other malformed input', () => {
		for (const args of [[], [''], ['55'], ['5500'], ['199'], ['3.1.1'], ['5.07.1'], ['550', '551'], ['5.7.1', '5.1.1'], ['550', '5.7.1', 'x']]) {
			const result = parseExplainArgs(args);
			expect('error' in result, JSON.stringify(args)).toBe(true);
		}
	});
});

describe('codes the first catalog lacked', () => {
	it('explains 453 as the ODMR "no mail" reply, not as an unregistered code', () => {
		const explanation = explainReply(453);
		expect(explanation.reply?.code).toBe(453);
		expect(explanation.meaning).toContain('ATRN');
		expect(explanation.meaning).not.toContain('not a registered reply code');
		expect(explanation.rfcs).toEqual([{rfc: 2645}]);
	});

	for (const code of [355, 422, 430, 523, 524, 525, 533]) {
		it(`explains ${code} from its own entry`, () => {
			expect(explainReply(code).reply?.code).toBe(code);
			expect(explainReply(code).meaning).not.toContain('not a registered reply code');
		});
	}
});
