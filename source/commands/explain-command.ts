import {explainReply, parseExplainArgs, type Explanation} from '../catalog/explain.js';
import {formatRfc} from '../catalog/types.js';
import {wrapText, type CommandOutput} from './catalog-command.js';
import {sanitizeForDisplay} from '../protocol/sanitize.js';

export type ExplainCommandOptions = {
	json: boolean;
	/** Column to wrap text at (80 by default). */
	width?: number;
};

const defaultWidth = 80;

/** Shown under every argument error. */
export const explainUsage = 'Usage: smtp-explorer explain <reply-code> [<enhanced-code>]   e.g. explain 550 5.7.1';

function bullets(heading: string, items: string[], width: number): string[] {
	if (items.length === 0) return [];
	return ['', heading, ...items.map(item => wrapText(item, width, {firstIndent: '  - ', indent: '    '}))];
}

/** The explanation as plain text, wrapped to `width`. */
export function formatExplanation(explanation: Explanation, width = defaultWidth): string {
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
	lines.push(...bullets('Likely causes:', explanation.causes, width), ...bullets('What to try:', explanation.tryNext, width));
	if (explanation.rfcs.length > 0) {
		lines.push('', wrapText(`See: ${explanation.rfcs.map(ref => formatRfc(ref)).join(', ')}`, width, {firstIndent: '', indent: '     '}));
	}

	return lines.join('\n');
}

/**
The `explain` sub-command: explains a reply code, an enhanced status code or both
(`explain 550 5.7.1`) as text or, with `json`, as the Explanation object. Bad arguments give
exit code 2 with the error and a usage line.
*/
export function runExplainCommand(args: string[], options: ExplainCommandOptions): CommandOutput {
	const parsed = parseExplainArgs(args);
	if ('error' in parsed) {
		// The error quotes the argument: made safe here, where it is printed.
		return {output: `smtp-explorer explain: ${sanitizeForDisplay(parsed.error)}\n${explainUsage}\n`, exitCode: 2};
	}

	const explanation = explainReply(parsed.code, parsed.enhanced);
	const output = options.json
		? JSON.stringify(explanation, undefined, 2)
		: formatExplanation(explanation, options.width ?? defaultWidth);
	return {output: `${output}\n`, exitCode: 0};
}
