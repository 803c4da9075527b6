import {entryTitle} from '../catalog/index.js';
import {localizedCatalog} from '../catalog/localize.js';
import {searchCatalog} from '../catalog/search.js';
import {formatRfc, type CatalogEntry, type CommandEntry, type TopicEntry} from '../catalog/types.js';
import {type Language, messages, type Messages} from '../i18n/messages.js';

export type CommandOutput = {
	/** What to print to stdout, ending with a newline. */
	output: string;
	exitCode: number;
};

export type CatalogCommandOptions = {
	json: boolean;
	/** Column to wrap text at (80 by default). */
	width?: number;
	/** Language of the text (English by default). */
	language?: Language;
};

const defaultWidth = 80;
const maxResults = 20;

/**
Wraps text on word boundaries so no line is longer than `width`, unless a single word is.
Line breaks in the text are kept. `firstIndent` starts the first line, `indent` the others.
*/
export function wrapText(
	text: string,
	width: number,
	{indent = '', firstIndent = indent}: {indent?: string; firstIndent?: string} = {},
): string {
	const lines: string[] = [];
	for (const paragraph of text.split('\n')) {
		let line = lines.length === 0 ? firstIndent : indent;
		let empty = true;
		for (const word of paragraph.split(/\s+/).filter(Boolean)) {
			if (!empty && line.length + 1 + word.length > width) {
				lines.push(line);
				line = indent + word;
			} else {
				line += empty ? word : ` ${word}`;
			}

			empty = false;
		}

		lines.push(empty ? '' : line);
	}

	return lines.join('\n');
}

/** Wraps `text` after a fixed label, continuing under the text: `Syntax:  MAIL FROM:<...>`. */
function labelled(label: string, text: string, width: number, indent: string): string {
	const head = `${indent}${label.padEnd(9)}`;
	return wrapText(text, width, {firstIndent: head, indent: ' '.repeat(head.length)});
}

const kindKeys = {
	command: 'catalog.kind.command',
	reply: 'catalog.kind.reply',
	enhanced: 'catalog.kind.enhanced',
	extension: 'catalog.kind.extension',
	mechanism: 'catalog.kind.mechanism',
	topic: 'catalog.kind.topic',
} as const satisfies Record<CatalogEntry['kind'], keyof Messages>;

const categoryKeys = {
	session: 'catalog.category.session',
	auth: 'catalog.category.auth',
	message: 'catalog.category.message',
	info: 'catalog.category.info',
} as const satisfies Record<CommandEntry['category'], keyof Messages>;

/** The command's category in the reader's language: `session`, `auth`, `message`, `info`. */
export function categoryName(entry: CommandEntry, m: Messages): string {
	return m[categoryKeys[entry.category]];
}

function entryDetails(entry: CatalogEntry, width: number, m: Messages): string[] {
	const indent = '  ';
	const lines: string[] = [];
	const reference = (ref: CommandEntry['rfc']) => labelled('document' in ref ? m['catalog.label.source'] : m['catalog.label.rfc'], formatRfc(ref), width, indent);
	switch (entry.kind) {
		case 'command': {
			lines.push(labelled(m['catalog.label.syntax'], entry.syntax, width, indent), labelled(m['catalog.label.example'], entry.example, width, indent));
			if (entry.extension) lines.push(labelled(m['catalog.label.needs'], m['catalog.needs'](entry.extension), width, indent));
			lines.push(reference(entry.rfc));
			break;
		}

		case 'reply':
		case 'enhanced': {
			lines.push(labelled(m['catalog.label.meaning'], entry.description, width, indent), reference(entry.rfc));
			break;
		}

		case 'extension': {
			if (entry.parameters) lines.push(labelled(m['catalog.label.params'], entry.parameters, width, indent));
			const adds = [
				...entry.commands.map(verb => m['catalog.adds.command'](verb)),
				...entry.mailParams.map(key => m['catalog.adds.mail'](key)),
				...entry.rcptParams.map(key => m['catalog.adds.rcpt'](key)),
			];
			if (adds.length > 0) lines.push(labelled(m['catalog.label.adds'], adds.join(', '), width, indent));
			if (entry.rfc) lines.push(reference(entry.rfc));
			if (entry.vendor) lines.push(labelled(m['catalog.label.vendor'], entry.vendor, width, indent));
			break;
		}

		case 'mechanism': {
			if (entry.rfc) lines.push(reference(entry.rfc));
			break;
		}

		case 'topic': {
			lines.push(
				labelled(m['catalog.label.rfc'], entry.rfcs.map(ref => formatRfc(ref)).join(', '), width, indent),
				labelled(m['catalog.label.read'], `smtp-explorer explain ${entry.name}`, width, indent),
			);
			break;
		}
	}

	return lines;
}

function entryKindLabel(entry: CatalogEntry, m: Messages): string {
	const flags: string[] = [m[kindKeys[entry.kind]]];
	if (entry.kind === 'command') flags.push(categoryName(entry, m));
	if (entry.kind === 'command' && entry.historic) flags.push(m['catalog.flag.historic']);
	if ((entry.kind === 'extension' || entry.kind === 'mechanism') && entry.obsolete) flags.push(m['catalog.flag.obsolete']);
	return flags.join(', ');
}

function formatEntry(entry: CatalogEntry, width: number, m: Messages): string {
	const summary = entry.kind === 'topic' ? `${entry.title}. ${entry.summary}` : entry.summary;
	return [`${entryTitle(entry)} (${entryKindLabel(entry, m)})`, wrapText(summary, width, {indent: '  '}), ...entryDetails(entry, width, m)].join('\n');
}

function formatIndex(width: number, language: Language): string {
	const m = messages(language);
	const all = localizedCatalog(language);
	const groups: Array<{heading: string; entries: CatalogEntry[]}> = [
		{heading: m['catalog.group.commands'], entries: all.commands},
		{heading: m['catalog.group.replyCodes'], entries: all.replyCodes},
		{heading: m['catalog.group.enhancedCodes'], entries: all.enhancedCodes},
		{heading: m['catalog.group.extensions'], entries: all.extensions},
		{heading: m['catalog.group.mechanisms'], entries: all.mechanisms},
		{heading: m['catalog.group.topics'], entries: all.topics},
	];
	const sections = groups.map(({heading, entries}) => {
		const column = Math.max(...entries.map(entry => entryTitle(entry).length)) + 2;
		// Commands show their category beside the verb, as the reference page groups them.
		const categories = entries.filter((entry): entry is CommandEntry => entry.kind === 'command').map(entry => categoryName(entry, m));
		const categoryColumn = categories.length > 0 ? Math.max(...categories.map(name => name.length)) + 2 : 0;
		const lines = entries.map(entry => {
			const category = entry.kind === 'command' ? categoryName(entry, m).padEnd(categoryColumn) : '';
			const head = `  ${entryTitle(entry).padEnd(column)}${category}`;
			return wrapText(entry.summary, width, {firstIndent: head, indent: ' '.repeat(head.length)});
		});
		const hint = entries[0]?.kind === 'topic' ? [wrapText(m['catalog.topicsHint'], width, {indent: '  '})] : [];
		return [`${heading} (${entries.length})`, ...lines, ...hint].join('\n');
	});
	return sections.join('\n\n');
}

/**
The `catalog` sub-command. With a query: the best matches (at most 20) as text, or as a
JSON array of entries. Without one: a compact index of every entry, or with `json` the whole
catalog as `{commands, replyCodes, enhancedCodes, extensions, mechanisms, topics}`. Exits
with 1 when nothing matches (printing `[]` in JSON mode). Text in `language`.
*/
export function runCatalogCommand(query: string | undefined, options: CatalogCommandOptions): CommandOutput {
	const width = options.width ?? defaultWidth;
	const language = options.language ?? 'en';
	const m = messages(language);
	const trimmed = query?.trim() ?? '';
	if (trimmed === '') {
		return {
			output: `${options.json ? JSON.stringify(localizedCatalog(language), undefined, 2) : formatIndex(width, language)}\n`,
			exitCode: 0,
		};
	}

	const all = searchCatalog(trimmed, {language});
	const shown = all.slice(0, maxResults).map(result => result.entry);
	if (options.json) return {output: `${JSON.stringify(shown, undefined, 2)}\n`, exitCode: shown.length > 0 ? 0 : 1};
	if (shown.length === 0) return {output: `${m['catalog.noMatch'](trimmed)}\n`, exitCode: 1};

	const blocks = shown.map(entry => formatEntry(entry, width, m));
	if (all.length > shown.length) blocks.push(wrapText(m['catalog.showing'](shown.length, all.length), width));
	return {output: `${blocks.join('\n\n')}\n`, exitCode: 0};
}

/** Lines of a topic page: paragraphs wrapped, example lines (two leading spaces) kept as they are. */
export function formatTopicBody(topic: TopicEntry, width: number): string {
	return topic.description
		.split('\n\n')
		.map(paragraph => (paragraph.startsWith('  ') ? paragraph : wrapText(paragraph, width)))
		.join('\n\n');
}
