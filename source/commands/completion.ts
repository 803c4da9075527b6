import {languages} from '../i18n/messages.js';
import {computableMechanisms} from '../protocol/sasl.js';
import {type FlagSpec, kebab, parseCommandLine, reportNotRun} from './arguments.js';
import {exportForms} from '../protocol/export-session.js';
import type {CommandIo} from './io.js';
import {explorer, subcommands} from './registry.js';

const help = `
	Usage
	  $ smtp-explorer completion bash|zsh|fish

	Prints a shell completion script: sub-commands, their flags, profile names (@NAME, from
	smtp-explorer profiles) and file arguments. Install it once:

	  bash  smtp-explorer completion bash > ~/.local/share/bash-completion/completions/smtp-explorer
	        (or in ~/.bashrc: source <(smtp-explorer completion bash))
	  zsh   smtp-explorer completion zsh > "\${fpath[1]}/_smtp-explorer"
	        (or in ~/.zshrc, after compinit: source <(smtp-explorer completion zsh))
	  fish  smtp-explorer completion fish > ~/.config/fish/completions/smtp-explorer.fish
`;

export const commandFlags = {} as const satisfies Record<string, FlagSpec>;

/** Flags whose value is a file name. */
const fileFlags = new Set(['ca', 'cert', 'key', 'transcript', 'data', 'bodyFile', 'caOut']);
/** Flags whose value is one of a few words. */
const choiceFlags: Record<string, readonly string[]> = {format: ['json', 'text'], tlsMin: ['TLSv1.2', 'TLSv1.3'], auth: computableMechanisms, lang: languages, as: exportForms, proxyProtocol: ['v1', 'v2']};
/** What the words after each command are, beside flags. */
const positionals: Record<string, 'files' | 'shells'> = {run: 'files', view: 'files', export: 'files', completion: 'shells'};
const shells = ['bash', 'zsh', 'fish'] as const;

/** One command's completions, derived from the flags it declares (the same objects it parses with). */
export type CommandCompletion = {
	/** '' for the explorer, which runs when the first word is not a sub-command. */
	name: string;
	/** Every flag to offer: --NAME, or --no-NAME for a flag that is on by default, and -X short forms. */
	flags: string[];
	/** --no-NAME of every other boolean flag, offered once the word starts with --no-. */
	negations: string[];
	files: string[];
	choices: Array<[string, readonly string[]]>;
	/** Flags that take some other value: nothing is offered after them. */
	values: string[];
	positional: 'files' | 'shells' | 'none';
	profiles: boolean;
};

function describe(name: string, flags: Readonly<Record<string, FlagSpec>>, profiles: boolean): CommandCompletion {
	const entries = Object.entries(flags);
	const long = (key: string) => `--${kebab(key)}`;
	const booleans = entries.filter(([, spec]) => spec.type === 'boolean');
	return {
		name,
		flags: [
			...entries.map(([key, spec]) => (spec.type === 'boolean' && spec.default === true ? `--no-${kebab(key)}` : long(key))),
			...entries.flatMap(([, spec]) => (spec.shortFlag ? [`-${spec.shortFlag}`] : [])),
			'--help',
			...(name === '' ? ['--version'] : []),
		],
		negations: booleans.filter(([, spec]) => spec.default !== true).map(([key]) => `--no-${kebab(key)}`),
		files: entries.filter(([key]) => fileFlags.has(key)).map(([key]) => long(key)),
		choices: entries.filter(([key]) => key in choiceFlags).map(([key]) => [long(key), choiceFlags[key]!]),
		values: entries.filter(([key, spec]) => spec.type === 'string' && !fileFlags.has(key) && !(key in choiceFlags)).map(([key]) => long(key)),
		positional: positionals[name] ?? 'none',
		profiles,
	};
}

/** Every command's completions, the explorer's first. Loads each command module for its flags. */
export async function completions(): Promise<CommandCompletion[]> {
	const result = [describe('', (await explorer.load()).commandFlags, true)];
	for (const [name, command] of Object.entries(subcommands)) result.push(describe(name, (await command.load()).commandFlags, command.profiles === true));
	return result;
}

const words = (list: readonly string[]) => list.join(' ');

function bashScript(commands: CommandCompletion[]): string {
	const names = commands.filter(command => command.name !== '').map(command => command.name);
	const branch = (command: CommandCompletion) => {
		const lines = [
			`flags="${words(command.flags)}"`,
			`negations="${words(command.negations)}"`,
			`files="${words(command.files)}"`,
			`values="${words(command.values)}"`,
			`positional=${command.positional}`,
			`profiles=${command.profiles ? 1 : 0}`,
		];
		const choices = command.choices.map(([flag, list]) => `\t\t\t\t${flag}) COMPREPLY=($(compgen -W "${words(list)}" -- "$cur")); return ;;`);
		return `\t\t${command.name === '' ? '*' : command.name})\n\t\t\t${lines.join('\n\t\t\t')}\n${choices.length > 0 ? `\t\t\tcase "$prev" in\n${choices.join('\n')}\n\t\t\tesac\n` : ''}\t\t\t;;`;
	};

	// The explorer's branch (*) goes last.
	const ordered = [...commands.filter(command => command.name !== ''), commands.find(command => command.name === '')!];
	return `# smtp-explorer completion for bash (smtp-explorer completion bash)
_smtp_explorer() {
	local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}"
	local command="" flags negations files values positional profiles
	if [[ $COMP_CWORD -gt 1 ]]; then
		case "\${COMP_WORDS[1]}" in
			${names.join('|')}) command="\${COMP_WORDS[1]}" ;;
		esac
	fi
	COMPREPLY=()
	case "$command" in
${ordered.map(command => branch(command)).join('\n')}
	esac
	if [[ " $files " == *" $prev "* ]]; then
		compopt -o filenames 2>/dev/null
		COMPREPLY=($(compgen -f -- "$cur"))
		return
	fi
	[[ " $values " == *" $prev "* ]] && return
	if [[ $cur == --no-* ]]; then
		COMPREPLY=($(compgen -W "$negations $flags" -- "$cur"))
	elif [[ $cur == -* ]]; then
		COMPREPLY=($(compgen -W "$flags" -- "$cur"))
	elif [[ $cur == @* && $profiles == 1 ]]; then
		COMPREPLY=($(compgen -W "$("\${COMP_WORDS[0]}" profiles --names 2>/dev/null | sed 's/^/@/')" -- "$cur"))
	elif [[ $COMP_CWORD -eq 1 ]]; then
		COMPREPLY=($(compgen -W "${words(names)}" -- "$cur"))
	elif [[ $positional == shells ]]; then
		COMPREPLY=($(compgen -W "${words(shells)}" -- "$cur"))
	elif [[ $positional == files ]]; then
		compopt -o filenames 2>/dev/null
		COMPREPLY=($(compgen -f -- "$cur"))
	fi
}
complete -F _smtp_explorer smtp-explorer
`;
}

function zshScript(commands: CommandCompletion[]): string {
	const names = commands.filter(command => command.name !== '').map(command => command.name);
	const ordered = [...commands.filter(command => command.name !== ''), commands.find(command => command.name === '')!];
	const branch = (command: CommandCompletion) => {
		const choices = command.choices.map(([flag, list]) => `\t\t\t\t${flag}) compadd -- ${words(list)}; return ;;`);
		return `\t\t${command.name === '' ? '*' : command.name})
			flags=(${words(command.flags)})
			negations=(${words(command.negations)})
			files=(${words(command.files)})
			values=(${words(command.values)})
			positional=${command.positional}
			profiles=${command.profiles ? 1 : 0}
${choices.length > 0 ? `\t\t\tcase $prev in\n${choices.join('\n')}\n\t\t\tesac\n` : ''}\t\t\t;;`;
	};

	return `#compdef smtp-explorer
# smtp-explorer completion for zsh (smtp-explorer completion zsh)
_smtp_explorer() {
	local cur=\${words[CURRENT]} prev=\${words[CURRENT-1]} command=""
	local -a flags negations files values
	local positional profiles
	if (( CURRENT > 2 )); then
		case \${words[2]} in
			${names.join('|')}) command=\${words[2]} ;;
		esac
	fi
	case $command in
${ordered.map(command => branch(command)).join('\n')}
	esac
	if (( \${files[(Ie)$prev]} )); then _files; return; fi
	(( \${values[(Ie)$prev]} )) && return
	if [[ $cur == --no-* ]]; then
		compadd -- $negations $flags
	elif [[ $cur == -* ]]; then
		compadd -- $flags
	elif [[ $cur == @* && $profiles == 1 ]]; then
		compadd -- \${(f)"$(\${words[1]} profiles --names 2>/dev/null | sed 's/^/@/')"}
	elif (( CURRENT == 2 )); then
		compadd -- ${words(names)}
	elif [[ $positional == shells ]]; then
		compadd -- ${words(shells)}
	elif [[ $positional == files ]]; then
		_files
	fi
}
if [[ $funcstack[1] == _smtp-explorer ]]; then
	_smtp_explorer "$@"
else
	compdef _smtp_explorer smtp-explorer
fi
`;
}

function fishScript(commands: CommandCompletion[]): string {
	const names = commands.filter(command => command.name !== '').map(command => command.name);
	const lines = ['# smtp-explorer completion for fish (smtp-explorer completion fish)', 'complete -c smtp-explorer -f', `complete -c smtp-explorer -n __fish_use_subcommand -a '${words(names)}'`];
	// The profile names come from the program being completed, however it was typed.
	lines.push('function __smtp_explorer_profiles', '\tset -l program (commandline -opc)[1]', '\t$program profiles --names 2>/dev/null | string replace -r \'^\' @', 'end');
	for (const command of commands) {
		const when = command.name === '' ? `not __fish_seen_subcommand_from ${words(names)}` : `__fish_seen_subcommand_from ${command.name}`;
		const add = (rest: string) => lines.push(`complete -c smtp-explorer -n '${when}' ${rest}`);
		for (const flag of [...command.flags, ...command.negations]) {
			const short = /^-([a-zA-Z])$/.exec(flag)?.[1];
			const name = flag.replace(/^--/, '');
			if (short) add(`-s ${short}`);
			else if (command.files.includes(flag)) add(`-l ${name} -r -F`);
			else if (command.values.includes(flag)) add(`-l ${name} -x`);
			else {
				const choices = command.choices.find(([choice]) => choice === flag)?.[1];
				add(choices ? `-l ${name} -x -a '${words(choices)}'` : `-l ${name}`);
			}
		}

		if (command.profiles) add(`-a '(__smtp_explorer_profiles)'`);
		if (command.positional === 'files') add('-F');
		if (command.positional === 'shells') add(`-a '${words(shells)}'`);
	}

	return `${lines.join('\n')}\n`;
}

export async function main(argv: string[], io: CommandIo): Promise<number> {
	const parsed = parseCommandLine(help, argv, commandFlags);
	if (!parsed.ok) return reportNotRun(parsed, io, 'completion');
	const [shell, ...extra] = parsed.cli.input;
	if (!shell || extra.length > 0 || !(shells as readonly string[]).includes(shell)) {
		io.stderr.write('smtp-explorer completion: name one shell: bash, zsh or fish\n');
		return 2;
	}

	const commands = await completions();
	io.stdout.write(shell === 'bash' ? bashScript(commands) : shell === 'zsh' ? zshScript(commands) : fishScript(commands));
	return 0;
}
