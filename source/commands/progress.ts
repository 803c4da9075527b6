import {text} from '../i18n/messages.js';
import {progressFigures, progressTiming, redrawDue} from '../protocol/progress.js';

/**
A one-line progress report for long sub-command work (a large `send`), on a terminal's
stderr only: bytes done, total, rate and time left, redrawn in place at the shared pace
(protocol/progress.ts: after about a second, at most four times a second) and erased when
the work ends. On a stream that is not a terminal it writes nothing at all.
*/

export type Progress = {
	/** `done` bytes of the total are through. */
	update(done: number): void;
	/** Erases the line, if one was drawn. */
	finish(): void;
};

type Options = {
	/** Milliseconds between two redraws at least. */
	intervalMs?: number;
	/** Nothing is drawn before this many milliseconds: short work stays silent. */
	delayMs?: number;
	now?: () => number;
};

const silent: Progress = {update() {}, finish() {}};

/** The line itself: "sending 12.5 MB of 50.0 MB (25%), 40.1 MB/s, 1s left". */
export function progressLine(done: number, total: number, elapsedMs: number): string {
	return text()['progress.sending'](progressFigures(done, total, elapsedMs));
}

/** A progress line on `stream` for an upload of `total` bytes; silent unless the stream is a terminal. */
export function progressReporter(stream: NodeJS.WritableStream & {isTTY?: boolean}, total: number, options: Options = {}): Progress {
	if (!stream.isTTY) return silent;
	const now = options.now ?? (() => performance.now());
	const timing = {delayMs: options.delayMs ?? progressTiming.delayMs, intervalMs: options.intervalMs ?? progressTiming.intervalMs};
	const started = now();
	let drawnAt: number | undefined;
	return {
		update(done) {
			const time = now();
			if (!redrawDue(started, drawnAt, time, timing)) return;
			drawnAt = time;
			// Carriage return and erase-line: the same row is rewritten, nothing scrolls.
			stream.write(`\r\u001B[2K${progressLine(done, total, time - started)}`);
		},
		finish() {
			if (drawnAt !== undefined) stream.write('\r\u001B[2K');
		},
	};
}
