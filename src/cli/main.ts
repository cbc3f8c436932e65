/** The `waihu` command: dispatches to serve, keys, accounts, users, simulate, apps, robots and agents. */
import { loadConfig } from '../config/config.js';
import { DomainError } from '../core/errors.js';
import { AGENT_COMMANDS, agentsCommand, CliInputError } from './agents.js';
import { keysCommand } from './keys.js';
import { consoleOutput, type Output } from './output.js';
import { serve } from './serve.js';
import { simulateCommand } from './simulate.js';
import { voiceFilesCommand } from './voice-files.js';
import { hotlineCommand } from './hotline.js';
import { usersCommand } from './users.js';

const HELP = `waihu — self-hosted outbound calling with the Alibaba Cloud voice APIs

  waihu serve                 start the API server (settings: WAIHU_* env vars or waihu.config.json)
  waihu keys create|list|disable|enable|delete
  waihu accounts create|list
  waihu users create|list     web console users: create NAME --password PASSWORD [--account ID] (waihu users help)
  waihu simulate FILE.csv     forecast a campaign on the virtual clock (waihu simulate --help)
  waihu apps VERB ...         LLM applications: create|update|list|show|delete (waihu apps help)
  waihu robots VERB ...       scripted dialogs: create|update|list|show|delete|sample (waihu robots help)
  waihu agents VERB ...       AI voice agents: create|update|publish|offline|list|show|delete (waihu agents help)
  waihu voice-files VERB ...  voice files for SingleCallByVoice: upload|list|show|delete (waihu voice-files help)
  waihu hotline VERB ...      400-number registrations: list|show|approve|reject|qualify|suspend|restore (waihu hotline help)
  waihu help`;

/** Runs the CLI with the given arguments; resolves with the process exit code. */
export async function main(argv: string[], out: Output = consoleOutput): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === 'serve') return await serve(loadConfig(), out);
    if (command === 'keys' || command === 'accounts') return await keysCommand(loadConfig(), command, rest, out);
    if (command === 'simulate') return await simulateCommand(loadConfig(), rest, out);
    if (command === 'voice-files') return await voiceFilesCommand(loadConfig(), rest, out);
    if (command === 'hotline') return await hotlineCommand(loadConfig(), rest, out);
    if (command === 'users') return await usersCommand(loadConfig(), rest, out);
    if (command !== undefined && AGENT_COMMANDS.includes(command)) return await agentsCommand(loadConfig(), command, rest, out);
    if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
      out.print(HELP);
      return 0;
    }
    out.error(`unknown command "${command}"\n\n${HELP}`);
    return 2;
  } catch (err) {
    // Operator-facing: a clear message, no stack trace for expected failures.
    if (err instanceof DomainError || err instanceof CliInputError || (err instanceof Error && /invalid waihu configuration|CSV/.test(err.message))) {
      out.error(`waihu: ${err.message}`);
      return 1;
    }
    throw err;
  }
}
