/**
 * Console users in Chromium: the admin creates a user on the API keys page (the password typed twice), signs out,
 * and the new user signs in and is named in the header. Needs the console built (`npm run build:console`); skipped
 * without Chromium. Screenshot: test-artifacts/console/console-users.png.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { screenshot } from './browser-kit.js';
import { consoleSkip as skip, signIn, startConsoleServer, type ConsoleServer } from './console-kit.js';

describe('console users in Chromium', { skip, timeout: 120_000 }, () => {
  let web: ConsoleServer;
  before(async () => {
    web = await startConsoleServer();
  });
  after(() => web?.stop());

  test('a user created in the console signs in and sees their own name in the header', async () => {
    const p = await web.newPage(true, { height: 1000 });
    await p.getByRole('navigation', { name: '控制台导航' }).getByRole('link', { name: 'API 密钥' }).click();
    const section = p.getByRole('region', { name: '控制台用户' });
    await section.getByRole('row', { name: new RegExp(web.admin.name) }).waitFor();

    const form = section.getByRole('form', { name: '创建用户' });
    await form.getByLabel('用户名').fill('lin.wei');
    await form.getByLabel('密码', { exact: true }).fill('lin-wei-password');
    await form.getByLabel('确认密码').fill('lin-wei-passwrod');
    await form.getByRole('button', { name: '创建用户' }).click();
    await form.getByText('两次输入的密码不一致。').waitFor();
    assert.equal(await section.getByRole('row', { name: /lin\.wei/ }).count(), 0, 'nothing is created while the passwords differ');

    await form.getByLabel('确认密码').fill('lin-wei-password');
    await form.getByRole('button', { name: '创建用户' }).click();
    const row = section.getByRole('row', { name: /lin\.wei/ });
    await row.waitFor();
    assert.match(await row.innerText(), /正常/);
    assert.equal(await row.getByRole('button', { name: '禁用用户 lin.wei' }).count(), 1);
    // The signed-in admin's own row offers neither disable nor delete.
    assert.equal(await section.getByRole('button', { name: `删除用户 ${web.admin.name}` }).count(), 0);
    await screenshot(p, 'console-users');

    await p.getByRole('button', { name: '退出登录' }).click();
    await p.getByRole('button', { name: '登录' }).waitFor();
    await signIn(p, { name: 'lin.wei', password: 'lin-wei-password' });
    assert.match(await p.locator('header').innerText(), /用户:lin\.wei/);
    await screenshot(p, 'console-users-signed-in');
    await p.context().close();
  });
});
