/** Errors the gateway answers with, in Alibaba's vocabulary (protocol.md §3.3). */

/** A failure rendered as Alibaba's error body: `{RequestId, HostId, Code, Message}` with an HTTP status. */
export class GatewayError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    /** Extra response headers, e.g. x-acs-retry-after for throttling. */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = 'GatewayError';
  }
}

/** Builders for the common gateway errors, so codes, statuses and wording stay in one place. */
export const gatewayErrors = {
  /** Alibaba's POP gateway names the parameter in the code itself: MissingTtsCode, "TtsCode is mandatory for this action." */
  missingParameter: (name: string) => new GatewayError(`Missing${name}`, 400, `${name} is mandatory for this action.`),
  invalidParameter: (name: string, why: string) =>
    new GatewayError('InvalidParameter', 400, `The specified value of parameter "${name}" is not valid: ${why}`),
  invalidApi: (action: string, version: string) =>
    new GatewayError('InvalidApi.NotFound', 404, `Specified api is not found, please check your url and method. (Action=${action}, Version=${version})`),
  noSuchVersion: (version: string) =>
    new GatewayError('NoSuchVersion', 400, `The specified version "${version}" does not exist.`),
  invalidProduct: (host: string) =>
    new GatewayError('InvalidProduct.NotFound', 404, `Cannot find product according to your specified domain: ${host}.`),
  unsupportedHttpMethod: (method: string) =>
    new GatewayError('UnsupportedHTTPMethod', 400, `The HTTP method ${method} is not supported by this action.`),
  accessKeyNotFound: () => new GatewayError('InvalidAccessKeyId.NotFound', 404, 'Specified access key is not found.'),
  accessKeyInactive: () => new GatewayError('InvalidAccessKeyId.Inactive', 400, 'Specified access key is disabled.'),
  timestampFormat: (name: string) =>
    new GatewayError('InvalidTimeStamp.Format', 400, `Specified time stamp or date value is not well formatted (${name}).`),
  timestampExpired: (name: string, value: string) =>
    new GatewayError(
      'InvalidTimeStamp.Expired',
      400,
      `Specified time stamp or date value is expired: ${name}=${value} is more than 15 minutes away from the server time.`,
    ),
  nonceUsed: () => new GatewayError('SignatureNonceUsed', 400, 'Specified signature nonce was used already.'),
  signatureMismatch: (stringToSign: string) =>
    new GatewayError('SignatureDoesNotMatch', 400, `Specified signature does not match our calculation. server string to sign is:${stringToSign}`),
  incompleteSignature: (why: string) =>
    new GatewayError('IncompleteSignature', 400, `The request signature does not conform to Alibaba Cloud standards: ${why}`),
  signatureMethod: (value: string) =>
    new GatewayError('InvalidSignatureMethod', 400, `Specified signature method "${value}" is not valid; waihu accepts HMAC-SHA1 (V1) and ACS3-HMAC-SHA256 (V3).`),
  stsNotSupported: () =>
    new GatewayError(
      'InvalidSecurityToken.NotSupported',
      400,
      'waihu does not issue STS tokens yet; sign requests with an AccessKey pair instead (see docs/authentication.md).',
    ),
  formatInvalid: (value: string) =>
    new GatewayError('InvalidParameter.Format', 400, `Specified parameter Format "${value}" is not valid; use JSON or XML.`),
  throttlingUser: (retryAfterMs: number) =>
    new GatewayError('Throttling.User', 400, 'Request was denied due to user flow control.', { 'x-acs-retry-after': String(retryAfterMs) }),
  throttlingApi: (retryAfterMs: number) =>
    new GatewayError('Throttling.Api', 400, 'Request was denied due to api flow control.', { 'x-acs-retry-after': String(retryAfterMs) }),
  notImplemented: (product: string, action: string) =>
    new GatewayError('NotImplemented', 501, `waihu does not implement ${product} ${action} yet; see docs/api-coverage.md for what is built.`),
  bodyTooLarge: (maxBytes: number) =>
    new GatewayError('RequestEntityTooLarge', 413, `The request body exceeds the limit of ${maxBytes} bytes.`),
  internal: () => new GatewayError('InternalError', 500, 'The request processing has failed due to some unknown error.'),
};
