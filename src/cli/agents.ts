/**
 * `waihu apps|robots|agents ...`: LLM applications, robots and AI voice agents from the shell. Each verb calls the
 * same AgentRegistry use case the waihu management actions call, so the CLI and the API cannot disagree.
 */
import type { Config } from '../config/config.js';
import { appsArea } from './agents-apps.js';
import { robotsArea } from './agents-robots.js';
import { runArea, type CommandArea } from './agents-support.js';
import { voiceAgentsArea } from './agents-voice.js';
import type { Output } from './output.js';

/** The error main.ts prints as a one-line message: a file the user named is missing or not JSON. */
export { CliInputError } from './agents-support.js';

const AREAS: Readonly<Record<string, CommandArea>> = { apps: appsArea, robots: robotsArea, agents: voiceAgentsArea };

/** The top-level commands this module answers. */
export const AGENT_COMMANDS: readonly string[] = Object.keys(AREAS);

/** Runs an apps/robots/agents subcommand; returns the exit code. */
export function agentsCommand(config: Config, command: string, argv: string[], out: Output): Promise<number> {
  const area = AREAS[command];
  if (!area) throw new RangeError(`not an agent command: ${command}`);
  return runArea(config, area, argv, out);
}
