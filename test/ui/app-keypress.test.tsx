import {afterEach, describe, expect, it, vi} from 'vitest';
import {SessionController} from '../../source/session/controller.js';
import {rowStyle} from '../../source/ui/theme.js';
import {visibleWindow} from '../../source/ui/transcript-view.js';
import {startFakeServer} from '../helpers/fake-smtp-server.js';
import {keys} from '../helpers/ink.js';
import {renderApp} from '../helpers/render-app.js';

/**
A typed key must cost the same with 100,000 transcript lines as with 100: it changes the
composer, not the transcript, so the transcript's window is not computed again and none of
its rows is drawn again (bench keypress measures the time; this says what is not done).
*/

// The real functions, counted: visibleWindow builds the pane's rows, rowStyle runs once per drawn row.
vi.mock('../../source/ui/transcript-view.js', async importOriginal => {
	const actual = await importOriginal<typeof import('../../source/ui/transcript-view.js')>();
	return {...actual, visibleWindow: vi.fn(actual.visibleWindow)};
});
vi.mock('../../source/ui/theme.js', async importOriginal => {
	const actual = await importOriginal<typeof import('../../source/ui/theme.js')>();
	return {...actual, rowStyle: vi.fn(actual.rowStyle)};
});

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
	while (cleanups.length > 0) await cleanups.pop()!();
});

describe('a keypress with 100,000 transcript lines', () => {
	it('types into the composer without computing or drawing the transcript again; PgUp does both; a line arriving while scrolled up draws no row again', async () => {
		const server = await startFakeServer();
		const controller = new SessionController({target: {kind: 'tcp', host: '127.0.0.1', port: server.port}});
		await controller.connect();
		for (let index = 0; controller.transcript.entries.length < 100_000; index++) {
			controller.transcript.add({kind: 'received', tls: false, text: `250 2.1.5 recipient ${index} ok`, code: 250, final: true, inReplyTo: 'RCPT'});
		}

		controller.annotate('info', 'filled');
		const ui = renderApp({controller, width: 120, height: 40, plan: {ehloName: 'client.example.com'}, onExit: () => {}}, {color: true});
		cleanups.push(async () => {
			ui.unmount();
			controller.close();
			await server.close();
		});
		await ui.waitFor(frame => frame.includes('filled'), 'the filled transcript');
		const windows = vi.mocked(visibleWindow);
		const rows = vi.mocked(rowStyle);
		windows.mockClear();
		rows.mockClear();

		await ui.type('N');
		await ui.waitFor(frame => frame.includes('> N'), 'the typed key');
		await ui.press(keys.backspace);
		await ui.waitFor(frame => !frame.includes('> N'), 'the erased key');
		expect(windows).not.toHaveBeenCalled();
		expect(rows).not.toHaveBeenCalled();

		// The counting works: a page up computes the window again and draws the rows it shows.
		await ui.press(keys.pageUp);
		await ui.waitFor(frame => frame.includes('recipient 99940 ok'), 'the page above');
		expect(windows).toHaveBeenCalled();
		expect(rows.mock.calls.length).toBeGreaterThan(20);

		// Scrolled up, a new line computes the window again, and finds the same rows: none is drawn again.
		windows.mockClear();
		rows.mockClear();
		controller.annotate('info', 'one more line');
		await ui.waitFor(() => windows.mock.calls.length > 0, 'the new window');
		await ui.press(keys.pageUp);
		await ui.press(keys.pageDown);
		rows.mockClear();
		controller.annotate('info', 'and another');
		const before = windows.mock.calls.length;
		await ui.waitFor(() => windows.mock.calls.length > before, 'the next window');
		expect(rows).not.toHaveBeenCalled();
	});
});
