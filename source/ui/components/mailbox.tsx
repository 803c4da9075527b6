import {text as say} from '../../i18n/messages.js';
import {Box, Text} from 'ink';
import type {MailboxMessage} from '../mailbox-source.js';
import {sanitizeForDisplay} from '../../protocol/sanitize.js';
import {decodeLenient} from '../../protocol/text.js';
import {formatBytes} from '../sidebar-model.js';
import {padToWidth, truncateToWidth} from '../text-width.js';

export type MailboxProps = {width: number; height: number; messages: readonly MailboxMessage[]; selected: number; open: boolean};

/**
The demo server's mailbox: every message it accepted (sender, recipients, size, subject),
and one of them exactly as it arrived, so a learner sees the end of the journey.
*/
export function Mailbox({width, height, messages, selected, open}: MailboxProps) {
	const inner = width - 4;
	const message = messages[selected];
	if (open && message) {
		const lines = decodeLenient(message.raw).split(/\r\n/);
		const rows = Math.max(1, height - 4);
		return (
			<Box flexDirection="column" width={width} height={height} borderStyle="round" paddingX={1}>
				<Text bold wrap="truncate-end">
					{truncateToWidth(say()['mailbox.open'](message.id, formatBytes(message.size), message.tls, message.authUser ?? ''), inner)}
				</Text>
				{lines.slice(0, rows).map((line, index) => (
					<Text key={index} wrap="truncate-end">
						{/* An empty Text takes no row in Ink: keep blank lines (the header/body break) visible. */}
						{truncateToWidth(sanitizeForDisplay(line), inner) || ' '}
					</Text>
				))}
				{lines.length > rows ? <Text dimColor>{say()['mailbox.moreLines'](lines.length - rows)}</Text> : null}
			</Box>
		);
	}

	return (
		<Box flexDirection="column" width={width} height={height} borderStyle="round" paddingX={1}>
			<Text bold wrap="truncate-end">
				{truncateToWidth(say()['mailbox.title'](messages.length), inner)}
			</Text>
			{messages.length === 0 ? <Text dimColor>{say()['mailbox.empty']}</Text> : null}
			{messages.slice(Math.max(0, selected - (height - 4)), Math.max(height - 3, selected + 1)).map(item => {
				const head = `${item.id === message?.id ? '›' : ' '} ${padToWidth(String(item.id), 3)} ${padToWidth(formatBytes(item.size), 9)} ${padToWidth(`<${item.from}>`, 24)} → ${item.recipients.map(recipient => `<${recipient}>`).join(', ')}`;
				return (
					<Text key={item.id} wrap="truncate-end" inverse={item.id === message?.id}>
						{truncateToWidth(sanitizeForDisplay(`${head}  ${item.subject}`), inner)}
					</Text>
				);
			})}
		</Box>
	);
}
