import {sanitizeForDisplay} from './sanitize.js';
import {redactedMark} from './sasl.js';
import {pathOf} from './session.js';
import {formatTarget, type Target} from './target.js';
import {connectingTo, type TranscriptEntry} from './transcript.js';

/**
A transcript turned into something that does it again: a script for `smtp-explorer run`,
or the equivalent swaks command line. Neither ever carries a secret.
*/

/** A sent line waiting for its reply; replies pair with lines by order (RFC 2920 3.1). */
type Awaiting = {kind: 'command' | 'hidden' | 'data' | 'message'; block: string[]};

/** The script line for one dot-stuffed body line as it went on the wire (RFC 5321 4.5.2). */
function scriptBodyLine(wire: string): string {
	if (!wire.startsWith('.')) return wire;
	const line = wire.slice(1);
	// In a script a line of dots stands for one dot fewer, so "." can only end the block.
	return /^\.+$/.test(line) ? wire : line;
}

/**
A replayable script: each sent command line followed by `EXPECT` and the code that came
back, the message body as a DATA block, a `CONNECT` for each connection. Lines that carry
AUTH secrets become comments to fill in by hand. The script runs one line at a time, so
each expectation goes right under its command even when the session pipelined them.
*/
export function exportScript(entries: readonly TranscriptEntry[]): string {
	const blocks: string[][] = [['# smtp-explorer script exported from a transcript; replay it with: smtp-explorer run FILE']];
	const start = (...lines: string[]) => {
		const block = [...lines];
		blocks.push(block);
		return block;
	};

	let awaiting: Awaiting[] = [];
	let message: {block: string[]; lines: string[]; cut: boolean} | undefined;

	for (const entry of entries) {
		const connecting = connectingTo(entry);
		if (connecting) {
			if (message) message.block[0] = '# DATA: the connection ended before the message was finished';
			message = undefined;
			// The banner answers the connection.
			awaiting = [{kind: 'command', block: start(`CONNECT ${connecting.target}`)}];
			continue;
		}

		if (message && entry.kind === 'info' && entry.text.startsWith('…')) message.cut = true;

		if (entry.kind === 'sent') {
			if (message) {
				if (entry.text !== '.') {
					message.lines.push(scriptBodyLine(entry.text));
					continue;
				}

				message.block.push(...message.lines, '.');
				if (message.cut) message.block.push(`# the transcript kept only the first ${message.lines.length} lines of this message`);
				awaiting.push({kind: 'message', block: message.block});
				message = undefined;
			} else if (entry.text.includes(redactedMark)) {
				awaiting.push({kind: 'hidden', block: start('# AUTH line redacted: add it by hand')});
			} else if (/^BDAT /i.test(entry.text)) {
				awaiting.push({kind: 'hidden', block: start(`# ${entry.text}: the chunk's bytes are not in the transcript`)});
			} else {
				awaiting.push({kind: /^DATA\s*$/i.test(entry.text) ? 'data' : 'command', block: start(entry.text)});
			}

			continue;
		}

		if (entry.kind !== 'received' || entry.final !== true || entry.note?.includes('unsolicited') || entry.code === undefined) continue;
		const asked = awaiting.shift();
		if (!asked) continue;
		if (asked.kind === 'data' && entry.code === 354) {
			message = {block: asked.block, lines: [], cut: false};
		} else if (asked.kind === 'data') {
			// DATA was refused: an empty block, and the expectation checks DATA's own reply.
			asked.block.push('.', `EXPECT ${entry.code}`);
		} else {
			asked.block.push(`${asked.kind === 'hidden' ? '# ' : ''}EXPECT ${entry.code}`);
		}
	}

	if (message) message.block[0] = '# DATA: the transcript ends before the message was finished';
	return `${blocks.flat().join('\n')}\n`;
}

export type SwaksInfo = {
	target: Target;
	tls: 'none' | 'starttls' | 'implicit';
	entries: readonly TranscriptEntry[];
	/** The AUTH user name, when known: the transcript keeps AUTH lines redacted. */
	user?: string;
};

/** One shell word: bare when it is plainly safe, else single-quoted with `'` written as `'\''`. */
export function shellQuote(value: string): string {
	// Control characters become visible escapes, so a pasted command can never hold a line break.
	const safe = sanitizeForDisplay(value);
	if (/^[\w@%+=:,./-]+$/.test(safe)) return safe;
	return `'${safe.replaceAll("'", String.raw`'\''`)}'`;
}

/**
The swaks command that repeats the last transaction of the transcript: server, TLS mode,
EHLO name, sender, recipients and AUTH mechanism. Never a password: without
--auth-password swaks asks for it. swaks keeps only the last of repeated --to options, so
the recipients travel as one comma-separated list.
*/
export function exportSwaksCommand(info: SwaksInfo): string {
	const sent = info.entries.filter(entry => entry.kind === 'sent').map(entry => entry.text);
	const verbOf = (line: string) => (/^\s*(\S+)/.exec(line)?.[1] ?? '').toUpperCase();
	const hello = sent.findLast(line => ['EHLO', 'HELO', 'LHLO'].includes(verbOf(line)));
	const mailIndex = sent.findLastIndex(line => verbOf(line) === 'MAIL');
	const from = mailIndex === -1 ? undefined : pathOf(sent[mailIndex]!.replace(/^\s*MAIL\s+/i, ''));
	const recipients = mailIndex === -1 ? [] : sent.slice(mailIndex + 1).filter(line => verbOf(line) === 'RCPT').map(line => pathOf(line.replace(/^\s*RCPT\s+/i, '')));
	const mechanism = /^\s*AUTH\s+(\S+)/i.exec(sent.find(line => verbOf(line) === 'AUTH') ?? '')?.[1]?.toUpperCase();

	const words = ['swaks'];
	if (info.target.kind === 'unix') words.push('--socket', shellQuote(info.target.path));
	else words.push('--server', shellQuote(formatTarget(info.target)));
	// swaks reads "<>" as the null reverse-path.
	if (from !== undefined) words.push('--from', shellQuote(from === '' ? '<>' : from));
	if (recipients.length > 0) words.push('--to', shellQuote(recipients.join(',')));
	if (info.tls === 'starttls') words.push('--tls');
	if (info.tls === 'implicit') words.push('--tls-on-connect');
	if (mechanism) {
		words.push('--auth', shellQuote(mechanism));
		if (info.user) words.push('--auth-user', shellQuote(info.user));
	}

	if (hello) words.push('--ehlo', shellQuote(hello.trim().replace(/^\S+\s*/, '')));
	return words.join(' ');
}
