/** Issues and verifies every waihu token: RS256 JWTs under the one key pair of the TokenKeyStore. */
import { createHmac } from 'node:crypto';
import type { Clock } from '../../ports/clock.js';
import { newTokenId, signJwt, TOKEN_ISSUER, verifyJwt, type TokenClaims, type TokenVerdict } from './jwt.js';
import type { TokenKeyStore } from './token-keys.js';

/** GetToken's lifetime: 30 minutes, as the doc's example token (exp - iat = 1800 s). */
export const ACCESS_TOKEN_SECONDS = 1800;

/** How far before `iat` a token is already valid, for verifiers whose clocks run a little behind (the doc's example: 60 s). */
export const CLOCK_LEEWAY_SECONDS = 60;

/** A signed token with the claims it carries. */
export interface IssuedToken {
  token: string;
  claims: TokenClaims;
}

/** Signs tokens for accounts and checks tokens presented back. */
export class TokenService {
  constructor(
    private readonly keys: TokenKeyStore,
    private readonly clock: Clock,
  ) {}

  /** A token of `tokenType` for `accountId`, valid `lifetimeSeconds` from `atMs` (default now), with `extra` claims. */
  async issue(
    accountId: string, tokenType: string, lifetimeSeconds: number, extra: Record<string, unknown> = {}, atMs = this.clock.now(),
  ): Promise<IssuedToken> {
    const { privateKey, kid } = await this.keys.keys();
    const iat = Math.floor(atMs / 1000);
    const claims: TokenClaims = {
      ...extra,
      iss: TOKEN_ISSUER, sub: accountId, iat, nbf: iat - CLOCK_LEEWAY_SECONDS, exp: iat + lifetimeSeconds,
      jti: newTokenId(), token_type: tokenType,
    };
    return { token: signJwt(claims, privateKey, kid), claims };
  }

  /** GetToken's token: type `dyvms` (the one documented TokenType), 30 minutes. */
  issueAccessToken(accountId: string, tokenType: string): Promise<IssuedToken> {
    return this.issue(accountId, tokenType, ACCESS_TOKEN_SECONDS);
  }

  /** Verifies any waihu token against the current key pair and this service's clock. */
  async verifyToken(token: string): Promise<TokenVerdict> {
    return verifyJwt(token, (await this.keys.keys()).publicKey, this.clock.now());
  }

  /** An HMAC-SHA256 of `parts` under the key derived from the private key, for stateless ids that must not be forged. */
  async mac(parts: readonly string[]): Promise<Buffer> {
    const { macKey } = await this.keys.keys();
    return createHmac('sha256', macKey).update(parts.join('\u0000')).digest();
  }

  /** Now, on this service's clock, in milliseconds. */
  now(): number {
    return this.clock.now();
  }
}
