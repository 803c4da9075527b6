import {text as say} from '../i18n/messages.js';
import {type BodyReport, normalizeMessage} from '../protocol/data-encoder.js';
import {hasExtension} from '../protocol/ehlo.js';
import type {SessionState} from '../protocol/session.js';
import {encodeUtf8} from '../protocol/text.js';
import {formatBytes} from './sidebar-model.js';

/**
What the message editor says about the message before it goes: its size against the
advertised SIZE, dot-stuffed lines, 8-bit or UTF-8 content against what MAIL declared,
and lines too long for SMTP. Pure, from the text and the session.
*/
export type MessageNote = {text: string; tone: 'ok' | 'info' | 'warning' | 'error'};

export type MessageFacts = {report: BodyReport; notes: MessageNote[]};

export function messageFacts(text: string, state: SessionState): MessageFacts {
	const {report} = normalizeMessage(encodeUtf8(text));
	const notes: MessageNote[] = [];
	const limit = state.ehlo?.sizeLimit;
	const size = `${report.messageBytes.toLocaleString('en')} bytes`;
	if (limit && report.messageBytes > limit) notes.push({text: say()['message.overSize'](size, formatBytes(limit)), tone: 'error'});
	else notes.push({text: say()['message.size'](size, limit ? formatBytes(limit) : '', report.lines), tone: 'ok'});

	const stuffed = stuffedLinesOf(text);
	if (stuffed.length > 0) notes.push({text: say()['message.dotStuffed'](list(stuffed)), tone: 'info'});

	if (report.eightBit) {
		const params = state.envelope.from?.params ?? [];
		const declared = params.includes('BODY=8BITMIME') || params.includes('SMTPUTF8');
		if (declared) {
			notes.push({text: say()['message.eightBitDeclared'], tone: 'ok'});
		} else if (hasExtension(state.ehlo, '8BITMIME') || hasExtension(state.ehlo, 'SMTPUTF8')) {
			notes.push({text: say()['message.eightBitUndeclared'], tone: 'warning'});
		} else {
			notes.push({text: say()['message.eightBitUnsupported'], tone: 'warning'});
		}
	}

	if (report.longLines.length > 0) notes.push({text: say()['message.longLines'](list(report.longLines)), tone: 'warning'});
	if (report.hasNul) notes.push({text: say()['message.nul'], tone: 'error'});
	return {report, notes};
}

/** Lines that start with a dot, which the wire form doubles (RFC 5321 4.5.2). */
function stuffedLinesOf(text: string): number[] {
	return text.split('\n').flatMap((line, index) => (line.startsWith('.') ? [index + 1] : []));
}

function list(numbers: number[]): string {
	const shown = numbers.slice(0, 6).join(', ');
	return numbers.length > 6 ? `${shown} and ${numbers.length - 6} more` : shown;
}
