/** `Examples:` under each command's --help, by the command's words (issue 25: every help carries examples). */
export const EXAMPLES: Readonly<Record<string, readonly string[]>> = {
  '': [
    'keyward init',
    'pbpaste | keyward add prod --provider stripe --value-stdin',
    'keyward list --status attention',
    'keyward run -e production -- npm start',
    'keyward env write .env -k stripe/prod,openai/dev',
  ],
  init: ['keyward init', 'keyward --vault ~/work-vault init'],
  passwd: ['keyward passwd'],
  recover: ['keyward recover'],
  backup: ['keyward backup', 'keyward backup --json'],
  audit: [
    'keyward audit --limit 20',
    'keyward audit --key stripe/prod --since 2026-11-01',
    'keyward audit --action revealed,copied --json',
  ],
  doctor: ['keyward doctor', 'keyward doctor --json'],
  add: [
    'keyward add prod --provider stripe            # asks for the value, hidden',
    'pbpaste | keyward add prod --value-stdin      # the provider is detected',
    'keyward add deploy --provider aws --metadata \'{"accessKeyId":"AKIA…"}\' --value-stdin < secret.txt',
    'keyward add notes --provider other --expires 2027-06-30 --value-stdin < token.txt',
  ],
  list: ['keyward list', 'keyward list -e production --status attention', 'keyward list --tag billing -j'],
  show: ['keyward show stripe/prod', 'keyward show prod --json'],
  get: [
    'keyward get stripe/prod',
    'curl -H "Authorization: Bearer $(keyward get openai/dev)" …',
    'keyward get stripe/prod --json   # {"ref","value"}',
  ],
  search: [
    'keyward search stripe',
    'keyward search "env:production is:due"',
    'keyward search "tag:ci provider:github"',
  ],
  edit: [
    'keyward edit stripe/prod --expires 2027-03-31 --rotate-every 90d',
    'keyward edit stripe/prod --add-tag billing --remove-tag old',
    'keyward edit prod --name live --env-var STRIPE_LIVE_KEY',
  ],
  'set-value': ['keyward set-value stripe/prod --value-stdin < new.txt', 'keyward set-value prod --propagate'],
  history: ['keyward history stripe/prod'],
  rm: ['keyward rm stripe/old                 # to the Trash, 30 days', 'keyward rm stripe/old --forever --yes --json'],
  trash: ['keyward trash list', 'keyward trash restore stripe/old'],
  'trash list': ['keyward trash list', 'keyward trash list --json'],
  'trash restore': ['keyward trash restore stripe/old', 'keyward trash restore old -j'],
  'trash rm': ['keyward trash rm stripe/old', 'keyward trash rm stripe/old --yes'],
  'trash empty': ['keyward trash empty', 'keyward trash empty --yes --json'],
  copy: ['keyward copy stripe/prod', 'keyward copy aws/deploy --format env --clear-after 30'],
  run: [
    'keyward run -e production -- npm start',
    'keyward run -k stripe/prod,openai/dev -- node server.js',
    'keyward run --env-file .env.keyward -- pytest',
  ],
  'env write': ['keyward env write .env -e development', 'keyward env write .env -k stripe/prod --dry-run'],
  'env inject': ['keyward env inject .env.template --out .env'],
  'env shell': ['eval "$(keyward env shell .env.keyward)"', 'keyward env shell .env.keyward --shell fish | source'],
  'env import': ['keyward env import .env --dry-run', 'keyward env import .env -e production'],
  'env example': ['keyward env example .env', 'keyward env example .env --out .env.sample'],
  providers: ['keyward providers', 'keyward providers --json'],
  verify: ['keyward verify stripe/prod', 'keyward verify --all', 'keyward verify --all --json'],
  sync: ['keyward sync mailosaur/main', 'keyward sync --all'],
  rotate: [
    'keyward rotate elastic-email/production',
    'keyward rotate solo/mail --value-stdin < new-key.txt',
    'keyward rotate stripe/prod --expires 2027-06-30',
  ],
  revoke: ['keyward revoke elastic-email/old-ci', 'keyward revoke elastic-email/old-ci --yes'],
  'provider add': [
    'keyward provider add acme --name Acme --base-url https://api.acme.dev --auth bearer --verify-path /v1/me',
    'keyward provider add acme … --replace',
  ],
  'provider list': ['keyward provider list'],
  'provider rm': ['keyward provider rm acme'],
  detect: ['pbpaste | keyward detect --value-stdin'],
  due: ['keyward due', 'keyward due --within 30', 'keyward due --exit-code   # 1 when anything needs attention'],
  settings: ['keyward settings', 'keyward settings --remind-before 21 --auto-lock 10'],
  health: ['keyward health', 'keyward health --fix', 'keyward health --exit-code'],
  completion: [
    'keyward completion bash > ~/.local/share/bash-completion/completions/keyward',
    'keyward completion zsh > "${fpath[1]}/_keyward"',
    'keyward completion fish > ~/.config/fish/completions/keyward.fish',
  ],
  agent: ['keyward agent start', 'keyward agent status', 'keyward agent stop'],
  env: ['keyward env write .env -e development', 'keyward env import .env', 'eval "$(keyward env shell .env.keyward)"'],
  provider: ['keyward provider list', 'keyward provider add acme --name Acme --base-url https://api.acme.dev …'],
  'agent start': ['keyward agent start', 'keyward agent start --idle 30m --allow "run:*"'],
  'agent status': ['keyward agent status', 'keyward agent status --json'],
  'agent stop': ['keyward agent stop'],
  lock: ['keyward lock'],
}

/** The `Examples:` block for a command's words ('' for keyward itself), or null when none is written. */
export function examplesText(words: string): string | null {
  const lines = EXAMPLES[words]
  return lines === undefined ? null : `\nExamples:\n${lines.map((line) => `  $ ${line}`).join('\n')}`
}
