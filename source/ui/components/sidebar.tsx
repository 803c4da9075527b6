import {text as say} from '../../i18n/messages.js';
import {Box, Text} from 'ink';
import {memo, type ReactElement} from 'react';
import type {SidebarSection, Tone} from '../sidebar-model.js';
import {padToWidth, truncateToWidth} from '../text-width.js';
import {toneStyle, useTheme} from '../theme.js';
import {sanitizeForDisplay} from '../../protocol/sanitize.js';

export type SidebarProps = {sections: SidebarSection[]; width: number; height: number; focused: boolean};

const labelWidth = 10;

/** A section's title in the language's words; the model keys its sections by the English title. */
function sectionTitle(title: string): string {
	const t = say();
	const extensions = /^extensions \((\d+)\)$/.exec(title);
	if (extensions) return t['sidebar.section.extensions'](Number(extensions[1]));
	const key = `sidebar.section.${title}`;
	return key in t ? (t[key as keyof typeof t] as string) : title;
}

/** A row's label in the language's words; extension keywords and the +/~/- marks stay as they are. */
function lineLabel(label: string): string {
	const t = say();
	const key = `sidebar.label.${label}`;
	return key in t ? (t[key as keyof typeof t] as string) : label;
}

/** The session at a glance: connection, TLS, identity, envelope, extensions in words, next step. */
export const Sidebar = memo(function Sidebar({sections, width, height, focused}: SidebarProps) {
	const theme = useTheme();
	const toneProps = (tone: Tone) => (tone === 'dim' ? {dimColor: true} : tone === 'normal' ? {} : toneStyle(theme, tone));
	const inner = width - 2;
	const rows: Array<{key: string; node: ReactElement}> = [];
	for (const section of sections) {
		const title = sectionTitle(section.title);
		rows.push({key: `t:${section.title}`, node: <Text bold={focused} dimColor={!focused}>{`─ ${title} ${'─'.repeat(Math.max(0, inner - title.length - 3))}`}</Text>});
		for (const [index, line] of section.lines.entries()) {
			// Server-sent names (domains, addresses, banners) are sanitised here too.
			const value = truncateToWidth(sanitizeForDisplay(line.value), Math.max(1, inner - labelWidth - 1));
			rows.push({
				key: `${section.title}:${index}`,
				node: (
					<Text wrap="truncate-end">
						<Text dimColor>{padToWidth(lineLabel(line.label), labelWidth)} </Text>
						<Text {...toneProps(line.tone)}>{value}</Text>
					</Text>
				),
			});
		}
	}

	const shown = rows.slice(0, height);
	if (rows.length > height && height > 0) shown[height - 1] = {key: 'more', node: <Text dimColor>{say()['sidebar.more'](rows.length - height + 1)}</Text>};
	return (
		<Box flexDirection="column" width={width} height={height} paddingLeft={1} borderStyle="single" borderTop={false} borderBottom={false} borderRight={false} overflow="hidden">
			{shown.map(row => (
				<Box key={row.key} height={1}>
					{row.node}
				</Box>
			))}
		</Box>
	);
});

/** The collapsed sidebar for narrow terminals: the essentials on one line. */
export const SidebarStrip = memo(function SidebarStrip({sections, width}: {sections: SidebarSection[]; width: number}) {
	const pick = (title: string) => sections.find(section => section.title.startsWith(title));
	const parts: string[] = [];
	const demo = pick('demo');
	// Until AUTH is done, the practice credentials lead the line.
	if (demo && !pick('identity')?.lines.some(line => line.label === 'auth')) parts.push(say()['sidebar.demoLogin'](demo.lines[0]?.value ?? '', demo.lines[1]?.value ?? ''));
	const extensions = pick('extensions');
	if (extensions) parts.push(`${say()['sidebar.ext']} ${extensions.lines.map(line => line.label).join(' ')}`);
	const envelope = pick('envelope');
	if (envelope) parts.push(envelope.lines.map(line => `${lineLabel(line.label)} ${line.value}`).join(', '));
	const next = pick('next');
	if (next?.lines[0]) parts.push(`${say()['sidebar.next']} ${next.lines[0].value}`);
	const text = parts.length > 0 ? parts.join('  ·  ') : say()['sidebar.f4'];
	return (
		<Box width={width} height={1}>
			<Text dimColor wrap="truncate-end">
				{truncateToWidth(sanitizeForDisplay(` ${text}`), width)}
			</Text>
		</Box>
	);
});
