/**
 * The Agents & robots page in Chromium against a real waihu (SQLite, simulated carrier, no LLM): a robot and an
 * application made through the SDK are listed; the robot's script editor points at a JSON syntax error by line, and
 * passes on the server's refusal of a broken script (naming the node and field) without saving it; a test call by
 * text with the robot shows its greeting with the variable filled, the branch the typed answer leads to, the end and
 * the analysis; the application's test call answers in its start word. Screenshots go to test-artifacts/console/.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { defaultTenant } from '../conformance/aiccs-kit.js';
import { SURVEY_SCRIPT } from '../conformance/robot-task-kit.js';
import { created, waihu } from '../conformance/waihu-kit.js';
import { screenshot } from './browser-kit.js';
import { consoleSkip as skip, startConsoleServer, submitSignIn, type ConsoleServer } from './console-kit.js';

describe('the Agents & robots page in Chromium', { skip, timeout: 120_000 }, () => {
  let web: ConsoleServer;
  let dialogId: string;
  let appCode: string;
  before(async () => {
    web = await startConsoleServer();
    const t = defaultTenant(web.server);
    dialogId = await created('openapi-core V3', t, 'CreateRobot', { Name: '满意度回访', Script: JSON.stringify(SURVEY_SCRIPT) });
    appCode = await created('openapi-core V3', t, 'CreateLlmApplication', { Name: '回访助手', Prompt: '你是回访助手，称呼对方${name}。', StartWord: '${name}您好，我是回访助手。' });
  });
  after(() => web?.stop());

  async function page(width = 1280): Promise<Page> {
    const p = await web.newPage(false, { width });
    await submitSignIn(p, web.admin);
    // On a phone the navigation sits behind the menu button: it is there, not shown.
    await p.locator('#section-nav').waitFor({ state: 'attached' });
    return p;
  }

  test('the lists show the robot and the application; the robot editor reports a JSON syntax error by line and the server\'s refusal by node', async () => {
    const p = await page();
    await p.getByRole('navigation', { name: '控制台导航' }).getByRole('link', { name: '智能体与机器人' }).click();
    await p.getByRole('heading', { name: '智能体与机器人', level: 1 }).waitFor();
    await p.getByRole('link', { name: '回访助手' }).waitFor();
    await screenshot(p, 'agents-list');
    await p.getByRole('link', { name: '满意度回访' }).click();
    await p.getByRole('heading', { name: '机器人：满意度回访' }).waitFor();

    const editor = p.getByLabel('剧本 JSON');
    const original = await editor.inputValue();
    // A trailing comma on line 3: the browser finds it, the editor says which line.
    const lines = original.split('\n');
    lines[2] = `${lines[2]},`;
    await editor.fill(lines.join('\n'));
    await p.getByRole('button', { name: '校验并保存' }).click();
    const syntax = p.getByText(/第 \d+ 行第 \d+ 列不是合法的 JSON/);
    await syntax.waitFor();
    assert.match(await syntax.innerText(), /第 [34] 行/, 'the problem is placed at the broken line (or where the next token is)');
    const caret = await editor.evaluate((el) => {
      const area = el as unknown as { value: string; selectionStart: number; scrollTop: number };
      return { line: area.value.slice(0, area.selectionStart).split('\n').length, scrollTop: area.scrollTop };
    });
    assert.ok(caret.line === 3 || caret.line === 4, `the caret is on the broken line, not line ${caret.line}`);
    assert.ok(caret.scrollTop < 40, 'the editor scrolled back up to the problem');
    await screenshot(p, 'agents-robot-syntax-error');

    // Valid JSON, invalid script: a node pointing nowhere is refused by the server, naming the node and the field.
    const broken = JSON.parse(original) as { nodes: Record<string, Record<string, unknown>> };
    broken.nodes.greet!.noInput = { retries: 0, next: 'nowhere' };
    await editor.fill(JSON.stringify(broken, null, 2));
    await p.getByRole('button', { name: '校验并保存' }).click();
    const refusal = p.getByRole('alert').filter({ hasText: '剧本未通过校验' });
    await refusal.waitFor();
    assert.match(await refusal.innerText(), /node "greet".*"nowhere"/);
    await screenshot(p, 'agents-robot-refused');
    const stored = await waihu('openapi-core V3', defaultTenant(web.server), 'GetRobot', { DialogId: dialogId });
    assert.equal(stored.Version, 1, 'a refused script is not saved');

    await editor.fill(original);
    await p.getByRole('button', { name: '校验并保存' }).click();
    await p.getByText('校验通过，已保存为第 2 版。').waitFor();
  });

  test('a test call with the robot: greeting with the variable, a typed answer, the branch\'s reply, the end and the analysis', async () => {
    const p = await page();
    await p.goto(`${web.server.url}/console/#/agents/robot/${dialogId}`);
    const panel = p.getByRole('region', { name: '测试通话' });
    await panel.getByLabel('name').fill('王先生');
    await panel.getByLabel('company').fill('云保险');
    await panel.getByRole('button', { name: '开始测试通话' }).click();
    const log = panel.getByRole('list', { name: '对话记录' });
    await log.getByText('您好王先生，这里是云保险回访中心，请问您现在方便吗？').waitFor();
    await panel.getByLabel('你说').fill('方便，你说');
    await panel.getByRole('button', { name: '发送' }).click();
    await log.getByText('好的，感谢您的支持，再见。').waitFor();
    await panel.getByText('通话已结束（由机器人挂断）').waitFor();
    const analysis = await panel.locator('dl.kv').innerText();
    assert.match(analysis, /有意向/);
    assert.match(analysis, /意向: 同意/);
    assert.deepEqual(await log.locator('li').evaluateAll((items) => items.map((li) => li.getAttribute('data-who'))), ['bot', 'me', 'bot']);
    await screenshot(p, 'agents-robot-test-call');
  });

  test('on a phone: the application page edits the start word, its test call speaks it, takes keys, and hangs up when the tester does', async () => {
    const p = await page(390);
    await p.goto(`${web.server.url}/console/#/agents/app/${appCode}`);
    await p.getByRole('heading', { name: '大模型应用：回访助手' }).waitFor();
    await p.getByLabel('开场白').fill('${name}您好，我是新版回访助手，耽误您一分钟可以吗？');
    await p.getByRole('button', { name: '保存', exact: true }).click();
    await p.getByText('已保存。').waitFor();
    const panel = p.getByRole('region', { name: '测试通话' });
    await panel.getByLabel('name').fill('李女士');
    await panel.getByRole('button', { name: '开始测试通话' }).click();
    await panel.getByText('李女士您好，我是新版回访助手，耽误您一分钟可以吗？').waitFor();
    await panel.getByLabel('按键').fill('1');
    await panel.getByRole('button', { name: '按下' }).click();
    await panel.getByText('（按键 1）').waitFor();
    // The application has no steps to go through: after one answer the script brain closes and hangs up.
    await panel.getByText('通话已结束（由机器人挂断）').waitFor();
    await panel.getByRole('button', { name: '再测一次' }).click();
    await panel.getByRole('button', { name: '挂断' }).click();
    await panel.getByText('通话已结束（由你挂断）').waitFor();
    await screenshot(p, 'agents-app-test-call-phone');
  });
});
