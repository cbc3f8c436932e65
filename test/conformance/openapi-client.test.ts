// @alicloud/openapi-client (the legacy tea core) against a running waihu: every signature, method and parameter
// location, AccessKey management through the API, and the Error shape it throws (vectors openapi-client-10…19).
import { openApiClient } from '../support/sdk-clients.js';
import { assertOpenApiClientError } from '../support/sdk-errors.js';
import { teaClientSuite } from '../support/tea-client-suite.js';

teaClientSuite('@alicloud/openapi-client', openApiClient, assertOpenApiClientError);
