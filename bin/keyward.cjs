#!/usr/bin/env node
// The `keyward` command as npm links it (`npx keyward`): a committed, executable launcher for the built CLI, so a
// rebuild — which writes out/main/cli.cjs anew, without the executable bit — never breaks the command. CommonJS, as
// the entry it loads: an ESM launcher would start Node's ESM loader on every command.
require('../out/main/cli.cjs')
