import {formatDate} from './message-builder.js';
import type {SessionState} from './session.js';

/**
The message the editor starts from after a 354: header fields filled from the envelope
(From, To), a Subject to edit, a Date and a Message-ID made now (RFC 5322 3.6), a blank
line, and an empty body. The user can change every line.
*/
export function draftMessage(state: SessionState, options: {date: Date; messageId: string; subject?: string}): string {
	const from = state.envelope.from?.address || 'sender@example.com';
	const recipients = state.envelope.recipients.filter(recipient => recipient.status !== 'rejected').map(recipient => recipient.address);
	return [
		`From: <${from}>`,
		`To: ${recipients.length > 0 ? recipients.map(address => `<${address}>`).join(', ') : '<recipient@example.org>'}`,
		`Subject: ${options.subject ?? 'Test from smtp-explorer'}`,
		`Date: ${formatDate(options.date)}`,
		`Message-ID: <${options.messageId}>`,
		'',
		'',
	].join('\n');
}
