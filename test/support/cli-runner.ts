/** Runs the real `waihu` command entry (src/cli/run.ts through tsx) the way a user's shell would, for the CLI suites. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.join(import.meta.dirname, '..', '..');
const entry = path.join(root, 'src', 'cli', 'run.ts');
// Resolved here because the child runs in a temp dir, where a bare 'tsx' would not be found.
const tsx = import.meta.resolve('tsx');

/** The command's entry file and the tsx loader, for suites that spawn it themselves (a long-running `serve`). */
export const CLI = { entry, tsx };

/** Runs `waihu ARGS` on a data dir of its own (also its working directory); exit code and output. */
export function waihu(dataDir: string, args: string[]): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['--import', tsx, entry, ...args], {
    cwd: dataDir,
    env: { ...process.env, WAIHU_DATA_DIR: dataDir, WAIHU_DATABASE_URL: '' },
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
