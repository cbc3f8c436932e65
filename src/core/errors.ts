/** Coded failures raised by the domain; the gateway maps each code to Alibaba's error body in one place. */
export type DomainErrorCode =
  | 'NotFound'
  | 'AlreadyExists'
  | 'InvalidState'
  | 'InvalidArgument'
  | 'Forbidden'
  | 'NotImplemented'
  | 'Internal';

/** A failure the domain expects and can name; never carries HTTP details. */
export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    /** The request parameter the failure is about, when there is one. */
    readonly param?: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
