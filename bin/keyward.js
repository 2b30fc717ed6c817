#!/usr/bin/env node
// The `keyward` command as npm links it (`npx keyward`): a committed, executable launcher for the built CLI, so a
// rebuild — which writes out/main/cli.js anew, without the executable bit — never breaks the command.
import '../out/main/cli.js'
