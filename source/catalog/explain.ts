import {parseEnhancedStatus, type EnhancedStatus} from '../protocol/enhanced-status.js';
import {enhancedClassEntry, lookupEnhanced} from './enhanced-codes.js';
import {findReplyCode} from './index.js';
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
const replyClasses: Record<number, {name: string; meaning: string}> = {
	2: {name: 'success', meaning: 'the requested action was completed.'},
	3: {
		name: 'intermediate',
		meaning:
			'the command was accepted, but the server needs more from the client before it acts, such as the message after DATA or the next response of an AUTH exchange.',
	},
	4: {
		name: 'transient failure',
		meaning: 'the command was not accepted, but the condition is temporary: the same command may succeed later.',
	},
	5: {
		name: 'permanent failure',
		meaning: 'the command was not accepted, and sending it again unchanged will fail the same way.',
	},
};

// RFC 5321 4.2.1: the second digit's categories; 3 and 4 are unspecified.
const secondDigits: Record<number, string> = {
	0: 'a syntax problem or a command that does not fit any other category',
	1: 'a reply to a request for information, such as status or help',
	2: 'the transmission channel (the connection)',
	5: 'the state of the mail system',
};

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

function unregisteredReplyMeaning(code: number): string {
	const first = Math.floor(code / 100);
	const second = Math.floor(code / 10) % 10;
	const replyClass = replyClasses[first];
	if (!replyClass || code < 200 || code > 599) {
		return `${code} is not an SMTP reply code: reply codes have three digits and start with 2, 3, 4 or 5.`;
	}

	const secondText = secondDigits[second];
	const secondSentence = secondText ? ` The second digit ${second} points to ${secondText}.` : '';
	return `${first}xx: ${replyClass.name}. ${code} itself is not a registered reply code, so only its digits say anything: ${replyClass.meaning}${secondSentence}`;
}

/**
Explains a reply: the basic code, the enhanced status code, or both (`550`, `5.7.1`).
Unregistered codes are explained by their class. Advice from the enhanced code comes
before the reply code's, because it is the more specific of the two.

@param code - The three-digit reply code, if known.
@param enhanced - The enhanced status code (`5.7.1`); reply text after it is ignored.

@example
```
explainReply(550, '5.7.1').replyClass;
//=> 'permanent failure'
```
*/
export function explainReply(code: number | undefined, enhanced?: string): Explanation {
	const status = enhanced === undefined ? undefined : parseEnhancedStatus(enhanced.trim());
	// `X.7.1` or `5.X.X` are registry keys, not codes a server sends, but still worth explaining.
	const enhancedEntry = status
		? lookupEnhanced(status.code)
		: enhanced === undefined
			? undefined
			: lookupEnhanced(enhanced);
	const specificEntry = enhancedEntry && /^X\./.test(enhancedEntry.code) ? enhancedEntry : undefined;
	const enhancedClass = status ? enhancedClassEntry(status.class) : enhancedEntry && !specificEntry ? enhancedEntry : undefined;
	const reply = code === undefined ? undefined : findReplyCode(code);

	const enhancedText = status?.code ?? enhanced?.trim();
	const title = [code === undefined ? undefined : String(code), enhancedText].filter(Boolean).join(' ');

	let replyClass: string | undefined;
	if (code !== undefined) {
		if (code >= 200 && code <= 599) replyClass = replyClasses[Math.floor(code / 100)]?.name;
	} else if (status) {
		// RFC 3463 2: the enhanced classes 2, 4 and 5 mean what the reply classes do.
		replyClass = replyClasses[status.class]?.name;
	}

	const meaning: string[] = [];
	if (reply) meaning.push(reply.description);
	else if (code !== undefined) meaning.push(unregisteredReplyMeaning(code));

	if (specificEntry) {
		meaning.push(specificEntry.description);
	} else if (status && enhancedClass) {
		const subjectEntry = lookupEnhanced(`X.${status.subject}.0`);
		const subjectSentence = subjectEntry
			? ` Its subject digit ${status.subject} places it under "${subjectEntry.summary}".`
			: '';
		meaning.push(
			`${status.code} is not in the enhanced status code registry, so only its class says anything: ${enhancedClass.summary}.${subjectSentence} ${enhancedClass.description}`,
		);
	} else if (enhancedClass) {
		meaning.push(enhancedClass.description);
	} else if (enhanced !== undefined) {
		meaning.push(`"${enhanced}" is not an enhanced status code; it has the form class.subject.detail, like 5.7.1.`);
	}

	const mismatch = code !== undefined && status !== undefined && Math.floor(code / 100) !== status.class;
	if (mismatch) {
		meaning.push(
			Math.floor(code / 100) === 3
				? `A ${code} reply should not carry an enhanced status code at all: 3xx replies never do (RFC 2034 3). The ${status.code} is probably plain reply text.`
				: `The enhanced code's class (${status.class}) does not match the reply code's first digit (${Math.floor(code / 100)}). RFC 2034 3 says they must agree, so the server is not following the rules or the text only looks like an enhanced code.`,
		);
	}

	if (meaning.length === 0) meaning.push('Nothing to explain: give a reply code, an enhanced status code or both.');

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
		if (first === 4) tryNext.push('Retry later; the failure is temporary');
		if (first === 4 || first === 5) tryNext.push('Read the reply text: for an unregistered code it is the only clue');
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
separate arguments or as one (`550 5.7.1`), in either order.

@example
```
parseExplainArgs(['550', '5.7.1']);
//=> {code: 550, enhanced: '5.7.1'}

parseExplainArgs(['5.7']);
//=> {error: '"5.7" is not a complete enhanced status code: write class.subject.detail, like 5.7.1'}
```
*/
export function parseExplainArgs(args: string[]): {code?: number; enhanced?: string} | {error: string} {
	const tokens = args.join(' ').trim().split(/\s+/).filter(Boolean);
	if (tokens.length === 0) return {error: 'give a reply code (like 550), an enhanced status code (like 5.7.1) or both'};
	if (tokens.length > 2) {
		return {error: `too many arguments in "${tokens.join(' ')}": give a reply code and an enhanced status code at most`};
	}

	const result: {code?: number; enhanced?: string} = {};
	for (const token of tokens) {
		if (/^\d+$/.test(token)) {
			const value = Number(token);
			if (token.length !== 3 || value < 200 || value > 599) {
				return {error: `"${token}" is not an SMTP reply code: reply codes have three digits and start with 2, 3, 4 or 5`};
			}

			if (result.code !== undefined) return {error: 'give only one reply code'};
			result.code = value;
		} else if (token.includes('.')) {
			if (parseEnhancedStatus(token)?.code !== token) {
				return {
					error: /^[245]\.\d{1,3}\.?$/.test(token)
						? `"${token}" is not a complete enhanced status code: write class.subject.detail, like 5.7.1`
						: `"${token}" is not an enhanced status code: it is class.subject.detail with class 2, 4 or 5, like 5.7.1`,
				};
			}

			if (result.enhanced !== undefined) return {error: 'give only one enhanced status code'};
			result.enhanced = token;
		} else {
			return {error: `"${token}" is neither a reply code (like 550) nor an enhanced status code (like 5.7.1)`};
		}
	}

	return result;
}
