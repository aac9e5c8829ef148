// Staff accounts, people (bylines) and the audit log. Both languages share one shape.

const zhCN = {
  title: "",
};

export const staffMessages: Record<"zh-CN" | "en", typeof zhCN> = {
  "zh-CN": zhCN,
  en: {
    title: "",
  },
};
