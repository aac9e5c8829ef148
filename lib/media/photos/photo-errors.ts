import { AppError } from "@/lib/errors/app-error";

// The refusals an upload can meet, each with a message a photographer can act on.

export const MAX_PHOTO_BYTES = 30 * 1024 * 1024;
const MAX_MB = MAX_PHOTO_BYTES / 1024 / 1024;

export function fileTooLarge(): AppError {
  return new AppError("FILE_TOO_LARGE", {
    "zh-CN": `文件超过 ${MAX_MB} MB，不能上传。请压缩后再试。`,
    en: `The file is larger than ${MAX_MB} MB and cannot be uploaded. Make it smaller and try again.`,
  });
}

export function unsupportedFile(): AppError {
  return new AppError("UNSUPPORTED_FILE", {
    "zh-CN": "只能上传 JPEG、PNG、WebP 或 HEIC 照片；该文件不是其中一种（SVG 等格式不接受）。",
    en: "Only JPEG, PNG, WebP or HEIC photos can be uploaded; this file is none of them (SVG and other formats are refused).",
  });
}

export function unreadableImage(): AppError {
  return new AppError("INVALID_INPUT", {
    "zh-CN": "图片文件已损坏或不完整，无法读取。请重新导出后再上传。",
    en: "The image is damaged or incomplete and cannot be read. Export it again and upload the new file.",
  });
}

export function imageTooLarge(width: number, height: number, maxPixels: number): AppError {
  const megapixels = Math.round((width * height) / 1_000_000);
  const max = maxPixels / 1_000_000;
  return new AppError("INVALID_INPUT", {
    "zh-CN": `图片尺寸过大（${width}×${height}，约 ${megapixels} 百万像素），最多 ${max} 百万像素。请缩小后再上传。`,
    en: `The image is too large (${width}×${height}, about ${megapixels} megapixels); the limit is ${max} megapixels. Make it smaller and upload it again.`,
  });
}

export function emptyFile(): AppError {
  return new AppError("INVALID_INPUT", { "zh-CN": "文件是空的。", en: "The file is empty." });
}
