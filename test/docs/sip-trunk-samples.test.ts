/**
 * The waihu samples of docs/sip-trunks.md are what operators copy: each `json waihu-config NAME` block is loaded as
 * waihu.config.json and each `sh waihu-env NAME` block as the environment, through the real loader (src/config), and
 * must give a SIP carrier aimed at the proxy the sample is about. The JSON and env forms of one sample must mean the
 * same configuration, and the FreeSWITCH and Kamailio pieces next to them must point at the same addresses, so a
 * misspelt key, a bad value or two samples drifting apart fails here rather than at someone's first call.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { configSchema, envName, loadConfig, parseHostPort, type Config } from '../../src/config/config.js';
import { createTelephonyProvider, type TelephonyProviderDeps } from '../../src/app/telephony-provider.js';

const doc = readFileSync(new URL('../../docs/sip-trunks.md', import.meta.url), 'utf8');

/** Fenced blocks whose info string is `<language> <kind> [name]`, e.g. ```json waihu-config carrier. */
function blocks(kind: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const match of doc.matchAll(/^```\S+[ \t]+(\S+)(?:[ \t]+(\S+))?[ \t]*\n([\s\S]*?)^```[ \t]*$/gm)) {
    if (match[1] !== kind) continue;
    const name = match[2] ?? '';
    assert.ok(!found.has(name), `two \`${kind} ${name}\` blocks`);
    found.set(name, match[3]!);
  }
  return found;
}

const block = (kind: string): string => {
  const text = blocks(kind).get('');
  assert.ok(text !== undefined, `docs/sip-trunks.md has no \`${kind}\` block`);
  return text;
};

/** What each sample is about: the proxy waihu must send to, and what else it must carry. */
const EXPECTED: Record<string, { sipProxy: string; sipUsername?: string; sipAdvertisedAddress?: string }> = {
  carrier: { sipProxy: 'sbc.carrier.example:5060', sipUsername: 'trunk-account', sipAdvertisedAddress: '203.0.113.7' },
  freeswitch: { sipProxy: '10.0.0.10:5070' },
  kamailio: { sipProxy: '10.0.0.20:5060' },
};

const freshDir = () => mkdtempSync(path.join(tmpdir(), 'waihu-trunk-doc-'));

function loadJsonSample(text: string): Config {
  const dir = freshDir();
  writeFileSync(path.join(dir, 'waihu.config.json'), text);
  return loadConfig({}, dir);
}

/** Variable names the loader reads; it skips any other WAIHU_* name silently, so the test has to catch typos. */
const KNOWN_ENV = new Set(Object.keys(configSchema.shape).map(envName));

/** KEY=value lines as a shell reads them here: blank lines and `# comments` skipped, optional export and quotes. */
function parseEnvSample(text: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const raw of text.split('\n')) {
    const line = raw.replace(/(^|\s)#.*$/, '').trim();
    if (line === '') continue;
    const match = /^(?:export\s+)?([A-Z0-9_]+)=(.*)$/.exec(line);
    assert.ok(match, `not a KEY=value line: ${raw}`);
    const [, key, value] = match;
    assert.ok(KNOWN_ENV.has(key!), `${key} is not a waihu setting`);
    env[key!] = value!.replace(/^(['"])(.*)\1$/, '$2');
  }
  return env;
}

const withoutDataDir = ({ dataDir: _dataDir, ...rest }: Config) => rest;

const json = blocks('waihu-config');
const env = blocks('waihu-env');

test('every trunk sample comes as a config file and as env vars, and no other sample is left unchecked', () => {
  assert.deepEqual([...json.keys()].sort(), Object.keys(EXPECTED).sort());
  assert.deepEqual([...env.keys()].sort(), Object.keys(EXPECTED).sort());
});

for (const [name, expected] of Object.entries(EXPECTED)) {
  test(`sample "${name}": the file and the env vars load as the same SIP trunk at ${expected.sipProxy}`, () => {
    const fromFile = loadJsonSample(json.get(name) ?? '{}');
    const fromEnv = loadConfig(parseEnvSample(env.get(name) ?? ''), freshDir());
    for (const config of [fromFile, fromEnv]) {
      assert.equal(config.telephony, 'sip');
      assert.equal(config.sipProxy, expected.sipProxy);
      assert.equal(config.sipUsername, expected.sipUsername);
      assert.equal(config.sipAdvertisedAddress, expected.sipAdvertisedAddress);
      // The samples are for hosts behind a known address: each names it rather than leaving it to route detection.
      assert.ok(config.sipAdvertisedAddress !== undefined || !/^(0\.0\.0\.0|\[::\]):/.test(config.sipBind), `${name} binds ${config.sipBind} and advertises nothing`);
    }
    assert.deepEqual(withoutDataDir(fromEnv), withoutDataDir(fromFile));
  });

  test(`sample "${name}": waihu builds its SIP carrier from it and the start log names ${expected.sipProxy}`, () => {
    // The SIP carrier needs nothing from the store or the clock; they only serve the simulator.
    const provider = createTelephonyProvider(loadJsonSample(json.get(name) ?? '{}'), {} as TelephonyProviderDeps);
    assert.match(provider.description, new RegExp(`^the SIP trunk ${expected.sipProxy.replace(/\./g, '\\.')} \\(SIP on \\S+, RTP \\d+-\\d+`));
  });
}

test('the FreeSWITCH pieces match the waihu sample: the profile listens where waihu sends, the ACL admits waihu', () => {
  const waihu = loadJsonSample(json.get('freeswitch') ?? '{}');
  const proxy = parseHostPort(waihu.sipProxy ?? '');
  const profile = block('freeswitch-profile');
  const param = (name: string) => new RegExp(`<param name="${name}" value="([^"]*)"/>`).exec(profile)?.[1];
  assert.equal(param('sip-ip'), proxy.host);
  assert.equal(param('sip-port'), String(proxy.port));
  assert.equal(param('apply-inbound-acl'), /<list name="([^"]+)"/.exec(block('freeswitch-acl'))?.[1]);
  assert.match(block('freeswitch-acl'), new RegExp(`cidr="${parseHostPort(waihu.sipBind).host}/32"`));
  // waihu speaks G.711 and RFC 2833 on payload 101 only.
  assert.equal(param('inbound-codec-prefs'), 'PCMU,PCMA');
  assert.equal(param('dtmf-type'), 'rfc2833');
  assert.equal(param('rfc2833-pt'), '101');
  // The dialplan context is the one the profile sends calls into, and bridges to the gateway defined next to it.
  const dialplan = block('freeswitch-dialplan');
  assert.match(dialplan, new RegExp(`<context name="${param('context')}">`));
  const gateway = /<gateway name="([^"]+)">/.exec(block('freeswitch-gateway'))?.[1];
  assert.match(dialplan, new RegExp(`sofia/gateway/${gateway}/`));
});

test('the Kamailio pieces match the waihu sample: it listens where waihu sends, and trusts waihu\'s address', () => {
  const waihu = loadJsonSample(json.get('kamailio') ?? '{}');
  assert.match(block('kamailio-cfg'), new RegExp(`^listen=udp:${waihu.sipProxy?.replace(/\./g, '\\.')}$`, 'm'));
  const group = /allow_source_address\("(\d+)"\)/.exec(block('kamailio-cfg'))?.[1];
  const trusted = block('kamailio-address').split('\n').map((line) => line.trim().split(/\s+/)).filter((fields) => fields[0] === group);
  assert.ok(trusted.some((fields) => fields[1] === parseHostPort(waihu.sipBind).host), `address.list group ${group} lacks waihu's address`);
  // The dispatcher set the route picks from is the one listed.
  const set = /ds_select_domain\("(\d+)"/.exec(block('kamailio-cfg'))?.[1];
  assert.ok(block('kamailio-dispatcher').split('\n').some((line) => line.trim().startsWith(`${set} sip:`)), `dispatcher.list has no set ${set}`);
});
