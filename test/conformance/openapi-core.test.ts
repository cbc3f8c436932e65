// @alicloud/openapi-core (the core of every current generated product SDK) against a running waihu: the same cases
// as openapi-client, with the error classes it throws (vectors sdk-11…16): ClientError for 4xx, ServerError for 5xx.
import { openApiCore } from '../support/sdk-clients.js';
import { assertOpenApiCoreError, type Expected, type SdkError } from '../support/sdk-errors.js';
import { teaClientSuite } from '../support/tea-client-suite.js';

function assertCoreError(err: SdkError, expected: Expected): void {
  assertOpenApiCoreError(err, { ...expected, kind: expected.status >= 500 ? 'ServerError' : 'ClientError' });
}

teaClientSuite('@alicloud/openapi-core', openApiCore, assertCoreError);
