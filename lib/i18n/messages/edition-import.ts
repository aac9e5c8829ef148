// Importing a whole edition (导入整期) from the dashboard: the upload page, its
// report and its refusals. Both languages share one shape. The importer (a
// client component) reads this module directly and picks the locale it is given.

import { MAX_IMPORT_BYTES } from "@/lib/editions/import-limits";

const MAX_MB = MAX_IMPORT_BYTES / 1024 / 1024;

const zhCN = {
  link: "导入整期",
  title: "导入整期",
  folderHeading: "整期文件夹",
  back: "返回报纸列表",
  intro:
    "上传一个整期文件夹：manifest.json（清单）、其中列出的版面 PDF 和图片。与命令 npm run import 相同：按清单新建或更新这一期和稿件，识别每版的热区，并列出发布前检查发现的问题。再次导入同一文件夹不会重复建稿。",
  drop: "把整期文件夹拖到这里，或",
  choose: "选择文件夹",
  hint: `文件夹中须有 manifest.json；只上传清单中列出的文件，合计不超过 ${MAX_MB} MB。`,
  chosen: (name: string, files: number, size: string) => `已选择“${name}”：将上传 ${files} 个文件，共 ${size}。`,
  noManifest: "所选文件夹中没有 manifest.json，请选择整期文件夹（清单所在的那一层）。",
  tooLarge: `所选文件合计超过 ${MAX_MB} MB，不能导入。`,
  tooMany: (max: number) => `文件太多（最多 ${max} 个）。`,
  publish: "发布前检查通过后直接发布",
  publishHint: "不勾选则只导入，这一期保持“策划中”，可在版面规划中继续处理。",
  submit: "开始导入",
  submitting: "正在导入…",
  progress: "上传进度",
  uploading: (percent: number) => `正在上传：${percent}%`,
  processing: "上传完成，正在导入并识别热区，请稍候…",
  network: "网络中断，导入未完成，请重试。",
  serverError: "服务器出错，导入未完成。请稍后重试；如仍失败，请联系管理员。",
  failedHeading: "导入失败",
  manifestRefused: "清单有误，导入被拒绝，没有写入任何内容。请按下列提示修改 manifest.json 后重试：",
  report: {
    heading: (date: string) => `导入完成：${date}`,
    summary: (pages: number, created: number, updated: number) => `${pages} 个版面；新建稿件 ${created} 篇，更新 ${updated} 篇。`,
    openPlan: (date: string) => `打开 ${date} 版面规划`,
    regionsHeading: "各版热区",
    regionsCaption: "每个版面识别出的热区及与稿件的对应情况",
    page: "版面",
    found: "找到",
    matched: "已对应稿件",
    unmatched: "待编辑处理",
    moved: "位置有变",
    pageLink: (number: string) => `第${number}版`,
    noPdf: "清单中没有版面 PDF，未识别热区。",
    preflightHeading: "发布前检查",
    preflightPassed: "发布前检查通过。",
    preflightProblems: (count: number) => `发现 ${count} 个问题，需要编辑处理（点击前往处理）：`,
    published: (date: string) => `已发布：读者现在可以看到 ${date} 这一期。`,
    notPublished: "未发布：请先处理以上问题，或在报纸列表中填写原因后发布。",
    notRequested: "未发布（没有勾选“发布前检查通过后直接发布”）。",
    alreadyPublished: "这一期此前已发布，读者页面已更新为导入后的内容。",
  },
  errors: {
    tooLarge: `上传的文件合计超过 ${MAX_MB} MB，不能导入。`,
    notForm: "上传的内容不是文件夹表单，请在导入页面选择文件夹后重试。",
    noFiles: "没有收到任何文件，请选择整期文件夹。",
    tooMany: (max: number) => `文件太多：一次最多导入 ${max} 个文件。`,
  },
};

export type EditionImportMessages = typeof zhCN;

const en: EditionImportMessages = {
  link: "Import an edition",
  title: "Import an edition",
  folderHeading: "Edition folder",
  back: "Back to editions",
  intro:
    "Upload a whole edition folder: manifest.json and the page PDFs and photos it names. This is the same import as the npm run import command: it creates or updates the edition and its stories from the manifest, finds the article regions on each page and lists what pre-flight found. Importing the same folder again creates nothing twice.",
  drop: "Drop the edition folder here, or",
  choose: "Choose a folder",
  hint: `The folder must hold manifest.json; only the files it names are uploaded, ${MAX_MB} MB in all at most.`,
  chosen: (name: string, files: number, size: string) => `Chosen "${name}": ${files} file(s) to upload, ${size} in all.`,
  noManifest: "The chosen folder has no manifest.json. Choose the edition folder (the one that holds the manifest).",
  tooLarge: `The chosen files come to more than ${MAX_MB} MB and cannot be imported.`,
  tooMany: (max: number) => `Too many files (at most ${max}).`,
  publish: "Publish when pre-flight passes",
  publishHint: "Unticked, the edition is only imported and stays in planning, to be finished in the flat plan.",
  submit: "Import",
  submitting: "Importing…",
  progress: "Upload progress",
  uploading: (percent: number) => `Uploading: ${percent}%`,
  processing: "Uploaded. Importing and finding the regions, please wait…",
  network: "The connection was lost and the import did not finish. Try again.",
  serverError: "The server failed and the import did not finish. Try again later; if it fails again, tell an admin.",
  failedHeading: "The import failed",
  manifestRefused: "The manifest was refused and nothing was written. Correct manifest.json as listed below and try again:",
  report: {
    heading: (date: string) => `Imported: ${date}`,
    summary: (pages: number, created: number, updated: number) => `${pages} page(s); ${created} stor(ies) created, ${updated} updated.`,
    openPlan: (date: string) => `Open the flat plan of ${date}`,
    regionsHeading: "Regions per page",
    regionsCaption: "The article regions found on each page and how many were matched to stories",
    page: "Page",
    found: "Found",
    matched: "Matched to stories",
    unmatched: "Left for an editor",
    moved: "Moved",
    pageLink: (number: string) => `Page ${number}`,
    noPdf: "The manifest names no page PDFs, so no regions were looked for.",
    preflightHeading: "Pre-flight",
    preflightPassed: "Pre-flight passed.",
    preflightProblems: (count: number) => `${count} problem(s) need an editor (follow a link to fix it):`,
    published: (date: string) => `Published: readers can see the edition of ${date} now.`,
    notPublished: "Not published: fix the problems above, or publish from the editions list with a reason.",
    notRequested: "Not published (\"Publish when pre-flight passes\" was not ticked).",
    alreadyPublished: "This edition was already published; the reader pages now show the imported content.",
  },
  errors: {
    tooLarge: `The uploaded files come to more than ${MAX_MB} MB and cannot be imported.`,
    notForm: "The upload is not a folder form. Choose the folder on the import page and try again.",
    noFiles: "No files were received. Choose the edition folder.",
    tooMany: (max: number) => `Too many files: at most ${max} can be imported at once.`,
  },
};

export const editionImportMessages = { "zh-CN": zhCN, en } as const;

