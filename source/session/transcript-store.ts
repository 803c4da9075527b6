import {text} from '../i18n/messages.js';
import {isPlainLine, type NewEntry, type TranscriptEntry} from '../protocol/transcript.js';

/**
One copy of each short label that repeats on nearly every received line (the enhanced code
`2.1.0`, the verb `RCPT`): each reply line brings its own copy otherwise, 24 B or more.
Bounded, so a server that sends a different code on every line cannot make it grow for ever.
*/
class SharedLabels {
	private readonly known = new Map<string, string>();

	constructor(private readonly limit = 512) {}

	share(label: string): string {
		const known = this.known.get(label);
		if (known !== undefined) return known;
		if (this.known.size < this.limit) this.known.set(label, label);
		return label;
	}
}

/**
The session's transcript in memory: append-only entries, plus the real bytes of redacted
lines kept apart (never on screen, saved only on explicit request). Scrollback is bounded:
past the limit the oldest tenth is dropped at once, so appends stay cheap; a transcript
file given with --transcript still has every line. What was dropped is said by a warning
entry at the top (id 0), so the screen and a saved copy both show the start is missing.
*/
export class TranscriptStore {
	readonly entries: TranscriptEntry[] = [];
	private readonly secrets = new Map<number, Uint8Array>();
	private readonly labels = new SharedLabels();
	private nextId = 1;
	/** Entries dropped from the front so far. */
	private dropped = 0;

	constructor(
		private readonly clock: () => number = Date.now,
		readonly limit = 250_000,
	) {}

	add(entry: NewEntry, secret?: Uint8Array): TranscriptEntry {
		const full = storedEntry(entry, this.nextId++, entry.at ?? this.clock(), this.labels);
		this.entries.push(full);
		if (secret) this.secrets.set(full.id, secret);
		if (this.entries.length > this.limit) this.dropOldest(Math.ceil(this.limit / 10));
		return full;
	}

	/** The real bytes behind a redacted entry, for an explicit "reveal secrets" save. */
	secretOf(entry: TranscriptEntry): Uint8Array | undefined {
		return this.secrets.get(entry.id);
	}

	private dropOldest(count: number) {
		const marked = this.entries[0]?.id === 0;
		const removed = this.entries.splice(marked ? 1 : 0, count);
		for (const entry of removed) this.secrets.delete(entry.id);
		this.dropped += removed.length;
		const marker: TranscriptEntry = {
			id: 0,
			at: removed.at(-1)?.at ?? this.clock(),
			kind: 'warning',
			tls: false,
			text: text()['session.dropped'](this.dropped, this.limit),
		};
		if (marked) this.entries[0] = marker;
		else this.entries.unshift(marker);
	}
}

/**
The entry as the store keeps it. Bytes that are just the text and CRLF are left out and made
again when needed (wireBytes). The fields are set one by one in a fixed order, so entries of
one shape share one hidden class in V8: built with object rest/spread, as before, every
entry had a hidden class of its own (about 280 B more a line, 28 MB at 100,000 lines).
*/
function storedEntry(entry: NewEntry, id: number, at: number, labels: SharedLabels): TranscriptEntry {
	const full: TranscriptEntry = {id, at, kind: entry.kind, tls: entry.tls, text: entry.text};
	if (entry.bytes && !isPlainLine(entry.text, entry.bytes)) full.bytes = entry.bytes;
	if (entry.redacted !== undefined) full.redacted = entry.redacted;
	if (entry.code !== undefined) full.code = entry.code;
	if (entry.enhanced !== undefined) full.enhanced = labels.share(entry.enhanced);
	if (entry.final !== undefined) full.final = entry.final;
	if (entry.latencyMs !== undefined) full.latencyMs = entry.latencyMs;
	if (entry.inReplyTo !== undefined) full.inReplyTo = labels.share(entry.inReplyTo);
	if (entry.note !== undefined) full.note = entry.note;
	if (entry.event !== undefined) full.event = entry.event;
	return full;
}
