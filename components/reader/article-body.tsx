import type { ArticleBody as Body, BodyBlock } from "@/lib/articles/body";

type Inline = NonNullable<BodyBlock["content"]>[number];

function InlineNode({ node, t }: { node: Inline; t: (text: string) => string }) {
  if (node.type === "hardBreak") return <br />;
  let content: React.ReactNode = t(node.text);
  for (const mark of node.marks ?? []) content = mark.type === "bold" ? <strong>{content}</strong> : <em>{content}</em>;
  return <>{content}</>;
}

/**
 * The article body from its structured form: React escapes every text, so no
 * stored HTML ever reaches the page. Subheads (小标题) become h2 under the h1.
 */
export function ArticleBody({ body, t }: { body: Body; t: (text: string) => string }) {
  return (
    <div className="article-text space-y-4">
      {body.content.map((block, index) => {
        const inline = (block.content ?? []).map((node, i) => <InlineNode key={i} node={node} t={t} />);
        return block.type === "heading" ? (
          <h2 key={index} className="pt-2 text-[1.05em] font-bold">
            {inline}
          </h2>
        ) : (
          <p key={index} className="indent-[2em]">
            {inline}
          </p>
        );
      })}
    </div>
  );
}
