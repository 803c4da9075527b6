/**
The figures of a progress report on long byte work (a message upload, reading a large
file) and when to redraw it. Shared by `send`'s line on stderr, the explorer's status line
and the viewer's: the same words and the same pace everywhere.
*/

/**
When progress is drawn: only for work that lasts longer than about a second (shorter work
would flash a line nobody can read), then at most four times a second, so a slow SSH link
carries a few short updates rather than one per block written.
*/
export const progressTiming = {delayMs: 1000, intervalMs: 250} as const;

export type ProgressTiming = {delayMs: number; intervalMs: number};

/** What a progress line says, as text: "12.5 MB", "50.0 MB", 25, "40.1 MB", "2s". */
export type ProgressFigures = {done: string; total: string; percent: number; rate?: string; left?: string};

/** 52428800 -> "52.4 MB" (decimal units, as SIZE limits are usually quoted). */
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

/** `done` of `total` bytes after `elapsedMs`: the sizes, the percentage, the rate so far and the time left at that rate. */
export function progressFigures(done: number, total: number, elapsedMs: number): ProgressFigures {
	const shown = Math.min(done, total);
	const percent = total > 0 ? Math.floor((shown / total) * 100) : 100;
	const rate = elapsedMs > 0 ? shown / (elapsedMs / 1000) : 0;
	return {
		done: formatBytes(shown),
		total: formatBytes(total),
		percent,
		...(rate > 0 ? {rate: formatBytes(Math.round(rate))} : {}),
		...(rate > 0 && shown < total ? {left: formatSeconds((total - shown) / rate)} : {}),
	};
}

/** Whether a redraw is due at `now` for work started at `startedAt` and last drawn at `drawnAt` (never: undefined). */
export function redrawDue(startedAt: number, drawnAt: number | undefined, now: number, timing: ProgressTiming = progressTiming): boolean {
	if (now - startedAt < timing.delayMs) return false;
	return drawnAt === undefined || now - drawnAt >= timing.intervalMs;
}
