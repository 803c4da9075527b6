import {readdirSync, readFileSync, statSync} from 'node:fs';
import {join, relative} from 'node:path';
import {describe, expect, it} from 'vitest';

/**
Every user-facing string of the explorer, the walk and the validator comes from the
message tables (source/i18n). This test reads the sources and fails on a string literal
with words in it handed to a place the user reads: a flash, a diagnostic's message or
hint, a prompt's title or note, a step of the walk, a note or label drawn on screen, a
write to stderr, or text between JSX tags. Protocol tokens (verbs, keywords, key names)
are allowed: they read the same in every language.
*/
const root = join(import.meta.dirname, '..', '..');

function filesUnder(folder: string): string[] {
	return readdirSync(folder).flatMap(name => {
		const path = join(folder, name);
		return statSync(path).isDirectory() ? filesUnder(path) : /\.tsx?$/.test(name) ? [path] : [];
	});
}

/** Where the tables must be used: the explorer, the session's notes, the translated sub-commands, and the protocol code that words what the user sees. */
const scanned = [
	...filesUnder(join(root, 'source', 'ui')),
	...['validate.ts', 'verb-rules.ts', 'address.ts', 'control-bytes.ts', 'next-step.ts', 'export-session.ts', 'esmtp-params.ts', 'xclient.ts', 'reply-parser.ts', 'session.ts'].map(name => join(root, 'source', 'protocol', name)),
	...['language-option.ts', 'export.ts', 'catalog.ts', 'explain.ts', 'probe.ts', 'run.ts', 'view.tsx', 'demo-server.ts', 'send.ts', 'connection-flags.ts', 'exit-codes.ts'].map(name => join(root, 'source', 'commands', name)),
	// The session's own notes in the transcript, and the wait labels the sidebar shows.
	...['controller.ts', 'transcript-store.ts', 'open-session.ts', 'authenticate.ts'].map(name => join(root, 'source', 'session', name)),
	join(root, 'source', 'explorer.tsx'),
	join(root, 'source', 'help.ts'),
];

/**
Literals that are identifiers, not text, each with where it is translated: the sidebar
model names its sections, and the sidebar draws each name through the table
(sidebar.section.*).
*/
const identifiers = new Set(['source/ui/sidebar-model.ts: title: "demo"', 'source/ui/sidebar-model.ts: title: "session"', 'source/ui/sidebar-model.ts: title: "tls"', 'source/ui/sidebar-model.ts: title: "identity"', 'source/ui/sidebar-model.ts: title: "envelope"', 'source/ui/sidebar-model.ts: title: "extensions (${state.ehlo.extensions.length})"', 'source/ui/sidebar-model.ts: title: "after STARTTLS"', 'source/ui/sidebar-model.ts: title: "next"', 'source/ui/sidebar-model.ts: title: "route"'].concat(
	// STARTTLS outcomes are values of probe's JSON, in English for programs; the text report shows them through probe.starttls.*.
	['not tried', 'not offered'].map(value => `source/commands/probe.ts: return "${value}"`),
));

/** The user-facing sinks: what follows each is the text shown. */
const sinks: RegExp[] = [
	/\bflash\((?:[^,()]|\([^()]*\))*,\s*/g, // flash(state, TEXT)
	/\bflash\(\s*(?=['"`])/g, // flash(TEXT) at the edge
	/\bflash: \{text: /g,
	/\b(?:message|hint|why|expect|title|note|label|text): (?=['"`])/g,
	/\b(?:warn|info|error)\('[\w-]+', /g,
	/\bopenPrompt\([^,]+, '[\w-]+', /g,
	/\.write\(/g,
	/\bannotate\('\w+', /g,
	// The session controller's notes, a reply line's remarks, run's script errors and notes.
	/\bnote\('(?:info|warning|error)', /g,
	/\b(?:notes|errors)\.push\(/g,
	// The sub-commands' usage errors and the reasons they stop with.
	/\busage\(/g,
	/\bnew UsageError\(/g, // the explorer's own
	/\bnew Stopped\([\w.]+, /g,
	// The detail texts of ESMTP parameters and XCLIENT attributes, said inside translated sentences.
	/\bcheck: (?:value|\(value: string\)) => \(?[^?]*\?\s*undefined\s*:\s*/g,
	/\bok: false, error: (?=['"`])/g,
	/\bStopped\.by\((?:[^,()]|\([^()]*\))*,\s*'\w+',\s*/g,
	// A typed session error's words (a wording from the tables, never English text: failureText says it in the reader's language).
	/\bnew (?:TransportError|TlsError|NotSent)\('[\w-]+', /g,
	/\bnew ProtocolViolation\(/g,
	/\bnew SmtpReplyError\((?:[^,()]|\([^()]*\))*,(?:[^,()]|\([^()]*\))*,\s*/g,
	// The reply parser's violations and the protocol state's reason for an ended session.
	/\bviolation\('[\w-]+', /g,
	/\bclosedReason: (?=['"`])/g,
	// A password prompt (send --user, the proxy user).
	/\bpromptSecret\(\w+, /g,
	// probe's text report: a row's label and text, a line of the report.
	/\brow\(\s*/g,
	/\brow\((?:[^,()]|\([^()]*\))*,\s*/g,
	/\blines\.push\(/g,
];

/**
Files whose helpers return the text shown (probe's describeExtension). Elsewhere a returned
literal is mostly a state name or a colour, so \`return\` is a sink only here.
*/
const returnsText = new Set(['source/commands/probe.ts']);

/** Words that read the same in every language: SMTP verbs and keywords, key names (Up, Down and Space are translated where the help draws them), program and format names. */
const tokens = new Set(
	`smtp explorer smtp-explorer EHLO HELO LHLO MAIL FROM RCPT TO DATA BDAT LAST QUIT RSET NOOP VRFY EXPN HELP AUTH STARTTLS ETRN XCLIENT XFORWARD BURL ATRN
	PLAIN LOGIN CRAM MD5 XOAUTH2 OAUTHBEARER SASL TLS CRLF UTF SMTPUTF8 BODY 8BITMIME SIZE LMTP RFC Ctrl Shift Alt Esc Enter Tab PgUp PgDn Home End F1 F2 F3 F4
	SHA256 sasl data swaks python node curl script base64 EDITOR jsonl md txt smtp mjs py sh Up Down Space mx MX PROXY proxy export catalog explain send run view probe demo-server`.split(/\s+/),
);

function literalAt(source: string, start: number): string | undefined {
	const quote = source[start];
	if (quote !== "'" && quote !== '"' && quote !== '`') return undefined;
	let index = start + 1;
	let depth = 0;
	for (; index < source.length; index++) {
		const character = source[index];
		if (character === '\\') {
			index++;
			continue;
		}

		if (quote === '`' && source.startsWith('${', index)) depth++;
		else if (depth > 0 && character === '}') depth--;
		else if (depth === 0 && character === quote) break;
	}

	return source.slice(start + 1, index);
}

/** The words of a literal a reader would have to translate: interpolations, tokens and non-words removed. */
export function wordsIn(literal: string): string[] {
	const text = literal.replaceAll(/\$\{(?:[^{}]|\{[^{}]*\})*\}/g, ' ').replaceAll(/--[\w-]+/g, ' ');
	return (text.match(/[A-Za-z][\w'-]+/g) ?? []).filter(word => !/^F\d+$/.test(word) && !tokens.has(word) && !tokens.has(word.replaceAll(/[-']/g, '')));
}

function violations(path: string): string[] {
	return violationsIn(relative(root, path), readFileSync(path, 'utf8'));
}

function violationsIn(name: string, text: string): string[] {
	const source = text
		// Comments are for developers.
		.replaceAll(/\/\*[\s\S]*?\*\//g, match => match.replaceAll(/[^\n]/g, ' '))
		.replaceAll(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
	const found: string[] = [];
	for (const sink of returnsText.has(name) ? [...sinks, /\breturn (?=['"`])/g] : sinks) {
		for (const match of source.matchAll(sink)) {
			const literal = literalAt(source, match.index + match[0].length);
			// A message key (a table lookup) or a flash's tone is not text.
			if (literal === undefined || /^[\w-]+(?:\.[\w -]+)+$/.test(literal) || ['info', 'warning', 'error'].includes(literal)) continue;
			const words = wordsIn(literal);
			const place = `${name}: ${match[0].trim()} "${literal.slice(0, 60)}"`;
			if (words.length > 0 && !identifiers.has(place)) found.push(place);
		}
	}

	if (name.endsWith('.tsx')) {
		// Text between JSX tags: `<Text>some words</Text>`.
		for (const match of source.matchAll(/>([^<>{}()=;]*[A-Za-z]{2,}[^<>{}()=;]*)<\//g)) {
			if (wordsIn(match[1]!).length > 0) found.push(`${name}: JSX "${match[1]!.trim().slice(0, 60)}"`);
		}
	}

	return found;
}

describe('user-facing strings live in the message tables', () => {
	it('finds no string with words handed to a user-facing sink outside the tables', () => {
		expect(scanned.flatMap(path => violations(path))).toEqual([]);
	});

	it('would catch one: the scan sees a literal flash, diagnostic, prompt and JSX text', () => {
		const source = [
			"return stay(flash(state, 'the file is gone', 'error'));",
			"found.push(warn('bad-thing', 'That is wrong.', span));",
			"return openPrompt(state, 'save-path', 'Where to?');",
			"io.stderr.write(`smtp-explorer send: cannot read ${file}`);",
			'const row = <Text dimColor>Nothing to see</Text>;',
			"this.note('info', `connecting to ${where}`);",
			"if (!scriptPath) return usage('no script given; see --help');",
			"row('banner', report.banner ? text : '(none)'); row(t['probe.label.valid'], 'expired already'); lines.push('Timings');",
			"fail(new TransportError('closed', 'the connection is closed')); new SmtpReplyError(reply, 'greeting', `refused: ${code}`);",
			"const password = await promptSecret(io, `Password for ${user}: `);",
			"events.push(violation('no-code', 'A reply line does not start with a code.', raw)); return {...state, closedReason: `the server is closing (${code})`};",
			// Table lookups, tones and protocol tokens pass.
			"flash(state, say()['flash.notSent'], 'error'); warn('x', say()['check.empty'], span); hint: 'EHLO'",
		].join('\n');
		expect(violationsIn('sample.tsx', source)).toEqual([
			'sample.tsx: flash(state, "the file is gone"',
			'sample.tsx: warn(\'bad-thing\', "That is wrong."',
			'sample.tsx: openPrompt(state, \'save-path\', "Where to?"',
			'sample.tsx: .write( "smtp-explorer send: cannot read ${file}"',
			'sample.tsx: note(\'info\', "connecting to ${where}"',
			'sample.tsx: usage( "no script given; see --help"',
			'sample.tsx: new TransportError(\'closed\', "the connection is closed"',
			'sample.tsx: new SmtpReplyError(reply, \'greeting\', "refused: ${code}"',
			'sample.tsx: violation(\'no-code\', "A reply line does not start with a code."',
			'sample.tsx: closedReason: "the server is closing (${code})"',
			'sample.tsx: promptSecret(io, "Password for ${user}: "',
			'sample.tsx: row( "banner"',
			'sample.tsx: row(t[\'probe.label.valid\'], "expired already"',
			'sample.tsx: lines.push( "Timings"',
			'sample.tsx: JSX "Nothing to see"',
		]);
		const words = (text: string) => wordsIn(text);
		expect(words('the message was sent')).toEqual(['the', 'message', 'was', 'sent']);
		expect(words('AUTH ${mechanism}: ${user}')).toEqual([]);
		expect(words('Ctrl+D · EHLO')).toEqual([]);
	});
});
