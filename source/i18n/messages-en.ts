import {commandsEn} from './en/commands.js';
import {protocolEn} from './en/protocol.js';
import {sessionEn} from './en/session.js';
import {uiEn} from './en/ui.js';
import {plural} from './plural.js';
import {joinTables, type Table} from './table.js';

/**
Every user-facing string of the parts that speak more than one language, in English. The
keys and the parameters of each message are the contract: messages-pt.ts must have the
same (the type checker and test/i18n/messages.test.ts both insist). Keys are grouped by
the place that shows them: `catalog.*`, `explain.*`, `export.*`, `lang.*` here; the
explorer's in en/ui.ts, the validator's and the walk's in en/protocol.ts, the
sub-commands' in en/commands.ts.
*/
const sharedEn = {
	'lang.bad': (value: string) => `--lang takes pt or en, not "${value}"`,

	'catalog.kind.command': 'command',
	'catalog.kind.reply': 'reply code',
	'catalog.kind.enhanced': 'enhanced status code',
	'catalog.kind.extension': 'EHLO extension',
	'catalog.kind.mechanism': 'SASL mechanism',
	'catalog.kind.topic': 'topic',
	'catalog.flag.obsolete': 'obsolete',
	'catalog.flag.historic': 'historic',
	'catalog.category.session': 'session',
	'catalog.category.auth': 'auth',
	'catalog.category.message': 'message',
	'catalog.category.info': 'info',
	'catalog.label.syntax': 'Syntax:',
	'catalog.label.example': 'Example:',
	'catalog.label.needs': 'Needs:',
	'catalog.label.rfc': 'RFC:',
	'catalog.label.source': 'Source:',
	'catalog.label.meaning': 'Meaning:',
	'catalog.label.params': 'Params:',
	'catalog.label.adds': 'Adds:',
	'catalog.label.vendor': 'Vendor:',
	'catalog.label.read': 'Read:',
	'catalog.needs': (keyword: string) => `${keyword} in the EHLO reply`,
	'catalog.adds.command': (verb: string) => `${verb} command`,
	'catalog.adds.mail': (key: string) => `${key}= on MAIL`,
	'catalog.adds.rcpt': (key: string) => `${key}= on RCPT`,
	'catalog.group.commands': 'Commands',
	'catalog.group.replyCodes': 'Reply codes',
	'catalog.group.enhancedCodes': 'Enhanced status codes',
	'catalog.group.extensions': 'EHLO extensions',
	'catalog.group.mechanisms': 'SASL mechanisms',
	'catalog.group.topics': 'Topics',
	'catalog.topicsHint': 'Read a topic with: smtp-explorer explain NAME',
	'catalog.noMatch': (query: string) => `No catalog entry matches "${query}".`,
	'catalog.showing': (shown: number, total: number) =>
		`Showing ${shown} of ${plural('en', total, {one: '# match', other: '# matches'})}; add words to narrow the search.`,
	'catalog.help': `
	Usage
	  $ smtp-explorer catalog [QUERY] [--json] [--lang pt|en]

	Searches the reference catalog: SMTP commands, reply codes, enhanced status codes,
	EHLO extensions, SASL mechanisms and topics (ports, TLS, bounces, greylisting...).
	A query can be a name, a code, a port number or a question. With no query, lists
	everything; with --json and no query, prints the whole catalog as one JSON document.

	Options
	  --json            print JSON instead of text
	  --lang pt|en      language of the text (default: from LC_ALL, LC_MESSAGES or LANG)

	Examples
	  $ smtp-explorer catalog rcpt
	  $ smtp-explorer catalog 550 5.7
	  $ smtp-explorer catalog 587
	  $ smtp-explorer catalog "why is my mail rejected"
	  $ smtp-explorer catalog --json > catalog.json
`,

	'explain.usage': 'Usage: smtp-explorer explain <reply-code> [<enhanced-code>] | <topic>   e.g. explain 550 5.7.1',
	'explain.causes': 'Likely causes:',
	'explain.tryNext': 'What to try:',
	'explain.see': 'See:',
	'explain.related': 'Related:',
	'explain.questions': 'Answers questions like:',
	'explain.help': `
	Usage
	  $ smtp-explorer explain CODE [ENHANCED] [--json] [--lang pt|en]
	  $ smtp-explorer explain TOPIC [--json] [--lang pt|en]

	Explains a reply: what it means, what usually causes it, and what to try. Or shows a
	topic page: smtp, session-flow, ports, starttls-vs-implicit-tls, auth-needs-tls, by-hand,
	reading-bounces, greylisting, policy-rejections, vrfy-expn, pipelining-explained,
	eight-bit-and-utf8, delivery-notifications, faq.

	Options
	  --json            print JSON instead of text
	  --lang pt|en      language of the text (default: from LC_ALL, LC_MESSAGES or LANG)

	Examples
	  $ smtp-explorer explain 550 5.7.1
	  $ smtp-explorer explain 5.1.1
	  $ smtp-explorer explain 334
	  $ smtp-explorer explain ports
`,
	'explain.class.success': 'success',
	'explain.class.success.meaning': 'the requested action was completed.',
	'explain.class.intermediate': 'intermediate',
	'explain.class.intermediate.meaning':
		'the command was accepted, but the server needs more from the client before it acts, such as the message after DATA or the next response of an AUTH exchange.',
	'explain.class.transient': 'transient failure',
	'explain.class.transient.meaning': 'the command was not accepted, but the condition is temporary: the same command may succeed later.',
	'explain.class.permanent': 'permanent failure',
	'explain.class.permanent.meaning': 'the command was not accepted, and sending it again unchanged will fail the same way.',
	'explain.second.0': 'a syntax problem or a command that does not fit any other category',
	'explain.second.1': 'a reply to a request for information, such as status or help',
	'explain.second.2': 'the transmission channel (the connection)',
	'explain.second.5': 'the state of the mail system',
	'explain.notReplyCode': (code: number) => `${code} is not an SMTP reply code: reply codes have three digits and start with 2, 3, 4 or 5.`,
	'explain.secondDigit': (digit: number, meaning: string) => ` The second digit ${digit} points to ${meaning}.`,
	'explain.unregistered': (first: number, className: string, code: number, meaning: string) =>
		`${first}xx: ${className}. ${code} itself is not a registered reply code, so only its digits say anything: ${meaning}`,
	'explain.subjectOf': (subject: number, summary: string) => ` Its subject digit ${subject} places it under "${summary}".`,
	'explain.enhancedUnregistered': (code: string, classSummary: string, subjectSentence: string, classDescription: string) =>
		`${code} is not in the enhanced status code registry, so only its class says anything: ${classSummary}.${subjectSentence} ${classDescription}`,
	'explain.notEnhanced': (text: string) => `"${text}" is not an enhanced status code; it has the form class.subject.detail, like 5.7.1.`,
	'explain.mismatch3xx': (code: number, enhanced: string) =>
		`A ${code} reply should not carry an enhanced status code at all: 3xx replies never do (RFC 2034 3). The ${enhanced} is probably plain reply text.`,
	'explain.mismatch': (enhancedClass: number, replyClass: number) =>
		`The enhanced code's class (${enhancedClass}) does not match the reply code's first digit (${replyClass}). RFC 2034 3 says they must agree, so the server is not following the rules or the text only looks like an enhanced code.`,
	'explain.nothing': 'Nothing to explain: give a reply code, an enhanced status code or both.',
	'explain.retryLater': 'Retry later; the failure is temporary',
	'explain.readText': 'Read the reply text: for an unregistered code it is the only clue',
	'explain.error.none': 'give a reply code (like 550), an enhanced status code (like 5.7.1) or both, or a topic (like ports)',
	'explain.error.tooMany': (text: string) => `too many arguments in "${text}": give a reply code and an enhanced status code at most`,
	'explain.error.notCode': (token: string) => `"${token}" is not an SMTP reply code: reply codes have three digits and start with 2, 3, 4 or 5`,
	'explain.error.oneCode': 'give only one reply code',
	'explain.error.incomplete': (token: string) => `"${token}" is not a complete enhanced status code: write class.subject.detail, like 5.7.1`,
	'explain.error.notEnhanced': (token: string) => `"${token}" is not an enhanced status code: it is class.subject.detail with class 2, 4 or 5, like 5.7.1`,
	'explain.error.oneEnhanced': 'give only one enhanced status code',
	'explain.error.neither': (token: string, topics: string) =>
		`"${token}" is neither a reply code (like 550) nor an enhanced status code (like 5.7.1) nor a topic (${topics})`,

	'export.help': `
	Usage
	  $ smtp-explorer export FILE.jsonl --as python|node|swaks|curl|script [--lang pt|en]

	Turns a saved session (a JSON lines transcript, Ctrl+S or --transcript FILE.jsonl)
	into code that sends the same message again: the same server, TLS mode, EHLO name,
	AUTH mechanism, envelope and message (headers and body as they were sent).

	  python   a Python 3 script with smtplib (EHLO, STARTTLS, EHLO, login, sendmail)
	  node     a Node.js script with nodemailer (npm install nodemailer)
	  swaks    a swaks command line, the message on standard input
	  curl     a curl command line, the message on standard input
	  script   a script for smtp-explorer run, with the replies to expect

	Options
	  --as FORM         the form of the code: python, node, swaks, curl or script
	  --lang pt|en      language of the text (default: from LC_ALL, LC_MESSAGES or LANG)

	Secrets never appear in the output: the code reads them from the environment.
	  SMTP_USER, SMTP_PASSWORD   the AUTH user name and password
	  SMTP_CA_FILE               a CA certificate (PEM) to trust besides the system's

	Examples
	  $ smtp-explorer export session.jsonl --as python > send_email.py
	  $ SMTP_USER=alice SMTP_PASSWORD=... python3 send_email.py
	  $ smtp-explorer export session.jsonl --as swaks | sh
`,
	'export.error.noFile': 'give the transcript file to export (a .jsonl file saved with Ctrl+S or --transcript)',
	'export.error.tooMany': 'give one transcript file',
	'export.error.as': (value: string) => `--as takes python, node, swaks, curl or script, not "${value}"`,
	'export.error.noAs': 'say which code to write with --as python|node|swaks|curl|script',
	'export.error.read': (file: string, reason: string) => `cannot read ${file}: ${reason}`,
	'export.error.badLines': (count: number, first: number) =>
		`${plural('en', count, {one: '# line', other: '# lines'})} of the transcript could not be read (the first is line ${first}); is it a JSON lines transcript?`,
	'export.error.notJsonl': 'only JSON lines transcripts keep the exact bytes of the message: save the session as .jsonl',
	'export.reason.no-connection': 'the transcript shows no connection (no "connecting to" line)',
	'export.reason.no-message': 'the transcript has no message sent with DATA through to its final dot',
	'export.reason.message-cut': 'the transcript kept only the first lines of the message, so the code would send something else',
	'export.reason.bdat': 'the message was sent with BDAT, and a transcript does not keep the bytes of the chunks',
	'export.reason.lmtp': 'the session spoke LMTP (LHLO), and these forms speak SMTP',
	'export.problem.unix-socket': (form: string, path: string) => `the server was a Unix socket (${path}), which ${form} cannot reach`,
	'export.problem.auth-mechanism': (form: string, mechanism: string) => `the session used AUTH ${mechanism}; the ${form} form logs in with a password (PLAIN, LOGIN or CRAM-MD5) only`,
	'export.problem.control-characters': (form: string, detail: string) => `the message holds ${detail}, which a ${form} command line on a terminal must not carry; use --as python or --as node`,
	'export.problem.swaks-tokens': (form: string, token: string) => `the message contains ${token}, which ${form} would replace; use --as python, node or curl`,
	'export.error.session': (reason: string) => `nothing to export: ${reason}`,
} as const;

/** The part of the table wave 1 wrote (catalog, explain, export), for messages-pt.ts to type its part against. */
export type SharedMessages = Table<typeof sharedEn>;

/** Every message in English: the shared ones, the explorer's, the validator's and walk's, the session's notes, the sub-commands'. */
export const en = joinTables(sharedEn, uiEn, protocolEn, sessionEn, commandsEn);

/** The message table's shape: one entry per key, each a string or a function of its parameters. */
export type Messages = Table<typeof en>;

export type MessageKey = keyof Messages;

/** The keys whose message is plain text (no parameters): what a table of labels may point to. */
export type TextKey = {[Key in MessageKey]: Messages[Key] extends string ? Key : never}[MessageKey];
