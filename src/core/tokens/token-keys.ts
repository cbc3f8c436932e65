/**
 * The RSA key pair every waihu token is signed with, kept in `<dataDir>/token-keys/`: the private key sealed by the
 * SecretBox (so a copied data directory without the master key leaks nothing) in a 0600 file, and the public key
 * as plain PEM for whoever verifies tokens. Created on first use; several processes starting together agree on one
 * pair because the private key file is created with an atomic link that fails when another process won.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPair, hkdfSync, randomBytes, type KeyObject } from 'node:crypto';
import { link, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type { SecretBox } from '../accounts/secret-box.js';

const generate = promisify(generateKeyPair);

/** The files of the token key pair inside the key directory. */
export const TOKEN_KEY_FILES = { sealedPrivateKey: 'private-key.pem.sealed', publicKey: 'public-key.pem' } as const;

/** The loaded key pair and what is derived from it. */
export interface TokenKeys {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** SPKI PEM of the public key, as written to public-key.pem. */
  publicKeyPem: string;
  /** Key id put in every token header: the first 16 base64url characters of the SPKI's SHA-256. */
  kid: string;
  /** An HMAC key derived from the private key, for the short tags that bind MQTT client ids to an account. */
  macKey: Buffer;
}

/** Loads (or, the first time, creates) the token key pair in one directory. */
export class TokenKeyStore {
  private loading: Promise<TokenKeys> | undefined;

  constructor(
    /** Usually `<dataDir>/token-keys`. */
    readonly dir: string,
    private readonly secrets: SecretBox,
  ) {}

  /** The key pair; loaded once per store, later calls share the same promise. */
  keys(): Promise<TokenKeys> {
    this.loading ??= this.load().catch((error: unknown) => {
      this.loading = undefined;
      throw error;
    });
    return this.loading;
  }

  /** Where the public key PEM lives, for the docs and for operators. */
  publicKeyPath(): string {
    return path.join(this.dir, TOKEN_KEY_FILES.publicKey);
  }

  private async load(): Promise<TokenKeys> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    const privatePem = (await this.readPrivatePem()) ?? (await this.createPrivatePem());
    const privateKey = createPrivateKey(privatePem);
    const publicKey = createPublicKey(privateKey);
    const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    await this.writePublicPem(publicKeyPem);
    return { privateKey, publicKey, publicKeyPem, kid: keyId(publicKey), macKey: macKeyOf(privateKey) };
  }

  private async readPrivatePem(): Promise<string | undefined> {
    try {
      return this.secrets.open((await readFile(path.join(this.dir, TOKEN_KEY_FILES.sealedPrivateKey), 'utf8')).trim());
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  /** Generates a pair and publishes it with link(), which refuses to replace a file another process wrote first. */
  private async createPrivatePem(): Promise<string> {
    const { privateKey } = await generate('rsa', { modulusLength: 2048 });
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const target = path.join(this.dir, TOKEN_KEY_FILES.sealedPrivateKey);
    const temp = tempName(target);
    await writeFile(temp, `${this.secrets.seal(pem)}\n`, { mode: 0o600 });
    try {
      await link(temp, target);
      return pem;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const winner = await this.readPrivatePem();
      if (!winner) throw error;
      return winner;
    } finally {
      await rm(temp, { force: true });
    }
  }

  /** Rewritten on every load so the published key always matches the sealed private key. */
  private async writePublicPem(pem: string): Promise<void> {
    const temp = tempName(this.publicKeyPath());
    await writeFile(temp, pem, { mode: 0o644 });
    await rename(temp, this.publicKeyPath());
  }
}

function tempName(target: string): string {
  return `${target}.${randomBytes(6).toString('hex')}.tmp`;
}

function keyId(publicKey: KeyObject): string {
  return createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('base64url').slice(0, 16);
}

function macKeyOf(privateKey: KeyObject): Buffer {
  const der = privateKey.export({ type: 'pkcs8', format: 'der' });
  return Buffer.from(hkdfSync('sha256', der, 'waihu-token-keys', 'mqtt-client-id', 32));
}
