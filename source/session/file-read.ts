import {closeSync, openSync, readSync} from 'node:fs';
import {open} from 'node:fs/promises';
import {sanitizeForDisplay} from '../protocol/sanitize.js';

/**
Every file the app reads whole has a cap: a wrong path (/dev/zero, a disk image, a log
that grew) must end with a clear message naming the limit, not with the memory gone.
*/

/** A `run` script: thousands of commands fit in far less. */
export const maxScriptBytes = 1024 * 1024;
/** One line of a `run` script (a long SEND line with a big base64 AUTH fits). */
export const maxScriptLineOctets = 64 * 1024;
/** `--data FILE`: the message body a script sends after DATA. */
export const maxDataBytes = 64 * 1024 * 1024;
/** The explorer's command history file. */
export const maxHistoryBytes = 4 * 1024 * 1024;
/** A CA bundle or certificate file (the whole Mozilla bundle is about 220 KB). */
export const maxCertificateBytes = 4 * 1024 * 1024;

/** Bytes as a person reads them: "1 MiB", "64 KiB", "1234 bytes". */
export function formatBytes(bytes: number): string {
	for (const [unit, size] of [['GiB', 1024 ** 3], ['MiB', 1024 ** 2], ['KiB', 1024]] as const) {
		if (bytes >= size && bytes % size === 0) return `${bytes / size} ${unit}`;
	}

	return `${bytes} bytes`;
}

/** A file that is larger than its reader takes. */
export class FileTooLargeError extends Error {
	readonly code = 'EFBIG';
	constructor(
		readonly path: string,
		readonly limit: number,
		what: string,
	) {
		super(`"${sanitizeForDisplay(path)}" is larger than ${formatBytes(limit)}, the most ${what} may hold; nothing was read from it`);
	}
}

/** Why a file could not be read, in words: a missing file says so. */
export function describeReadError(path: string, error: NodeJS.ErrnoException): string {
	const shown = `"${sanitizeForDisplay(path)}"`;
	switch (error.code) {
		case 'ENOENT': {
			return `${shown}: file not found`;
		}

		case 'EISDIR': {
			return `${shown} is a directory; give a file`;
		}

		case 'EACCES':
		case 'EPERM': {
			return `permission denied: cannot read ${shown}`;
		}

		case 'ENOTDIR': {
			return `a part of the path ${shown} is not a directory`;
		}

		case 'EFBIG':
		case 'ENOTFILE': {
			return error.message;
		}

		default: {
			return `could not read ${shown}: ${sanitizeForDisplay(error.message)}`;
		}
	}
}

/**
Reads a whole file of at most `limit` bytes. Reads one byte past the limit to tell "exactly
the limit" from "more", so /dev/zero or a FIFO stops there too.
*/
export async function readBounded(path: string, limit: number, what: string): Promise<Buffer> {
	const handle = await open(path, 'r');
	try {
		const buffer = Buffer.allocUnsafe(Math.min(limit + 1, 64 * 1024));
		const parts: Buffer[] = [];
		let total = 0;
		for (;;) {
			const {bytesRead} = await handle.read(buffer, 0, buffer.length, null);
			if (bytesRead === 0) break;
			total += bytesRead;
			if (total > limit) throw new FileTooLargeError(path, limit, what);
			parts.push(Buffer.from(buffer.subarray(0, bytesRead)));
		}

		return Buffer.concat(parts, total);
	} finally {
		await handle.close();
	}
}

/** readBounded for the places that read before anything runs (flags, the history file). */
export function readBoundedSync(path: string, limit: number, what: string): Buffer {
	const fd = openSync(path, 'r');
	try {
		const buffer = Buffer.allocUnsafe(Math.min(limit + 1, 64 * 1024));
		const parts: Buffer[] = [];
		let total = 0;
		for (;;) {
			const bytesRead = readSync(fd, buffer, 0, buffer.length, null);
			if (bytesRead === 0) break;
			total += bytesRead;
			if (total > limit) throw new FileTooLargeError(path, limit, what);
			parts.push(Buffer.from(buffer.subarray(0, bytesRead)));
		}

		return Buffer.concat(parts, total);
	} finally {
		closeSync(fd);
	}
}
