// Photos and the media library. Both languages share one shape.

const zhCN = {
  title: "",
};

export const photoMessages: Record<"zh-CN" | "en", typeof zhCN> = {
  "zh-CN": zhCN,
  en: {
    title: "",
  },
};
