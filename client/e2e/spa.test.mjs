// The SPA in a real Chromium, against the real API and database (scripts/e2e.sh sets them up).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const base = process.env.GAOXIN_E2E_URL ?? 'http://127.0.0.1:5181';
const shots = fileURLToPath(new URL('../screenshots/', import.meta.url));
const axeSource = readFileSync(fileURLToPath(new URL('../node_modules/axe-core/axe.min.js', import.meta.url)), 'utf8');
const sample = fileURLToPath(new URL('../../scripts/samples/observations-article-2023-03-31.csv', import.meta.url));
mkdirSync(shots, { recursive: true });

let browser;
before(async () => {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    // The machine's network is closed: no background connections, no sandbox as root.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
});
after(async () => browser?.close());

/** A fresh page in the given language (as a returning visitor who chose it would have it). */
async function open(path, { lang = 'zh-CN', width = 1280 } = {}) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: lang });
  await context.addInitScript((l) => { if (!localStorage.getItem('gaoxin.lang')) localStorage.setItem('gaoxin.lang', l); }, lang);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(base + path);
  return { page, context, errors };
}

const shot = (page, name) => page.screenshot({ path: `${shots}${name}.png`, fullPage: true });

describe('zone overview', () => {
  test('shows the figures of 2023-03-31 in Chinese, with their levels, date and source', async () => {
    const { page, context, errors } = await open('/');
    const rnd = page.locator('[data-indicator="enterprise-rnd-institutions"]');
    await rnd.waitFor();
    // Reported, not asserted (timings vary with the machine): from navigation to the first figure on screen.
    const shown = await page.evaluate(() => Math.round(performance.now()));
    console.log(`# overview: first figure on screen ${shown} ms after navigation (issue 18's aim: under 1,500 ms)`);
    const text = await rnd.innerText();
    assert.match(text, /企业研发机构/);
    assert.match(text, /78 个/);
    assert.match(text, /省级 29/);
    assert.match(text, /市级 49/);
    assert.match(text, /截至 2023-03-31/);
    assert.match(text, /聚焦“百千万工程”/);
    assert.match(await page.locator('[data-indicator="maker-spaces"]').innerText(), /国家级 1[\s\S]*省级 1[\s\S]*市级 2/);
    assert.match(await page.locator('[data-indicator="incubating-enterprises"]').innerText(), /18 个/);
    // The works: phase II with its 78 % and its month as the article gives it; the move-in, late today, needs attention.
    const road = await page.locator('[data-project="lab-area-road-network-phase-2"]').innerText();
    assert.match(road, /78%/);
    assert.match(road, /计划完成 2023-10(?!-)/);
    assert.match(await page.locator('[data-attention="project-zhanjiang-bay-laboratory-haidong/move-in"]').innerText(), /逾期[\s\S]*湛江湾实验室搬迁入驻海东 · 搬迁入驻/);
    // The illustrative quarterly set's latest ended round: no park has reported, and its due day has passed.
    assert.match(await page.locator('[data-attention^="round-quarterly-illustrative-"]').innerText(), /逾期[\s\S]*季度孵化情况（示例）[\s\S]*5 个园区逾期未上报/);
    assert.match(await page.locator('main').innerText(), /主要数据截至 2023-03-31/);
    // The make-up of the figures and the parks compared, each a chart with its table one click away.
    await page.locator('[role="img"][aria-label="级别构成"]').waitFor();
    await page.locator('[role="img"][aria-label="园区对比"]').waitFor();
    assert.match(await page.locator('details.chart-table').first().innerText({ timeout: 5000 }).catch(() => ''), /以表格查看数据/);
    assert.equal(await page.locator('.core-policy').innerText(), '关于促进高新技术产业开发区高质量发展的意见');
    await shot(page, 'overview-zh');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('switches to English with one click, and keeps it across reloads', async () => {
    const { page, context } = await open('/');
    await page.getByRole('button', { name: '切换到英文' }).click();
    const rnd = page.locator('[data-indicator="enterprise-rnd-institutions"]');
    await rnd.getByText('Enterprise R&D institutions').waitFor();
    assert.match(await rnd.innerText(), /Provincial 29[\s\S]*Municipal 49/);
    await page.reload();
    await rnd.getByText('Enterprise R&D institutions').waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    await page.getByText('Opinions on Promoting the High-quality Development of High-tech Industrial Development Zones').waitFor();
    await shot(page, 'overview-en');
    await context.close();
  });

  test('fits a 375 px wide phone without sideways scrolling', async () => {
    const { page, context } = await open('/', { width: 375 });
    await page.locator('[data-indicator="enterprise-rnd-institutions"]').waitFor();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 376, `page is ${width}px wide`);
    await shot(page, 'overview-375');
    await context.close();
  });

  test('the works timeline fits a 375 px wide phone too', async () => {
    const { page, context } = await open('/projects?from=2023-01-01&to=2023-12-31&on=2023-03-31', { width: 375 });
    await page.locator('[data-project="zhanjiang-bay-laboratory-haidong"]').first().waitFor();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 376, `page is ${width}px wide`);
    await context.close();
  });
});

describe('parks and indicators', () => {
  test('the tree leads to a park and its figures', async () => {
    const { page, context } = await open('/parks');
    await page.locator('[data-code="haidong"]').click();
    await page.waitForURL(/\/parks\/haidong$/);
    await page.getByRole('heading', { name: '海东园区' }).waitFor();
    await page.getByText('5,000 亩').waitFor();
    // Its works, the late first: the laboratory area's roads are there with their phases.
    await page.locator('section[aria-labelledby="park-works"] [data-project="lab-area-road-network-phase-2"]').waitFor();
    assert.match(await page.locator('section[aria-labelledby="park-works"]').innerText(), /实验室片区路网一期[\s\S]*已完工/);
    await shot(page, 'park-haidong-zh');
    await context.close();
  });

  test("a chart's figures are one click away as a table, for screen readers and for the numbers", async () => {
    const { page, context, errors } = await open('/parks/zhanjiang-hitech-zone');
    const row = page.locator('tr', { hasText: '企业研发机构' }).first();
    await row.getByText('以表格查看数据').click();
    const table = row.locator('.chart-table table');
    await table.waitFor();
    const text = await table.innerText();
    assert.match(text, /省级\s+29/);
    assert.match(text, /市级\s+49/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('a park picker finds a park by its Chinese name while the page is in English', async () => {
    const { page, context } = await open('/indicators/enterprise-rnd-institutions', { lang: 'en' });
    const picker = page.getByLabel('Parks', { exact: true });
    await picker.click();
    await picker.fill('海东');
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: 'Haidong Park' }).first().waitFor();
    await context.close();
  });

  test('an indicator shows its series and breakdown, in English too', async () => {
    const { page, context } = await open('/indicators/enterprise-rnd-institutions', { lang: 'en' });
    await page.getByRole('heading', { name: 'Enterprise R&D institutions' }).waitFor();
    const row = page.locator('tr', { hasText: 'zhanjiang-hitech-zone' }).first();
    await row.waitFor();
    assert.match(await row.innerText(), /78[\s\S]*Provincial 29[\s\S]*Municipal 49/);
    await shot(page, 'indicator-en');
    await context.close();
  });
});

describe('targets', () => {
  test("the zone's scorecard says which targets are late and why, most urgent first, with totals", async () => {
    const { page, context, errors } = await open('/parks/zhanjiang-hitech-zone?targets=all&on=2026-06-30');
    const rnd = page.locator('[data-target="enterprise-rnd-institutions/zhanjiang-hitech-zone/2023"]');
    await rnd.waitFor();
    const text = await rnd.innerText();
    assert.match(text, /已逾期/);
    assert.match(text, /≥ 90/);
    assert.match(text, /78/);
    assert.match(text, /示例/);
    assert.match(text, /已过截止日/);
    assert.match(await page.locator('[data-target="enterprise-rnd-institutions/zhanjiang-hitech-zone/2023/provincial"]').innerText(), /省级[\s\S]*已完成|已完成[\s\S]*省级/);
    const totals = await page.getByTestId('scorecard-totals').innerText();
    assert.match(totals, /已逾期 2/);
    assert.match(totals, /无数据 2/);
    assert.match(totals, /已完成 3/);
    const first = await page.locator('[data-target]').first().innerText();
    assert.match(first, /已逾期/);
    await shot(page, 'scorecard-zone-zh');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('the scorecard reads in English and a sub-park shows its own targets', async () => {
    const { page, context } = await open('/parks/haidong-incubator?on=2026-06-30', { lang: 'en' });
    const row = page.locator('[data-target="incubating-enterprises/haidong-incubator/2026"]');
    await row.waitFor();
    assert.match(await row.innerText(), /No data[\s\S]*≥ 30/);
    await page.locator('.ant-descriptions').getByRole('link', { name: 'Haidong Park' }).waitFor(); // the parent, by its name
    await shot(page, 'scorecard-incubator-en');
    await context.close();
  });
});

describe('evaluations', () => {
  test('the ranking, the points by dimension and the explanation of a park, from the list of schemes', async () => {
    const { page, context, errors } = await open('/evaluations');
    await page.getByRole('link', { name: /园区创新发展示例评价/ }).click();
    await page.waitForURL(/\/evaluations\/sample-innovation-index/);
    await page.goto(base + '/evaluations/sample-innovation-index?period=2023&park=haidong');
    const haidong = page.locator('[data-park="haidong"]');
    await haidong.waitFor();
    assert.match(await haidong.innerText(), /^1\s/);
    await page.getByRole('img', { name: '各园区分维度得分' }).waitFor();
    const explain = page.getByTestId('explain');
    await explain.waitFor();
    assert.match(await explain.innerText(), /已启动土地征收（示例）?|已启动土地征收/);
    assert.match(await explain.innerText(), /得分说明/);
    await shot(page, 'evaluation-zh');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('in English, an incubator is explained among the zone parks, with its missing inputs named', async () => {
    const { page, context } = await open('/evaluations/sample-innovation-index?period=2023&park=haidong-incubator', { lang: 'en' });
    const explain = page.getByTestId('explain');
    await explain.waitFor();
    const text = await explain.innerText();
    assert.match(text, /Why this score/);
    assert.match(text, /Enterprise R&D institutions: missing/);
    await page.getByRole('heading', { name: /Ranking · 2023/ }).waitFor();
    await shot(page, 'evaluation-en');
    await context.close();
  });
});

describe('policies', () => {
  test('typing 高质量 finds the core policy first, with the match highlighted, and the URL can be shared', async () => {
    const { page, context } = await open('/policies');
    const search = page.getByRole('searchbox', { name: '检索' }).or(page.locator('input[aria-label="检索"]')).first();
    await search.fill('高质量');
    await search.press('Enter');
    await page.waitForURL(/q=%E9%AB%98%E8%B4%A8%E9%87%8F/);
    // The unfiltered list shows first; the results have arrived when the matches are marked.
    await page.locator('[data-policy] mark').first().waitFor();
    const first = page.locator('[data-policy]').first();
    assert.equal(await first.getAttribute('data-policy'), 'high-quality-development-opinions');
    assert.equal(await first.locator('mark').first().innerText(), '高质量');
    await shot(page, 'policies-search-zh');
    await context.close();
  });

  test('an English word finds the illustrative incubation measures', async () => {
    const { page, context } = await open('/policies?q=incubator', { lang: 'en' });
    await page.locator('[data-policy] mark').first().waitFor();
    const first = page.locator('[data-policy]').first();
    assert.equal(await first.getAttribute('data-policy'), 'sample-incubation-support-measures');
    assert.match(await first.innerText(), /Illustrative/);
    await context.close();
  });

  test('the policy calculator, its own page, says which measures an incubating enterprise in Haidong may claim, and why', async () => {
    const { page, context } = await open('/calculator');
    await page.getByRole('heading', { level: 1, name: '政策计算器' }).waitFor();
    const choose = async (id, option) => {
      await page.locator(`#${id}`).click();
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
    };
    await choose('parkCode', '湛江高新产业园');
    await choose('industry', '海洋生物医药');
    await choose('qualifications', '在孵企业');
    await page.keyboard.press('Escape');
    const registered = new Date();
    registered.setFullYear(registered.getFullYear() - 1);
    await page.locator('#registeredOn').fill(registered.toISOString().slice(0, 10));
    await page.locator('#registeredOn').press('Enter');
    await page.locator('.matcher-form button[type="submit"]').click();
    const rent = page.locator('.match-result [data-measure="rent-reduction"]');
    await rent.waitFor();
    const text = await rent.innerText();
    assert.match(text, /可申报/);
    assert.doesNotMatch(text, /可能可申报|不符合/);
    assert.match(text, /在孵企业租金减免（示例）/);
    assert.match(text, /符合[\s\S]*注册在：海东园区/);
    // The result links to its document, and the whole answer can be taken away as CSV.
    assert.equal(await rent.getByRole('link', { name: /孵化育成若干措施/ }).getAttribute('href'), '/policies/sample-incubation-support-measures');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载 CSV' }).click()]);
    assert.match(download.suggestedFilename(), /^policy-matches-\d{4}-\d{2}-\d{2}\.csv$/);
    await shot(page, 'calculator-zh');
    await context.close();
  });
});

describe('import', () => {
  test('a dry run of the article figures reports 24 rows, all unchanged, and writes nothing', async () => {
    const { page, context } = await open('/import');
    await page.getByLabel('API 密钥（仅保存在本次会话）').fill(process.env.GAOXIN_E2E_KEY ?? '');
    await page.locator('input[type="file"]').setInputFiles(sample);
    await page.getByRole('button', { name: /试运行/ }).click();
    const report = page.locator('.import-report');
    await report.waitFor();
    const text = await report.innerText();
    assert.match(text, /总行数\s*24/);
    assert.match(text, /未变\s*24/);
    assert.match(text, /拒绝\s*0/);
    assert.match(text, /未写入任何数据/);
    await shot(page, 'import-dry-run-zh');
    await context.close();
  });

  test("a refused import says why, in the API's words, and leaves no earlier report on screen", async () => {
    const { page, context } = await open('/import');
    await page.getByLabel('API 密钥（仅保存在本次会话）').fill(process.env.GAOXIN_E2E_KEY ?? '');
    await page.locator('input[type="file"]').setInputFiles(sample);
    await page.getByRole('button', { name: /试运行/ }).click();
    await page.locator('.import-report').waitFor();
    await page.getByLabel('API 密钥（仅保存在本次会话）').fill('gx_bogusbog_kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk');
    await page.getByRole('button', { name: /试运行/ }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    const text = await alert.innerText();
    assert.doesNotMatch(text, /无法连接服务器/);
    assert.match(text, /未认证|API 密钥/);
    assert.equal(await page.locator('.import-report').count(), 0);
    await context.close();
  });
});

describe('enterprises (private)', () => {
  test('without a key the registry asks for one and shows no enterprise', async () => {
    const { page, context, errors } = await open('/enterprises');
    await page.getByRole('heading', { level: 1, name: '企业档案' }).waitFor();
    assert.match(await page.locator('main').innerText(), /请先输入具有 enterprises 权限的 API 密钥/);
    assert.equal(await page.getByText('示例海洋').count(), 0);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('with a key: search, open an enterprise, and see which measures it qualifies for and why', async () => {
    const { page, context, errors } = await open('/enterprises');
    await page.getByLabel('API 密钥（仅保存在本次会话）').fill(process.env.GAOXIN_E2E_KEY ?? '');
    await page.getByRole('link', { name: /示例.*企业001号/ }).waitFor();
    await page.getByLabel('名称、代码或统一社会信用代码').fill('001号');
    await page.getByLabel('名称、代码或统一社会信用代码').press('Enter');
    await page.waitForURL(/q=001/);
    await page.getByRole('link', { name: /企业001号/ }).click();
    await page.getByRole('heading', { level: 1, name: /企业001号/ }).waitFor();
    const main = await page.locator('main').innerText();
    assert.match(main, /91000000MA0000001R/);
    assert.match(main, /海创中心园区/); // the park by its name
    await page.getByRole('heading', { name: '可享政策' }).waitFor();
    await page.locator('.conditions').first().waitFor();
    assert.match(await page.locator('main').innerText(), /满足|可能满足|部分满足/);
    await shot(page, 'enterprise-zh');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("a measure's reverse view lists the enterprises that qualify, ranked, in English too", async () => {
    const { page, context, errors } = await open('/policies/sample-rnd-support-measures/measures/rnd-spend-subsidy/eligible', { lang: 'en' });
    await page.getByLabel('API key (kept for this session only)').fill(process.env.GAOXIN_E2E_KEY ?? '');
    await page.getByRole('heading', { level: 1, name: /Enterprises that qualify/ }).waitFor();
    await page.locator('.conditions').first().waitFor();
    const text = await page.locator('main').innerText();
    assert.match(text, /Meets all: \d+/);
    assert.match(text, /Sample .* Enterprise No\. \d{3}/);
    await shot(page, 'eligible-en');
    assert.deepEqual(errors, []);
    await context.close();
  });
});

describe('keyboard', () => {
  test("a task by keyboard alone: from the menu to the calculator, a profile in, a measure's document opened", async () => {
    const { page, context, errors } = await open('/');
    await page.locator('[data-indicator]').first().waitFor();
    const tabTo = async (reached, what, arg) => {
      for (let i = 0; i < 80; i++) {
        await page.keyboard.press('Tab');
        if (await page.evaluate(reached, arg)) return;
      }
      assert.fail(`Tab never reached ${what}`);
    };
    await tabTo(() => document.activeElement?.tagName === 'A' && document.activeElement.textContent === '政策计算器', 'the calculator in the menu');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: '政策计算器' }).waitFor();
    for (const [id, typed] of [['parkCode', '湛江高新产业园'], ['industry', '海洋生物医药'], ['qualifications', '在孵企业']]) {
      await tabTo((field) => document.activeElement?.id === field, id, id);
      await page.keyboard.type(typed);
      await page.keyboard.press('Enter');
    }
    await page.keyboard.press('Escape');
    const registered = new Date();
    registered.setFullYear(registered.getFullYear() - 1);
    await tabTo(() => document.activeElement?.id === 'registeredOn', 'the registration date');
    await page.keyboard.type(registered.toISOString().slice(0, 10));
    await page.keyboard.press('Enter');
    await tabTo(() => document.activeElement?.matches('.matcher-form button[type="submit"]'), 'the calculate button');
    await page.keyboard.press('Enter');
    await page.locator('.match-result [data-measure="rent-reduction"]').waitFor();
    await tabTo(() => document.activeElement?.tagName === 'A' && !!document.activeElement.closest('[data-measure="rent-reduction"]'), "the measure's document");
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/policies\/sample-incubation-support-measures$/);
    await page.getByRole('heading', { level: 1 }).waitFor();
    assert.deepEqual(errors, []);
    await context.close();
  });
});

describe('webhooks (private)', () => {
  test('a key subscribes a URL, sees the secret once, tests the target and reads why it failed, then deletes it', async () => {
    const { page, context, errors } = await open('/import');
    await page.getByRole('link', { name: /事件订阅（Webhook）/ }).click(); // found beside the imports
    await page.getByRole('heading', { level: 1, name: '事件订阅（Webhook）' }).waitFor();
    assert.match(await page.locator('main').innerText(), /请先输入具有 webhooks 或 admin 权限的 API 密钥/);
    await page.getByLabel('API 密钥（仅保存在本次会话）').fill(process.env.GAOXIN_E2E_KEY ?? '');
    // Port 9 on loopback (allowed in this API's configuration): nothing listens there, so a test message fails.
    await page.getByLabel('接收地址').fill('http://127.0.0.1:9/hooks');
    await page.getByLabel('事件类型').click();
    await page.getByLabel('事件类型').fill('观测值新建');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: '新建订阅' }).click();
    await page.getByText('签名密钥只显示这一次').waitFor();
    assert.match(await page.locator('main').innerText(), /whsec_[A-Za-z0-9+/]{43}=/);
    await page.getByRole('link', { name: 'http://127.0.0.1:9/hooks' }).click();
    await page.waitForURL(/\/webhooks\/wh_[a-z2-9]{16}$/);
    await page.getByRole('heading', { level: 1, name: /事件订阅 wh_/ }).waitFor();
    assert.doesNotMatch(await page.locator('main').innerText(), /whsec_/); // never shown again
    await page.getByRole('button', { name: '发送测试消息' }).click();
    await page.getByRole('alert').filter({ hasText: /测试消息未送达/ }).waitFor(); // a failure, shown as one
    assert.match(await page.locator('main').innerText(), /观测值新建/); // event types by name, not code
    await page.locator('tr', { hasText: '测试' }).filter({ hasText: '失败' }).first().waitFor();
    await shot(page, 'webhook-zh');
    await page.getByRole('button', { name: '删除订阅' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: /确\s*定|OK/ }).click();
    await page.waitForURL(/\/webhooks$/);
    assert.deepEqual(errors, []);
    await context.close();
  });
});

describe('projects and service cases', () => {
  test("the works on a timeline: the laboratory's move-in with its June date, what it waits for, the undated works apart", async () => {
    const { page, context, errors } = await open('/projects?from=2023-01-01&to=2023-12-31&on=2023-03-31');
    const lab = page.locator('[data-project="zhanjiang-bay-laboratory-haidong"]').first();
    await lab.waitFor();
    const row = await lab.innerText();
    assert.match(row, /搬迁入驻 2023-06/);
    assert.match(row, /正常/);
    assert.match(row, /依赖.*实验室片区路网一期/s);
    assert.match(await page.locator('[data-project="lab-area-road-network-phase-2"]').first().innerText(), /计划 2023-10.*78%/s);
    assert.match(await page.locator('main').innerText(), /尚无日期的项目[\s\S]*实验室片区运动公园/);
    await shot(page, 'projects-timeline-zh');

    await lab.getByRole('link', { name: '湛江湾实验室搬迁入驻海东' }).click();
    await page.getByRole('heading', { level: 1, name: '湛江湾实验室搬迁入驻海东' }).waitFor();
    await page.getByRole('link', { name: /搬迁入驻$/ }).click();
    await page.waitForURL(/milestone=move-in/);
    await page.getByRole('cell', { name: /实验室片区临时供气点/ }).waitFor();
    const prerequisites = await page.locator('section[aria-labelledby="prerequisites-title"]').innerText();
    assert.match(prerequisites, /逾期/); // judged today: the works the move-in waited for were never recorded done
    assert.match(prerequisites, /关键路径/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('in English, a project shows its progress from the indicator, with the figures as a table', async () => {
    const { page, context, errors } = await open('/projects/lab-area-road-network-phase-2?on=2023-03-31', { lang: 'en' });
    await page.getByRole('heading', { level: 1, name: 'Laboratory area road network, phase II' }).waitFor();
    const main = await page.locator('main').innerText();
    assert.match(main, /Under construction/);
    assert.match(main, /Planned completion\s+2023-10/);
    await page.getByText('Show the figures as a table').click();
    assert.match(await page.locator('details.chart-table').first().innerText(), /2023-03-31\s+78%/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('the service cases ask for a key, then show the overdue case first with its working days over', async () => {
    const caseKey = process.env.GAOXIN_E2E_CASES_KEY ?? '';
    const body = {
      code: 'sample-e2e-001', enterpriseName: '示例企业（示例数据）', parkCode: 'haidong', state: 'waitingOnDepartment', openedOn: '2023-09-20',
      steps: [{ procedure: 'land', departmentCode: 'potou-natural-resources', startedOn: '2023-09-22', timeLimitWorkingDays: 5 }], illustrative: true,
    };
    const created = await fetch(`${base}/api/v1/cases`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${caseKey}` }, body: JSON.stringify(body) });
    assert.equal(created.status, 201);

    const { page, context, errors } = await open('/projects/cases?overdue=true&department=potou-natural-resources');
    await page.getByRole('heading', { level: 1, name: /代办事项/ }).waitFor();
    assert.match(await page.locator('main').innerText(), /请先输入具有 cases 权限的 API 密钥/);
    await page.getByLabel('API 密钥（仅保存在本次会话）').fill(caseKey);
    await page.locator('[data-case="sample-e2e-001"]').waitFor();
    const main = await page.locator('main').innerText();
    assert.match(main, /逾期 \d+ 个工作日/);
    assert.match(main, /坡头区自然资源部门/);
    await shot(page, 'cases-zh');
    assert.deepEqual(errors, []);
    await context.close();
  });
});

describe('reporting rounds', () => {
  test('the officer sees who has not reported 2024-Q1, a park submits with its warning explained, it is approved and a later write is told why', async () => {
    const key = process.env.GAOXIN_E2E_CASES_KEY ?? '';
    const put = (indicatorCode, period, value) => fetch(`${base}/api/v1/observations`, {
      method: 'PUT', headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({ indicatorCode, parkCode: 'haidong', period, value, asOf: '2024-04-08' }),
    });
    // Illustrative figures: incubators doubled on a year before, which the set's warning asks to explain.
    for (const [indicator, period, value] of [['incubators', '2023-Q1', 2], ['incubators', '2024-Q1', 4], ['incubating-enterprises', '2024-Q1', 30], ['maker-spaces', '2024-Q1', 3], ['enterprise-rnd-institutions', '2024-Q1', 5]]) {
      assert.equal((await put(indicator, period, value)).status, 201);
    }

    const { page, context, errors } = await open('/rounds?set=quarterly-illustrative&to=2024-Q1');
    // Read your writes: what each of the page's writes answered with, and what its reads sent after it.
    const writeTokens = [];
    const readTokens = [];
    page.on('response', (r) => {
      if (r.request().method() !== 'GET' && r.url().includes('/api/') && r.ok()) writeTokens.push(r.headers()['gaoxin-consistency']);
    });
    page.on('request', (r) => {
      if (r.method() === 'GET' && r.url().includes('/api/')) readTokens.push(r.headers()['gaoxin-consistency']);
    });
    await page.getByRole('heading', { level: 1, name: '统计填报' }).waitFor();
    const haidong = page.locator('[data-cell="2024-Q1/haidong"]');
    await haidong.waitFor();
    assert.match(await haidong.innerText(), /填报中[\s\S]*100%/);
    assert.match(await page.locator('[data-cell="2024-Q1/haichuang-centre"]').innerText(), /未开始[\s\S]*0%/);
    await shot(page, 'rounds-matrix-zh');

    await haidong.click();
    await page.locator('[data-rule="incubators-year-on-year"]').waitFor();
    assert.match(await page.locator('[data-rule="incubators-year-on-year"]').innerText(), /100/);
    await page.getByLabel('API 密钥（仅保存在本次会话）').fill(key);
    const explanation = page.getByLabel('说明: 孵化器数同比变动不超过 50%');
    await explanation.waitFor();
    await explanation.fill('两家新孵化器于 2024 年 1 月认定（示例）');
    await page.getByRole('button', { name: '上报' }).click();
    await page.locator('[data-state="submitted"]').waitFor();
    await page.getByRole('button', { name: '审核通过' }).click();
    await page.locator('[data-state="approved"]').waitFor();

    const refused = await put('maker-spaces', '2024-Q1', 4);
    assert.equal(refused.status, 423);
    assert.match((await refused.json()).detail, /2024-Q1/);
    await page.reload();
    const lock = page.locator('[data-lock="approved"]');
    await lock.waitFor();
    // Before its first write the tab sent no token; after them, even across the reload, its reads carry the newest one
    // its writes were given, so behind a standby (make cluster) it never shows the round as it was before the approval.
    assert.equal(readTokens[0], undefined);
    assert.ok(writeTokens.length >= 2 && writeTokens.every((t) => /^[0-9A-F]+\/[0-9A-F]+$/.test(t)), writeTokens.join());
    assert.equal(readTokens.at(-1), writeTokens.at(-1));
    assert.match(await lock.innerText(), /已审核[\s\S]*退回/);
    assert.match(await page.locator('main').innerText(), /两家新孵化器于 2024 年 1 月认定（示例）/);
    await shot(page, 'round-park-zh');
    assert.deepEqual(errors, []);
    await context.close();
  });
});

describe('accessibility', () => {
  // Every page, in both languages, with the private pages' key in the session: axe-core (WCAG 2.x A/AA rules) finds no
  // serious or critical violation, and each page has one level-one heading. The check runs in a context that lets a
  // test script in past the app's Content-Security-Policy; the app itself runs unchanged.
  const pages = ['/', '/parks', '/parks/haidong', '/indicators', '/indicators/enterprise-rnd-institutions', '/policies',
    '/policies/sample-incubation-support-measures', '/calculator', '/evaluations', '/evaluations/sample-innovation-index', '/import',
    '/enterprises', '/enterprises/sample-enterprise-001', '/policies/sample-rnd-support-measures/measures/rnd-spend-subsidy/eligible',
    '/enterprises/match-events', '/webhooks', '/projects', '/projects/zhanjiang-bay-laboratory-haidong', '/projects/cases', '/rounds', '/rounds/quarterly-illustrative/2024-Q1/haidong', '/no-such-page'];
  for (const lang of ['zh-CN', 'en']) {
    test(`axe-core finds no serious or critical violation on any page (${lang})`, async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: lang, bypassCSP: true });
      await context.addInitScript(([l, key]) => { localStorage.setItem('gaoxin.lang', l); sessionStorage.setItem('gaoxin.apiKey', key); },
        [lang, process.env.GAOXIN_E2E_KEY ?? '']);
      const page = await context.newPage();
      const found = [];
      for (const path of pages) {
        await page.goto(base + path);
        await page.waitForLoadState('networkidle');
        await page.locator('.async-loading').first().waitFor({ state: 'detached' }).catch(() => {});
        await page.addScriptTag({ content: axeSource });
        const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
        for (const v of result.violations.filter((x) => x.impact === 'serious' || x.impact === 'critical')) {
          found.push(`${path}: ${v.id} (${v.nodes.length}) e.g. ${v.nodes[0].html.slice(0, 100)}`);
        }
        const h1 = await page.locator('h1').count();
        if (h1 !== 1) found.push(`${path}: ${h1} level-one headings`);
      }
      assert.deepEqual(found, []);
      await context.close();
    });
  }
});

describe('errors', () => {
  test('a first visit loads the shell and its page only, compressed, with hashed files cached for good', async () => {
    const { page, context } = await open('/');
    const scripts = [];
    page.on('response', (r) => { if (r.url().endsWith('.js')) scripts.push(r); });
    await page.reload();
    await page.locator('[data-indicator="enterprise-rnd-institutions"]').waitFor();
    assert.ok(scripts.length > 1, 'the app is split into chunks');
    for (const response of scripts) {
      const headers = await response.allHeaders();
      assert.equal(headers['content-encoding'], 'br', response.url());
      assert.match(headers['cache-control'], /immutable/, response.url());
    }
    const index = await page.request.get(base + '/', { headers: { 'Accept-Encoding': 'gzip' } });
    assert.equal(index.headers()['cache-control'], 'no-cache');
    assert.equal(index.headers()['content-encoding'], 'gzip');
    // The enterprise pages' code is not part of the overview's first load.
    assert.ok(scripts.every((r) => !/EnterprisesPage/.test(r.url())));
    await context.close();
  });

  test('the app names its icon, so no page asks for a missing /favicon.ico', async () => {
    const { page, context } = await open('/');
    const missing = [];
    page.on('response', (r) => { if (r.status() === 404) missing.push(r.url()); });
    await page.locator('[data-indicator="enterprise-rnd-institutions"]').waitFor();
    const icon = await page.request.get(base + '/favicon.svg');
    assert.equal(icon.status(), 200);
    assert.deepEqual(missing, []);
    await context.close();
  });

  test('an address the app has no page for says so, with the way back', async () => {
    const { page, context } = await open('/no-such-page');
    await page.getByRole('heading', { level: 1, name: '页面不存在' }).waitFor();
    assert.match(await page.locator('main').innerText(), /\/no-such-page/);
    await page.getByRole('link', { name: '返回总览' }).click();
    await page.locator('[data-indicator="enterprise-rnd-institutions"]').waitFor();
    await context.close();
  });

  test("a park's breadcrumb names its place in the tree, each step a link", async () => {
    const { page, context } = await open('/parks/haidong-incubator');
    const crumbs = page.locator('.ant-breadcrumb');
    await crumbs.getByRole('link', { name: '海东园区' }).waitFor();
    assert.match(await crumbs.innerText(), /园区[\s\S]*湛江国家高新区[\s\S]*海东园区[\s\S]*湛江高新产业园/);
    await crumbs.getByRole('link', { name: '湛江国家高新区' }).click();
    await page.waitForURL(/\/parks\/zhanjiang-hitech-zone$/);
    await context.close();
  });

  test('a park that does not exist is named as not found, not as a network failure', async () => {
    const { page, context } = await open('/parks/atlantis');
    const alert = page.getByRole('alert').first();
    await alert.waitFor();
    const text = await alert.innerText();
    assert.match(text, /atlantis/);
    assert.doesNotMatch(text, /无法连接服务器/);
    await context.close();
  });
});
