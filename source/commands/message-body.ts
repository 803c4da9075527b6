import {createReadStream, createWriteStream} from 'node:fs';
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {pipeline} from 'node:stream/promises';
import {type BodyFacts, BodyScanner, LineEndNormalizer, QuotedPrintableEncoder} from '../protocol/body-stream.js';
import type {TransferEncoding} from '../protocol/message-builder.js';
import {encodeUtf8} from '../protocol/text.js';
import {formatBytes} from '../session/file-read.js';

/**
The body `send` sends, never held whole: --body text (it came in argv, so it is small), a
file read twice (once to measure it, once to send it), or stdin spooled to a private
temporary file first (a stream can be read only once). Every reader stops at the cap.
*/

/** --max-size when not given: larger than most servers take (RFC 1870 SIZE is often 25-50 MB). */
export const defaultMaxBodyBytes = 100 * 1024 * 1024;
/** Pieces read from a file: large enough that per-piece work is noise, small next to the memory budget. */
const pieceBytes = 256 * 1024;

export type MessageBody = {
	facts: BodyFacts;
	/** Encoded size of the body (what SIZE= counts with the header, RFC 1870 3). */
	encodedBytes(encoding: TransferEncoding): Promise<number>;
	/** The body, CRLF-normalised and encoded, piece by piece. */
	pieces(encoding: TransferEncoding): AsyncIterable<Uint8Array>;
	/** Removes the spool file, if any. */
	close(): Promise<void>;
};

export class BodyTooLargeError extends Error {
	constructor(readonly limit: number) {
		super(`the message body is larger than ${formatBytes(limit)} (--max-size); nothing was sent. Raise --max-size, or use --max-size 0 for no limit`);
	}
}

type Source = {raw(): AsyncIterable<Uint8Array>; close(): Promise<void>};

/** Opens the body: `text`, else `file`, else `stdin`. `maxBytes` 0 means no limit. Rejects with BodyTooLargeError past it. */
export async function openMessageBody(options: {text?: string; file?: string; stdin: NodeJS.ReadableStream; maxBytes: number}): Promise<MessageBody> {
	const source = options.text === undefined ? await fileSource(options.file, options.stdin, options.maxBytes) : textSource(options.text);
	try {
		const {facts, raw} = await measure(source, options.maxBytes);
		return messageBody(source, facts, raw);
	} catch (error) {
		await source.close();
		throw error;
	}
}

function textSource(text: string): Source {
	const bytes = encodeUtf8(text);
	return {
		async *raw() {
			yield bytes;
		},
		async close() {},
	};
}

async function fileSource(file: string | undefined, stdin: NodeJS.ReadableStream, maxBytes: number): Promise<Source> {
	if (file !== undefined) return {raw: () => createReadStream(file, {highWaterMark: pieceBytes}), async close() {}};
	// A private directory (0700) and file (0600): the body may be confidential.
	const directory = await mkdtemp(join(tmpdir(), 'smtp-explorer-body-'));
	const spool = join(directory, 'body');
	const close = () => rm(directory, {recursive: true, force: true});
	try {
		await pipeline(stdin, capped(maxBytes), createWriteStream(spool, {mode: 0o600, flags: 'wx'}));
	} catch (error) {
		await close();
		throw error;
	}

	return {raw: () => createReadStream(spool, {highWaterMark: pieceBytes}), close};
}

/** Passes bytes through until there are more than `maxBytes` (0: no limit), then fails. */
function capped(maxBytes: number) {
	return async function * (source: AsyncIterable<Uint8Array | string>) {
		let total = 0;
		for await (const piece of source) {
			const bytes = typeof piece === 'string' ? encodeUtf8(piece) : piece;
			total += bytes.length;
			if (maxBytes > 0 && total > maxBytes) throw new BodyTooLargeError(maxBytes);
			yield bytes;
		}
	};
}

/** The first pass: normalises and measures without keeping anything. */
async function measure(source: Source, maxBytes: number): Promise<{facts: BodyFacts; raw: number}> {
	const normalizer = new LineEndNormalizer();
	const scanner = new BodyScanner();
	let raw = 0;
	const stream = source.raw();
	for await (const piece of stream) {
		raw += piece.length;
		if (maxBytes > 0 && raw > maxBytes) {
			(stream as {destroy?: () => void}).destroy?.();
			throw new BodyTooLargeError(maxBytes);
		}

		scanner.push(normalizer.push(piece));
	}

	scanner.push(normalizer.end());
	return {facts: scanner.facts, raw};
}

function messageBody(source: Source, facts: BodyFacts, rawBytes: number): MessageBody {
	async function * pieces(encoding: TransferEncoding): AsyncIterable<Uint8Array> {
		const normalizer = new LineEndNormalizer();
		const encoder = encoding === 'quoted-printable' ? new QuotedPrintableEncoder() : undefined;
		let raw = 0;
		for await (const piece of source.raw()) {
			raw += piece.length;
			// What was measured is what goes: a file that grew since must not slip past the cap or the SIZE= declared.
			if (raw > rawBytes) throw new Error('the body file changed while it was being sent');
			const normalized = normalizer.push(piece);
			yield encoder ? encoder.push(normalized) : normalized;
		}

		if (raw !== rawBytes) throw new Error('the body file changed while it was being sent');
		const last = normalizer.end();
		yield encoder ? concat(encoder.push(last), encoder.end()) : last;
	}

	return {
		facts,
		async encodedBytes(encoding) {
			if (encoding !== 'quoted-printable') return facts.bytes;
			let total = 0;
			for await (const piece of pieces(encoding)) total += piece.length;
			return total;
		},
		pieces,
		close: source.close,
	};
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
	return Buffer.concat([a, b]);
}
