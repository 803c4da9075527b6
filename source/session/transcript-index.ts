import {type FileHandle, open} from 'node:fs/promises';
import {closeSync, openSync, readSync} from 'node:fs';
import {sanitizeForDisplay} from '../protocol/sanitize.js';
import {isFence, parseJsonLine, parseTextLine} from '../protocol/transcript-format.js';
import {type TranscriptEntry, unknownTime} from '../protocol/transcript.js';

/**
A saved transcript of any size, opened at once: a background pass records where each
transcript line starts (8 bytes and 4 bytes a line), and lines are read and parsed only
when something looks at them, a block at a time, with a bounded cache. The viewer reads
`snapshot().entries`, an array-like view of the lines indexed so far.
*/

/** Bytes read per step of the background pass; the event loop runs between steps (keys, redraws). */
const indexStepBytes = 4 * 1024 * 1024;
/** Lines parsed together when one of them is looked at. */
const blockLines = 1024;
/** A block spanning more than this is read line by line (long lines, or much skipped between). */
const blockReadBytes = 4 * 1024 * 1024;
/** Parsed blocks kept; the rest are read again when needed. */
const cachedBlocks = 32;
/** A line longer than this is not parsed (shown as a warning): the viewer needs no 100 MB line. */
export const maxViewLineBytes = 64 * 1024;
/** Bytes at the start of a line the pass looks at: enough to tell a blank line or a fence. */
const headBytes = 8;
/** How often (ms) the pass tells the viewer it found more. */
const progressEveryMs = 250;

export type IndexSnapshot = {
	/** Lines indexed so far, as entries parsed on access. */
	entries: readonly TranscriptEntry[];
	bytesIndexed: number;
	totalBytes: number;
	done: boolean;
	/** Set when the background pass failed; the lines found so far stay readable. */
	error?: string;
};

type Format = 'jsonl' | 'text' | 'markdown';

export class TranscriptIndex {
	private starts = new Float64Array(1024);
	private lineNumbers = new Uint32Array(1024);
	private count = 0;
	private bytesIndexed = 0;
	private done = false;
	private error?: string;
	private closed = false;
	private readonly cache = new Map<number, TranscriptEntry[]>();
	/** Entries standing for lines that are not transcript lines. */
	private readonly unreadable = new WeakSet<TranscriptEntry>();
	private readonly listeners = new Set<() => void>();
	private current: IndexSnapshot;
	private readonly fd: number;
	/** One line and a byte, for lines read alone. */
	private readonly lineBuffer = Buffer.allocUnsafe(maxViewLineBytes + 1);

	private constructor(
		path: string,
		private readonly totalBytes: number,
		private readonly format: Format,
		private readonly fileDate: number,
	) {
		this.fd = openSync(path, 'r');
		this.current = this.makeSnapshot();
	}

	/** Opens a regular file and starts the background pass. Rejects when it cannot be read. */
	static async open(path: string): Promise<TranscriptIndex> {
		const handle = await open(path, 'r');
		try {
			const stats = await handle.stat();
			if (stats.isDirectory()) throw Object.assign(new Error('is a directory'), {code: 'EISDIR'});
			if (!stats.isFile()) throw Object.assign(new Error(`"${sanitizeForDisplay(path)}" is not a regular file (a device or a pipe cannot be viewed)`), {code: 'ENOTFILE'});
			const head = Buffer.alloc(Math.min(stats.size, 64 * 1024));
			await handle.read(head, 0, head.length, 0);
			const start = head.toString('utf8').trimStart();
			const format: Format = start.startsWith('{') ? 'jsonl' : start.startsWith('#') ? 'markdown' : 'text';
			const index = new TranscriptIndex(path, stats.size, format, stats.mtimeMs);
			void index.run(handle);
			return index;
		} catch (error) {
			await handle.close();
			throw error;
		}
	}

	subscribe = (listener: () => void): (() => void) => {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	};

	snapshot = (): IndexSnapshot => this.current;

	/** Waits for the background pass to finish (tests, and commands that need every line). */
	async whenDone(): Promise<IndexSnapshot> {
		while (!this.current.done) await this.nextChange();

		return this.current;
	}

	/**
	Waits until `lines` lines are indexed, or the first step of the pass is done, then says
	how many of them are transcript lines: a file where none is, is not a transcript.
	*/
	async firstLines(lines: number): Promise<{checked: number; readable: number; done: boolean}> {
		while (!this.current.done && this.count < lines && this.current.bytesIndexed === 0) await this.nextChange();

		const checked = Math.min(lines, this.count);
		let readable = 0;
		for (let index = 0; index < checked; index++) if (!this.unreadable.has(this.entry(index))) readable++;
		return {checked, readable, done: this.current.done};
	}

	private async nextChange(): Promise<void> {
		await new Promise<void>(resolve => {
			const stop = this.subscribe(() => {
				stop();
				resolve();
			});
		});
	}

	/** Stops the pass and closes the file. */
	close(): void {
		if (this.closed) return;
		this.closed = true;
		closeSync(this.fd);
		this.cache.clear();
	}

	private async run(handle: FileHandle) {
		const buffer = Buffer.allocUnsafe(indexStepBytes);
		const markdown = this.format === 'markdown';
		let offset = 0;
		let lineStart = 0;
		let lineNumber = 1;
		let inFence = !markdown;
		let lastNotice = 0;
		// What the first bytes of the current line say: only a few are looked at, in JavaScript.
		let looked = 0;
		let blank = true;
		let fenceHead = '';
		const endLine = () => {
			if (markdown && isFence(fenceHead)) inFence = !inFence;
			else if (inFence && !blank) this.add(lineStart, lineNumber);
			looked = 0;
			blank = true;
			fenceHead = '';
		};

		try {
			for (;;) {
				if (this.closed) return;
				const {bytesRead} = await handle.read(buffer, 0, buffer.length, offset);
				if (bytesRead === 0) break;
				const chunk = buffer.subarray(0, bytesRead);
				let from = 0;
				for (;;) {
					const lf = chunk.indexOf(0x0a, from);
					const end = lf === -1 ? bytesRead : lf;
					const stop = Math.min(end, from + Math.max(0, headBytes - looked));
					for (let i = from; i < stop; i++) {
						const byte = chunk[i]!;
						if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0d) blank = false;
						if (markdown && fenceHead.length === looked + i - from && (byte === 0x60 || byte === 0x7e)) fenceHead += String.fromCharCode(byte);
					}

					looked += stop - from;
					// The line goes on in the next step.
					if (lf === -1) break;
					endLine();
					lineNumber++;
					from = lf + 1;
					lineStart = offset + from;
				}

				offset += bytesRead;
				this.bytesIndexed = offset;
				if (Date.now() - lastNotice >= progressEveryMs) {
					lastNotice = Date.now();
					this.publish();
				}
			}

			// The last line may lack its LF.
			if (lineStart < offset) endLine();
		} catch (error) {
			this.error = (error as Error).message;
		} finally {
			await handle.close();
		}

		this.done = true;
		this.publish();
	}

	private add(start: number, lineNumber: number) {
		if (this.count === this.starts.length) {
			const starts = new Float64Array(this.starts.length * 2);
			starts.set(this.starts);
			this.starts = starts;
			const numbers = new Uint32Array(this.lineNumbers.length * 2);
			numbers.set(this.lineNumbers);
			this.lineNumbers = numbers;
		}

		this.starts[this.count] = start;
		this.lineNumbers[this.count] = lineNumber;
		this.count++;
	}

	private publish() {
		if (this.closed) return;
		this.current = this.makeSnapshot();
		for (const listener of this.listeners) listener();
	}

	private makeSnapshot(): IndexSnapshot {
		const length = this.count;
		const entryAt = (index: number) => this.entry(index);
		// An array-like view fixed at this length: what transcript-view reads (index and length).
		const entries = new Proxy([] as TranscriptEntry[], {
			get(target, property, receiver) {
				if (property === 'length') return length;
				if (typeof property === 'string') {
					const index = Number(property);
					if (Number.isInteger(index) && property !== '') return index >= 0 && index < length ? entryAt(index) : undefined;
				}

				return Reflect.get(target, property, receiver) as unknown;
			},
		});
		return {entries, bytesIndexed: this.bytesIndexed, totalBytes: this.totalBytes, done: this.done, ...(this.error ? {error: this.error} : {})};
	}

	private entry(index: number): TranscriptEntry {
		const block = Math.floor(index / blockLines);
		let entries = this.cache.get(block);
		// A block still being indexed is read again once it has grown.
		if (!entries || (entries.length < blockLines && block * blockLines + entries.length < this.count)) {
			entries = this.readBlock(block);
			this.cache.delete(block);
			if (this.cache.size >= cachedBlocks) this.cache.delete(this.cache.keys().next().value!);
		} else {
			// Most recently used last.
			this.cache.delete(block);
		}

		this.cache.set(block, entries);
		return entries[index - block * blockLines]!;
	}

	private readBlock(block: number): TranscriptEntry[] {
		const first = block * blockLines;
		const last = Math.min(this.count, first + blockLines);
		const spanStart = this.starts[first]!;
		const spanEnd = last < this.count ? this.starts[last]! : this.bytesIndexed;
		const entries: TranscriptEntry[] = [];
		if (spanEnd - spanStart <= blockReadBytes) {
			// Usually: the whole block in one read.
			const span = this.read(Buffer.allocUnsafe(spanEnd - spanStart), spanStart);
			for (let index = first; index < last; index++) entries.push(this.parse(index, span.subarray(this.starts[index]! - spanStart)));
		} else {
			for (let index = first; index < last; index++) entries.push(this.parse(index, this.read(this.lineBuffer, this.starts[index]!)));
		}

		return entries;
	}

	private read(buffer: Buffer, position: number): Buffer {
		return this.closed ? buffer.subarray(0, 0) : buffer.subarray(0, readSync(this.fd, buffer, 0, buffer.length, position));
	}

	/** Parses the line at the start of `bytes`; what does not parse, or is too long to, is shown as a warning. */
	private parse(index: number, bytes: Buffer): TranscriptEntry {
		const lineNumber = this.lineNumbers[index]!;
		const id = index + 1;
		const lf = bytes.indexOf(0x0a);
		const end = lf === -1 ? bytes.length : lf;
		if (end > maxViewLineBytes) return this.notALine(id, `line ${lineNumber} is longer than ${maxViewLineBytes / 1024} KiB; not shown`);

		const line = bytes.toString('utf8', 0, end).replace(/\r$/, '');
		const entry = this.format === 'jsonl' ? parseJsonLine(line, id) : parseTextLine(line, id, this.fileDate);
		if (entry && !(entry instanceof Error)) return entry;
		return this.notALine(id, `line ${lineNumber} is not a transcript line${entry instanceof Error ? ` (${entry.message})` : ''}`);
	}

	private notALine(id: number, text: string): TranscriptEntry {
		const entry: TranscriptEntry = {id, at: unknownTime, kind: 'warning', tls: false, text};
		this.unreadable.add(entry);
		return entry;
	}
}
