import { Help, type Command } from 'commander'
import { GLOBAL_FLAG_NAMES } from './globalOptions'

/**
 * Shell completion scripts generated from the commands themselves (so they never drift from what the CLI accepts):
 * command words, each command's flags, and key refs where a command takes one — those come from `keyward
 * __complete-refs`, which asks a running, unlocked agent without a prompt (a terminal it has not been allowed
 * for gets nothing) and never unlocks the vault or asks for a password.
 */
export const SHELLS_COMPLETED = ['bash', 'zsh', 'fish'] as const
export type CompletionShell = (typeof SHELLS_COMPLETED)[number]

interface Node {
  readonly words: string
  readonly subcommands: readonly string[]
  readonly flags: readonly string[]
  readonly takesRef: boolean
}

/** Accepted by every command (hidden from its own options list, so added here). */
const GLOBAL_FLAGS = [...GLOBAL_FLAG_NAMES, '--help']

function nodes(program: Command): Node[] {
  const help = new Help()
  const walk = (command: Command, words: string): Node[] => {
    const children = help.visibleCommands(command).filter((child) => child.name() !== 'help')
    const flags = help
      .visibleOptions(command)
      .flatMap((option) => [option.short, option.long].filter((flag): flag is string => flag !== undefined))
    const node: Node = {
      words,
      subcommands: children.map((child) => child.name()),
      flags: [...new Set([...flags, ...GLOBAL_FLAGS])],
      takesRef: command.registeredArguments.some((argument) => argument.name() === 'REF'),
    }
    return [node, ...children.flatMap((child) => walk(child, words === '' ? child.name() : `${words} ${child.name()}`))]
  }
  return walk(program, '')
}

function bash(program: Command): string {
  const all = nodes(program)
  const cases = all
    .map((node) => {
      const words = [...node.subcommands, ...node.flags].join(' ')
      return `    "${node.words}") opts="${words}"; refs=${node.takesRef ? 1 : 0} ;;`
    })
    .join('\n')
  const known = all.map((node) => `"${node.words}"`).join('|')
  return `# keyward completion for bash (keyward completion bash > ~/.local/share/bash-completion/completions/keyward)
_keyward() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" path="" word candidate opts="" refs=0 i
  for ((i = 1; i < COMP_CWORD; i++)); do
    word="\${COMP_WORDS[i]}"
    [[ $word == -* ]] && continue
    candidate="\${path:+$path }$word"
    case "$candidate" in
      ${known}) path="$candidate" ;;
    esac
  done
  case "$path" in
${cases}
  esac
  if [[ $cur != -* && $refs == 1 ]]; then
    opts="$opts $(command keyward __complete-refs 2>/dev/null)"
  fi
  COMPREPLY=($(compgen -W "$opts" -- "$cur"))
}
complete -F _keyward keyward
`
}

function zsh(program: Command): string {
  // zsh runs the bash function through its bashcompinit layer: one generator, the same answers in both shells.
  return `#compdef keyward
# keyward completion for zsh (keyward completion zsh > "\${fpath[1]}/_keyward")
autoload -U +X bashcompinit && bashcompinit
${bash(program)}`
}

function fish(program: Command): string {
  const lines = ['# keyward completion for fish (keyward completion fish > ~/.config/fish/completions/keyward.fish)']
  lines.push('complete -c keyward -f')
  for (const node of nodes(program)) {
    const seen = node.words === '' ? '__fish_use_subcommand' : `__keyward_path "${node.words}"`
    if (node.subcommands.length > 0) lines.push(`complete -c keyward -n '${seen}' -a '${node.subcommands.join(' ')}'`)
    for (const flag of node.flags) {
      const option = flag.startsWith('--') ? `-l ${flag.slice(2)}` : `-s ${flag.slice(1)}`
      lines.push(`complete -c keyward -n '${seen}' ${option}`)
    }
    if (node.takesRef) lines.push(`complete -c keyward -n '${seen}' -a '(command keyward __complete-refs 2>/dev/null)'`)
  }
  return `function __keyward_path
  set -l words (commandline -opc)
  set -l path
  for word in $words[2..-1]
    string match -q -- '-*' $word; and continue
    set path $path $word
  end
  test "$path" = "$argv[1]"
end
${lines.join('\n')}
`
}

export function completionScript(program: Command, shell: CompletionShell): string {
  if (shell === 'bash') return bash(program)
  if (shell === 'zsh') return zsh(program)
  return fish(program)
}
