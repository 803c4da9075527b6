import {render} from 'ink-testing-library';
import type {ReactElement} from 'react';

/** Keys as a terminal sends them. */
export const keys = {
	enter: '\r',
	tab: '\t',
	shiftTab: '\u001B[Z',
	escape: '\u001B',
	up: '\u001B[A',
	down: '\u001B[B',
	pageUp: '\u001B[5~',
	pageDown: '\u001B[6~',
	f1: '\u001BOP',
	backspace: '\u007F',
	ctrl: (letter: string) => String.fromCharCode(letter.toLowerCase().charCodeAt(0) - 96),
} as const;

/**
Renders at an explicit terminal width (ink-testing-library's stdout is 100 columns), and
gives helpers that wait for the frame to change instead of sleeping a fixed time.
*/
export function renderAt(node: ReactElement, width: number) {
	const result = render(node);
	Object.defineProperty(result.stdout, 'columns', {get: () => width, configurable: true});
	result.rerender(node);
	const frame = () => result.lastFrame() ?? '';

	async function waitFor(predicate: (frame: string) => boolean, what = 'the frame', timeoutMs = 5000): Promise<string> {
		const start = Date.now();
		while (!predicate(frame())) {
			if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}; last frame:\n${frame()}`);
			await new Promise(resolve => setTimeout(resolve, 5));
		}

		return frame();
	}

	/**
	Types each key as its own write and lets React commit it (no fixed sleep: the router takes
	each key against the state the previous one left, so nothing waits for a frame).
	*/
	async function press(...sequence: string[]): Promise<string> {
		for (const key of sequence) {
			result.stdin.write(key);
			await new Promise(resolve => setImmediate(resolve));
		}

		return frame();
	}

	/** Types text in one write, as a fast typist over SSH does: the router takes it key by key. */
	async function type(text: string): Promise<string> {
		return press(text);
	}

	return {...result, frame, waitFor, press, type};
}
