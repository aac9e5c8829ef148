import type { SearchFilters } from "@/lib/search/search-articles";

// The fixed query set of the search benchmark, by class: what readers type most
// (one common word), what costs most (words in most stories, deep pages), and the
// cases the search has to get right (phrases, mixed Latin and numbers,
// Traditional, names jieba does not know, filters).

export type QueryClass = "common" | "medium" | "rare" | "phrase" | "mixed" | "traditional" | "name" | "filter" | "paging" | "staff";

export interface BenchQuery {
  class: QueryClass;
  q: string;
  /** Filled in by the bench: person ids and dates depend on the database. */
  filters?: (context: { reporterId: string }) => SearchFilters;
  page?: number;
  staff?: boolean;
}

export const SEARCH_QUERIES: BenchQuery[] = [
  { class: "common", q: "江门" },
  { class: "common", q: "发展" },
  { class: "common", q: "项目" },
  { class: "common", q: "江门 发展" },
  { class: "common", q: "高质量发展" },
  { class: "medium", q: "招商引资" },
  { class: "medium", q: "乡村振兴" },
  { class: "medium", q: "新会陈皮" },
  { class: "medium", q: "营商环境 优化" },
  { class: "rare", q: "黑脸琵鹭" },
  { class: "rare", q: "中微子" },
  { class: "rare", q: "司徒美堂" },
  { class: "rare", q: "蔡李佛拳" },
  { class: "phrase", q: '"高质量发展"' },
  { class: "phrase", q: '"招商引资 项目"' },
  { class: "phrase", q: '"侨都江门"' },
  { class: "mixed", q: "5000万元" },
  { class: "mixed", q: "GDP" },
  { class: "mixed", q: "2023" },
  { class: "mixed", q: "5G 基站" },
  { class: "mixed", q: "AI" },
  { class: "traditional", q: "招商引資" },
  { class: "traditional", q: "開平碉樓" },
  { class: "traditional", q: "鄉村振興" },
  { class: "name", q: "何榕" },
  { class: "filter", q: "发展", filters: () => ({ from: "2021-01-01", to: "2021-12-31" }) },
  { class: "filter", q: "江门", filters: () => ({ pageName: "要闻" }) },
  { class: "filter", q: "项目", filters: ({ reporterId }) => ({ personId: reporterId }) },
  { class: "paging", q: "发展", page: 5 },
  { class: "paging", q: "江门", page: 5 },
  { class: "staff", q: "发展", staff: true },
  { class: "staff", q: "招商引资", staff: true },
];
