/**
 * Helpers of the 400-number registry suites: a local HTTP server standing in for the SMS gateway behind
 * verificationWebhookUrl, valid resident ID numbers, and dyvms calls through either official client.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { assertOpenApiCoreError, assertPopCoreError, rejection } from '../support/sdk-errors.js';
import type { ClientName, Tenant } from './aiccs-kit.js';
import { dyvms } from './dyvms-kit.js';

export { dyvms };

/** What the webhook received, and how it answers next. */
export interface WebhookReceiver {
  url: string;
  received: Record<string, unknown>[];
  /** The HTTP status the next POSTs get (200 by default). */
  status: number;
  /** The code last sent to `target`. */
  codeFor(target: string): string;
  close(): Promise<void>;
}

/** Starts the stand-in SMS gateway on a free loopback port. */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const receiver = { received: [] as Record<string, unknown>[], status: 200 };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      assert.equal(req.method, 'POST');
      assert.equal(req.headers['content-type'], 'application/json');
      if (receiver.status === 200) receiver.received.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>);
      res.writeHead(receiver.status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(receiver, {
    url: `http://127.0.0.1:${port}/sms`,
    codeFor(target: string) {
      const last = receiver.received.filter((m) => m.target === target).at(-1);
      assert.ok(last, `no code was delivered to ${target}`);
      return String(last.code);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}

// GB 11643 check character.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** A valid 18-character resident ID number from 17 digits. */
export function idCard(first17: string): string {
  const sum = WEIGHTS.reduce((acc, w, i) => acc + w * Number(first17[i]), 0);
  return first17 + '10X98765432'[sum % 11];
}

/** `Data` of a dyvms call as plain JSON (no int64 values inside). */
export async function dyvmsData(client: ClientName, t: Tenant, action: string, params: Record<string, unknown>): Promise<Record<string, unknown>> {
  return JSON.parse(JSON.stringify((await dyvms(client, t, action, params)).Data)) as Record<string, unknown>;
}

/** Asserts a dyvms call fails with that code and status, and its message matches; returns the error body. */
export async function dyvmsRefused(client: ClientName, t: Tenant, action: string, params: Record<string, unknown>, code: string, status: number, message: RegExp) {
  const err = await rejection(dyvms(client, t, action, params));
  const body = client === 'pop-core V1'
    ? assertPopCoreError(err, { code, status }, `${t.url}/`)
    : assertOpenApiCoreError(err, { code, status, kind: status >= 500 ? 'ServerError' : 'ClientError' });
  assert.match(String(body.Message), message);
  return body;
}
