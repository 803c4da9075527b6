import {text as say} from '../i18n/messages.js';
import {entryTitle, findCommand} from '../catalog/index.js';
import {formatRfc} from '../catalog/types.js';
import type {CatalogEntry} from '../catalog/types.js';
import {hasExtension} from '../protocol/ehlo.js';
import {paramSpecs} from '../protocol/esmtp-params.js';
import type {SessionState} from '../protocol/session.js';
import {decodeLenient, fromBase64, toBase64} from '../protocol/text.js';
import {type AttributeVerb, attributeTemplate} from '../protocol/xclient.js';

/** What the palette shows for an entry, and what Enter puts in the composer. */

export type Badge = {text: string; tone: 'ok' | 'warning' | 'dim'};

export const kindLabel = (entry: CatalogEntry) => say()[`palette.kind.${entry.kind}`];

/** Badges for the current session: advertised or not, valid in this phase or not. */
export function badgesFor(entry: CatalogEntry, state: SessionState): Badge[] {
	const badges: Badge[] = [];
	const knowsExtensions = state.ehlo !== undefined;
	if (entry.kind === 'command') {
		if (entry.extension && knowsExtensions) {
			badges.push(hasExtension(state.ehlo, entry.extension) ? {text: say()['palette.badge.advertised'], tone: 'ok'} : {text: say()['palette.badge.notAdvertised'], tone: 'warning'});
		}

		if (state.phase !== 'disconnected' && state.phase !== 'closed' && !entry.phases.includes(state.phase)) badges.push({text: say()['palette.badge.notNow'], tone: 'dim'});
		if (entry.vendor) badges.push({text: entry.vendor, tone: 'dim'});
	} else if (entry.kind === 'extension') {
		if (knowsExtensions) badges.push(hasExtension(state.ehlo, entry.keyword) ? {text: say()['palette.badge.advertised'], tone: 'ok'} : {text: say()['palette.badge.notAdvertised'], tone: 'dim'});
		if (entry.obsolete) badges.push({text: say()['catalog.flag.obsolete'], tone: 'warning'});
		if (entry.vendor) badges.push({text: entry.vendor, tone: 'dim'});
	} else if (entry.kind === 'mechanism') {
		if (state.ehlo?.auth.length) badges.push(state.ehlo.auth.includes(entry.name) ? {text: say()['palette.badge.offered'], tone: 'ok'} : {text: say()['palette.badge.notOffered'], tone: 'dim'});
		if (entry.obsolete) badges.push({text: say()['catalog.flag.obsolete'], tone: 'warning'});
	}

	return badges;
}

/** The line Enter puts in the composer, or undefined for entries that are for reading only. */
export function templateFor(entry: CatalogEntry): string | undefined {
	switch (entry.kind) {
		case 'command': {
			return entry.template;
		}

		case 'mechanism': {
			return entry.computable ? `AUTH ${entry.name}` : undefined;
		}

		case 'extension': {
			const command = entry.commands[0];
			if (command) return findCommand(command)?.template ?? command;
			const mail = paramSpecs.find(spec => spec.command === 'MAIL' && entry.mailParams.includes(spec.key));
			// BODY's example is 8BITMIME's; BINARYMIME's own value is BODY=BINARYMIME (RFC 3030 3).
			if (mail) return `MAIL FROM:<me@example.com> ${mail.key === 'BODY' && entry.keyword === 'BINARYMIME' ? 'BODY=BINARYMIME' : mail.example}`;
			const rcpt = paramSpecs.find(spec => spec.command === 'RCPT' && entry.rcptParams.includes(spec.key));
			return rcpt ? `RCPT TO:<you@example.org> ${rcpt.example}` : undefined;
		}

		default: {
			return undefined;
		}
	}
}

/** The detail area: labelled paragraphs. */
export function detailsFor(entry: CatalogEntry): Array<{label: string; text: string}> {
	const t = say();
	const details: Array<{label: string; text: string}> = [];
	const rfc = 'rfc' in entry && entry.rfc ? formatRfc(entry.rfc) : undefined;
	switch (entry.kind) {
		case 'command': {
			details.push({label: t['palette.detail.syntax'], text: entry.syntax}, {label: t['palette.detail.what'], text: entry.description}, {label: t['palette.detail.example'], text: entry.example});
			details.push({label: t['palette.detail.replies'], text: t['palette.detail.repliesText'](entry.replies.success.join(' '), entry.replies.intermediate.join(' '), entry.replies.failure.join(' '))});
			if (entry.extension) details.push({label: t['palette.detail.needs'], text: t['palette.detail.needsText'](entry.extension)});
			break;
		}

		case 'reply': {
			details.push({label: t['palette.detail.what'], text: entry.description}, {label: t['palette.detail.causes'], text: entry.causes.join('; ')}, {label: t['palette.detail.try'], text: entry.tryNext.join('; ')});
			break;
		}

		case 'enhanced': {
			details.push({label: t['palette.detail.what'], text: entry.description}, {label: t['palette.detail.with'], text: entry.basicCodes.join(' ')});
			if (entry.tryNext.length > 0) details.push({label: t['palette.detail.try'], text: entry.tryNext.join('; ')});
			break;
		}

		case 'extension': {
			details.push({label: t['palette.detail.what'], text: entry.description});
			if (entry.parameters) details.push({label: t['palette.detail.params'], text: entry.parameters});
			const adds = [...entry.commands, ...entry.mailParams.map(key => `MAIL ${key}=`), ...entry.rcptParams.map(key => `RCPT ${key}=`)];
			if (adds.length > 0) details.push({label: t['palette.detail.adds'], text: adds.join(', ')});
			break;
		}

		case 'mechanism': {
			details.push({label: t['palette.detail.how'], text: entry.description}, {label: t['palette.detail.tool'], text: entry.computable ? t['palette.detail.computable'] : t['palette.detail.notComputable']});
			break;
		}

		case 'topic': {
			details.push({label: t['palette.detail.what'], text: entry.description}, {label: t['palette.detail.see'], text: entry.rfcs.map(ref => formatRfc(ref)).join(', ')});
			break;
		}
	}

	if (rfc) details.push({label: t['palette.detail.see'], text: rfc});
	return details;
}

export {entryTitle};

/**
The palette's base64 tool: `b64 TEXT` (or `base64 TEXT`) shows TEXT decoded, when it is
base64, and encoded, to read a 334 challenge or build a SASL response by hand.
*/
export function base64Tool(query: string): {input: string; decoded?: string; encoded: string} | undefined {
	const match = /^(?:b64|base64)\s+(.*)$/is.exec(query);
	if (!match) return undefined;
	const input = match[1]!;
	const bytes = fromBase64(input);
	return {input, ...(bytes ? {decoded: decodeLenient(bytes)} : {}), encoded: toBase64(input)};
}

/** XCLIENT and XFORWARD, as commands or as extensions: Enter fills them from the server's EHLO list. */
export function attributeVerbOf(entry: CatalogEntry): AttributeVerb | undefined {
	const name = entry.kind === 'command' ? entry.verb : entry.kind === 'extension' ? entry.keyword : undefined;
	return name === 'XCLIENT' || name === 'XFORWARD' ? name : undefined;
}

/** The palette's XCLIENT/XFORWARD helper: the line, and what the step panel says about it. */
export function attributeHelper(verb: AttributeVerb, state: SessionState): {line: string; title: string; text: string} {
	const {line, names, advertised} = attributeTemplate(verb, state.ehlo);
	const t = say();
	const source = advertised ? t['attributes.listed'](verb, names.join(' ')) : t['attributes.notListed'](verb);
	const after = verb === 'XCLIENT' ? t['attributes.xclientAfter'] : t['attributes.xforwardAfter'];
	return {line, title: t['attributes.title'](verb), text: `${source} ${t['attributes.change']} ${after}`};
}
