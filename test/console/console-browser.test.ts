/**
 * The console in a real browser (Debian Chromium, headless) against a real waihu (SQLite, simulated carrier) serving
 * the built console: sign in as the first-start admin, a wrong password is refused in words, the task list shows a
 * task created through the SDK and opens its detail, a new AccessKey's secret is shown once and never again, and the
 * language switch turns the interface to English. Screenshots go to test-artifacts/console/. Needs the console built
 * (`npm run build:console`, part of `npm test`); skipped without Chromium.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTask, defaultTenant, tenantOf, via } from '../conformance/aiccs-kit.js';
import { screenshot } from './browser-kit.js';
import { consoleSkip as skip, startConsoleServer, type ConsoleServer } from './console-kit.js';

describe('the console in Chromium', { skip, timeout: 120_000 }, () => {
  let web: ConsoleServer;
  before(async () => {
    web = await startConsoleServer();
  });
  after(() => web?.stop());

  /** A fresh page (no cookies), signed in as the admin unless told otherwise. */
  const page = (signIn = true) => web.newPage(signIn, { height: 800 });

  test('sign-in: a wrong password is refused in words; the admin gets in and sees the navigation in Chinese', async () => {
    const p = await page(false);
    await p.getByLabel('用户名').fill(web.admin.name);
    await p.getByLabel('密码').fill('not the password');
    await p.getByRole('button', { name: '登录' }).click();
    await p.getByText('用户名或密码不正确。').waitFor();
    await screenshot(p, 'sign-in-refused');
    await p.getByLabel('密码').fill(web.admin.password);
    await p.getByRole('button', { name: '登录' }).click();
    const nav = p.getByRole('navigation', { name: '控制台导航' });
    await nav.waitFor();
    for (const item of ['概览', '外呼任务', '智能体与机器人', 'API 密钥']) assert.equal(await nav.getByRole('link', { name: item }).count(), 1, item);
    await screenshot(p, 'signed-in');
    await p.context().close();
  });

  test('the task list shows a task created through the SDK; its row opens the task detail', async () => {
    const taskId = await createTask(defaultTenant(web.server), '春季回访');
    const p = await page();
    await p.getByRole('navigation', { name: '控制台导航' }).getByRole('link', { name: '外呼任务' }).click();
    const row = p.getByRole('row', { name: /春季回访/ });
    await row.waitFor();
    assert.match(await row.innerText(), new RegExp(`${taskId}\t(未启动|运行中)`), 'its id and status in Chinese');
    await screenshot(p, 'tasks');
    await row.getByRole('link', { name: '春季回访' }).click();
    await p.getByRole('heading', { name: /春季回访/ }).waitFor();
    assert.match(await p.locator('main').innerText(), new RegExp(taskId));
    await screenshot(p, 'task-detail');
    await p.context().close();
  });

  test('a new AccessKey shows its secret once: after the dialog closes the secret is nowhere on the page', async () => {
    const p = await page();
    await p.getByRole('navigation', { name: '控制台导航' }).getByRole('link', { name: 'API 密钥' }).click();
    await p.getByLabel('备注').fill('console test key');
    await p.getByRole('button', { name: '创建 AccessKey' }).click();
    const dialog = p.getByRole('dialog', { name: 'AccessKey 已创建' });
    await dialog.waitFor();
    const keyId = /LTAI[A-Za-z0-9]+/.exec(await dialog.innerText())?.[0];
    const secret = await dialog.getByLabel('AccessKeySecret').inputValue();
    assert.ok(keyId && secret.length >= 20, 'the dialog shows the key and its secret');
    // The secret shown is the real one: the SDK signs with it.
    const signed = await via('openapi-core V3', tenantOf(web.server, { AccessKeyId: keyId, AccessKeySecret: secret, AccountId: defaultTenant(web.server).accountId }), 'QueryAiCallTaskPage', { PageNumber: 1, PageSize: 1 });
    assert.equal(signed.Code, 'OK');
    await screenshot(p, 'access-key-created');
    await dialog.getByRole('button', { name: '我已保存' }).click();
    await dialog.waitFor({ state: 'detached' });
    assert.ok(!(await p.content()).includes(secret), 'the secret is gone once the dialog is closed');
    assert.match(await p.locator('main').innerText(), /console test key/);
    await p.context().close();
  });

  test('the language switch turns the interface to English and is remembered after a reload', async () => {
    const p = await page();
    await p.getByLabel('语言').selectOption('en');
    await p.getByRole('navigation', { name: 'Console navigation' }).getByRole('link', { name: 'Tasks' }).waitFor();
    await p.reload();
    await p.getByRole('navigation', { name: 'Console navigation' }).waitFor();
    await screenshot(p, 'english');
    await p.context().close();
  });
});
