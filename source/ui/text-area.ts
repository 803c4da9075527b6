/**
The message editor's text as a pure reducer: lines, a cursor (row and column in code
units, never inside a surrogate pair), and a scroll offset kept by the view. Pasted text
with line breaks becomes several lines, whatever its line endings were.
*/
export type TextAreaState = {lines: string[]; row: number; column: number};

export type TextAreaAction =
	| {type: 'insert'; text: string}
	| {type: 'newline'}
	| {type: 'backspace'}
	| {type: 'delete'}
	| {type: 'move'; direction: 'left' | 'right' | 'up' | 'down' | 'home' | 'end' | 'top' | 'bottom'}
	| {type: 'page'; rows: number}
	| {type: 'set'; text: string};

export function textAreaFrom(text: string, cursor: 'start' | 'end' = 'end'): TextAreaState {
	const lines = text.split(/\r\n|\r|\n/);
	if (cursor === 'start') return {lines, row: 0, column: 0};
	const row = lines.length - 1;
	return {lines, row, column: lines[row]!.length};
}

/** The text with LF line ends (the wire form, CRLF and dot-stuffing, is made when sending). */
export function textOf(state: TextAreaState): string {
	return state.lines.join('\n');
}

const isLowSurrogate = (code: number) => code >= 0xdc_00 && code <= 0xdf_ff;

function clampColumn(line: string, column: number): number {
	const clamped = Math.max(0, Math.min(column, line.length));
	return clamped > 0 && isLowSurrogate(line.charCodeAt(clamped)) ? clamped - 1 : clamped;
}

export function textAreaReducer(state: TextAreaState, action: TextAreaAction): TextAreaState {
	const {lines, row, column} = state;
	const line = lines[row] ?? '';
	switch (action.type) {
		case 'insert': {
			const pieces = action.text.split(/\r\n|\r|\n/);
			const before = line.slice(0, column);
			const after = line.slice(column);
			if (pieces.length === 1) {
				const next = [...lines];
				next[row] = before + action.text + after;
				return {lines: next, row, column: column + action.text.length};
			}

			const inserted = [before + pieces[0]!, ...pieces.slice(1, -1), pieces.at(-1)! + after];
			const next = [...lines.slice(0, row), ...inserted, ...lines.slice(row + 1)];
			return {lines: next, row: row + pieces.length - 1, column: pieces.at(-1)!.length};
		}

		case 'newline': {
			const next = [...lines.slice(0, row), line.slice(0, column), line.slice(column), ...lines.slice(row + 1)];
			return {lines: next, row: row + 1, column: 0};
		}

		case 'backspace': {
			if (column > 0) {
				const start = column >= 2 && isLowSurrogate(line.charCodeAt(column - 1)) ? column - 2 : column - 1;
				const next = [...lines];
				next[row] = line.slice(0, start) + line.slice(column);
				return {lines: next, row, column: start};
			}

			if (row === 0) return state;
			const previous = lines[row - 1]!;
			const next = [...lines.slice(0, row - 1), previous + line, ...lines.slice(row + 1)];
			return {lines: next, row: row - 1, column: previous.length};
		}

		case 'delete': {
			if (column < line.length) {
				const end = isLowSurrogate(line.charCodeAt(column + 1)) ? column + 2 : column + 1;
				const next = [...lines];
				next[row] = line.slice(0, column) + line.slice(end);
				return {lines: next, row, column};
			}

			if (row === lines.length - 1) return state;
			const next = [...lines.slice(0, row), line + lines[row + 1]!, ...lines.slice(row + 2)];
			return {lines: next, row, column};
		}

		case 'move': {
			return move(state, action.direction);
		}

		case 'page': {
			const target = Math.max(0, Math.min(lines.length - 1, row + action.rows));
			return {...state, row: target, column: clampColumn(lines[target]!, column)};
		}

		case 'set': {
			return textAreaFrom(action.text);
		}
	}
}

function move(state: TextAreaState, direction: Extract<TextAreaAction, {type: 'move'}>['direction']): TextAreaState {
	const {lines, row, column} = state;
	const line = lines[row] ?? '';
	switch (direction) {
		case 'left': {
			if (column > 0) return {...state, column: column >= 2 && isLowSurrogate(line.charCodeAt(column - 1)) ? column - 2 : column - 1};
			return row > 0 ? {...state, row: row - 1, column: lines[row - 1]!.length} : state;
		}

		case 'right': {
			if (column < line.length) return {...state, column: isLowSurrogate(line.charCodeAt(column + 1)) ? column + 2 : column + 1};
			return row < lines.length - 1 ? {...state, row: row + 1, column: 0} : state;
		}

		case 'up': {
			return row > 0 ? {...state, row: row - 1, column: clampColumn(lines[row - 1]!, column)} : {...state, column: 0};
		}

		case 'down': {
			return row < lines.length - 1 ? {...state, row: row + 1, column: clampColumn(lines[row + 1]!, column)} : {...state, column: line.length};
		}

		case 'home': {
			return {...state, column: 0};
		}

		case 'end': {
			return {...state, column: line.length};
		}

		case 'top': {
			return {...state, row: 0, column: 0};
		}

		case 'bottom': {
			return {...state, row: lines.length - 1, column: lines.at(-1)!.length};
		}
	}
}
