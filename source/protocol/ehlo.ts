import type {Reply} from './reply.js';

/** One service extension from an EHLO reply: keyword upper-cased, parameters as sent. */
export type EhloExtension = {
	keyword: string;
	params: string[];
	/** The line as the server wrote it (without the code), for the raw view. */
	line: string;
};

/** What an EHLO (or LHLO) reply says about the server (RFC 5321 4.1.1.1). */
export type EhloInfo = {
	/** The domain the server names itself with on the first line. */
	domain: string;
	/** Any text after the domain on the first line. */
	greeting: string;
	/** Extensions in the order advertised; a keyword listed twice keeps its first place. */
	extensions: EhloExtension[];
	/** SASL mechanisms from `AUTH` and the pre-standard `AUTH=` form, upper-cased, without repeats. */
	auth: string[];
	/** True when mechanisms came (also) from the old `AUTH=PLAIN LOGIN` form. */
	legacyAuth: boolean;
	/**
	The SIZE limit in bytes (RFC 1870 4): undefined when SIZE is not advertised, 0 when the
	server declares no fixed limit.
	*/
	sizeLimit?: number;
};

/** Parses an EHLO reply tolerantly: any case, stray spaces, blank lines, the `AUTH=` form. */
export function parseEhlo(reply: Reply): EhloInfo {
	const [first, ...rest] = reply.lines;
	const [domain = '', ...greetingWords] = (first?.text ?? '').trim().split(/\s+/);
	const info: EhloInfo = {domain, greeting: greetingWords.join(' '), extensions: [], auth: [], legacyAuth: false};

	for (const line of rest) {
		const text = line.text.trim();
		if (text === '') continue;

		// RFC 5321 4.1.1.1: ehlo-keyword *(SP ehlo-param). Some servers also put '=' after AUTH.
		const legacy = /^AUTH=/i.test(text);
		const words = (legacy ? text.slice(5) : text.replace(/^\S+/, '')).trim().split(/\s+/).filter(Boolean);
		const keyword = legacy ? 'AUTH' : text.split(/\s+/)[0]!.toUpperCase();

		if (keyword === 'AUTH') {
			for (const mechanism of words.map(word => word.toUpperCase())) {
				if (!info.auth.includes(mechanism)) info.auth.push(mechanism);
			}

			info.legacyAuth ||= legacy;
		}

		if (keyword === 'SIZE' && info.sizeLimit === undefined) {
			const limit = words[0];
			info.sizeLimit = limit && /^\d+$/.test(limit) ? Number(limit) : 0;
		}

		const existing = info.extensions.find(extension => extension.keyword === keyword);
		if (existing) {
			if (keyword === 'AUTH') existing.params = [...info.auth];
			continue;
		}

		info.extensions.push({keyword, params: keyword === 'AUTH' ? [...info.auth] : words, line: text});
	}

	return info;
}

/** True when the server advertised the keyword (case-insensitive). */
export function hasExtension(info: EhloInfo | undefined, keyword: string): boolean {
	if (!info) return false;
	const wanted = keyword.toUpperCase();
	return info.extensions.some(extension => extension.keyword === wanted);
}

/** What changed between two EHLO replies (usually before and after STARTTLS). */
export function diffExtensions(before: EhloInfo | undefined, after: EhloInfo | undefined) {
	const describe = (extension: EhloExtension) =>
		extension.params.length > 0 ? `${extension.keyword} ${extension.params.join(' ')}` : extension.keyword;
	const beforeSet = new Map((before?.extensions ?? []).map(extension => [extension.keyword, describe(extension)]));
	const afterSet = new Map((after?.extensions ?? []).map(extension => [extension.keyword, describe(extension)]));
	const gained: string[] = [];
	const lost: string[] = [];
	const changed: string[] = [];
	for (const [keyword, text] of afterSet) {
		const old = beforeSet.get(keyword);
		if (old === undefined) gained.push(text);
		else if (old !== text) changed.push(text);
	}

	for (const [keyword, text] of beforeSet) if (!afterSet.has(keyword)) lost.push(text);
	return {gained, lost, changed};
}
