import {describe, expect, it} from 'vitest';
import {helpLines} from '../../source/ui/help-lines.js';
import {statusHints} from '../../source/ui/keymap.js';

describe('the viewer shows no hint that does not work in it', () => {
	it('its help and status bar do not mention the composer, the palette or sending QUIT', () => {
		const text = [...helpLines('viewer').map(line => `${line.label} ${line.text}`), statusHints(200, 'viewer')].join('\n');
		expect(text).not.toMatch(/composer|palette|Ctrl\+P|QUIT/);
		expect(text).toMatch(/close the viewer/);
	});
});
