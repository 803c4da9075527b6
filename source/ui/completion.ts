import {commands} from '../catalog/commands.js';
import {extensions} from '../catalog/extensions.js';
import {mechanisms} from '../catalog/mechanisms.js';
import {hasExtension} from '../protocol/ehlo.js';
import {paramSpecs} from '../protocol/esmtp-params.js';
import type {SessionState} from '../protocol/session.js';
import {advertisedAttributes, knownAttributes} from '../protocol/xclient.js';

/**
Tab completion for the composer: the verb, a MAIL or RCPT parameter, an AUTH mechanism,
an XCLIENT or XFORWARD attribute, or a keyword after HELP. What the server advertised comes first.
*/
export type Completion = {
	/** Candidates in the order offered. */
	candidates: string[];
	/** The range of the line the chosen candidate replaces. */
	start: number;
	end: number;
};

/** Verbs with the text that naturally follows them. */
const verbSuffix: Record<string, string> = {MAIL: 'MAIL FROM:<', RCPT: 'RCPT TO:<'};

export function completeAt(text: string, cursor: number, state: SessionState): Completion | undefined {
	const before = text.slice(0, cursor);
	const tokenStart = before.search(/\S*$/);
	const token = before.slice(tokenStart);
	const end = cursor + (/^\S*/.exec(text.slice(cursor))?.[0].length ?? 0);
	const upper = token.toUpperCase();
	const verb = /^\s*(\S+)\s/.exec(before)?.[1]?.toUpperCase();

	if (verb === undefined) {
		// Commands valid in this phase first; the rest still complete (an explorer may try them).
		// Historic verbs (SEND, TURN...) stay in the palette and can be typed, but Tab does not offer them.
		const candidates = commands
			.filter(command => !command.historic && command.verb.startsWith(upper))
			.sort((a, b) => Number(b.phases.includes(state.phase)) - Number(a.phases.includes(state.phase)))
			// A verb that takes no arguments gets no trailing space: "QUIT " is not RFC 5321 syntax.
			.map(command => verbSuffix[command.verb] ?? (command.syntax === command.verb ? command.verb : `${command.verb} `));
		return candidates.length > 0 ? {candidates, start: tokenStart, end} : undefined;
	}

	if (verb === 'AUTH' && !/^\s*\S+\s+\S+\s/.test(before)) {
		const advertised = state.ehlo?.auth ?? [];
		const names = [...advertised, ...mechanisms.filter(mechanism => mechanism.computable && !advertised.includes(mechanism.name)).map(mechanism => mechanism.name)];
		const candidates = names.filter(name => name.startsWith(upper));
		return candidates.length > 0 ? {candidates, start: tokenStart, end} : undefined;
	}

	if ((verb === 'MAIL' || verb === 'RCPT') && before.includes('>')) {
		const [key] = upper.split('=');
		// Parameters already on the line are not offered again (a repeated one is an error).
		const given = new Set([...before.slice(before.indexOf('>') + 1, tokenStart).split(/\s+/), ...text.slice(end).split(/\s+/)].map(word => word.split('=')[0]!.toUpperCase()));
		const candidates = paramSpecs
			.filter(spec => spec.command === verb && spec.key.startsWith(key ?? '') && !given.has(spec.key))
			.sort((a, b) => Number(hasExtension(state.ehlo, b.extension)) - Number(hasExtension(state.ehlo, a.extension)))
			.map(spec => (spec.value === 'none' ? spec.key : `${spec.key}=`));
		return candidates.length > 0 && !upper.includes('=') ? {candidates, start: tokenStart, end} : undefined;
	}

	if (verb === 'XCLIENT' || verb === 'XFORWARD') {
		// A name, not its value; only the names the server listed after the keyword in EHLO (Postfix's own list when it gave none).
		if (upper.includes('=')) return undefined;
		const listed = advertisedAttributes(verb, state.ehlo) ?? [];
		const given = new Set([...before.slice(0, tokenStart).split(/\s+/).slice(1), ...text.slice(end).split(/\s+/)].map(word => word.split('=')[0]!.toUpperCase()));
		const candidates = (listed.length > 0 ? listed : knownAttributes[verb]).filter(name => name.startsWith(upper) && !given.has(name)).map(name => `${name}=`);
		return candidates.length > 0 ? {candidates, start: tokenStart, end} : undefined;
	}

	if (verb === 'HELP') {
		const words = [...commands.filter(command => !command.historic).map(command => command.verb), ...extensions.filter(extension => !extension.obsolete).map(extension => extension.keyword)];
		const candidates = [...new Set(words)].filter(word => word.startsWith(upper));
		return candidates.length > 0 ? {candidates, start: tokenStart, end} : undefined;
	}

	return undefined;
}

/** The longest prefix all candidates share. */
export function commonPrefix(candidates: readonly string[]): string {
	if (candidates.length === 0) return '';
	let prefix = candidates[0]!;
	for (const candidate of candidates) {
		while (!candidate.startsWith(prefix)) prefix = prefix.slice(0, -1);
	}

	return prefix;
}
