import {type Language, messages, type Messages} from '../i18n/messages.js';
import {parseEnhancedStatus, type EnhancedStatus} from '../protocol/enhanced-status.js';
import {enhancedClassEntry, lookupEnhanced} from './enhanced-codes.js';
import {catalog, findReplyCode, findTopic} from './index.js';
import {localizeEntry} from './localize.js';
import {formatRfc, type EnhancedCodeEntry, type ReplyCodeEntry, type RfcRef} from './types.js';

export type Explanation = {
	/** The codes as given: `550 5.7.1`, `334`, `5.1.1`. */
	title: string;
	/** The reply code as given. */
	code?: number;
	/** The enhanced code as given (`5.7.1`), without any text after it. */
	enhanced?: string;
	/** What the first digit says: `success`, `intermediate`, `transient failure`, `permanent failure`. */
	replyClass?: string;
	/** The reply code's entry, when the code is a registered one. */
	reply?: ReplyCodeEntry;
	/** The enhanced code's own registry entry (X.7.1 for 5.7.1), when it has one. */
	enhancedEntry?: EnhancedCodeEntry;
	/** The entry for the enhanced code's class (5.X.X for 5.7.1). */
	enhancedClass?: EnhancedCodeEntry;
	/** Plain-words explanation; paragraphs are separated by a blank line. */
	meaning: string;
	/** What usually makes a server say this, most specific first. */
	causes: string[];
	/** What to do about it, most specific first. */
	tryNext: string[];
	rfcs: RfcRef[];
};

// RFC 5321 4.2.1: what the first digit of a reply code says on its own.
const replyClassKeys = {
	2: ['explain.class.success', 'explain.class.success.meaning'],
	3: ['explain.class.intermediate', 'explain.class.intermediate.meaning'],
	4: ['explain.class.transient', 'explain.class.transient.meaning'],
	5: ['explain.class.permanent', 'explain.class.permanent.meaning'],
} as const;

function replyClassOf(first: number, m: Messages): {name: string; meaning: string} | undefined {
	const keys = replyClassKeys[first as keyof typeof replyClassKeys];
	return keys ? {name: m[keys[0]], meaning: m[keys[1]]} : undefined;
}

// RFC 5321 4.2.1: the second digit's categories; 3 and 4 are unspecified.
const secondDigitKeys = {0: 'explain.second.0', 1: 'explain.second.1', 2: 'explain.second.2', 5: 'explain.second.5'} as const;

const replyClassesRfc: RfcRef = {rfc: 5321, section: '4.2.1'};
const enhancedAgreementRfc: RfcRef = {rfc: 2034, section: '3'};

// Concrete enhanced codes mentioned in advice text: "(5.7.1)", "for 4.1.1, wait".
const mentionPattern = /\b([245])\.(\d{1,3})\.(\d{1,3})\b/g;

/**
Keeps the advice that fits the given enhanced code: lines naming only other codes (advice
for 5.1.1 while explaining 5.7.1) go, lines naming this code come first.
*/
function fitAdvice(lines: string[], status: EnhancedStatus | undefined): string[] {
	if (!status) return lines;
	const specific: string[] = [];
	const general: string[] = [];
	for (const line of lines) {
		const mentions = [...line.matchAll(mentionPattern)];
		if (mentions.length === 0) {
			general.push(line);
			continue;
		}

		const fits = mentions.some(
			match =>
				Number(match[1]) === status.class
				&& Number(match[2]) === status.subject
				&& Number(match[3]) === status.detail,
		);
		if (fits) specific.push(line);
	}

	return [...specific, ...general];
}

function capitalize(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

function uniqueLines(lines: string[]): string[] {
	const seen = new Set<string>();
	const result: string[] = [];
	for (const line of lines.map(line => capitalize(line.trim()))) {
		const key = line.toLowerCase();
		if (line === '' || seen.has(key)) continue;
		seen.add(key);
		result.push(line);
	}

	return result;
}

function uniqueRfcs(refs: Array<RfcRef | undefined>): RfcRef[] {
	const seen = new Set<string>();
	const result: RfcRef[] = [];
	for (const ref of refs) {
		if (!ref || seen.has(formatRfc(ref))) continue;
		seen.add(formatRfc(ref));
		result.push(ref);
	}

	return result;
}

function unregisteredReplyMeaning(code: number, m: Messages): string {
	const first = Math.floor(code / 100);
	const second = Math.floor(code / 10) % 10;
	const replyClass = replyClassOf(first, m);
	if (!replyClass || code < 200 || code > 599) return m['explain.notReplyCode'](code);

	const secondKey = secondDigitKeys[second as keyof typeof secondDigitKeys];
	const secondSentence = secondKey ? m['explain.secondDigit'](second, m[secondKey]) : '';
	return m['explain.unregistered'](first, replyClass.name, code, `${replyClass.meaning}${secondSentence}`);
}

/**
Explains a reply: the basic code, the enhanced status code, or both (`550`, `5.7.1`).
Unregistered codes are explained by their class. Advice from the enhanced code comes
before the reply code's, because it is the more specific of the two.

@param code - The three-digit reply code, if known.
@param enhanced - The enhanced status code (`5.7.1`); reply text after it is ignored.
@param language - The language of the words (English by default); codes and RFCs stay as they are.

@example
```
explainReply(550, '5.7.1').replyClass;
//=> 'permanent failure'
```
*/
export function explainReply(code: number | undefined, enhanced?: string, language: Language = 'en'): Explanation {
	const m = messages(language);
	const localize = <Entry extends EnhancedCodeEntry | ReplyCodeEntry>(entry: Entry | undefined) => (entry ? localizeEntry(entry, language) : undefined);
	const status = enhanced === undefined ? undefined : parseEnhancedStatus(enhanced.trim());
	// `X.7.1` or `5.X.X` are registry keys, not codes a server sends, but still worth explaining.
	const enhancedEntry = localize(status
		? lookupEnhanced(status.code)
		: enhanced === undefined
			? undefined
			: lookupEnhanced(enhanced));
	const specificEntry = enhancedEntry && /^X\./.test(enhancedEntry.code) ? enhancedEntry : undefined;
	const enhancedClass = status ? localize(enhancedClassEntry(status.class)) : enhancedEntry && !specificEntry ? enhancedEntry : undefined;
	const reply = localize(code === undefined ? undefined : findReplyCode(code));

	const enhancedText = status?.code ?? enhanced?.trim();
	const title = [code === undefined ? undefined : String(code), enhancedText].filter(Boolean).join(' ');

	let replyClass: string | undefined;
	if (code !== undefined) {
		if (code >= 200 && code <= 599) replyClass = replyClassOf(Math.floor(code / 100), m)?.name;
	} else if (status) {
		// RFC 3463 2: the enhanced classes 2, 4 and 5 mean what the reply classes do.
		replyClass = replyClassOf(status.class, m)?.name;
	}

	const meaning: string[] = [];
	if (reply) meaning.push(reply.description);
	else if (code !== undefined) meaning.push(unregisteredReplyMeaning(code, m));

	if (specificEntry) {
		meaning.push(specificEntry.description);
	} else if (status && enhancedClass) {
		const subjectEntry = localize(lookupEnhanced(`X.${status.subject}.0`));
		const subjectSentence = subjectEntry ? m['explain.subjectOf'](status.subject, subjectEntry.summary) : '';
		meaning.push(m['explain.enhancedUnregistered'](status.code, enhancedClass.summary, subjectSentence, enhancedClass.description));
	} else if (enhancedClass) {
		meaning.push(enhancedClass.description);
	} else if (enhanced !== undefined) {
		meaning.push(m['explain.notEnhanced'](enhanced));
	}

	const mismatch = code !== undefined && status !== undefined && Math.floor(code / 100) !== status.class;
	if (mismatch) {
		meaning.push(Math.floor(code / 100) === 3 ? m['explain.mismatch3xx'](code, status.code) : m['explain.mismatch'](status.class, Math.floor(code / 100)));
	}

	if (meaning.length === 0) meaning.push(m['explain.nothing']);

	const causes: string[] = [];
	const tryNext: string[] = [];
	const failing = (status?.class ?? 0) >= 4;
	if (specificEntry && failing) causes.push(`${specificEntry.summary} (${status?.code ?? specificEntry.code})`);
	if (specificEntry) tryNext.push(...fitAdvice(specificEntry.tryNext, status));
	else if (enhancedClass) tryNext.push(...enhancedClass.tryNext);

	if (reply) {
		causes.push(...fitAdvice(reply.causes, status));
		tryNext.push(...fitAdvice(reply.tryNext, status));
	} else if (code !== undefined && !status) {
		// An unregistered code gets the advice its class implies.
		const first = Math.floor(code / 100);
		if (first === 4) tryNext.push(m['explain.retryLater']);
		if (first === 4 || first === 5) tryNext.push(m['explain.readText']);
	}

	return {
		title,
		...(code === undefined ? {} : {code}),
		...(enhancedText ? {enhanced: enhancedText} : {}),
		...(replyClass === undefined ? {} : {replyClass}),
		...(reply ? {reply} : {}),
		...(specificEntry ? {enhancedEntry: specificEntry} : {}),
		...(enhancedClass ? {enhancedClass} : {}),
		meaning: meaning.join('\n\n'),
		causes: uniqueLines(causes),
		tryNext: uniqueLines(tryNext),
		rfcs: uniqueRfcs([
			reply?.rfc,
			code !== undefined && !reply ? replyClassesRfc : undefined,
			specificEntry?.rfc,
			specificEntry ? undefined : enhancedClass?.rfc,
			mismatch ? enhancedAgreementRfc : undefined,
		]),
	};
}

/**
Reads the arguments of `explain`: a reply code, an enhanced status code, or both, as
separate arguments or as one (`550 5.7.1`), in either order; or the name of a topic.

@example
```
parseExplainArgs(['550', '5.7.1']);
//=> {code: 550, enhanced: '5.7.1'}

parseExplainArgs(['5.7']);
//=> {error: '"5.7" is not a complete enhanced status code: write class.subject.detail, like 5.7.1'}
```
*/
export function parseExplainArgs(args: string[], language: Language = 'en'): {code?: number; enhanced?: string} | {topic: string} | {error: string} {
	const m = messages(language);
	const tokens = args.join(' ').trim().split(/\s+/).filter(Boolean);
	if (tokens.length === 0) return {error: m['explain.error.none']};
	if (tokens.length === 1 && findTopic(tokens[0]!)) return {topic: findTopic(tokens[0]!)!.name};
	if (tokens.length > 2) return {error: m['explain.error.tooMany'](tokens.join(' '))};

	const result: {code?: number; enhanced?: string} = {};
	for (const token of tokens) {
		if (/^\d+$/.test(token)) {
			const value = Number(token);
			if (token.length !== 3 || value < 200 || value > 599) return {error: m['explain.error.notCode'](token)};
			if (result.code !== undefined) return {error: m['explain.error.oneCode']};
			result.code = value;
		} else if (token.includes('.')) {
			if (parseEnhancedStatus(token)?.code !== token) {
				return {error: /^[245]\.\d{1,3}\.?$/.test(token) ? m['explain.error.incomplete'](token) : m['explain.error.notEnhanced'](token)};
			}

			if (result.enhanced !== undefined) return {error: m['explain.error.oneEnhanced']};
			result.enhanced = token;
		} else {
			return {error: m['explain.error.neither'](token, catalog.topics.map(topic => topic.name).join(', '))};
		}
	}

	return result;
}
