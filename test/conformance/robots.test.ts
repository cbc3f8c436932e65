// Robots through the official clients: CreateRobot, UpdateRobot, GetRobot, ListRobots and DeleteRobot; the script
// is checked node by node (errors name Script, the node and the field), every update bumps Version, and other
// accounts' robots are invisible.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { REPAYMENT_REMINDER_SCRIPT } from '../../src/core/agents/robot-samples.js';
import { startTestServer, type TestServer } from '../support/conformance-server.js';
import { DYVMS, popCore } from '../support/sdk-clients.js';
import { CLIENTS, exactId, otherTenant } from './aiccs-kit.js';
import { created, refused, waihu } from './waihu-kit.js';

const SCRIPT = JSON.stringify(REPAYMENT_REMINDER_SCRIPT);
const GOODBYE = { version: 1, start: 'bye', nodes: { bye: { type: 'hangup', prompt: '再见' } } };

describe('robots', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server?.stop());

  for (const client of CLIENTS) {
    test(`${client}: create, read, update (one version up each time), list and delete`, async () => {
      const t = await otherTenant(server, `robots ${client}`);
      const id = exactId(await created(client, t, 'CreateRobot', { Name: '还款提醒', Script: SCRIPT }));
      const got = await waihu(client, t, 'GetRobot', { DialogId: id });
      assert.deepEqual({ ...got, CreateTime: 0, UpdateTime: 0 }, { DialogId: id, Name: '还款提醒', Version: 1, Script: JSON.parse(SCRIPT), CreateTime: 0, UpdateTime: 0 });

      assert.equal((await waihu(client, t, 'UpdateRobot', { DialogId: id, Name: '还款提醒 v2' })).Version, 2);
      const replaced = await waihu(client, t, 'UpdateRobot', { DialogId: id, Script: JSON.stringify(GOODBYE) });
      assert.deepEqual([replaced.Name, replaced.Version], ['还款提醒 v2', 3]);
      assert.deepEqual((await waihu(client, t, 'GetRobot', { DialogId: id })).Script, GOODBYE);
      assert.equal((await server.app.agents.robots.script(t.accountId, id)).start, 'bye');

      const other = exactId(await created(client, t, 'CreateRobot', { Name: '问卷', Script: JSON.stringify(GOODBYE) }));
      const list = await waihu(client, t, 'ListRobots', { PageSize: 10 });
      assert.deepEqual(list.Total, 2);
      assert.deepEqual((list.List as unknown as Record<string, unknown>[]).map((r) => [r.DialogId, r.Version, 'Script' in r]), [[other, 1, false], [id, 3, false]]);
      assert.deepEqual((await waihu(client, t, 'ListRobots', { Name: '还款' })).Total, 1);

      assert.deepEqual(await waihu(client, t, 'DeleteRobot', { DialogId: id }), { DialogId: id });
      await refused(client, t, 'GetRobot', { DialogId: id }, 'InvalidDialogId.NotFound', 404, new RegExp(`"${id}" does not exist`));
    });

    test(`${client}: a bad script is refused naming Script, the node and the field; the stored script stays`, async () => {
      const t = await otherTenant(server, `bad robots ${client}`);
      await refused(client, t, 'CreateRobot', { Name: 'r', Script: '{"version": 1,' }, 'InvalidParameter', 400, /^The specified value of parameter "Script" is not valid: not JSON text: /);
      const dangling = { version: 1, start: 'a', nodes: { a: { type: 'say', prompt: 'hi', next: 'nowhere' } } };
      await refused(client, t, 'CreateRobot', { Name: 'r', Script: JSON.stringify(dangling) }, 'InvalidParameter', 400, /"Script" is not valid: .*node "a": next "nowhere" is not a node/);
      await refused(client, t, 'CreateRobot', { Name: 'r' }, 'MissingScript', 400);
      const id = exactId(await created(client, t, 'CreateRobot', { Name: 'r', Script: JSON.stringify(GOODBYE) }));
      const badType = { version: 1, start: 'bye', nodes: { bye: { type: 'dance' } } };
      await refused(client, t, 'UpdateRobot', { DialogId: id, Script: JSON.stringify(badType) }, 'InvalidParameter', 400, /node "bye": type "dance"/);
      await refused(client, t, 'UpdateRobot', { DialogId: id, Script: ' ' }, 'InvalidParameter', 400, /Script must not be empty/);
      await refused(client, t, 'CreateRobot', { Name: 'r', Script: SCRIPT }, 'Name.AlreadyExists', 400, /"r" already exists/);
      assert.deepEqual(await waihu(client, t, 'GetRobot', { DialogId: id }).then((r) => [r.Version, r.Script]), [1, GOODBYE]);
    });

    test(`${client}: another account can neither see nor change the caller's robots`, async () => {
      const a = await otherTenant(server, `robot owner ${client}`);
      const b = await otherTenant(server, `robot neighbour ${client}`);
      const id = exactId(await created(client, a, 'CreateRobot', { Name: 'mine', Script: SCRIPT }));
      for (const action of ['GetRobot', 'UpdateRobot', 'DeleteRobot']) {
        await refused(client, b, action, { DialogId: id, Name: 'stolen' }, 'InvalidDialogId.NotFound', 404);
      }
      assert.equal((await waihu(client, b, 'ListRobots')).Total, 0);
      await created(client, b, 'CreateRobot', { Name: 'mine', Script: SCRIPT });
      assert.deepEqual(await waihu(client, a, 'GetRobot', { DialogId: id }).then((r) => [r.Name, r.Version]), ['mine', 1]);
    });
  }

  for (const client of CLIENTS) {
    test(`${client}: dyvms QueryRobotv2AllList lists every robot of the account as Data JSON text, ids kept whole`, async () => {
      const t = await otherTenant(server, `robot list ${client}`);
      const first = exactId(await created(client, t, 'CreateRobot', { Name: '还款提醒', Script: SCRIPT }));
      const second = exactId(await created(client, t, 'CreateRobot', { Name: '满意度回访', Script: JSON.stringify(GOODBYE) }));
      const body = client === 'pop-core V1'
        ? await popCore(t.url, DYVMS, t.key).request('QueryRobotv2AllList', {}, 'POST')
        : (await t.core.call({ version: DYVMS, action: 'QueryRobotv2AllList', params: {} })).body;
      assert.equal(body.Code, 'OK');
      assert.equal(typeof body.Data, 'string', 'Data is JSON text, as the doc types it');
      assert.deepEqual(JSON.parse(String(body.Data)), [
        { id: second, robotName: '满意度回访', robotType: 'CUSTOM' },
        { id: first, robotName: '还款提醒', robotType: 'CUSTOM' },
      ]);
      const stranger = await otherTenant(server, `no robots ${client}`);
      const none = (await stranger.core.call({ version: DYVMS, action: 'QueryRobotv2AllList', params: {} })).body;
      assert.equal(none.Data, '[]');
    });
  }
});
