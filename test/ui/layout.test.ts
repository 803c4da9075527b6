import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {computeLayout, type Layout, minimumSize, reservedRows, sidebarBreakpoint} from '../../source/ui/layout.js';

type Shown = Extract<Layout, {tooSmall: false}>;
const auto = {sidebar: 'auto', panel: false} as const;

function shown(layout: Layout): Shown {
	if (layout.tooSmall) throw new Error('expected a layout, got tooSmall');
	return layout;
}

/** Rows used top to bottom: header, strip, transcript, panel, separator, composer, status bar. */
const rowsUsed = (layout: Shown) => 1 + (layout.strip ? 1 : 0) + layout.transcriptHeight + layout.panelHeight + 1 + layout.composerHeight + 1;

describe('layout: too small', () => {
	it('the minimum is 80x24', () => {
		expect(minimumSize).toEqual({width: 80, height: 24});
	});

	it.each([
		[79, 24],
		[80, 23],
		[79, 23],
		[0, 0],
		[40, 100],
		[300, 10],
	])('%ix%i is too small', (width, height) => {
		expect(computeLayout(width, height, auto)).toEqual({tooSmall: true});
	});
});

describe('layout: 80x24, the smallest screen', () => {
	it('has a transcript, a collapsed sidebar strip and the composer', () => {
		// One terminal row is left empty at the bottom (reservedRows), so the app draws 23.
		expect(computeLayout(80, 24, auto)).toEqual({
			tooSmall: false,
			width: 80,
			height: 23,
			transcriptHeight: 16,
			mainWidth: 80,
			strip: true,
			panelHeight: 0,
			composerHeight: 3,
			overlayHeight: 21,
		});
	});

	it('the explanation panel takes its rows from the transcript', () => {
		const layout = shown(computeLayout(80, 24, {sidebar: 'auto', panel: true}));
		expect([layout.transcriptHeight, layout.panelHeight]).toEqual([9, 7]);
	});
});

describe('layout: 120x40, a wide screen', () => {
	it('puts the sidebar beside the transcript, with no strip', () => {
		expect(computeLayout(120, 40, auto)).toEqual({
			tooSmall: false,
			width: 120,
			height: 39,
			transcriptHeight: 33,
			mainWidth: 82,
			sidebar: {width: 38, height: 33},
			strip: false,
			panelHeight: 0,
			composerHeight: 3,
			overlayHeight: 37,
		});
	});

	it('the panel shortens the transcript but not the sidebar beside it', () => {
		const layout = shown(computeLayout(120, 40, {sidebar: 'auto', panel: true}));
		expect([layout.transcriptHeight, layout.panelHeight, layout.sidebar]).toEqual([26, 7, {width: 38, height: 33}]);
	});
});

describe('layout: the sidebar breakpoint', () => {
	it.each([
		[sidebarBreakpoint - 1, false],
		[sidebarBreakpoint, true],
	])('at width %i the sidebar is beside the transcript: %s', (width, beside) => {
		const layout = shown(computeLayout(width, 30, auto));
		expect([layout.sidebar !== undefined, layout.strip]).toEqual([beside, !beside]);
	});
});

describe('layout: Ctrl+B overrides the width rule', () => {
	it.each([
		['shown', 80, {sidebar: {width: 38, height: 17}, strip: false, mainWidth: 42, transcriptHeight: 17}],
		['shown', 120, {sidebar: {width: 38, height: 33}, strip: false, mainWidth: 82, transcriptHeight: 33}],
		['hidden', 80, {sidebar: undefined, strip: false, mainWidth: 80, transcriptHeight: 17}],
		['hidden', 120, {sidebar: undefined, strip: false, mainWidth: 120, transcriptHeight: 33}],
	] as const)('%s at width %i', (sidebar, width, expected) => {
		const layout = shown(computeLayout(width, width === 80 ? 24 : 40, {sidebar, panel: false}));
		expect({sidebar: layout.sidebar, strip: layout.strip, mainWidth: layout.mainWidth, transcriptHeight: layout.transcriptHeight}).toEqual(expected);
	});
});

describe('layout: every size adds up', () => {
	const sizes = fc.record({
		width: fc.integer({min: minimumSize.width, max: 400}),
		height: fc.integer({min: minimumSize.height, max: 200}),
		sidebar: fc.constantFrom('auto', 'shown', 'hidden') as fc.Arbitrary<'auto' | 'shown' | 'hidden'>,
		panel: fc.boolean(),
	});

	it('header + strip + transcript + panel + separator + composer + status == height less the reserved row', () => {
		fc.assert(
			fc.property(sizes, ({width, height, sidebar, panel}) => {
				expect(rowsUsed(shown(computeLayout(width, height, {sidebar, panel})))).toBe(height - reservedRows);
			}),
		);
	});

	it('the transcript column and the sidebar share the width exactly, and the transcript always has rows', () => {
		fc.assert(
			fc.property(sizes, ({width, height, sidebar, panel}) => {
				const layout = shown(computeLayout(width, height, {sidebar, panel}));
				expect(layout.mainWidth + (layout.sidebar?.width ?? 0)).toBe(width);
				expect(layout.mainWidth).toBeGreaterThanOrEqual(width / 2);
				expect(layout.transcriptHeight).toBeGreaterThanOrEqual(3);
				expect(layout.sidebar?.height ?? layout.transcriptHeight + layout.panelHeight).toBe(layout.transcriptHeight + layout.panelHeight);
			}),
		);
	});

	it('anything smaller than the minimum is tooSmall', () => {
		fc.assert(
			fc.property(fc.integer({min: 0, max: 400}), fc.integer({min: 0, max: 200}), (width, height) => {
				fc.pre(width < minimumSize.width || height < minimumSize.height);
				expect(computeLayout(width, height, auto).tooSmall).toBe(true);
			}),
		);
	});
});
