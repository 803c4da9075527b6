import type {Phase} from '../protocol/phase.js';

/** A pointer into an RFC: `{rfc: 5321, section: '4.1.1.3'}` reads "RFC 5321 4.1.1.3". */
export type RfcRef = {
	rfc: number;
	/** Section number without the "§"; absent when the whole document is meant. */
	section?: string;
};

/**
A document that is not an RFC, for commands and keywords that come from one server's own
documentation (Postfix's XCLIENT_README, Sendmail's VERB): `{document: 'Postfix XCLIENT_README', url}`.
*/
export type DocumentRef = {
	document: string;
	url: string;
};

/** Where a fact comes from: an RFC section, or a vendor's document when no RFC defines it. */
export type Reference = RfcRef | DocumentRef;

/** What a command is for, as the original reference groups them. */
export type CommandCategory = 'session' | 'auth' | 'message' | 'info';

export type CommandEntry = {
	kind: 'command';
	/** Upper-case verb, the key of the entry: `MAIL`. */
	verb: string;
	category: CommandCategory;
	/** Grammar in RFC style: `MAIL FROM:<reverse-path> [SP mail-parameters]`. */
	syntax: string;
	/** One line, under 70 characters, shown in lists and under the composer. */
	summary: string;
	/** A paragraph in plain words: what it does, when to use it, what to watch for. */
	description: string;
	/** A complete line a user could send as is (it must pass the validator). */
	example: string;
	/** What the palette puts in the composer: the example with the parts to edit. */
	template: string;
	/** The RFC that defines it, or the vendor document for commands no RFC defines (XCLIENT). */
	rfc: Reference;
	/**
	Set for commands RFC 5321 dropped or that only old servers know (SEND, TURN, VERB): the
	validator sends them with a note saying so, and servers today answer 500 or 502.
	*/
	historic?: boolean;
	/** EHLO keyword that must be advertised before the command may be used. */
	extension?: string;
	/** Set for commands that belong to one server's implementation, e.g. `Postfix`. */
	vendor?: string;
	/** Reply codes the command can get, by outcome (RFC 5321 4.3.2 and the extension RFCs). */
	replies: {success: number[]; intermediate: number[]; failure: number[]};
	/** Phases in which the command is valid. */
	phases: Phase[];
	/** Extra words that should find this entry in search. */
	keywords?: string[];
};

export type ReplyCodeEntry = {
	kind: 'reply';
	/** Three-digit code: 250. */
	code: number;
	/** One line: what the code says. */
	summary: string;
	/** A paragraph in plain words. */
	description: string;
	/** What usually makes a server send it. */
	causes: string[];
	/** What the user can try next. */
	tryNext: string[];
	rfc: RfcRef;
	/** Commands after which the code is typical. */
	typicalAfter: string[];
};

export type EnhancedCodeEntry = {
	kind: 'enhanced';
	/**
	Registry key as IANA writes it: `X.1.1` for a subject.detail pair that holds in any
	class, and `2.X.X`, `4.X.X`, `5.X.X` for the classes themselves.
	*/
	code: string;
	/** The registry's name for it, in our own words where the registry is terse. */
	summary: string;
	/** A paragraph in plain words. */
	description: string;
	/** Basic reply codes it usually comes with, from the registry. */
	basicCodes: number[];
	/** Classes it may appear in: 2, 4, 5. */
	classes: Array<2 | 4 | 5>;
	/** What the user can try when they meet it (empty for success codes). */
	tryNext: string[];
	rfc: RfcRef;
};

export type ExtensionEntry = {
	kind: 'extension';
	/** Upper-case EHLO keyword: `SIZE`. */
	keyword: string;
	summary: string;
	description: string;
	/** How to read the keyword's parameters in the EHLO line; empty when it takes none. */
	parameters: string;
	/** Commands it adds. */
	commands: string[];
	/** MAIL FROM parameters it adds (upper-case keys). */
	mailParams: string[];
	/** RCPT TO parameters it adds (upper-case keys). */
	rcptParams: string[];
	rfc?: RfcRef;
	/** Set for keywords outside the IANA registry, e.g. `Postfix`, `Microsoft`. */
	vendor?: string;
	/** True when the registry marks it obsolete or deprecated. */
	obsolete?: boolean;
};

export type MechanismEntry = {
	kind: 'mechanism';
	/** Upper-case SASL mechanism name: `CRAM-MD5`. */
	name: string;
	summary: string;
	/** How the exchange goes, step by step, in plain words. */
	description: string;
	/** Whether smtp-explorer can compute the exchange for the user. */
	computable: boolean;
	/** True when the password (or token) crosses the wire in a form anyone who sees it can reuse. */
	sendsReusableSecret: boolean;
	rfc?: RfcRef;
	obsolete?: boolean;
};

/**
A page about the protocol rather than one command or code: the ports, STARTTLS versus
implicit TLS, reading a bounce. Found by search like any entry, read with `explain NAME`.
*/
export type TopicEntry = {
	kind: 'topic';
	/** Short lower-case name, the key of the entry: `ports`, `greylisting`. */
	name: string;
	/** The page's heading: "Ports 25, 587 and 465: which one to use". */
	title: string;
	/** One line, under 70 characters. */
	summary: string;
	/**
	The page. Paragraphs are separated by a blank line; lines starting with two spaces are
	examples shown as they are (commands to type, session excerpts).
	*/
	description: string;
	/** Questions this page answers, as people ask them: search finds the page by them. */
	questions: string[];
	/** Extra words that should find this page in search (port numbers, old names). */
	keywords: string[];
	/** Every page rests on at least one RFC. */
	rfcs: RfcRef[];
	/** Catalog entries to read next, as entry keys: `command:STARTTLS`, `reply:450`. */
	related: string[];
};

export type CatalogEntry = CommandEntry | ReplyCodeEntry | EnhancedCodeEntry | ExtensionEntry | MechanismEntry | TopicEntry;

export type Catalog = {
	commands: CommandEntry[];
	replyCodes: ReplyCodeEntry[];
	enhancedCodes: EnhancedCodeEntry[];
	extensions: ExtensionEntry[];
	mechanisms: MechanismEntry[];
	topics: TopicEntry[];
};

/** Formats a reference as people write it: "RFC 5321 4.1.1.3", or the document's name. */
export function formatRfc(ref: Reference): string {
	if ('document' in ref) return ref.document;
	return ref.section ? `RFC ${ref.rfc} ${ref.section}` : `RFC ${ref.rfc}`;
}

/** The words of a command a translation replaces: the rest (syntax, examples) is protocol. */
export type CommandText = Pick<CommandEntry, 'summary' | 'description'>;
export type ReplyCodeText = Pick<ReplyCodeEntry, 'summary' | 'description' | 'causes' | 'tryNext'>;
export type EnhancedCodeText = Pick<EnhancedCodeEntry, 'summary' | 'description' | 'tryNext'>;
export type ExtensionText = Pick<ExtensionEntry, 'summary' | 'description' | 'parameters'>;
export type MechanismText = Pick<MechanismEntry, 'summary' | 'description'>;
export type TopicText = Pick<TopicEntry, 'title' | 'summary' | 'description' | 'questions' | 'keywords'>;

/** One language's text for every entry, by kind and then by the entry's title (`MAIL`, `550`, `X.7.1`). */
export type CatalogTranslation = {
	command: Record<string, CommandText>;
	reply: Record<string, ReplyCodeText>;
	enhanced: Record<string, EnhancedCodeText>;
	extension: Record<string, ExtensionText>;
	mechanism: Record<string, MechanismText>;
	topic: Record<string, TopicText>;
};
