import type {Catalog, CatalogEntry, CommandEntry, MechanismEntry, ReplyCodeEntry, TopicEntry} from './types.js';
import {commands} from './commands.js';
import {replyCodes} from './reply-codes.js';
import {enhancedCodes} from './enhanced-codes.js';
import {extensions} from './extensions.js';
import {mechanisms} from './mechanisms.js';
import {topics} from './topics.js';

export type * from './types.js';
export {formatRfc} from './types.js';
export {lookupEnhanced, enhancedClassEntry} from './enhanced-codes.js';
export {lookupExtension} from './extensions.js';

/** The whole reference: every command, reply code, enhanced code, EHLO keyword, SASL mechanism and topic. */
export const catalog: Catalog = {
	commands,
	replyCodes,
	enhancedCodes,
	extensions,
	mechanisms,
	topics,
};

const commandsByVerb = new Map(commands.map(entry => [entry.verb, entry]));
const replyCodesByCode = new Map(replyCodes.map(entry => [entry.code, entry]));
const mechanismsByName = new Map(mechanisms.map(entry => [entry.name, entry]));
const topicsByName = new Map(topics.map(entry => [entry.name, entry]));

/** The entry for a command verb, whatever its case: `mail` finds MAIL. */
export function findCommand(verb: string): CommandEntry | undefined {
	return commandsByVerb.get(verb.trim().toUpperCase());
}

/** The entry for a basic reply code such as 550; undefined for codes no RFC registers. */
export function findReplyCode(code: number): ReplyCodeEntry | undefined {
	return replyCodesByCode.get(code);
}

/** The entry for a SASL mechanism, whatever its case: `cram-md5` finds CRAM-MD5. */
export function findMechanism(name: string): MechanismEntry | undefined {
	return mechanismsByName.get(name.trim().toUpperCase());
}

/** The topic page with this name, whatever its case: `Ports` finds ports. */
export function findTopic(name: string): TopicEntry | undefined {
	return topicsByName.get(name.trim().toLowerCase());
}

/**
What the entry is called where people meet it: the verb, the code, the EHLO keyword or the
mechanism name, or the topic's name (`MAIL`, `550`, `X.7.1`, `SIZE`, `PLAIN`, `ports`).
*/
export function entryTitle(entry: CatalogEntry): string {
	switch (entry.kind) {
		case 'command': {
			return entry.verb;
		}

		case 'reply': {
			return String(entry.code);
		}

		case 'enhanced': {
			return entry.code;
		}

		case 'extension': {
			return entry.keyword;
		}

		case 'mechanism':
		case 'topic': {
			return entry.name;
		}
	}
}

/**
A key unique across the whole catalog: `command:MAIL`, `reply:550`, `enhanced:X.7.1`,
`extension:SIZE`, `mechanism:PLAIN`, `topic:ports`. The kind is part of it because some titles are shared
(VRFY is both a command and an EHLO keyword).
*/
export function entryKey(entry: CatalogEntry): string {
	return `${entry.kind}:${entryTitle(entry)}`;
}

/** Every entry in the default order: commands, reply codes, enhanced codes, extensions, mechanisms, topics. */
export function allEntries(): CatalogEntry[] {
	return [...commands, ...replyCodes, ...enhancedCodes, ...extensions, ...mechanisms, ...topics];
}

export type CatalogCounts = {
	commands: number;
	replyCodes: number;
	enhancedCodes: number;
	extensions: number;
	mechanisms: number;
	topics: number;
	total: number;
};

/** How many entries of each kind the catalog holds, and in all. */
export function catalogCounts(): CatalogCounts {
	const counts = {
		commands: commands.length,
		replyCodes: replyCodes.length,
		enhancedCodes: enhancedCodes.length,
		extensions: extensions.length,
		mechanisms: mechanisms.length,
		topics: topics.length,
	};
	return {
		...counts,
		total: counts.commands + counts.replyCodes + counts.enhancedCodes + counts.extensions + counts.mechanisms + counts.topics,
	};
}
