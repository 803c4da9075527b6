/**
A one-line progress report for long sub-command work (a large `send`), on a terminal's
stderr only: bytes done, total, rate and time left, redrawn in place at most a few times a
second (so a slow SSH link is not flooded) and erased when the work ends. On a stream that
is not a terminal it writes nothing at all.
*/

export type Progress = {
	/** `done` bytes of the total are through. */
	update(done: number): void;
	/** Erases the line, if one was drawn. */
	finish(): void;
};

type Options = {
	/** What is being done: "sending". */
	label: string;
	/** Milliseconds between two redraws at least. */
	intervalMs?: number;
	/** Nothing is drawn before this many milliseconds: short work stays silent. */
	delayMs?: number;
	now?: () => number;
};

const silent: Progress = {update() {}, finish() {}};

/** 52428800 -> "50.0 MB" (decimal units, as SIZE limits are usually quoted). */
export function formatBytes(bytes: number): string {
	if (bytes < 1000) return `${bytes} B`;
	const units = ['kB', 'MB', 'GB', 'TB'];
	let value = bytes / 1000;
	let unit = 0;
	while (value >= 1000 && unit < units.length - 1) {
		value /= 1000;
		unit++;
	}

	return `${value.toFixed(1)} ${units[unit]}`;
}

/** 75 -> "1m15s", 4.2 -> "5s": rounded up, never "0s" while work remains. */
export function formatSeconds(seconds: number): string {
	const whole = Math.max(1, Math.ceil(seconds));
	return whole < 60 ? `${whole}s` : `${Math.floor(whole / 60)}m${String(whole % 60).padStart(2, '0')}s`;
}

/** The line itself: "sending 12.5 MB of 50.0 MB (25%), 40.1 MB/s, 1s left". */
export function progressLine(label: string, done: number, total: number, elapsedMs: number): string {
	const percent = total > 0 ? Math.floor((done / total) * 100) : 100;
	const rate = elapsedMs > 0 ? done / (elapsedMs / 1000) : 0;
	const left = rate > 0 && done < total ? `, ${formatSeconds((total - done) / rate)} left` : '';
	return `${label} ${formatBytes(done)} of ${formatBytes(total)} (${percent}%)${rate > 0 ? `, ${formatBytes(Math.round(rate))}/s` : ''}${left}`;
}

/** A progress line on `stream` for work of `total` bytes; silent unless the stream is a terminal. */
export function progressReporter(stream: NodeJS.WritableStream & {isTTY?: boolean}, total: number, options: Options): Progress {
	if (!stream.isTTY) return silent;
	const now = options.now ?? (() => performance.now());
	const intervalMs = options.intervalMs ?? 250;
	const delayMs = options.delayMs ?? 500;
	const started = now();
	let drawnAt: number | undefined;
	return {
		update(done) {
			const time = now();
			if (time - started < delayMs) return;
			if (drawnAt !== undefined && time - drawnAt < intervalMs) return;
			drawnAt = time;
			// Carriage return and erase-line: the same row is rewritten, nothing scrolls.
			stream.write(`\r\u001B[2K${progressLine(options.label, done, total, time - started)}`);
		},
		finish() {
			if (drawnAt !== undefined) stream.write('\r\u001B[2K');
		},
	};
}
