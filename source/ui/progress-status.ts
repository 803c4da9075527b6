import {text as say} from '../i18n/messages.js';
import {progressFigures, progressTiming} from '../protocol/progress.js';
import type {Upload} from '../session/controller.js';
import {keyHint} from './keymap.js';
import type {SearchScan} from './transcript-view.js';

/**
The status line's words for long work: a message upload in the explorer, reading a large
file in the viewer. Shown only once the work has lasted about a second (protocol/progress.ts),
so a message that goes in a blink never flashes a line nobody can read.
*/

export type ProgressStatus = {text: string; hint?: string};

/**
The upload as the explorer's status line says it at `now`, with the key that cancels it
(from the keymap); nothing for an upload of unknown size or one younger than the delay.
*/
export function uploadStatus(upload: Upload | undefined, now: number): ProgressStatus | undefined {
	if (!upload || upload.total === undefined) return undefined;
	// The clock ticks between counts too: a stalled upload's rate falls, as it should.
	const elapsed = Math.max(now, upload.at) - upload.since;
	if (elapsed < progressTiming.delayMs) return undefined;
	return {text: say()['progress.sending'](progressFigures(upload.done, upload.total, elapsed)), hint: keyHint('quit', 'hint.cancel')};
}

/** The viewer's background reading of a file, `done` of `total` bytes `elapsedMs` after it began. */
export function readingStatus(done: number, total: number, elapsedMs: number): ProgressStatus | undefined {
	if (elapsedMs < progressTiming.delayMs || done >= total) return undefined;
	return {text: say()['progress.reading'](progressFigures(done, total, elapsedMs))};
}

/**
A search through a large file, `elapsedMs` after it began, with the key that stops it (Esc
works too); nothing for one younger than the delay, like the other progress lines.
`percent` is how far it has come (viewer-router's searchedPercent).
*/
export function searchStatus(scan: SearchScan | undefined, percent: number, elapsedMs: number): ProgressStatus | undefined {
	if (!scan || elapsedMs < progressTiming.delayMs) return undefined;
	return {text: say()['search.progress'](scan.query, percent, scan.count), hint: keyHint('quit', 'hint.cancel')};
}
