import {afterEach, describe, expect, it} from 'vitest';
import {TranscriptPane} from '../../source/ui/components/transcript-pane.js';
import type {TranscriptRow} from '../../source/ui/transcript-view.js';
import {ThemeProvider} from '../../source/ui/theme.js';
import {renderAt} from '../helpers/ink.js';

/**
The transcript pane clips only top and bottom: its rows are cut to the width already, and a
sideways clip would make Ink slice every row's styled text again on every frame.
*/

const cleanups: Array<() => void> = [];
afterEach(() => {
	while (cleanups.length > 0) cleanups.pop()!();
});

const row = (entry: number, text: string): TranscriptRow => ({entry, part: 0, time: '12:00:00.000', prefix: '<- ', text, latency: '', kind: 'received', replyClass: 2});

describe('TranscriptPane', () => {
	it('clips vertically only', () => {
		// The pane is memoised: its render function is the memo's `type`.
		const render = (TranscriptPane as unknown as {type: (props: Parameters<typeof TranscriptPane>[0]) => {props: Record<string, unknown>}}).type;
		const box = render({rows: [row(0, '250 OK')], width: 40, height: 5, showTime: true});
		expect(box.props).toMatchObject({overflowY: 'hidden', width: 40, height: 5});
		expect(box.props).not.toHaveProperty('overflow');
		expect(box.props).not.toHaveProperty('overflowX');
	});

	it('still keeps every row within its width, and no more rows than its height', () => {
		const rows = Array.from({length: 8}, (_, index) => row(index, `250 ${'x'.repeat(100)} ${index}`));
		const ui = renderAt(
			<ThemeProvider theme={{color: false}}>
				<TranscriptPane rows={rows} width={40} height={5} showTime />
			</ThemeProvider>,
			80,
		);
		cleanups.push(() => ui.unmount());
		const lines = ui.frame().split('\n');
		expect(lines).toHaveLength(5);
		for (const line of lines) expect(line.length).toBeLessThanOrEqual(40);
		expect(lines[0]).toMatch(/^12:00:00\.000 <- {2}250 x+…?\s*$/);
	});
});
