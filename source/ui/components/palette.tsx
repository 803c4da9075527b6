import {text as say} from '../../i18n/messages.js';
import {Box, Text} from 'ink';
import type {SearchResult} from '../../catalog/search.js';
import type {SessionState} from '../../protocol/session.js';
import type {EditorState} from '../line-editor.js';
import {badgesFor, detailsFor, entryTitle, kindLabel} from '../palette-model.js';
import {padToWidth, truncateToWidth, wrapToWidth} from '../text-width.js';
import {toneStyle, useTheme} from '../theme.js';
import {sanitizeForDisplay} from '../../protocol/sanitize.js';

export type PaletteProps = {
	width: number;
	height: number;
	query: EditorState;
	results: SearchResult[];
	selected: number;
	/** How far the selected entry's description is scrolled (PgUp/PgDn). */
	detail: number;
	state: SessionState;
	/** The base64 tool's result when the query starts with `b64 ` or `base64 `. */
	base64?: {input: string; decoded?: string; encoded: string};
};

/**
The catalog over the screen: a search line, the matching entries with badges for this
session, and the selected entry in full. Only the visible rows are drawn.
*/
export function Palette({width, height, query, results, selected, detail, state, base64}: PaletteProps) {
	const theme = useTheme();
	const t = say();
	const inner = width - 4;
	const detailHeight = Math.max(4, Math.floor((height - 4) / 2));
	const listHeight = Math.max(1, height - 4 - detailHeight - 1);
	const first = Math.max(0, Math.min(selected - Math.floor(listHeight / 2), results.length - listHeight));
	const visible = results.slice(first, first + listHeight);
	const current = results[selected]?.entry;

	const detailLines: Array<{label: string; text: string}> = [];
	if (base64) {
		detailLines.push({label: 'base64', text: t['palette.base64.what']});
		detailLines.push({label: t['palette.base64.decoded'], text: base64.decoded === undefined ? t['palette.base64.notBase64'] : sanitizeForDisplay(base64.decoded)});
		detailLines.push({label: t['palette.base64.encoded'], text: base64.encoded});
	} else if (current) {
		for (const detail of detailsFor(current)) {
			for (const [index, text] of wrapToWidth(sanitizeForDisplay(detail.text), inner - 9).entries()) detailLines.push({label: index === 0 ? detail.label : '', text});
		}
	}

	// Scrolled with PgUp/PgDn; the last row says what is left below.
	const firstDetail = Math.max(0, Math.min(detail, detailLines.length - detailHeight));
	const below = detailLines.length - firstDetail - detailHeight;
	const shownDetail = below > 0 ? [...detailLines.slice(firstDetail, firstDetail + detailHeight - 1), {label: '', text: t['palette.moreRows'](below + 1)}] : detailLines.slice(firstDetail, firstDetail + detailHeight);

	return (
		<Box flexDirection="column" width={width} height={height} borderStyle="round" paddingX={1}>
			<Box height={1}>
				<Text bold>{t['palette.search']} </Text>
				<Text>{sanitizeForDisplay(query.text.slice(0, query.cursor))}</Text>
				<Text inverse>{sanitizeForDisplay(query.text.slice(query.cursor, query.cursor + 1)) || ' '}</Text>
				<Text>{sanitizeForDisplay(query.text.slice(query.cursor + 1))}</Text>
				<Text dimColor>{`  ${base64 ? t['palette.base64.keys'] : t['palette.keys'](results.length)}`}</Text>
			</Box>
			<Box flexDirection="column" height={listHeight}>
				{visible.length === 0 && !base64 ? <Text dimColor>{t['palette.noMatch']}</Text> : null}
				{visible.map((result, index) => {
					const entry = result.entry;
					const isSelected = first + index === selected;
					const badges = badgesFor(entry, state);
					const badgeText = badges.map(badge => `[${badge.text}]`).join(' ');
					const head = `${isSelected ? '›' : ' '} ${padToWidth(entryTitle(entry), 12)} ${padToWidth(kindLabel(entry), 8)}`;
					const room = Math.max(0, inner - head.length - badgeText.length - 2);
					return (
						<Box key={`${entry.kind}:${entryTitle(entry)}`} height={1}>
							<Text wrap="truncate-end" inverse={isSelected}>
								<Text bold={isSelected}>{head}</Text>
								<Text>{padToWidth(entry.summary, room)} </Text>
								{badges.map(badge => (
									<Text key={badge.text} {...(badge.tone === 'dim' ? {dimColor: true} : toneStyle(theme, badge.tone))}>
										{` [${badge.text}]`}
									</Text>
								))}
							</Text>
						</Box>
					);
				})}
			</Box>
			<Text dimColor>{'─'.repeat(inner)}</Text>
			<Box flexDirection="column" height={detailHeight}>
				{shownDetail.map((line, index) => (
					<Box key={index} height={1}>
						<Text wrap="truncate-end">
							<Text dimColor>{padToWidth(line.label, 8)} </Text>
							<Text>{truncateToWidth(line.text, inner - 9)}</Text>
						</Text>
					</Box>
				))}
			</Box>
		</Box>
	);
}
