import {describe, expect, it} from 'vitest';
import {EditorLine} from '../../source/ui/components/editor-line.js';
import {Prompt} from '../../source/ui/components/prompt.js';
import {renderAt} from '../helpers/ink.js';

/** The one line editor the composer, the prompts and the message editor all draw. */
describe('EditorLine and Prompt', () => {
	it('keeps the cursor in view by dropping characters from the left', () => {
		// Four characters and the cursor cell fit in six columns with room to spare (frames drop trailing spaces).
		const ui = renderAt(<EditorLine editor={{text: 'abcdefghij', cursor: 10}} width={6} focused masked={false} />, 40);
		expect(ui.frame()).toBe('ghij');
	});

	it('masks a password, one bullet per character, cursor included', () => {
		const ui = renderAt(<EditorLine editor={{text: 'sécret', cursor: 2}} width={20} focused masked />, 40);
		expect(ui.frame()).toBe('••••••');
	});

	it('escapes control characters typed or pasted', () => {
		const ui = renderAt(<EditorLine editor={{text: 'a\u001B[2Jb', cursor: 0}} width={20} focused masked={false} />, 40);
		expect(ui.frame()).not.toContain('\u001B[2J');
		expect(ui.frame()).toContain('\\x1b[2Jb');
	});

	it('a prompt keeps a character outside the BMP whole under the cursor', () => {
		const ui = renderAt(<Prompt width={30} title="Save the transcript to" editor={{text: '😀.txt', cursor: 0}} />, 30);
		const answer = ui.frame().split('\n')[1]!;
		expect(answer).toBe('> 😀.txt');
		expect(answer).not.toContain('\uFFFD');
	});

	it('a prompt pads its title bar by display width, so a wide title is not cut with "…"', () => {
		const ui = renderAt(<Prompt width={12} title="保存先" editor={{text: '', cursor: 0}} />, 12);
		expect(ui.frame().split('\n')[0]).toBe('保存先');
	});
});
