/** Builds the token services over one key directory, so the gateway and tests assemble them the same way. */
import path from 'node:path';
import type { Clock } from '../../ports/clock.js';
import type { SecretBox } from '../accounts/secret-box.js';
import { MqttGrants } from './mqtt-grants.js';
import { RtcGrants } from './rtc-grants.js';
import { TokenKeyStore } from './token-keys.js';
import { TokenService } from './token-service.js';

/** The directory of the token key pair inside a data directory. */
export const TOKEN_KEY_DIR = 'token-keys';

/** Every token service, sharing one key pair. */
export interface TokenServices {
  keys: TokenKeyStore;
  tokens: TokenService;
  mqtt: MqttGrants;
  rtc: RtcGrants;
}

/** Token services whose key pair lives in `<dataDir>/token-keys`. */
export function tokenServices(dataDir: string, secrets: SecretBox, clock: Clock): TokenServices {
  const keys = new TokenKeyStore(path.join(dataDir, TOKEN_KEY_DIR), secrets);
  const tokens = new TokenService(keys, clock);
  return { keys, tokens, mqtt: new MqttGrants(tokens), rtc: new RtcGrants(tokens) };
}
