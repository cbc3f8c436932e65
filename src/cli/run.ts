/** Process entry of the `waihu` command (bin/waihu.js loads the compiled form of this file). */
import { main } from './main.js';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`waihu: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
