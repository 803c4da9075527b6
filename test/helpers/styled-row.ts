/**
Rows as Ink writes them, for the terminal writer's property tests: cells of a character and
a style number, written as runs of one style opened and closed.
*/
export type Cell = {char: string; style: number};

export const styles = ['', '\u001B[1m', '\u001B[31m', '\u001B[44m', '\u001B[2m\u001B[36m', '\u001B[7m', '\u001B[4m', '\u001B[9m\u001B[38;5;208m'];
const closes = ['', '\u001B[22m', '\u001B[39m', '\u001B[49m', '\u001B[22m\u001B[39m', '\u001B[27m', '\u001B[24m', '\u001B[29m\u001B[39m'];

/** A row as Ink writes one: runs of one style opened and closed. */
export function line(cells: Cell[]): string {
	let text = '';
	let index = 0;
	while (index < cells.length) {
		const style = cells[index]!.style;
		let run = '';
		while (index < cells.length && cells[index]!.style === style) run += cells[index++]!.char;
		text += styles[style]! + run + closes[style]!;
	}

	return text;
}
