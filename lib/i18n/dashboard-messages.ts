import type { ArticleStatus, EditionStatus, Role } from "@/lib/db/generated/enums";
import { pageMessages } from "./messages/pages";
import { editionMessages } from "./messages/editions";
import { editionImportMessages } from "./messages/edition-import";
import { photoMessages } from "./messages/photos";
import { searchMessages } from "./messages/search";
import { staffMessages } from "./messages/staff";
import { storyMessages } from "./messages/stories";

// Every label and message of the dashboard, in Simplified Chinese (default) and
// English. Both dictionaries have the same shape: the type checker keeps them in step.

export const dashboardLocales = ["zh-CN", "en"] as const;
export type DashboardLocale = (typeof dashboardLocales)[number];
export const DASHBOARD_LOCALE_COOKIE = "dashboard-locale";

export function isDashboardLocale(value: unknown): value is DashboardLocale {
  return value === "zh-CN" || value === "en";
}

const zhCN = {
  appName: "采编后台",
  languageName: "中文",
  nav: { label: "后台导航", home: "工作台", stories: "稿件", search: "搜索", photos: "图片库", editions: "报纸", staff: "员工", people: "署名人", audit: "操作日志", language: "语言" },
  signIn: {
    title: "登录",
    heading: "采编后台登录",
    email: "邮箱",
    password: "密码",
    submit: "登录",
    submitting: "正在登录…",
    invalid: "邮箱或密码不正确，请重试。",
    rateLimited: "登录尝试过于频繁，请稍等片刻再试。",
    offline: "无法连接服务器，请稍后再试。",
  },
  signOut: "退出登录",
  input: {
    control: "含有无法保存的不可见字符（如控制字符），请删除后重试。",
    encoding: "含有残缺的文字编码，请重新输入后再试。",
    tooLong: "内容过长，无法保存。",
    malformed: "请求无法识别，请刷新页面后重试。",
  },
  databaseUnreachable: {
    title: "暂时无法连接数据库",
    text: "采编后台现在打不开：数据库没有响应。读者网站的已出版版面照常可读。数据库恢复后，刷新本页即可继续工作，无需重启。",
    retry: "重试",
  },
  home: { title: "工作台", welcome: (name: string) => `欢迎，${name}。`, myStories: "我的稿件", queue: "稿件队列" },
  editions: {
    title: "报纸",
    caption: "最近的报纸",
    date: "报纸日期",
    issue: "期号",
    pages: "版数",
    status: "状态",
    actions: "操作",
    publish: (date: string) => `发布 ${date}`,
    withdraw: (date: string) => `撤版 ${date}`,
    reason: "撤版原因",
    reasonLabel: (date: string) => `${date} 撤版原因`,
    reasonRequired: "请填写撤版原因。",
    published: "已发布，读者现在可以看到这一期。",
    withdrawn: "已撤版，读者不再能看到这一期。",
    preflightFailed: (count: number) => `发布前检查发现 ${count} 个问题。请先处理，或填写原因后仍要发布。`,
    overrideLabel: (date: string) => `${date} 仍要发布的原因`,
    override: "仍要发布的原因",
    publishAnyway: (date: string) => `仍要发布 ${date}`,
    scheduleAt: (date: string) => `${date} 定时发布时间（北京时间）`,
    schedule: (date: string) => `定时发布 ${date}`,
    scheduled: "已安排定时发布，到时间会自动发布。",
    unschedule: (date: string) => `取消定时 ${date}`,
    unscheduled: "已取消定时发布。",
    scheduledFor: (time: string) => `将于 ${time} 发布`,
    preflight: "发布前检查",
    preview: "预览",
    previewTitle: "预览",
    previewBanner: (date: string) => `预览 ${date}：发布后读者将看到的样子（尚未发布，只有采编人员能看到）。`,
    problems: "问题",
  },
  roles: { ADMIN: "管理员", EDITOR: "编辑", REPORTER: "记者", PHOTOGRAPHER: "摄影记者" } satisfies Record<Role, string>,
  articleStatus: { DRAFT: "草稿", SUBMITTED: "已提交", EDITING: "编辑中", READY: "待发", PUBLISHED: "已发布", KILLED: "撤稿" } satisfies Record<ArticleStatus, string>,
  editionStatus: { PLANNING: "策划中", SCHEDULED: "定时发布", PUBLISHED: "已发布", WITHDRAWN: "已撤版" } satisfies Record<EditionStatus, string>,
  stories: storyMessages["zh-CN"],
  editionsPlan: editionMessages["zh-CN"],
  editionImport: editionImportMessages["zh-CN"],
  photos: photoMessages["zh-CN"],
  pages: pageMessages["zh-CN"],
  staff: staffMessages["zh-CN"],
  search: searchMessages["zh-CN"],
};

export type DashboardMessages = typeof zhCN;

const en: DashboardMessages = {
  appName: "Newsroom",
  languageName: "English",
  nav: { label: "Dashboard", home: "Dashboard", stories: "Stories", search: "Search", photos: "Photos", editions: "Editions", staff: "Staff", people: "People", audit: "Audit log", language: "Language" },
  signIn: {
    title: "Sign in",
    heading: "Sign in to the newsroom",
    email: "Email",
    password: "Password",
    submit: "Sign in",
    submitting: "Signing in…",
    invalid: "The email or password is not right. Try again.",
    rateLimited: "Too many sign-in attempts. Please wait a moment and try again.",
    offline: "The server cannot be reached. Try again later.",
  },
  signOut: "Sign out",
  input: {
    control: "Contains invisible characters that cannot be saved (control characters); remove them and try again.",
    encoding: "Contains broken text encoding; type it again and retry.",
    tooLong: "Too long to be saved.",
    malformed: "The request could not be understood; reload the page and try again.",
  },
  databaseUnreachable: {
    title: "The database cannot be reached",
    text: "The dashboard cannot open: the database is not answering. Readers can still read every published page. Once the database is back, reload this page to carry on; no restart is needed.",
    retry: "Try again",
  },
  home: { title: "Dashboard", welcome: (name: string) => `Welcome, ${name}.`, myStories: "My stories", queue: "Story queue" },
  editions: {
    title: "Editions",
    caption: "Recent editions",
    date: "Date",
    issue: "Issue",
    pages: "Pages",
    status: "Status",
    actions: "Actions",
    publish: (date: string) => `Publish ${date}`,
    withdraw: (date: string) => `Withdraw ${date}`,
    reason: "Reason for withdrawal",
    reasonLabel: (date: string) => `Reason for withdrawing ${date}`,
    reasonRequired: "Give a reason for the withdrawal.",
    published: "Published: readers can see this edition now.",
    withdrawn: "Withdrawn: readers no longer see this edition.",
    preflightFailed: (count: number) => `Pre-flight found ${count} problem(s). Fix them, or give a reason to publish anyway.`,
    overrideLabel: (date: string) => `Reason to publish ${date} anyway`,
    override: "Reason to publish anyway",
    publishAnyway: (date: string) => `Publish ${date} anyway`,
    scheduleAt: (date: string) => `Time to publish ${date} (Beijing time)`,
    schedule: (date: string) => `Schedule ${date}`,
    scheduled: "Scheduled: it will be published at that time.",
    unschedule: (date: string) => `Cancel schedule ${date}`,
    unscheduled: "The schedule is cancelled.",
    scheduledFor: (time: string) => `To be published at ${time}`,
    preflight: "Pre-flight",
    preview: "Preview",
    previewTitle: "Preview",
    previewBanner: (date: string) => `Preview of ${date}: what readers will see once it is published (not published yet; staff only).`,
    problems: "Problems",
  },
  roles: { ADMIN: "Admin", EDITOR: "Editor", REPORTER: "Reporter", PHOTOGRAPHER: "Photographer" },
  articleStatus: { DRAFT: "Draft", SUBMITTED: "Submitted", EDITING: "In editing", READY: "Ready", PUBLISHED: "Published", KILLED: "Killed" },
  editionStatus: { PLANNING: "Planning", SCHEDULED: "Scheduled", PUBLISHED: "Published", WITHDRAWN: "Withdrawn" },
  stories: storyMessages.en,
  editionsPlan: editionMessages.en,
  editionImport: editionImportMessages.en,
  photos: photoMessages.en,
  pages: pageMessages.en,
  staff: staffMessages.en,
  search: searchMessages.en,
};

export function dashboardMessages(locale: DashboardLocale): DashboardMessages {
  return locale === "en" ? en : zhCN;
}
