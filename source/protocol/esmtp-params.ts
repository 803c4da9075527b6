import {text as say} from '../i18n/messages.js';

/**
MAIL and RCPT parameters (RFC 5321 4.1.2: esmtp-param = esmtp-keyword ["=" esmtp-value]),
with the ones the tool knows checked against their extension's grammar.
*/

export type ParamSpec = {
	key: string;
	command: 'MAIL' | 'RCPT';
	/** The EHLO keyword that must be advertised. */
	extension: string;
	/** Whether the parameter takes a value. */
	value: 'none' | 'required';
	/** Returns a problem with the value (in the process's language, said after the key), or undefined when it is well formed. */
	check?: (value: string) => string | undefined;
	/** Where it is defined, as people write it. */
	rfc: string;
	/** Example of a valid use, for hints and completion. */
	example: string;
};

// RFC 3461 4: xtext is printable ASCII without "+" and "=", with "+XX" hex escapes.
const xtext = (value: string) =>
	/^([\x21-\x2a\x2c-\x3c\x3e-\x7e]|\+[\dA-F]{2})+$/.test(value) ? undefined : say()['param.xtext'];

// RFC 3339 5.6 date-time (HOLDUNTIL, RFC 4865 3); RRVS may add ";C" or ";R" (RFC 7293 3.1).
const rfc3339 = String.raw`\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)`;
const dateTime = new RegExp(`^${rfc3339}$`, 'i');
const dateTimeWithMode = new RegExp(`^${rfc3339}(;[CR])?$`, 'i');

export const paramSpecs: readonly ParamSpec[] = [
	{
		key: 'SIZE',
		command: 'MAIL',
		extension: 'SIZE',
		value: 'required',
		check: value => (/^\d{1,20}$/.test(value) ? undefined : say()['param.size']),
		rfc: 'RFC 1870 6',
		example: 'SIZE=12345',
	},
	{
		key: 'BODY',
		command: 'MAIL',
		extension: '8BITMIME',
		value: 'required',
		check: value => (/^(7BIT|8BITMIME|BINARYMIME)$/i.test(value) ? undefined : say()['param.body']),
		rfc: 'RFC 6152 2',
		example: 'BODY=8BITMIME',
	},
	{
		key: 'RET',
		command: 'MAIL',
		extension: 'DSN',
		value: 'required',
		check: value => (/^(FULL|HDRS)$/i.test(value) ? undefined : say()['param.ret']),
		rfc: 'RFC 3461 4.3',
		example: 'RET=HDRS',
	},
	{key: 'ENVID', command: 'MAIL', extension: 'DSN', value: 'required', check: xtext, rfc: 'RFC 3461 4.4', example: 'ENVID=QQ314159'},
	{key: 'SMTPUTF8', command: 'MAIL', extension: 'SMTPUTF8', value: 'none', rfc: 'RFC 6531 3.4', example: 'SMTPUTF8'},
	{
		key: 'AUTH',
		command: 'MAIL',
		extension: 'AUTH',
		value: 'required',
		check: value => (value === '<>' || xtext(value) === undefined ? undefined : say()['param.auth']),
		rfc: 'RFC 4954 5',
		example: 'AUTH=<>',
	},
	{
		key: 'BY',
		command: 'MAIL',
		extension: 'DELIVERBY',
		value: 'required',
		check: value => (/^-?\d{1,9};[NR]T?$/i.test(value) ? undefined : say()['param.by']),
		rfc: 'RFC 2852 4',
		example: 'BY=3600;R',
	},
	{
		key: 'MT-PRIORITY',
		command: 'MAIL',
		extension: 'MT-PRIORITY',
		value: 'required',
		check: value => (/^[+-]?\d$/.test(value) && Math.abs(Number(value)) <= 9 ? undefined : say()['param.mtPriority']),
		rfc: 'RFC 6710 3',
		example: 'MT-PRIORITY=3',
	},
	{key: 'REQUIRETLS', command: 'MAIL', extension: 'REQUIRETLS', value: 'none', rfc: 'RFC 8689 4.1', example: 'REQUIRETLS'},
	{
		key: 'HOLDFOR',
		command: 'MAIL',
		extension: 'FUTURERELEASE',
		value: 'required',
		check: value => (/^\d{1,9}$/.test(value) ? undefined : say()['param.holdfor']),
		rfc: 'RFC 4865 3',
		example: 'HOLDFOR=3600',
	},
	{
		key: 'HOLDUNTIL',
		command: 'MAIL',
		extension: 'FUTURERELEASE',
		value: 'required',
		check: value => (dateTime.test(value) ? undefined : say()['param.holduntil']),
		rfc: 'RFC 4865 3',
		example: 'HOLDUNTIL=2026-12-01T09:00:00Z',
	},
	{key: 'MTRK', command: 'MAIL', extension: 'MTRK', value: 'required', check: xtext, rfc: 'RFC 3885 3', example: 'MTRK=abc123:3600'},
	{
		key: 'NOTIFY',
		command: 'RCPT',
		extension: 'DSN',
		value: 'required',
		check: value =>
			/^NEVER$/i.test(value) || /^(SUCCESS|FAILURE|DELAY)(,(SUCCESS|FAILURE|DELAY))*$/i.test(value)
				? undefined
				: say()['param.notify'],
		rfc: 'RFC 3461 4.1',
		example: 'NOTIFY=FAILURE,DELAY',
	},
	{
		key: 'ORCPT',
		command: 'RCPT',
		extension: 'DSN',
		value: 'required',
		check: value => (/^[a-z\d-]+;.+$/i.test(value) && xtext(value.slice(value.indexOf(';') + 1)) === undefined ? undefined : say()['param.orcpt']),
		rfc: 'RFC 3461 4.2',
		example: 'ORCPT=rfc822;bob@example.org',
	},
	{
		key: 'RRVS',
		command: 'RCPT',
		extension: 'RRVS',
		value: 'required',
		check: value => (dateTimeWithMode.test(value) ? undefined : say()['param.rrvs']),
		rfc: 'RFC 7293 3.1',
		example: 'RRVS=2020-01-01T00:00:00Z',
	},
];

export function findParamSpec(command: 'MAIL' | 'RCPT', key: string): ParamSpec | undefined {
	const wanted = key.toUpperCase();
	return paramSpecs.find(spec => spec.command === command && spec.key === wanted);
}

/** BODY=BINARYMIME belongs to BINARYMIME (RFC 3030 3), not 8BITMIME. */
export function extensionForParam(spec: ParamSpec, value: string | undefined): string {
	return spec.key === 'BODY' && value?.toUpperCase() === 'BINARYMIME' ? 'BINARYMIME' : spec.extension;
}
