import {afterEach, describe, expect, it} from 'vitest';
import {SessionController} from '../../source/session/controller.js';
import {leftRightMarginsKey} from '../../source/ui/terminal-margins.js';
import {startFakeServer} from '../helpers/fake-smtp-server.js';
import {renderApp} from '../helpers/render-app.js';

/**
The terminal's DECRPM answer about left/right margins, through Ink's own input parser and the
App's key reader: it marks the output stream for the terminal writer and never reaches the
composer, whether it comes in the read of typed keys or cut across reads.
*/

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
	while (cleanups.length > 0) await cleanups.pop()!();
});

async function mount() {
	const server = await startFakeServer();
	const controller = new SessionController({target: {kind: 'tcp', host: '127.0.0.1', port: server.port}});
	await controller.connect();
	const ui = renderApp({controller, width: 100, height: 30, plan: {ehloName: 'client.example.com'}, onExit: () => {}});
	cleanups.push(async () => {
		ui.unmount();
		controller.close();
		await server.close();
	});
	await ui.waitFor(frame => frame.includes('F1'), 'the first frame');
	return ui;
}

const marked = (stdout: object) => (stdout as Record<symbol, unknown>)[leftRightMarginsKey];

describe('the answer about left/right margins in the App', () => {
	it('marks the terminal and types only the keys around it when it arrives in one read with them', async () => {
		const ui = await mount();
		expect(marked(ui.stdout)).toBeUndefined();
		await ui.type('no\u001B[?69;2$yop');
		await ui.waitFor(frame => frame.includes('> noop'), 'the typed keys');
		expect(ui.frame()).not.toMatch(/\?6|69;|\$y/);
		expect(marked(ui.stdout)).toBe(true);
	});

	it('takes an answer cut across reads (each read handed over before the next), and a "no" marks no margins', async () => {
		const ui = await mount();
		await ui.press('ab', '\u001B[?6', '9;', '0$', 'ycd');
		await ui.waitFor(frame => frame.includes('> abcd'), 'the typed keys');
		expect(ui.frame()).not.toMatch(/\?6|9;|0\$|\$y/);
		expect(marked(ui.stdout)).toBe(false);
	});

	it('types a lookalike without ESC as text, and marks nothing', async () => {
		const ui = await mount();
		await ui.type('x?69;2$y');
		await ui.waitFor(frame => frame.includes('> x?69;2$y'), 'the typed text');
		expect(marked(ui.stdout)).toBeUndefined();
	});
});
