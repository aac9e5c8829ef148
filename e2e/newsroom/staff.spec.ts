import { expect, test, type Page } from "@playwright/test";
import { e2eAdmin } from "../../playwright.config";
import { expectNoAxeViolations } from "../helpers/axe";
import { signIn } from "../helpers/sign-in";

// Administration through the UI, with accounts of its own (the demo accounts are
// shared with other specs running at the same time and are never modified here).

test.describe.configure({ mode: "serial" });

const suffix = `${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;
const reporter = { email: `Reporter-${suffix}@E2E.test`, password: "reporter-e2e-password", name: `测试记者${suffix}` };
const correspondent = `江宣（特约）${suffix}`;

async function expectSignedOut(page: Page) {
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/admin\/sign-in/);
  await expect(page.getByRole("heading", { name: "采编后台登录" })).toBeVisible();
}

test("an admin manages a reporter's account: the reporter's sessions end on role change and on disable", async ({ page, browser }) => {
  test.setTimeout(180_000);
  await signIn(page, e2eAdmin);

  // 新建员工账号
  await page.getByRole("navigation", { name: "后台导航" }).getByRole("link", { name: "员工" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "员工账号" })).toBeVisible();
  await expectNoAxeViolations(page);
  const create = page.getByRole("region", { name: "新建员工账号" });
  await create.getByLabel("姓名").fill(reporter.name);
  await create.getByLabel("邮箱").fill(reporter.email);
  await create.getByLabel("角色").selectOption({ label: "记者" });
  await create.getByLabel("初始密码").fill("too-short");
  await create.getByRole("button", { name: "创建账号" }).click();
  // A short password: a message tied to the field, nothing created, the other fields kept.
  await expect(create.getByLabel("初始密码")).toHaveAccessibleDescription(/密码至少需要 10 个字符。/);
  await expect(create.getByLabel("姓名")).toHaveValue(reporter.name);
  await create.getByLabel("初始密码").fill(reporter.password);
  await create.getByRole("button", { name: "创建账号" }).click();
  const email = reporter.email.toLowerCase();
  await expect(create.getByRole("status")).toHaveText(`账号 ${email} 已创建。`);
  const row = page.getByRole("row", { name: new RegExp(reporter.name) });
  await expect(row).toContainText(email);
  await expect(row).toContainText("记者");

  // The same address again, in other letters' case: refused plainly.
  await create.getByLabel("姓名").fill("重复");
  await create.getByLabel("邮箱").fill(email.toUpperCase());
  await create.getByLabel("初始密码").fill(reporter.password);
  await create.getByRole("button", { name: "创建账号" }).click();
  await expect(create.getByRole("status")).toHaveText("该邮箱已被其他账号使用。");

  // The reporter signs in elsewhere, and is refused the administration pages.
  const reporterContext = await browser.newContext();
  const reporterPage = await reporterContext.newPage();
  await signIn(reporterPage, { email, password: reporter.password });
  await reporterPage.goto("/admin/staff");
  await expect(reporterPage.getByRole("heading", { level: 1, name: "没有权限" })).toBeVisible();
  await expect(reporterPage.getByRole("main").getByRole("alert")).toHaveText("只有管理员可以查看此页面。如需访问，请联系管理员。");
  await expect(reporterPage.getByText(e2eAdmin.email)).toHaveCount(0);
  await expectNoAxeViolations(reporterPage);

  // 更改角色: the reporter's next page is the sign-in page.
  await page.getByRole("link", { name: `管理 ${reporter.name} 的账号` }).click();
  await expect(page.getByRole("heading", { level: 1, name: reporter.name })).toBeVisible();
  await expectNoAxeViolations(page);
  const roleForm = page.getByRole("region", { name: "更改角色" });
  await roleForm.getByLabel("新角色").selectOption({ label: "摄影记者" });
  await roleForm.getByRole("button", { name: "更改角色" }).click();
  await expect(roleForm.getByRole("status")).toHaveText("角色已更改，该员工已被退出登录。");
  await expectSignedOut(reporterPage);

  // 重置密码 with a generated one, shown once; it works.
  const resetForm = page.getByRole("region", { name: "重置密码" });
  await resetForm.getByRole("button", { name: "重置密码" }).click();
  await expect(resetForm.getByRole("status")).toContainText("密码已重置");
  const generated = (await resetForm.getByRole("status").locator("code").textContent())!.trim();
  expect(generated).toHaveLength(20);
  await signIn(reporterPage, { email, password: generated });
  await expect(reporterPage.getByText(`${reporter.name}（摄影记者）`)).toBeVisible();

  // 停用账号: signed out at once, and cannot sign in again.
  const accessForm = page.getByRole("region", { name: "停用或启用" });
  await accessForm.getByRole("button", { name: "停用账号" }).click();
  await expect(accessForm.getByRole("status")).toHaveText("账号已停用，该员工已被退出登录。");
  await expect(accessForm.getByRole("button", { name: "启用账号" })).toBeVisible();
  await expectSignedOut(reporterPage);
  await reporterPage.getByLabel("邮箱").fill(email);
  await reporterPage.getByLabel("密码").fill(generated);
  await reporterPage.getByRole("button", { name: "登录" }).click();
  await expect(reporterPage.locator("form").getByRole("alert")).toHaveText("邮箱或密码不正确，请重试。");
  await reporterContext.close();

  // 署名人: a correspondent without an account.
  await page.getByRole("navigation", { name: "后台导航" }).getByRole("link", { name: "署名人" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "署名人" })).toBeVisible();
  const addPerson = page.getByRole("region", { name: "新增署名人" });
  await addPerson.getByLabel("署名", { exact: true }).fill(correspondent);
  await addPerson.getByLabel("身份").selectOption({ label: "通讯员" });
  await addPerson.getByRole("button", { name: "新增署名人" }).click();
  await expect(addPerson.getByRole("status")).toHaveText(`已新增署名人“${correspondent}”。`);
  await expect(page.getByRole("row", { name: new RegExp(correspondent.replace(/[()（）]/g, ".")) })).toContainText(`□通讯员/${correspondent}`);
  await expectNoAxeViolations(page);

  // 报纸设置: saving without a change says so (the reader footer is shared with other specs).
  await page.getByRole("navigation", { name: "后台导航" }).getByRole("link", { name: "设置" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "报纸设置" })).toBeVisible();
  await expect(page.getByLabel("报纸名称").first()).not.toHaveValue("");
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "保存设置" }).first().click();
  await expect(page.getByRole("status").first()).toHaveText("没有需要保存的改动。");

  // 操作日志: this admin's actions, newest first, in words.
  await page.getByRole("navigation", { name: "后台导航" }).getByRole("link", { name: "操作日志" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "操作日志" })).toBeVisible();
  await page.getByLabel("操作人").selectOption({ label: `管理员（${e2eAdmin.email}）` });
  await page.getByRole("button", { name: "筛选" }).click();
  await expect(page).toHaveURL(/actor=/);
  const log = page.getByRole("table", { name: "操作日志（最新的在前）" });
  const entries = log.getByRole("row").filter({ hasText: reporter.name });
  await expect(entries.first()).toContainText("停用账号");
  for (const label of ["新建员工账号", "更改角色", "重置密码", "停用账号"]) await expect(entries.filter({ hasText: label })).toHaveCount(1);
  await expect(entries.filter({ hasText: "更改角色" })).toContainText("REPORTER → PHOTOGRAPHER");
  await expect(log.getByRole("row").filter({ hasText: "新增署名人" }).filter({ hasText: correspondent })).toHaveCount(1);
  await expectNoAxeViolations(page);

  // The reporter's refused visit is there too, under its own filter.
  await page.getByLabel("操作", { exact: true }).selectOption({ label: "越权操作被拒绝" });
  await page.getByLabel("操作人").selectOption({ label: `${reporter.name}（${email}）` });
  await page.getByRole("button", { name: "筛选" }).click();
  await expect(log.getByRole("row").filter({ hasText: "越权操作被拒绝" }).first()).toContainText("attempted: staff.manage");
});
