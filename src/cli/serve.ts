/** `waihu serve`: start the API server on the configured port and stop gracefully on SIGINT/SIGTERM. */
import type { Config } from '../config/config.js';
import { createApp, ensureDefaultAccount, firstStartLines } from '../app/app.js';
import { startDialer } from '../app/dialer-service.js';
import { startHttpServer } from '../app/http-server.js';
import type { Output } from './output.js';

/** Runs until a signal arrives; resolves with the exit code. */
export async function serve(config: Config, out: Output): Promise<number> {
  // Signals are watched from the start, so a stop request that arrives while starting is not lost.
  const stopRequested = new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
  const app = await createApp(config);
  const created = await ensureDefaultAccount(app);
  const server = await startHttpServer(app);
  const dialer = config.dialer ? startDialer(app) : undefined;
  if (created) {
    out.print(
      [
        'First start: created the default account, its AccessKey and its console user (sign in at /console/).',
        'The secret and the password are shown only now; keep them.',
        ...firstStartLines(created),
      ].join('\n'),
    );
  }
  out.print(
    `waihu listening on ${server.url} (data: ${config.dataDir}, store: ${app.store.engine}, telephony: ${config.telephony}, dialer: ${dialer ? 'on' : 'off'}, ` +
      `agents: ${app.calls.llm ? app.calls.llm.description : 'script engine (no LLM configured)'})`,
  );
  out.print(`console: ${server.url}/console/`);
  await stopRequested;
  out.print('waihu: shutting down, finishing in-flight requests and calls');
  await server.stop();
  await dialer?.stop(config.shutdownTimeoutMs);
  await app.close();
  return 0;
}
