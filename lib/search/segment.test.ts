import { describe, expect, it } from "vitest";
import { buildDocument, quoteLexeme } from "./document";
import { escapeHtml, highlight, snippet } from "./highlight";
import { MAX_QUERY_LENGTH, needsPositions, parseSearchQuery, queryWords, toLooseTsquery, toTsquery } from "./parse-query";
import { foldWithOrigin, indexTokens, normalizeText, queryTokens, segmentWords } from "./segment";

const lexemes = (text: string) => new Set(indexTokens(text).tokens.map((token) => token.lexeme));

describe("segmentation", () => {
  it("keeps 招商引资 as one word, and cuts mixed Chinese, numbers and Latin into words", () => {
    expect(segmentWords("招商引资")).toEqual(["招商引资"]);
    expect(segmentWords("江海区积极打造招商引资“强磁场”")).toContain("招商引资");
    expect(segmentWords("共建科研平台最高可获5000万元补助，GDP增长2023年")).toEqual(["共建", "科研", "平台", "最高", "可", "获", "5000", "万元", "补助", "gdp", "增长", "2023", "年"]);
  });

  it("normalises Traditional to Simplified, full-width to ASCII and upper to lower case", () => {
    expect(normalizeText("招商引資")).toBe("招商引资");
    expect(normalizeText("江門日報")).toBe("江门日报");
    expect(normalizeText("ＧＤＰ增長５０００萬元")).toBe("gdp增长5000万元");
  });

  it("reads a number with thousands separators as the number (5,000 is 5000), and other commas as commas", () => {
    const lexemesOf = (text: string) => indexTokens(text).tokens.map((token) => token.lexeme);
    expect(lexemesOf("投资5,000万元")).toContain("5000");
    expect(lexemesOf("1,234,567人")).toContain("1234567");
    expect(segmentWords("5,000万元")).toEqual(["5000", "万元"]);
    expect(segmentWords("５，０００")).toEqual(["5000"]);
    expect(segmentWords("10,5")).toEqual(["10", "5"]);
    expect(segmentWords("a,b")).toEqual(["a", "b"]);
    expect(segmentWords("招商引資")).toEqual(["招商引资"]);
  });

  it("indexes the fine-grained words and the parts of mixed tokens", () => {
    const words = lexemes("江门市招商引资 COVID-19 iPhone15 3.5%");
    for (const word of ["江门市", "江门", "门市", "招商引资", "招商", "引资", "covid-19", "covid", "19", "iphone15", "iphone", "15", "3.5"]) {
      expect(words, word).toContain(word);
    }
    expect(words).not.toContain("%");
  });

  it("indexes a Han character alone where the text has it alone or in an unknown word, not inside dictionary words", () => {
    const words = lexemes("记者何榕买鱼");
    for (const char of ["何", "榕", "鱼"]) expect(words, char).toContain(char);
    for (const char of ["记", "者", "江", "资"]) expect(words, char).not.toContain(char);
    expect(lexemes("江门市招商引资")).not.toContain("江");
  });

  it("positions tokens by the offset of their last character", () => {
    const { tokens } = indexTokens("江门市招商引资");
    const at = (lexeme: string) => [...new Set(tokens.filter((token) => token.lexeme === lexeme).map((token) => token.end))];
    expect(at("江门市")).toEqual([2]);
    expect(at("招商引资")).toEqual([6]);
    expect(at("引资")).toEqual([6]);
    const name = indexTokens("记者何榕").tokens;
    expect(name.filter((token) => token.lexeme === "榕").map((token) => token.end)).toEqual([3]);
  });

  it("gives a word jieba does not know (a name) its characters, so a text cut differently still matches", () => {
    expect(queryTokens("何榕")).toEqual([{ lexeme: "何榕", end: 1, chars: ["何", "榕"] }]);
    expect(queryTokens("招商引资")[0]?.chars).toBeUndefined();
  });

  it("drops punctuation, symbols and emoji", () => {
    expect(segmentWords("😀 & | ! : * ( ) ' \\ —")).toEqual([]);
    expect(segmentWords("😀招商😀")).toEqual(["招商"]);
  });

  it("maps folded text back to the source", () => {
    expect(foldWithOrigin("ＧＤＰ𠀀ａ")).toEqual({ text: "gdp𠀀a", origin: [0, 1, 2, 3, 3, 5, 6] });
  });
});

describe("the tsvector literal", () => {
  it("weights each field and keeps fields apart", () => {
    const literal = buildDocument([
      { weight: "A", text: "招商" },
      { weight: "C", text: "招商" },
    ]);
    expect(literal).toContain("'招商':2A,104C");
  });

  it("quotes lexemes with quotes and backslashes doubled", () => {
    expect(quoteLexeme("o'neil\\x")).toBe("'o''neil\\\\x'");
  });
});

describe("query parsing", () => {
  it("ANDs words and turns a quoted phrase into characters' distances", () => {
    const query = parseSearchQuery('江门 "招商引资 项目"');
    expect(query.terms.map((term) => [term.text, term.phrase])).toEqual([
      ["江门", false],
      ["招商引资项目", true],
    ]);
    expect(toTsquery(query)).toBe("( ( '江门' ) ) & ( '招商引资' <2> '项目' )");
    expect(toTsquery(query, { headlineOnly: true })).toBe("( ( '江门':A ) ) & ( '招商引资':A <2> '项目':A )");
  });

  it("keeps spaces between Latin words of a phrase and accepts Chinese quotation marks", () => {
    expect(toTsquery(parseSearchQuery("“new   york”"))).toBe("( 'new' <5> 'york' )");
    expect(toTsquery(parseSearchQuery("「招商 引资」"))).toBe("( ( '招商引资' ) )");
  });

  it("matches an unknown word as its characters in a row", () => {
    expect(toTsquery(parseSearchQuery("何榕"))).toBe("( ( '何' <1> '榕' ) )");
    expect(toTsquery(parseSearchQuery('"记者何榕"'))).toBe("( '记者' <1> '何' <1> '榕' )");
  });

  it("never lets tsquery syntax through: only quoted lexemes and our operators", () => {
    const query = toTsquery(parseSearchQuery("a' | 'b:* & !c (d) \\e <-> f"));
    expect(query).toBe("( ( 'a' ) ) & ( ( 'b' ) ) & ( ( 'c' ) ) & ( ( 'd' ) ) & ( ( 'e' ) ) & ( ( 'f' ) )");
  });

  it("cuts long queries and tells blank ones from unsearchable ones", () => {
    const long = parseSearchQuery("招商引资".repeat(2500));
    expect(long.truncated).toBe(true);
    expect(long.terms.map((term) => term.text).join("").length).toBeLessThanOrEqual(MAX_QUERY_LENGTH);
    expect(parseSearchQuery("   ")).toMatchObject({ terms: [], blank: true });
    expect(parseSearchQuery("！？……😀")).toMatchObject({ terms: [], blank: false });
    expect(parseSearchQuery(undefined)).toMatchObject({ terms: [], blank: true });
  });

  it("has a loose form: every lexeme ANDed", () => {
    const query = parseSearchQuery('江门 "招商引资 项目" 何榕');
    expect(toLooseTsquery(query)).toBe("'江门' & '招商引资' & '项目' & '何' & '榕'");
    expect(toLooseTsquery(parseSearchQuery("！？"))).toBeNull();
    expect(needsPositions(query)).toBe(true);
    expect(needsPositions(parseSearchQuery("江门 招商引资"))).toBe(false);
    expect(needsPositions(parseSearchQuery("何榕"))).toBe(true);
  });

  it("lists the words to highlight", () => {
    expect(queryWords(parseSearchQuery("招商引資 GDP 招商引资"))).toEqual(["招商引资", "gdp"]);
  });
});

describe("highlighting", () => {
  it("marks the words in either script and escapes everything else", () => {
    expect(highlight("<b>招商引資</b> & 招商引资", ["招商引资"])).toBe("&lt;b&gt;<mark>招商引資</mark>&lt;/b&gt; &amp; <mark>招商引资</mark>");
    expect(highlight("ＧＤＰ增长", ["gdp"])).toBe("<mark>ＧＤＰ</mark>增长");
    expect(escapeHtml(`"'`)).toBe("&quot;&#39;");
  });

  it("marks a number written with thousands separators for the plain number", () => {
    expect(highlight("投资5,000万元，惠及1,234,567人", ["5000", "1234567"])).toBe("投资<mark>5,000</mark>万元，惠及<mark>1,234,567</mark>人");
  });

  it("marks whole numbers and words, not digits inside other numbers", () => {
    expect(highlight("投资5000万元，5个项目", ["5"])).toBe("投资5000万元，<mark>5</mark>个项目");
    expect(highlight("iPhone15", ["15"])).toBe("iPhone<mark>15</mark>");
  });

  it("cuts a snippet around the matches", () => {
    const text = `${"前文".repeat(100)}江海区积极打造招商引资“强磁场”${"后文".repeat(100)}`;
    const result = snippet(text, ["招商引资"]);
    expect(result.matched).toBe(true);
    expect(result.html.startsWith("…")).toBe(true);
    expect(result.html.endsWith("…")).toBe(true);
    expect(result.html).toContain("<mark>招商引资</mark>");
    expect(snippet("没有匹配的文字", ["招商"])).toEqual({ html: "没有匹配的文字", matched: false });
  });
});
