/**
 * GetToken: an RS256 JWT for the calling account, valid 30 minutes (docs/tokens.md). The catalog relaxes TokenType to
 * optional because the SDK model does, but the doc requires it and documents one value, `dyvms`; anything else,
 * absent included, gets the doc's only error, InvalidParameters (HTTP 400), naming TokenType. Success is a real
 * boolean, as the SDK model types it (the doc's JSON example quotes it).
 */
import type { TokenService } from '../../../core/tokens/token-service.js';
import type { ActionHandler } from '../../action.js';
import { GatewayError } from '../../errors.js';
import { catalogSpec } from '../catalog-spec.js';

/** The token types GetToken issues: the one the doc documents. */
export const TOKEN_TYPES = ['dyvms'] as const;

/** The GetToken handler. */
export function getToken(tokens: TokenService): ActionHandler {
  return {
    spec: catalogSpec('dyvmsapi', 'GetToken'),
    handle: async (ctx, params) => {
      const tokenType = params.TokenType;
      if (typeof tokenType !== 'string' || !(TOKEN_TYPES as readonly string[]).includes(tokenType)) {
        const why = tokenType === undefined ? 'TokenType is mandatory' : `TokenType "${String(tokenType)}" is not one of ${TOKEN_TYPES.join(', ')}`;
        throw new GatewayError('InvalidParameters', 400, `The parameter is invalid: ${why}.`);
      }
      const { token } = await tokens.issueAccessToken(ctx.accountId, tokenType);
      return { Code: 'OK', Message: 'OK', Success: true, Token: token };
    },
  };
}
