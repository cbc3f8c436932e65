import { test } from 'node:test';
import assert from 'node:assert/strict';
import dgram from 'node:dgram';
import { randomInt } from 'node:crypto';
import { RtpPortPool } from './rtp-port-pool.js';

/** A random even base in the unprivileged, non-ephemeral range, so parallel runs rarely meet. */
const randomBase = () => 2 * randomInt(15000, 16000);

test('hands out distinct even ports of the range, round-robin, and takes them back', async () => {
  const base = randomBase();
  const pool = new RtpPortPool({ minPort: base - 1, maxPort: base + 6 });
  assert.equal(pool.capacity, 4, `${base}, +2, +4, +6`);
  const leases = [await pool.acquire(), await pool.acquire()];
  assert.deepEqual(leases.map((l) => l.port), [base, base + 2]);
  assert.deepEqual(leases[0]!.socket.address(), { address: '127.0.0.1', family: 'IPv4', port: base });
  assert.equal(pool.leased, 2);
  leases[0]!.release();
  leases[0]!.release();
  assert.equal(pool.leased, 1);
  const third = await pool.acquire();
  assert.equal(third.port, base + 4, 'a freed port is not reused at once');
  for (const lease of [leases[1]!, third]) lease.release();
  assert.equal(pool.leased, 0);
});

test('a port another socket holds is skipped; a full range rejects', async () => {
  const base = randomBase();
  const squatter = dgram.createSocket('udp4');
  await new Promise<void>((resolve) => squatter.bind(base, '127.0.0.1', resolve));
  try {
    const pool = new RtpPortPool({ minPort: base, maxPort: base + 3 });
    const lease = await pool.acquire();
    assert.equal(lease.port, base + 2);
    await assert.rejects(pool.acquire(), /no free RTP port/);
    lease.release();
    assert.equal((await pool.acquire().then((l) => (l.release(), l))).port, base + 2);
  } finally {
    squatter.close();
  }
});

test('concurrent acquires never get the same port', async () => {
  const base = randomBase();
  const pool = new RtpPortPool({ minPort: base, maxPort: base + 19 });
  const leases = await Promise.all(Array.from({ length: 10 }, () => pool.acquire()));
  assert.equal(new Set(leases.map((l) => l.port)).size, 10);
  for (const lease of leases) lease.release();
});

test('a range without an even port in 1024-65535 is refused', () => {
  assert.throws(() => new RtpPortPool({ minPort: 21001, maxPort: 21001 }), RangeError);
  assert.throws(() => new RtpPortPool({ minPort: 80, maxPort: 100 }), RangeError);
  assert.throws(() => new RtpPortPool({ minPort: 30000, maxPort: 20000 }), RangeError);
});
