/** The error the 通信智能引擎 actions document for a CallId they cannot use: `InvalidParameter.CallId`, HTTP 400. */
import { DomainError } from '../../../core/errors.js';
import { GatewayError } from '../../errors.js';

/** `InvalidParameter.CallId` with the doc's message and why. */
export function invalidCallId(why: string): GatewayError {
  return new GatewayError('InvalidParameter.CallId', 400, `The parameter CallId is invalid: ${why}`);
}

/** Runs `work`, turning a NotFound about CallId into the documented InvalidParameter.CallId. */
export async function withDocumentedCallIdError<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof DomainError && error.code === 'NotFound' && error.param === 'CallId') throw invalidCallId(error.message);
    throw error;
  }
}
