import {closeSync, constants, fchmodSync, fstatSync, openSync, writeSync} from 'node:fs';
import {lstat, open, unlink} from 'node:fs/promises';
import {dirname} from 'node:path';
import {quoted, sanitizeForDisplay} from '../protocol/sanitize.js';
import {type FormatOptions, formatForPath, formatJsonLine, formatTextLine, formatTranscript, type TranscriptFormat} from '../protocol/transcript-format.js';
import type {TranscriptEntry} from '../protocol/transcript.js';

/**
Transcripts on disk. A save is atomic (temporary file, fsync, rename: a crash never leaves
half a file, F2), private (mode 0600, F3), and never replaces an existing file or follows
a symlink unless asked (F1, CWE-59). `--transcript FILE` appends every line the moment it
happens, so a killed process loses nothing already on screen.
*/

/** Transcripts hold addresses, banners and, on request, secrets: owner only (CWE-532, CWE-732). */
const privateMode = 0o600;

export type SaveOptions = {
	/** Default: from the file name (formatForPath). */
	format?: TranscriptFormat;
	revealSecrets?: boolean;
	secretOf?: FormatOptions['secretOf'];
	/** Replace an existing file; without it an existing name is an error. */
	overwrite?: boolean;
	/** Markdown: the document title. */
	title?: string;
};

/** A failed save: why, in words, and whether the name is taken by a plain file (which overwriting would replace). */
export type SaveResult = {ok: true; path: string; bytes: number} | {ok: false; reason: string; exists: boolean};

/** Why a file could not be written, in plain words that name it. */
export function describeFileError(path: string, error: NodeJS.ErrnoException, existing?: 'file' | 'directory' | 'symlink'): string {
	const shown = `"${sanitizeForDisplay(path)}"`;
	switch (error.code) {
		case 'EEXIST': {
			if (existing === 'symlink') return `${shown} is a symbolic link; transcripts are never written through a link (choose another name)`;
			if (existing === 'directory') return `${shown} is a directory; give a file name`;
			return `${shown} already exists and was left as it is; choose another name, or save again with overwriting turned on`;
		}

		case 'ELOOP': {
			return `${shown} is a symbolic link; transcripts are never written through a link (choose another name)`;
		}

		case 'EACCES':
		case 'EPERM': {
			return `permission denied: cannot write ${shown} (check the permissions of the file and of its directory)`;
		}

		case 'ENOENT': {
			return `the directory "${sanitizeForDisplay(dirname(path))}" does not exist, so ${shown} could not be created`;
		}

		case 'ENOTDIR': {
			return `a part of the path ${shown} is not a directory`;
		}

		case 'EISDIR': {
			return `${shown} is a directory; give a file name`;
		}

		case 'ENOSPC':
		case 'EDQUOT': {
			return `the disk is full (or over quota): ${shown} was not saved`;
		}

		case 'EROFS': {
			return `${shown} is on a read-only file system`;
		}

		default: {
			return `could not write ${shown}: ${sanitizeForDisplay(error.message)}`;
		}
	}
}

async function kindOf(path: string): Promise<'file' | 'directory' | 'symlink' | undefined> {
	try {
		const stats = await lstat(path);
		return stats.isSymbolicLink() ? 'symlink' : stats.isDirectory() ? 'directory' : 'file';
	} catch {
		return undefined;
	}
}

/** Saves the entries as a whole file. The entries themselves are only read. */
export async function saveTranscript(path: string, entries: readonly TranscriptEntry[], options: SaveOptions = {}): Promise<SaveResult> {
	const content = formatTranscript(options.format ?? formatForPath(path), entries, {
		...(options.revealSecrets ? {revealSecrets: true} : {}),
		...(options.secretOf ? {secretOf: options.secretOf} : {}),
		...(options.title ? {title: options.title} : {}),
	});
	return savePrivateFile(path, content, {overwrite: Boolean(options.overwrite)});
}

/**
Writes a whole file atomically at mode 0600 (transcripts, exported scripts): claims the
name first unless overwriting is asked for, never writes through a symlink.
*/
export async function savePrivateFile(path: string, content: string, options: {overwrite: boolean}): Promise<SaveResult> {
	let placeholder = false;
	try {
		if (options.overwrite) {
			// write-file-atomic resolves symlinks and would replace the file a link points to.
			const existing = await kindOf(path);
			if (existing === 'symlink' || existing === 'directory') return {ok: false, reason: describeFileError(path, {code: 'EEXIST'} as NodeJS.ErrnoException, existing), exists: false};
		} else {
			// Claim the name first: 'wx' fails on anything already there, a symlink included.
			const handle = await open(path, 'wx', privateMode);
			placeholder = true;
			await handle.close();
		}

		// Loaded here, not at start: with its signal-exit, assert, worker_threads and crypto it
		// costs a start 5-10 ms, and most sessions save nothing.
		const {default: writeFileAtomic} = await import('write-file-atomic');
		await writeFileAtomic(path, content, {mode: privateMode});
		return {ok: true, path, bytes: Buffer.byteLength(content)};
	} catch (error) {
		const failure = error as NodeJS.ErrnoException;
		if (placeholder) await unlink(path).catch(() => undefined);
		const existing = failure.code === 'EEXIST' ? await kindOf(path) : undefined;
		return {ok: false, reason: describeFileError(path, failure, existing), exists: existing === 'file'};
	}
}

export type AppenderOptions = {
	revealSecrets?: boolean;
	/** Markdown: the title of each session's section. */
	title?: string;
	/** Hears about the first failed write; later lines are not written. */
	onError?: (reason: string) => void;
	clock?: () => number;
};

/**
Appends each transcript entry to a file as it happens (`--transcript FILE`), in the format
the file name suggests. Writes are synchronous so nothing waits in a buffer: whatever was
on screen is on disk, even if the process is killed. A failed write is reported once and
ends the file's part; the session itself goes on.
*/
export class TranscriptAppender {
	/** Opens (or creates, mode 0600) the file for appending; never through a symlink. */
	static open(path: string, options: AppenderOptions = {}): {ok: true; appender: TranscriptAppender} | {ok: false; reason: string} {
		let fd: number;
		try {
			fd = openSync(path, constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | constants.O_NOFOLLOW, privateMode);
		} catch (error) {
			return {ok: false, reason: describeFileError(path, error as NodeJS.ErrnoException)};
		}

		const stats = fstatSync(fd);
		if (stats.isDirectory()) {
			closeSync(fd);
			return {ok: false, reason: describeFileError(path, {code: 'EISDIR'} as NodeJS.ErrnoException)};
		}

		// An existing file keeps its mode on open: a transcript must not stay readable by others
		// (it names servers, users and addresses), so it is made private, or refused. A device or
		// a pipe (/dev/null, a FIFO) holds nothing afterwards and is left as it is.
		if (stats.isFile() && (stats.mode & 0o077) !== 0) {
			try {
				fchmodSync(fd, privateMode);
			} catch {
				closeSync(fd);
				return {ok: false, reason: `${quoted(path)} is readable by others and could not be made private (mode 0600); choose another file`};
			}
		}

		const appender = new TranscriptAppender(path, fd, formatForPath(path), options);
		if (appender.format === 'markdown') appender.append(appender.markdownOpening());
		return {ok: true, appender};
	}

	/** Undefined once closed, or after a failed write. */
	private fd: number | undefined;
	private writeFailed = false;

	/** True when a write failed: the file lacks lines from there on. */
	get failed(): boolean {
		return this.writeFailed;
	}

	private constructor(
		readonly path: string,
		fd: number,
		readonly format: TranscriptFormat,
		private readonly options: AppenderOptions,
	) {
		this.fd = fd;
	}

	/** Writes one entry at once; `secret` is written only when the appender reveals secrets. */
	write(entry: TranscriptEntry, secret?: Uint8Array): void {
		const formatOptions: FormatOptions = this.options.revealSecrets ? {revealSecrets: true, secretOf: () => secret} : {};
		const line = this.format === 'jsonl'
			? formatJsonLine(entry, formatOptions)
			: formatTextLine(entry, {...formatOptions, timestamps: this.format === 'markdown'});
		this.append(`${line}\n`);
	}

	/** Ends the file's part of the session (the closing fence for Markdown) and closes it. */
	close(): void {
		if (this.fd === undefined) return;
		if (this.format === 'markdown') this.append('```\n');
		// The fence's write may itself have failed and closed the file.
		if (this.fd !== undefined) closeSync(this.fd);
		this.fd = undefined;
	}

	/**
	A Markdown section per session. Every transcript line starts with a clock time, never with
	a backtick, so a three-backtick fence cannot be closed early by what a server sends.
	*/
	private markdownOpening(): string {
		const started = new Date((this.options.clock ?? Date.now)()).toISOString();
		const title = sanitizeForDisplay(this.options.title ?? 'SMTP session');
		return `# ${title}\n\n- started: ${started}\n- secrets: ${this.options.revealSecrets ? 'REVEALED' : 'redacted'}\n\n\`\`\`text\n`;
	}

	private append(text: string) {
		const {fd} = this;
		if (fd === undefined) return;
		const bytes = Buffer.from(text);
		try {
			for (let written = 0; written < bytes.length;) written += writeSync(fd, bytes, written);
		} catch (error) {
			this.fd = undefined;
			this.writeFailed = true;
			try {
				closeSync(fd);
			} catch {
				// The write error is the one worth reporting.
			}

			this.options.onError?.(`${describeFileError(this.path, error as NodeJS.ErrnoException)}; the transcript file stops here, the session goes on`);
		}
	}
}
