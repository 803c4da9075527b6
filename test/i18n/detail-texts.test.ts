import {afterEach, beforeAll, describe, expect, it} from 'vitest';
import {loadLanguage, setLanguage} from '../../source/i18n/messages.js';
import {validateLine} from '../../source/protocol/validate.js';
import {parseAttributeFlag} from '../../source/protocol/xclient.js';
import {greetedState} from '../helpers/session-state.js';

/**
The detail texts that go inside a translated sentence (an ESMTP parameter's value problem,
an XCLIENT attribute's) follow the process's language too: a Portuguese sentence never
ends in English.
*/
beforeAll(async () => {
	await loadLanguage('pt');
});
afterEach(() => setLanguage('en'));

const messagesOf = (line: string, keywords: string[]) => validateLine(line, {state: greetedState(keywords), loopback: false}).diagnostics.map(diagnostic => diagnostic.message);

describe('detail texts inside translated sentences', () => {
	it('says what is wrong with an ESMTP parameter value in the chosen language', () => {
		expect(messagesOf('MAIL FROM:<a@example.com> SIZE=big', ['SIZE 1000'])).toContain('SIZE must be the message size in bytes, digits only (RFC 1870 6).');
		setLanguage('pt');
		const said = messagesOf('MAIL FROM:<a@example.com> SIZE=big', ['SIZE 1000']);
		expect(said).toContain('SIZE: deve ser o tamanho da mensagem em bytes, só dígitos (RFC 1870 6).');
		expect(said.join(' ')).not.toContain('must be');
	});

	it('says what is wrong with an XCLIENT attribute, typed or given as --xclient, in the chosen language', () => {
		const keywords = ['XCLIENT NAME ADDR'];
		expect(messagesOf('XCLIENT ADDR', keywords)).toContain('"ADDR" is not NAME=VALUE');
		expect(parseAttributeFlag('XCLIENT', 'COLOR=red')).toEqual({ok: false, error: 'COLOR is not a XCLIENT attribute; use NAME, REVERSE_NAME, ADDR, PORT, PROTO, HELO, LOGIN, DESTADDR, DESTPORT'});
		setLanguage('pt');
		expect(messagesOf('XCLIENT ADDR', keywords)).toContain('"ADDR" não está na forma NOME=VALOR');
		expect(messagesOf('XCLIENT ADDR=1+2', keywords).join(' ')).toContain('"+" deve ser seguido de dois dígitos hexadecimais maiúsculos');
		expect(parseAttributeFlag('XCLIENT', 'ADDR=a\u0001b')).toMatchObject({ok: false, error: expect.stringMatching(/^o valor de ADDR contém o byte de controle 0x01/)});
	});
});
