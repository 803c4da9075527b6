import {createContext, type ReactNode, useContext} from 'react';

/**
Colours by meaning, in one place. With NO_COLOR (or --no-color) the screen is monochrome
and still tells things apart: directions by prefix, failures in bold, errors with ***.
*/
export type Theme = {
	color: boolean;
};

const ThemeContext = createContext<Theme>({color: true});

export function ThemeProvider({theme, children}: {theme: Theme; children: ReactNode}) {
	return <ThemeContext.Provider value={theme}>{children}</ThemeContext.Provider>;
}

export const useTheme = () => useContext(ThemeContext);

/** Text props for a transcript row, by kind and reply class. */
export function rowStyle(theme: Theme, row: {kind: string; replyClass?: number}): {color?: string; bold?: boolean; dimColor?: boolean} {
	const failure = row.replyClass === 4 || row.replyClass === 5;
	if (!theme.color) {
		if (row.kind === 'error' || row.kind === 'warning' || failure) return {bold: true};
		return row.kind === 'info' ? {dimColor: true} : {};
	}

	switch (row.kind) {
		case 'sent': {
			return {color: 'cyan'};
		}

		case 'received': {
			return {color: row.replyClass === 5 ? 'red' : row.replyClass === 4 ? 'yellow' : row.replyClass === 3 ? 'blue' : 'green', ...(failure ? {bold: true} : {})};
		}

		case 'warning': {
			return {color: 'yellow'};
		}

		case 'error': {
			return {color: 'red', bold: true};
		}

		default: {
			return {dimColor: true};
		}
	}
}

/** Severity colours for validator diagnostics and flashes. */
export function toneStyle(theme: Theme, tone: 'error' | 'warning' | 'info' | 'ok'): {color?: string; bold?: boolean} {
	if (!theme.color) return tone === 'error' || tone === 'warning' ? {bold: true} : {};
	const colors = {error: 'red', warning: 'yellow', info: 'gray', ok: 'green'} as const;
	return {color: colors[tone], ...(tone === 'error' ? {bold: true} : {})};
}
