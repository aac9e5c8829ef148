// Stories (稿件): list, editor, revisions, workflow. Both languages share one shape.

const zhCN = {
  title: "",
};

export const storyMessages: Record<"zh-CN" | "en", typeof zhCN> = {
  "zh-CN": zhCN,
  en: {
    title: "",
  },
};
