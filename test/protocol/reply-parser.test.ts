import {describe, expect, it} from 'vitest';
import {createReplyParser, type ParseEvent} from '../../source/protocol/reply-parser.js';
import {formatReplyLine} from '../../source/protocol/reply.js';

const bytes = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));

/** A readable summary of events, so each case is one comparison. */
function summarize(events: ParseEvent[]) {
	return events.map(event =>
		event.type === 'reply'
			? {
					reply: event.reply.code,
					lines: event.reply.lines.map(line => formatReplyLine(line)),
					...(event.reply.enhanced ? {enhanced: event.reply.enhanced.code} : {}),
					...(event.reply.bareLf ? {bareLf: true} : {}),
				}
			: {violation: event.violation.kind},
	);
}

type Feed = 'whole' | 'bytes';

function parse(input: string, feed: Feed, options?: {maxLineBytes?: number; maxReplyBytes?: number}) {
	const parser = createReplyParser(options);
	const data = bytes(input);
	const events: ParseEvent[] = [];
	if (feed === 'whole') {
		events.push(...parser.push(data));
	} else {
		for (const byte of data) events.push(...parser.push(Uint8Array.of(byte)));
	}

	return {events: summarize(events), parser};
}

const cases: Array<{name: string; input: string; expected: unknown[]}> = [
	{name: 'single-line reply', input: '220 mx.example.com ESMTP\r\n', expected: [{reply: 220, lines: ['220 mx.example.com ESMTP']}]},
	{
		name: 'multi-line EHLO reply',
		input: '250-mx.example.com\r\n250-PIPELINING\r\n250-SIZE 1000\r\n250 8BITMIME\r\n',
		expected: [{reply: 250, lines: ['250-mx.example.com', '250-PIPELINING', '250-SIZE 1000', '250 8BITMIME']}],
	},
	{name: 'code-only final line (RFC 5321 4.2.1)', input: '250-first\r\n250\r\n', expected: [{reply: 250, lines: ['250-first', '250']}]},
	{
		name: 'code read from the start of the line only (250-234 is legal)',
		input: '250-234 Text beginning with numbers\r\n250 done\r\n',
		expected: [{reply: 250, lines: ['250-234 Text beginning with numbers', '250 done']}],
	},
	{
		name: 'two replies in one chunk',
		input: '250 ok\r\n354 go ahead\r\n',
		expected: [{reply: 250, lines: ['250 ok']}, {reply: 354, lines: ['354 go ahead']}],
	},
	{
		name: 'mismatched codes are a violation, never success',
		input: '250-first\r\n550 second\r\n',
		expected: [{violation: 'code-mismatch'}],
	},
	{
		name: 'a mismatched continuation skips to the end of that reply',
		input: '250-first\r\n550-second\r\n550 third\r\n221 bye\r\n',
		expected: [{violation: 'code-mismatch'}, {reply: 221, lines: ['221 bye']}],
	},
	{name: 'line without a code', input: 'ERROR\r\n', expected: [{violation: 'no-code'}]},
	{name: 'code below 200', input: '199 odd\r\n', expected: [{violation: 'code-out-of-range'}]},
	{name: 'code above 599', input: '600 odd\r\n', expected: [{violation: 'code-out-of-range'}]},
	{name: 'bad separator', input: '250x ok\r\n', expected: [{violation: 'bad-separator'}]},
	{
		name: 'bare LF is tolerated and flagged',
		input: '250-a\n250 b\n',
		expected: [{reply: 250, lines: ['250-a', '250 b'], bareLf: true}],
	},
	{
		name: 'a stray empty line is tolerated',
		input: '\r\n220 hi\r\n',
		expected: [{violation: 'empty-line'}, {reply: 220, lines: ['220 hi']}],
	},
	{
		name: 'enhanced status code per line (RFC 2034)',
		input: '550-5.1.1 No such user\r\n550 5.1.1 Check the address\r\n',
		expected: [{reply: 550, lines: ['550-5.1.1 No such user', '550 5.1.1 Check the address'], enhanced: '5.1.1'}],
	},
	{
		name: 'an enhanced code of another class is text',
		input: '250 5.0.0 looks odd\r\n',
		expected: [{reply: 250, lines: ['250 5.0.0 looks odd']}],
	},
	{name: 'partial line waits for more', input: '220 not yet', expected: []},
];

describe('reply parser', () => {
	for (const feed of ['whole', 'bytes'] as const) {
		describe(`fed ${feed === 'whole' ? 'in one chunk' : 'one byte at a time'}`, () => {
			for (const testCase of cases) {
				it(testCase.name, () => {
					expect(parse(testCase.input, feed).events).toEqual(testCase.expected);
				});
			}
		});
	}

	it('gives the same events for a split at every offset', () => {
		const input = bytes('250-mx.example.com\r\n250-PIPE\r\n250 LINING\r\n220 next\r\n');
		const whole = summarize(createReplyParser().push(input));
		for (let offset = 0; offset <= input.length; offset++) {
			const parser = createReplyParser();
			const events = [...parser.push(input.subarray(0, offset)), ...parser.push(input.subarray(offset))];
			expect(summarize(events)).toEqual(whole);
		}
	});

	it('keeps invalid UTF-8 as bytes and the exact raw line', () => {
		for (const feed of ['whole', 'bytes'] as const) {
			const parser = createReplyParser();
			const input = Uint8Array.of(...bytes('250 caf'), 0xff, 0xc3, 0xa9, 0x0d, 0x0a);
			const events = feed === 'whole' ? parser.push(input) : [...input].flatMap(byte => parser.push(Uint8Array.of(byte)));
			const event = events[0];
			expect(event?.type).toBe('reply');
			if (event?.type !== 'reply') return;
			const line = event.reply.lines[0]!;
			expect([...line.raw]).toEqual([...input]);
			expect(line.text).toBe('caf\uDCFFé');
		}
	});

	describe.each(['whole', 'bytes'] as const)('limits (fed %s)', feed => {
		it('a line over the limit becomes a violation and the next reply still parses', () => {
			const long = `250 ${'x'.repeat(200)}\r\n220 next\r\n`;
			const {events, parser} = parse(long, feed, {maxLineBytes: 100});
			expect(events).toEqual([{violation: 'line-too-long'}, {reply: 220, lines: ['220 next']}]);
			expect(parser.bufferedBytes()).toBe(0);
		});

		it('a long line inside a multi-line reply discards the rest of that reply', () => {
			const input = `250-a\r\n250-${'x'.repeat(200)}\r\n250-b\r\n250 c\r\n221 bye\r\n`;
			expect(parse(input, feed, {maxLineBytes: 100}).events).toEqual([
				{violation: 'line-too-long'},
				{reply: 221, lines: ['221 bye']},
			]);
		});

		it('an endless line never holds more than the limit', () => {
			const parser = createReplyParser({maxLineBytes: 100});
			const events: ParseEvent[] = [];
			const chunk = feed === 'whole' ? bytes('y'.repeat(1000)) : bytes('y');
			for (let i = 0; i < 1000; i++) {
				events.push(...parser.push(chunk));
				expect(parser.bufferedBytes()).toBeLessThanOrEqual(1000 + 102);
			}

			expect(summarize(events)).toEqual([{violation: 'line-too-long'}]);
		});

		it('a reply over the limit becomes a violation and memory stays bounded', () => {
			const parser = createReplyParser({maxReplyBytes: 1000});
			const events: ParseEvent[] = [];
			const line = bytes('250-filler filler filler filler\r\n');
			for (let i = 0; i < 500; i++) {
				if (feed === 'whole') events.push(...parser.push(line));
				else for (const byte of line) events.push(...parser.push(Uint8Array.of(byte)));
				expect(parser.bufferedBytes()).toBeLessThanOrEqual(1000 + line.length);
			}

			events.push(...parser.push(bytes('250 end\r\n221 bye\r\n')));
			expect(summarize(events)).toEqual([{violation: 'reply-too-long'}, {reply: 221, lines: ['221 bye']}]);
		});
	});

	it('untilReply stops after one reply and leaves the rest buffered', () => {
		const parser = createReplyParser();
		const events = parser.push(bytes('220 go ahead\r\n250-INJECTED\r\npartial'), {untilReply: true});
		expect(summarize(events)).toEqual([{reply: 220, lines: ['220 go ahead']}]);
		expect(Buffer.from(parser.reset()).toString('latin1')).toBe('250-INJECTED\r\npartial');
		expect(parser.bufferedBytes()).toBe(0);
	});

	it('reset returns the lines of an unfinished reply and the partial line', () => {
		const parser = createReplyParser();
		parser.push(bytes('250-a\r\n250-b'));
		expect(Buffer.from(parser.reset()).toString('latin1')).toBe('250-a\r\n250-b');
	});

	it('end reports an unfinished reply as incomplete', () => {
		const parser = createReplyParser();
		parser.push(bytes('250-a\r\n25'));
		expect(summarize(parser.end())).toEqual([{violation: 'incomplete'}]);
		expect(parser.end()).toEqual([]);
	});
});
