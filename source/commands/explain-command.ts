import {explainReply, parseExplainArgs, type Explanation} from '../catalog/explain.js';
import {allEntries, entryTitle, findTopic} from '../catalog/index.js';
import {localizeEntry} from '../catalog/localize.js';
import {formatRfc, type TopicEntry} from '../catalog/types.js';
import {type Language, messages} from '../i18n/messages.js';
import {formatTopicBody, wrapText, type CommandOutput} from './catalog-command.js';
import {sanitizeForDisplay} from '../protocol/sanitize.js';

export type ExplainCommandOptions = {
	json: boolean;
	/** Column to wrap text at (80 by default). */
	width?: number;
	/** Language of the text (English by default). */
	language?: Language;
};

const defaultWidth = 80;

/** Shown under every argument error. */
export const explainUsage = messages('en')['explain.usage'];

function bullets(heading: string, items: string[], width: number): string[] {
	if (items.length === 0) return [];
	return ['', heading, ...items.map(item => wrapText(item, width, {firstIndent: '  - ', indent: '    '}))];
}

function seeLine(label: string, refs: string[], width: number): string[] {
	if (refs.length === 0) return [];
	return ['', wrapText(`${label} ${refs.join(', ')}`, width, {firstIndent: '', indent: ' '.repeat(label.length + 1)})];
}

/** The explanation as plain text, wrapped to `width`. */
export function formatExplanation(explanation: Explanation, width = defaultWidth, language: Language = 'en'): string {
	const m = messages(language);
	const {reply, enhancedEntry, enhancedClass} = explanation;
	const lines: string[] = [
		explanation.replyClass ? `${explanation.title}: ${explanation.replyClass}` : explanation.title,
	];

	const summaries: string[] = [];
	if (reply) summaries.push(`${reply.code}: ${reply.summary}`);
	// Name the code as given (5.7.1), not by its registry key (X.7.1).
	const enhancedEntryOrClass = enhancedEntry ?? enhancedClass;
	if (enhancedEntryOrClass) {
		summaries.push(`${explanation.enhanced ?? enhancedEntryOrClass.code}: ${enhancedEntryOrClass.summary}`);
	}
	for (const summary of summaries) lines.push(wrapText(summary, width, {indent: '  '}));

	lines.push('', wrapText(explanation.meaning, width));
	lines.push(...bullets(m['explain.causes'], explanation.causes, width), ...bullets(m['explain.tryNext'], explanation.tryNext, width));
	lines.push(...seeLine(m['explain.see'], explanation.rfcs.map(ref => formatRfc(ref)), width));
	return lines.join('\n');
}

/** A topic's page: heading, the text, the questions it answers, its RFCs and what to read next. */
export function formatTopicPage(topic: TopicEntry, width = defaultWidth, language: Language = 'en'): string {
	const m = messages(language);
	const byKey = new Map(allEntries().map(entry => [`${entry.kind}:${entryTitle(entry)}`, entry]));
	const related = topic.related.flatMap(key => {
		const entry = byKey.get(key);
		return entry ? [`${entryTitle(entry)} (${m[`catalog.kind.${entry.kind}`]})`] : [];
	});
	return [
		topic.title,
		'='.repeat(Math.min(topic.title.length, width)),
		'',
		formatTopicBody(topic, width),
		...bullets(m['explain.questions'], topic.questions.map(question => `${question.charAt(0).toUpperCase()}${question.slice(1)}?`), width),
		...seeLine(m['explain.see'], topic.rfcs.map(ref => formatRfc(ref)), width),
		...seeLine(m['explain.related'], related, width),
	].join('\n');
}

/**
The `explain` sub-command: explains a reply code, an enhanced status code or both
(`explain 550 5.7.1`), or shows a topic page (`explain ports`), as text or, with `json`,
as the Explanation or topic object. Bad arguments give exit code 2 with the error and a
usage line.
*/
export function runExplainCommand(args: string[], options: ExplainCommandOptions): CommandOutput {
	const language = options.language ?? 'en';
	const m = messages(language);
	const width = options.width ?? defaultWidth;
	const parsed = parseExplainArgs(args, language);
	// The error quotes the argument: made safe here, where it is printed.
	if ('error' in parsed) return {output: `smtp-explorer explain: ${sanitizeForDisplay(parsed.error)}\n${m['explain.usage']}\n`, exitCode: 2};

	if ('topic' in parsed) {
		const topic = localizeEntry(findTopic(parsed.topic)!, language);
		return {output: `${options.json ? JSON.stringify(topic, undefined, 2) : formatTopicPage(topic, width, language)}\n`, exitCode: 0};
	}

	const explanation = explainReply(parsed.code, parsed.enhanced, language);
	const output = options.json ? JSON.stringify(explanation, undefined, 2) : formatExplanation(explanation, width, language);
	return {output: `${output}\n`, exitCode: 0};
}
