import {activeLanguage, text as say} from '../../i18n/messages.js';
import {Box, Text} from 'ink';
import {explainReply} from '../../catalog/explain.js';
import {formatRfc} from '../../catalog/types.js';
import {sanitizeForDisplay} from '../../protocol/sanitize.js';
import type {TranscriptEntry} from '../../protocol/transcript.js';
import {truncateToWidth, wrapToWidth} from '../text-width.js';

/** `palette`: the explorer has one to point to; the read-only viewer does not. */
export type ExplainPanelProps = {entry: TranscriptEntry; width: number; height: number; palette?: boolean};

/** The line under the cursor, explained: for a reply, its code, enhanced code, meaning, causes and what to try. */
export function ExplainPanel({entry, width, height, palette = true}: ExplainPanelProps) {
	const inner = width - 2;
	const t = say();
	const lines: Array<{text: string; bold?: boolean; dim?: boolean}> = [];
	if (entry.code === undefined) {
		lines.push({text: entry.kind === 'sent' ? t['panel.sent'] : t['panel.note'], bold: true});
		lines.push({text: sanitizeForDisplay(entry.text), dim: true});
		if (entry.redacted) lines.push({text: t['panel.redacted']});
	} else {
		const explanation = explainReply(entry.code, entry.enhanced, activeLanguage());
		lines.push({text: `${explanation.title}${explanation.replyClass ? ` · ${explanation.replyClass}` : ''}${entry.inReplyTo ? ` · ${t['panel.replyTo'](entry.inReplyTo)}` : ''}`, bold: true});
		// The most specific words first: the enhanced code's own summary, then what to try.
		const summary = [explanation.enhancedEntry?.summary, explanation.reply?.summary].filter(Boolean).join(' · ');
		if (summary) lines.push({text: summary});
		if (explanation.tryNext.length > 0) lines.push({text: `${t['panel.try']} ${explanation.tryNext.slice(0, 3).join('; ')}`});
		if (explanation.causes.length > 0) lines.push({text: `${t['panel.causes']} ${explanation.causes.slice(0, 3).join('; ')}`, dim: true});
		if (explanation.rfcs.length > 0) lines.push({text: `${t['panel.see']} ${explanation.rfcs.map(rfc => formatRfc(rfc)).join(', ')}${palette ? ` · ${t['panel.palette']}` : ''}`, dim: true});
		for (const row of wrapToWidth(explanation.meaning.split('\n\n')[0] ?? '', inner)) lines.push({text: row, dim: true});
	}

	return (
		<Box flexDirection="column" width={width} height={height} borderStyle="single" borderLeft={false} borderRight={false} borderBottom={false} overflow="hidden">
			{lines.slice(0, height - 1).map((line, index) => (
				<Box key={index} height={1}>
					<Text bold={line.bold} dimColor={line.dim} wrap="truncate-end">
						{truncateToWidth(line.text, inner)}
					</Text>
				</Box>
			))}
		</Box>
	);
}
