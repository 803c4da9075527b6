import {failureText, NotSent, type SessionError, SmtpReplyError, type Stage} from '../protocol/errors.js';
import type {Reply} from '../protocol/reply.js';
import {sanitizeForDisplay} from '../protocol/sanitize.js';
import {initialSessionState} from '../protocol/session.js';
import {formatTarget, isLoopback, type Target} from '../protocol/target.js';
import {formatText, formatTextLine} from '../protocol/transcript-format.js';
import type {TranscriptEntry} from '../protocol/transcript.js';
import {validateLine} from '../protocol/validate.js';
import {type SessionController, stageOf} from '../session/controller.js';
import {messages, type Messages} from '../i18n/messages.js';
import {describeReadError, maxScriptBytes, maxScriptLineOctets, readBounded} from '../session/file-read.js';
import {parseCommandLine, reportNotRun} from './arguments.js';
import {connectionFlags, controllerFor, finishTranscript, openTranscriptFile, proxyPassword, sessionSettings, targetOf} from './connection-flags.js';
import {exitCodes, exitCodesHelp, Stopped} from './exit-codes.js';
import type {CommandIo} from './io.js';
import {commandLanguage, languageFlagSpec} from './language-option.js';
import {warningLines} from './report.js';


type Step =
	| {kind: 'connect'; line: number; text: string; target: Target}
	| {kind: 'command'; line: number; text: string; wire: string}
	| {kind: 'data'; line: number; text: string; body: string[]}
	| {kind: 'expect'; line: number; text: string; code: string; enhanced?: string};

type ParsedScript = {ok: true; steps: Step[]; notes: string[]} | {ok: false; errors: string[]};

/** The flags of run: the shared ones, the plaintext opt-in and -v. */
export const commandFlags = {
	...connectionFlags,
	plaintextAuth: {type: 'boolean', default: false},
	verbose: {type: 'boolean', shortFlag: 'v', default: false},
	...languageFlagSpec,
} as const;

const expectPattern = /^EXPECT\s+([2-5][\dx]{2})(?:\s+([245]\.\d{1,3}\.\d{1,3}))?\s*$/i;
const variablePattern = /\$\{([A-Za-z_]\w*)\}/g;

/** The validator's view of a script line: a greeted session, so only errors a line has in itself remain. */
const neutralState = {...initialSessionState(), phase: 'greeted' as const, hello: {verb: 'EHLO' as const, name: 'script.invalid'}};

/** Reads a script into steps, checking every line before anything is sent. */
function parseScript(source: string, env: NodeJS.ProcessEnv, resolveTarget: (text: string) => {ok: true; target: Target} | {ok: false; error: string}, t: Messages): ParsedScript {
	const notes: string[] = [];
	// An editor's byte order mark is not part of the first command (it would go on the wire).
	if (source.startsWith('\uFEFF')) {
		source = source.slice(1);
		notes.push(t['run.note.bom']);
	}

	const lines = source.split(/\r?\n/);
	if (lines.at(-1) === '') lines.pop();
	const steps: Step[] = [];
	const errors: string[] = [];
	const long = lines.findIndex(text => Buffer.byteLength(text) > maxScriptLineOctets);
	if (long !== -1) return {ok: false, errors: [t['run.script.long'](long + 1, maxScriptLineOctets / 1024)]};
	for (let index = 0; index < lines.length; index++) {
		const text = lines[index]!;
		const line = index + 1;
		const trimmed = text.trim();
		if (trimmed === '' || trimmed.startsWith('#')) continue;
		const keyword = (/^\S+/.exec(trimmed)?.[0] ?? '').toUpperCase();

		if (keyword === 'EXPECT') {
			const match = expectPattern.exec(trimmed);
			const previous = steps.at(-1);
			const checked = steps.findLast(step => step.kind !== 'expect');
			// One reply, one expectation: a second one would be checked against the same reply,
			// silently. Only a message may bring several (LMTP: one per recipient, RFC 2033 4.2).
			if (previous?.kind === 'expect' && checked?.kind !== 'data') errors.push(t['run.script.secondExpect'](line, previous.line));
			else if (match) steps.push({kind: 'expect', line, text, code: match[1]!.toLowerCase(), ...(match[2] ? {enhanced: match[2]} : {})});
			else errors.push(t['run.script.expect'](line));
			continue;
		}

		if (keyword === 'CONNECT') {
			const target = resolveTarget(trimmed.slice(7).trim());
			if (target.ok) steps.push({kind: 'connect', line, text, target: target.target});
			else errors.push(t['run.script.connect'](line, target.error));
			continue;
		}

		if (keyword === 'DATA' && trimmed.toUpperCase() === 'DATA') {
			const end = lines.findIndex((candidate, position) => position > index && candidate === '.');
			if (end === -1) {
				errors.push(t['run.script.dataOpen'](line));
				break;
			}

			const body = lines.slice(index + 1, end).map(bodyLine => (/^\.{2,}$/.test(bodyLine) ? bodyLine.slice(1) : bodyLine));
			steps.push({kind: 'data', line, text, body});
			index = end;
			continue;
		}

		if (text.replace(variablePattern, '').includes('${')) {
			errors.push(t['run.script.badVariable'](line));
			continue;
		}

		const missing = [...text.matchAll(variablePattern)].map(match => match[1]!).filter(name => env[name] === undefined);
		if (missing.length > 0) {
			errors.push(t['run.script.unset'](line, missing.map(name => `\${${name}}`).join(', '), missing.length));
			continue;
		}

		const wire = text.replace(variablePattern, (_, name: string) => env[name]!);
		const problem = validateLine(wire, {state: neutralState, loopback: true}).diagnostics.find(diagnostic => diagnostic.severity === 'error');
		if (problem) errors.push(t['run.script.invalid'](line, problem.message));
		else steps.push({kind: 'command', line, text, wire});
	}

	return errors.length > 0 ? {ok: false, errors} : {ok: true, steps, notes};
}

function matches(reply: Reply, code: string, enhanced?: string): boolean {
	const digits = String(reply.code);
	if (![...code].every((char, index) => char === 'x' || char === digits[index])) return false;
	return enhanced === undefined || reply.enhanced?.code === enhanced;
}

const shownReply = (reply: Reply) => reply.lines.map(line => sanitizeForDisplay(`${line.code}${line.final ? ' ' : '-'}${line.text}`)).join('\n    ');

export async function main(argv: string[], io: CommandIo): Promise<number> {
	const chosen = await commandLanguage(argv, io, 'run');
	if (!chosen.ok) return chosen.exitCode;
	const t = messages(chosen.language);
	const help = t['run.help'](t['connection.help'], exitCodesHelp(['ok', 'expectation', 'usage', 'connect', 'tls', 'greeting', 'auth', 'lost', 'proxy', 'xclient', 'transcript'], t));
	const parsed = parseCommandLine(help, argv, commandFlags);
	if (!parsed.ok) return reportNotRun(parsed, io, 'run');

	const usage = (message: string) => {
		io.stderr.write(`smtp-explorer run: ${message}\n`);
		return exitCodes.usage;
	};

	const {flags, input} = parsed.cli;
	const [scriptPath, host, ...extra] = input;
	if (!scriptPath) return usage(t['run.error.noScript']);
	if (extra.length > 0) return usage(t['run.error.unexpected'](sanitizeForDisplay(extra[0]!)));
	if (argv.some(word => /^--(no-)?starttls$|^--ehlo(=|$)/.test(word))) return usage(t['run.error.starttlsFlags']);
	const session = sessionSettings(flags, argv);
	if (!session.ok) return usage(session.error);
	const proxy = await proxyPassword(session.settings.route, io);
	if (!proxy.ok) return usage(proxy.error);

	let source: string;
	try {
		source = (await readBounded(scriptPath, maxScriptBytes, 'a script')).toString('utf8');
	} catch (error) {
		return usage(t['run.error.read'](describeReadError(scriptPath, error as NodeJS.ErrnoException)));
	}

	const script = parseScript(source, io.env, text => targetOf(text, flags), t);
	const name = sanitizeForDisplay(scriptPath);
	if (!script.ok) return usage(script.errors.map(error => `${name} ${error}`).join('\n'));
	const {steps} = script;
	if (flags.verbose) for (const note of script.notes) io.stderr.write(`smtp-explorer run: ${name}: ${note}\n`);
	if (steps[0]?.kind !== 'connect') {
		const target = targetOf(host, flags);
		if (!target.ok) return usage(host ? target.error : t['run.error.noServer']);
		steps.unshift({kind: 'connect', line: 0, text: t['run.connectStep'](formatTarget(target.target)), target: target.target});
	} else if (host) {
		return usage(t['run.error.hostUnused']);
	}

	const transcript = openTranscriptFile(flags.transcript, io, 'run');
	if (!transcript.ok) return usage(transcript.error);

	const entries: TranscriptEntry[] = [];
	let controller: SessionController | undefined;
	/** The reply an EXPECT checks; `more` holds LMTP's further per-recipient replies, in order. */
	let last: {reply: Reply; step: Step; more?: Reply[]; used?: boolean} | undefined;
	let xclientSent = false;
	let sent = 0;
	let met = 0;
	/** A reply that ended the session (a refused banner, a 421): it stops the run unless the next line EXPECTs it. */
	let ending: {error: SessionError; stage: Stage; where: string} | undefined;
	const counted = (outcome: {ok: boolean; error?: SessionError}) => {
		if (outcome.ok || !(outcome.error instanceof NotSent)) sent++;
	};

	const run = async (step: Step): Promise<Stopped | undefined> => {
		const where = t['run.where'](name, step.line);
		if (ending && step.kind !== 'expect') return Stopped.by(ending.error, ending.stage, `${ending.where}: ${failureText(ending.error, t)}`);
		ending = undefined;
		switch (step.kind) {
			case 'connect': {
				await controller?.quit();
				controller?.close();
				controller = controllerFor({...session.settings, target: step.target}, (entry, secret) => {
					entries.push(entry);
					transcript.appender?.write(entry, secret);
					if (flags.verbose) io.stderr.write(`${formatTextLine(entry)}\n`);
				});
				const outcome = await controller.connect();
				xclientSent = false;
				if (outcome.ok) {
					last = {reply: outcome.greeting, step};
					return undefined;
				}

				if (outcome.greeting) {
					last = {reply: outcome.greeting, step};
					ending = {error: outcome.error, stage: 'greeting', where};
					return undefined;
				}

				return Stopped.by(outcome.error, outcome.stage === 'dns' ? 'connect' : outcome.stage, `${where}: ${outcome.message === outcome.error.message ? failureText(outcome.error, t) : outcome.message}`);
			}

			case 'command': {
				const active = controller!;
				// E1: a secret readable on the path is never sent to another machine by a script, whatever
				// the mechanism (any of them carries a password, a token or a response derived from one).
				if (/^AUTH\b/i.test(step.wire.trim()) && !active.sessionState.tls && !isLoopback(active.target) && !flags.plaintextAuth) {
					return new Stopped(exitCodes.auth, t['run.plaintextAuth'](where));
				}

				const outcome = await active.command(step.wire);
				counted(outcome);
				const stage = stageOf({kind: 'command', verb: step.wire.trim().split(/\s+/)[0]!.toUpperCase()});
				if (!outcome.ok) return Stopped.by(outcome.error, stage, `${where}: ${step.text}: ${failureText(outcome.error, t)}`);
				if (session.settings.xclient && !xclientSent && outcome.reply.code === 250 && /^(EHLO|LHLO)\b/i.test(step.wire.trim())) {
					xclientSent = true;
					return sendXclient(active, step, session.settings.xclient);
				}

				last = {reply: outcome.reply, step};
				if (outcome.reply.code === 421) ending = {error: new SmtpReplyError(outcome.reply, stage, words => words['error.closedSession'](shownReply(outcome.reply))), stage, where};
				return undefined;
			}

			case 'data': {
				const active = controller!;
				const data = await active.command('DATA');
				counted(data);
				if (!data.ok) return Stopped.by(data.error, 'data', `${where}: DATA: ${failureText(data.error, t)}`);
				last = {reply: data.reply, step};
				if (data.reply.code === 421) ending = {error: new SmtpReplyError(data.reply, 'data', words => words['error.closedSession'](shownReply(data.reply))), stage: 'data', where};
				if (data.reply.code !== 354) return undefined;

				const message = await active.sendData(step.body.map(line => `${line}\r\n`).join(''));
				if (!message.ok) return Stopped.by(message.error, 'data', t['run.theMessage'](where, failureText(message.error, t)));
				const [first, ...more] = message.deliveries?.map(delivery => delivery.reply) ?? [message.reply];
				last = {reply: first!, step, more};
				if (message.reply.code === 421) ending = {error: new SmtpReplyError(message.reply, 'data', words => words['error.closedSession'](shownReply(message.reply))), stage: 'data', where};
				return undefined;
			}

			case 'expect': {
				const wanted = `${step.code}${step.enhanced ? ` ${step.enhanced}` : ''}`;
				// After a message, an EXPECT beyond its replies (one for SMTP) has nothing left to check.
				if (last?.used) return new Stopped(exitCodes.expectation, t['run.noFurtherReply'](where, wanted, last.step.line));
				if (last && matches(last.reply, step.code, step.enhanced)) {
					met++;
					const next = last.more?.shift();
					last = next ? {...last, reply: next} : {...last, used: true};
					return undefined;
				}

				const got = last ? shownReply(last.reply) : t['run.noReplyYet'];
				const after = last ? t['run.inReplyTo'](last.step.line, sanitizeForDisplay(last.step.text)) : '';
				return new Stopped(exitCodes.expectation, t['run.expectedGot'](where, wanted, got, after));
			}
		}
	};

	/** --xclient: XCLIENT after the greeting, then the same greeting again after its 220. */
	const sendXclient = async (active: SessionController, greeting: Extract<Step, {kind: 'command'}>, line: string): Promise<Stopped | undefined> => {
		const where = t['run.where'](name, greeting.line);
		const xclient = await active.command(line);
		counted(xclient);
		if (!xclient.ok) return Stopped.by(xclient.error, 'xclient', `${where}: --xclient: ${failureText(xclient.error, t)}`);
		if (xclient.reply.code !== 220) return Stopped.by(new SmtpReplyError(xclient.reply, 'xclient'), 'xclient', t['run.xclientRefused'](where, shownReply(xclient.reply)));
		const again = await active.command(greeting.wire);
		counted(again);
		if (!again.ok) return Stopped.by(again.error, 'ehlo', t['run.afterXclient'](where, greeting.text, failureText(again.error, t)));
		last = {reply: again.reply, step: greeting};
		return undefined;
	};

	let stop: Stopped | undefined;
	try {
		for (const step of steps) {
			stop = await run(step);
			if (stop) break;
		}

		// A session-ending reply on the last line, with no EXPECT after it, is reported too.
		if (!stop && ending) stop = Stopped.by(ending.error, ending.stage, `${ending.where}: ${failureText(ending.error, t)}`);
		await controller?.quit();
	} finally {
		controller?.close();
		transcript.appender?.close();
	}

	io.stderr.write(warningLines('run', controller?.warnings ?? []));
	if (stop) {
		io.stderr.write(`smtp-explorer run: ${stop.message.split('\n').map(line => sanitizeForDisplay(line)).join('\n')}\n\n${t['run.transcriptSoFar']}\n${formatText(entries)}`);
		return stop.exitCode;
	}

	io.stdout.write(`${name}: ${t['run.summary'](sent, met)}\n`);
	return finishTranscript(transcript, exitCodes.ok);
}
