// Renders a terminal screen captured with `tmux capture-pane -e -p` (text with SGR colour
// escapes) to an SVG picture: one <text> row per screen row, each run of one style placed at
// its own column, so the layout holds whatever monospace font the viewer picks.
import stringWidth from 'string-width';

const cell = {width: 8.4, height: 18, font: 14};
const padding = {x: 14, top: 40, bottom: 14};
const theme = {background: '#1d1f21', foreground: '#d7d7d7', chrome: '#2c2e31'};

// The 16 ANSI colours (a dark theme close to tmux's defaults in most terminals).
const base16 = ['#1d1f21', '#cc6666', '#8abe72', '#e5c07b', '#6fa3d8', '#c397d8', '#6ec3c3', '#c5c8c6', '#666666', '#ff7b7b', '#a8e08a', '#f6d68a', '#8cbcf0', '#dab3f0', '#8de0e0', '#ffffff'];

/** The colour of a 256-colour index: the 16 base colours, the 6x6x6 cube, then 24 greys. */
export function color256(index) {
	if (index < 16) return base16[index];
	if (index < 232) {
		const value = index - 16;
		const level = step => (step === 0 ? 0 : 55 + step * 40);
		return hex(level(Math.floor(value / 36)), level(Math.floor(value / 6) % 6), level(value % 6));
	}

	const grey = 8 + (index - 232) * 10;
	return hex(grey, grey, grey);
}

const hex = (...channels) => `#${channels.map(channel => channel.toString(16).padStart(2, '0')).join('')}`;

const initial = () => ({fg: undefined, bg: undefined, bold: false, dim: false, italic: false, underline: false, inverse: false});

/** Applies one SGR sequence's parameters (`1;38;5;4`) to a style. */
export function applySgr(style, parameters) {
	const codes = parameters === '' ? [0] : parameters.split(';').map(Number);
	let next = {...style};
	for (let index = 0; index < codes.length; index++) {
		const code = codes[index];
		if (code === 0) next = initial();
		else if (code === 1) next.bold = true;
		else if (code === 2) next.dim = true;
		else if (code === 3) next.italic = true;
		else if (code === 4) next.underline = true;
		else if (code === 7) next.inverse = true;
		else if (code === 22) next.bold = next.dim = false;
		else if (code === 23) next.italic = false;
		else if (code === 24) next.underline = false;
		else if (code === 27) next.inverse = false;
		else if (code >= 30 && code <= 37) next.fg = base16[code - 30];
		else if (code >= 90 && code <= 97) next.fg = base16[code - 90 + 8];
		else if (code === 39) next.fg = undefined;
		else if (code >= 40 && code <= 47) next.bg = base16[code - 40];
		else if (code >= 100 && code <= 107) next.bg = base16[code - 100 + 8];
		else if (code === 49) next.bg = undefined;
		else if (code === 38 || code === 48) {
			const key = code === 38 ? 'fg' : 'bg';
			if (codes[index + 1] === 5) {
				next[key] = color256(codes[index + 2] ?? 0);
				index += 2;
			} else if (codes[index + 1] === 2) {
				next[key] = hex(codes[index + 2] ?? 0, codes[index + 3] ?? 0, codes[index + 4] ?? 0);
				index += 4;
			}
		}
	}

	return next;
}

/** Splits a captured screen into rows of styled runs: [{column, text, style}]. */
export function parseScreen(text) {
	let style = initial();
	return text.split('\n').map(line => {
		const runs = [];
		let column = 0;
		for (const part of line.split(/(\u001B\[[\d;]*[A-Za-z])/)) {
			if (part === '') continue;
			const escape = /^\u001B\[([\d;]*)([A-Za-z])$/.exec(part);
			if (escape) {
				if (escape[2] === 'm') style = applySgr(style, escape[1]);
				continue;
			}

			// Any other control byte is dropped: only text and colours reach the picture.
			const clean = part.replaceAll(/[\u0000-\u001F\u007F]/g, '');
			if (clean === '') continue;
			runs.push({column, text: clean, style});
			column += stringWidth(clean);
		}

		return runs;
	});
}

const escapeXml = text => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/** The SVG picture of a captured screen of `columns` x `rows` cells, with a title in the window bar. */
export function renderSvg(capture, {columns, rows, title}) {
	const lines = parseScreen(capture).slice(0, rows);
	// A little room on the right: a font a bit wider than 0.6em must not clip the last column.
	const width = Math.ceil(padding.x * 2 + columns * cell.width + cell.width);
	const height = Math.ceil(padding.top + rows * cell.height + padding.bottom);
	const out = [
		`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(title)}">`,
		`<title>${escapeXml(title)}</title>`,
		`<rect width="${width}" height="${height}" rx="8" fill="${theme.background}"/>`,
		`<rect width="${width}" height="28" rx="8" fill="${theme.chrome}"/><rect y="20" width="${width}" height="8" fill="${theme.chrome}"/>`,
		...['#ff5f56', '#ffbd2e', '#27c93f'].map((fill, index) => `<circle cx="${18 + index * 20}" cy="14" r="6" fill="${fill}"/>`),
		`<text x="${width / 2}" y="18" fill="#a0a0a0" font-family="sans-serif" font-size="12" text-anchor="middle">${escapeXml(title)}</text>`,
		`<g font-family="'DejaVu Sans Mono', 'Menlo', 'Consolas', monospace" font-size="${cell.font}" xml:space="preserve">`,
	];
	for (const [row, runs] of lines.entries()) {
		const y = padding.top + row * cell.height;
		for (const {column, text, style} of runs) {
			const bg = style.inverse ? (style.fg ?? theme.foreground) : style.bg;
			if (bg) out.push(`<rect x="${(padding.x + column * cell.width).toFixed(1)}" y="${y}" width="${(stringWidth(text) * cell.width).toFixed(1)}" height="${cell.height}" fill="${bg}"/>`);
		}

		const spans = runs
			.filter(({text}) => text.trim() !== '')
			.map(({column, text, style}) => {
				const fill = style.inverse ? (style.bg ?? theme.background) : (style.fg ?? theme.foreground);
				const attributes = [
					`x="${(padding.x + column * cell.width).toFixed(1)}"`,
					`fill="${fill}"`,
					...(style.bold ? ['font-weight="bold"'] : []),
					...(style.dim ? ['opacity="0.6"'] : []),
					...(style.italic ? ['font-style="italic"'] : []),
					...(style.underline ? ['text-decoration="underline"'] : []),
				];
				return `<tspan ${attributes.join(' ')}>${escapeXml(text)}</tspan>`;
			});
		if (spans.length > 0) out.push(`<text y="${y + cell.height - 5}">${spans.join('')}</text>`);
	}

	out.push('</g>', '</svg>', '');
	return out.join('\n');
}
