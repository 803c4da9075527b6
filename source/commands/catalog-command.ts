import {catalog, entryTitle} from '../catalog/index.js';
import {searchCatalog} from '../catalog/search.js';
import {formatRfc, type CatalogEntry} from '../catalog/types.js';

export type CommandOutput = {
	/** What to print to stdout, ending with a newline. */
	output: string;
	exitCode: number;
};

export type CatalogCommandOptions = {
	json: boolean;
	/** Column to wrap text at (80 by default). */
	width?: number;
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

const kindNames: Record<CatalogEntry['kind'], string> = {
	command: 'command',
	reply: 'reply code',
	enhanced: 'enhanced status code',
	extension: 'EHLO extension',
	mechanism: 'SASL mechanism',
};

function entryDetails(entry: CatalogEntry, width: number): string[] {
	const indent = '  ';
	const lines: string[] = [];
	switch (entry.kind) {
		case 'command': {
			lines.push(
				labelled('Syntax:', entry.syntax, width, indent),
				labelled('Example:', entry.example, width, indent),
			);
			if (entry.extension) lines.push(labelled('Needs:', `${entry.extension} in the EHLO reply`, width, indent));
			lines.push(labelled('RFC:', formatRfc(entry.rfc), width, indent));
			break;
		}

		case 'reply':
		case 'enhanced': {
			lines.push(labelled('Meaning:', entry.description, width, indent), labelled('RFC:', formatRfc(entry.rfc), width, indent));
			break;
		}

		case 'extension': {
			if (entry.parameters) lines.push(labelled('Params:', entry.parameters, width, indent));
			const adds = [
				...entry.commands.map(verb => `${verb} command`),
				...entry.mailParams.map(key => `${key}= on MAIL`),
				...entry.rcptParams.map(key => `${key}= on RCPT`),
			];
			if (adds.length > 0) lines.push(labelled('Adds:', adds.join(', '), width, indent));
			if (entry.rfc) lines.push(labelled('RFC:', formatRfc(entry.rfc), width, indent));
			if (entry.vendor) lines.push(labelled('Vendor:', entry.vendor, width, indent));
			break;
		}

		case 'mechanism': {
			if (entry.rfc) lines.push(labelled('RFC:', formatRfc(entry.rfc), width, indent));
			break;
		}
	}

	return lines;
}

function entryKindLabel(entry: CatalogEntry): string {
	const flags: string[] = [kindNames[entry.kind]];
	if ((entry.kind === 'extension' || entry.kind === 'mechanism') && entry.obsolete) flags.push('obsolete');
	return flags.join(', ');
}

function formatEntry(entry: CatalogEntry, width: number): string {
	return [
		`${entryTitle(entry)} (${entryKindLabel(entry)})`,
		wrapText(entry.summary, width, {indent: '  '}),
		...entryDetails(entry, width),
	].join('\n');
}

const groups: Array<{heading: string; entries: CatalogEntry[]}> = [
	{heading: 'Commands', entries: catalog.commands},
	{heading: 'Reply codes', entries: catalog.replyCodes},
	{heading: 'Enhanced status codes', entries: catalog.enhancedCodes},
	{heading: 'EHLO extensions', entries: catalog.extensions},
	{heading: 'SASL mechanisms', entries: catalog.mechanisms},
];

function formatIndex(width: number): string {
	const sections = groups.map(({heading, entries}) => {
		const column = Math.max(...entries.map(entry => entryTitle(entry).length)) + 2;
		const lines = entries.map(entry =>
			wrapText(entry.summary, width, {
				firstIndent: `  ${entryTitle(entry).padEnd(column)}`,
				indent: ' '.repeat(column + 2),
			}),
		);
		return [`${heading} (${entries.length})`, ...lines].join('\n');
	});
	return sections.join('\n\n');
}

/**
The `catalog` sub-command. With a query: the best matches (at most 20) as text, or as a
JSON array of entries. Without one: a compact index of every entry, or with `json` the whole
catalog as `{commands, replyCodes, enhancedCodes, extensions, mechanisms}`. Exits with 1 when
nothing matches (printing `[]` in JSON mode).
*/
export function runCatalogCommand(query: string | undefined, options: CatalogCommandOptions): CommandOutput {
	const width = options.width ?? defaultWidth;
	const trimmed = query?.trim() ?? '';
	if (trimmed === '') {
		return {
			output: `${options.json ? JSON.stringify(catalog, undefined, 2) : formatIndex(width)}\n`,
			exitCode: 0,
		};
	}

	const all = searchCatalog(trimmed);
	const shown = all.slice(0, maxResults).map(result => result.entry);
	if (options.json) return {output: `${JSON.stringify(shown, undefined, 2)}\n`, exitCode: shown.length > 0 ? 0 : 1};
	if (shown.length === 0) return {output: `No catalog entry matches "${trimmed}".\n`, exitCode: 1};

	const blocks = shown.map(entry => formatEntry(entry, width));
	if (all.length > shown.length) {
		blocks.push(wrapText(`Showing ${shown.length} of ${all.length} matches; add words to narrow the search.`, width));
	}

	return {output: `${blocks.join('\n\n')}\n`, exitCode: 0};
}
