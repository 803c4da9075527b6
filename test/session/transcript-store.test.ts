import {describe, expect, it} from 'vitest';
import {formatText} from '../../source/protocol/transcript-format.js';
import {TranscriptStore} from '../../source/session/transcript-store.js';

describe('TranscriptStore: bounded scrollback that says what it dropped', () => {
	it('keeps at most its limit, the newest lines, and a warning at the top with how many went', () => {
		const store = new TranscriptStore(() => 0, 100);
		for (let i = 1; i <= 250; i++) store.add({kind: 'sent', tls: false, text: `NOOP ${i}`}, i === 3 ? new Uint8Array([1]) : undefined);
		const {entries} = store;
		expect(entries.length).toBeLessThanOrEqual(101);
		const [marker, ...kept] = entries;
		expect(marker).toMatchObject({id: 0, kind: 'warning'});
		expect(kept.at(-1)!.text).toBe('NOOP 250');
		// Contiguous: nothing lost in the middle, and the count in the marker is exact.
		expect(kept.map(entry => entry.id)).toEqual(kept.map((_, index) => kept[0]!.id + index));
		const dropped = kept[0]!.id - 1;
		expect(marker!.text).toBe(`${dropped} earlier lines are no longer in memory (the scrollback keeps the last 100); only a --transcript file has them`);
		expect(entries.filter(entry => entry.id === 0)).toHaveLength(1);
		// A secret of a dropped line is gone with it.
		expect(store.secretOf({id: 3, at: 0, kind: 'sent', tls: false, text: ''})).toBeUndefined();
	});

	it('a saved copy starts by saying its start is missing', () => {
		const store = new TranscriptStore(() => 0, 10);
		for (let i = 1; i <= 30; i++) store.add({kind: 'sent', tls: false, text: `NOOP ${i}`});
		expect(formatText(store.entries).split('\n')[0]).toMatch(/^\*\*\* \d+ earlier lines are no longer in memory/);
	});

	it('below the limit nothing is dropped and nothing is said', () => {
		const store = new TranscriptStore(() => 0, 10);
		for (let i = 1; i <= 10; i++) store.add({kind: 'sent', tls: false, text: `NOOP ${i}`});
		expect(store.entries.map(entry => entry.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
	});
});
