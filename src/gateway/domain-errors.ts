/** The one place where domain failures become Alibaba error responses. */
import { DomainError } from '../core/errors.js';
import { GatewayError, gatewayErrors } from './errors.js';

/** Maps a DomainError to the code and status a caller of the Alibaba API expects. */
export function fromDomainError(err: DomainError): GatewayError {
  const param = err.param;
  switch (err.code) {
    case 'NotFound':
      return new GatewayError(param ? `Invalid${param}.NotFound` : 'ResourceNotFound', 404, err.message);
    case 'AlreadyExists':
      return new GatewayError(param ? `${param}.AlreadyExists` : 'ResourceAlreadyExists', 400, err.message);
    case 'InvalidState':
      return new GatewayError('IncorrectStatus', 400, err.message);
    case 'InvalidArgument':
      return gatewayErrors.invalidParameter(param ?? 'request', err.message);
    case 'Forbidden':
      return new GatewayError('Forbidden', 403, err.message);
    case 'NotImplemented':
      return new GatewayError('NotImplemented', 501, err.message);
    case 'Internal':
      return gatewayErrors.internal();
  }
}

/** Any thrown value as a GatewayError; unexpected ones become a bare InternalError (no stack to clients). */
export function toGatewayError(err: unknown): { error: GatewayError; unexpected: boolean } {
  if (err instanceof GatewayError) return { error: err, unexpected: false };
  if (err instanceof DomainError) return { error: fromDomainError(err), unexpected: err.code === 'Internal' };
  return { error: gatewayErrors.internal(), unexpected: true };
}
