"use client";

import StarterKit from "@tiptap/starter-kit";
import { EditorContent, useEditor, useEditorState, type Editor } from "@tiptap/react";
import { useEffect, useImperativeHandle, type Ref } from "react";
import type { ArticleBody } from "@/lib/articles/body";

export interface BodyEditorHandle {
  /** Replaces the whole body (after loading another version); the cursor goes to the start. */
  replace(body: ArticleBody): void;
}

interface Labels {
  body: string;
  toolbar: string;
  paragraph: string;
  subhead: string;
  bold: string;
  italic: string;
  undo: string;
  redo: string;
}

// Only what a newspaper story holds (see lib/articles/body.ts): paragraphs,
// level-3 subheads, bold, italic and line breaks. Pasted lists, links, images
// or other headings are reduced to these by the editor's schema.
const extensions = [
  StarterKit.configure({
    heading: { levels: [3] },
    blockquote: false,
    bulletList: false,
    orderedList: false,
    listItem: false,
    listKeymap: false,
    code: false,
    codeBlock: false,
    horizontalRule: false,
    strike: false,
    underline: false,
    link: false,
  }),
];

function ToolButton(props: { label: string; active?: boolean; disabled?: boolean; onClick: () => void }) {
  return (
    <button
      type="button"
      aria-pressed={props.active}
      disabled={props.disabled}
      onClick={props.onClick}
      className="rounded border border-neutral-300 px-2 py-1 text-sm aria-pressed:bg-neutral-800 aria-pressed:text-white disabled:opacity-50"
    >
      {props.label}
    </button>
  );
}

function Toolbar({ editor, labels }: { editor: Editor; labels: Labels }) {
  const state = useEditorState({
    editor,
    selector: ({ editor: current }) => ({
      subhead: current.isActive("heading", { level: 3 }),
      bold: current.isActive("bold"),
      italic: current.isActive("italic"),
      canUndo: current.can().undo(),
      canRedo: current.can().redo(),
    }),
  });
  return (
    <div role="toolbar" aria-label={labels.toolbar} className="flex flex-wrap gap-2 border-b border-neutral-200 p-2">
      <ToolButton label={labels.paragraph} active={!state.subhead} onClick={() => editor.chain().focus().setParagraph().run()} />
      <ToolButton label={labels.subhead} active={state.subhead} onClick={() => editor.chain().focus().toggleHeading({ level: 3 }).run()} />
      <ToolButton label={labels.bold} active={state.bold} onClick={() => editor.chain().focus().toggleBold().run()} />
      <ToolButton label={labels.italic} active={state.italic} onClick={() => editor.chain().focus().toggleItalic().run()} />
      <ToolButton label={labels.undo} disabled={!state.canUndo} onClick={() => editor.chain().focus().undo().run()} />
      <ToolButton label={labels.redo} disabled={!state.canRedo} onClick={() => editor.chain().focus().redo().run()} />
    </div>
  );
}

/**
 * The editor's JSON as plain data. ProseMirror's attrs objects have a null
 * prototype, which a server action cannot receive as data (React would pass an
 * opaque reference), and it leaves `content` out of an empty node.
 */
function normalised(json: { content?: unknown[] }): ArticleBody {
  return { type: "doc", content: JSON.parse(JSON.stringify(json.content ?? [])) as ArticleBody["content"] };
}

/** An empty body as an editable document (ProseMirror needs at least one paragraph). */
function editable(body: ArticleBody) {
  return body.content.length > 0 ? structuredClone(body) : { type: "doc", content: [{ type: "paragraph" }] };
}

/** The story body in Tiptap, reporting every change as the stored JSON document. */
export function BodyEditor({ ref, ...props }: { initial: ArticleBody; editable: boolean; labels: Labels; onChange: (body: ArticleBody) => void; ref?: Ref<BodyEditorHandle> }) {
  const { onChange } = props;
  const editor = useEditor({
    extensions,
    content: editable(props.initial),
    editable: props.editable,
    immediatelyRender: false,
    editorProps: {
      attributes: {
        role: "textbox",
        "aria-multiline": "true",
        "aria-label": props.labels.body,
        class: "story-body min-h-64 p-3 leading-8 focus:outline-2 focus:outline-blue-700",
      },
    },
    onUpdate: ({ editor: current }) => onChange(normalised(current.getJSON())),
  });
  useEffect(() => {
    editor?.setEditable(props.editable);
  }, [editor, props.editable]);
  useImperativeHandle(ref, () => ({
    replace(body) {
      editor?.commands.setContent(editable(body), { emitUpdate: false });
    },
  }));
  return (
    <div className="rounded border border-neutral-300 bg-white">
      {editor && props.editable && <Toolbar editor={editor} labels={props.labels} />}
      <EditorContent editor={editor} />
    </div>
  );
}
