import type { ReactNode } from "react";
import { fromMarkdown } from "mdast-util-from-markdown";
import type { Nodes, Parents } from "mdast";
import { directionalRuns } from "@/lib/i18n/bidi";

// Markdown (CommonMark) as React elements, for lab instructions and hints. Safe by
// construction: the text is parsed to a syntax tree and every node becomes an element or
// plain text, so raw HTML shows as text, links only go to http(s), mail or in-page addresses,
// and images show their description. Code is left-to-right on every page. Works on the server
// and in the browser (no hooks).

const SAFE_URL = /^(https?:\/\/|mailto:|\/(?!\/)|#)/i;

type Options = { rtl: boolean; headingOffset: number };

function text(value: string, options: Options, key: string): ReactNode {
  if (!options.rtl) return value;
  // On a right-to-left page, Latin runs (paths, flags, names) are isolated so they keep their order.
  const runs = directionalRuns(value).map((run) => ({ ...run }));
  // A Hebrew prefix joins a Latin word with a hyphen ("ל-root", "ה-subnet"): the hyphen belongs
  // to the prefix, or it shows on the far side of the word.
  for (let i = 1; i < runs.length; i++) {
    const before = runs[i - 1]!;
    const run = runs[i]!;
    if (run.ltr && !before.ltr && run.text.startsWith("-") && /[\u0590-\u05FF]$/.test(before.text)) {
      before.text += "-";
      run.text = run.text.slice(1);
    }
  }
  if (runs.length === 1 && !runs[0]!.ltr) return value;
  return runs.map((run, i) =>
    run.ltr ? (
      <span key={`${key}-${i}`} dir="ltr">
        {run.text}
      </span>
    ) : (
      run.text
    ),
  );
}

function children(node: Parents, options: Options, tight = false): ReactNode[] {
  return node.children.map((child, i) => render(child as Nodes, options, String(i), tight));
}

function render(node: Nodes, options: Options, key: string, tight = false): ReactNode {
  switch (node.type) {
    case "root":
      return children(node, options);
    case "paragraph":
      // Items of a tight list hold their text directly, as HTML renders them.
      return tight ? <span key={key}>{children(node, options)}</span> : <p key={key}>{children(node, options)}</p>;
    case "heading": {
      const level = Math.min(6, node.depth + options.headingOffset);
      const Tag = `h${level}` as "h3";
      return <Tag key={key}>{children(node, options)}</Tag>;
    }
    case "text":
      return text(node.value, options, key);
    case "emphasis":
      return <em key={key}>{children(node, options)}</em>;
    case "strong":
      return <strong key={key}>{children(node, options)}</strong>;
    case "delete":
      return <del key={key}>{children(node, options)}</del>;
    case "inlineCode":
      return (
        <code key={key} dir="ltr">
          {node.value}
        </code>
      );
    case "code":
      return (
        <pre key={key} dir="ltr">
          <code className={node.lang ? `language-${node.lang}` : undefined}>{node.value}</code>
        </pre>
      );
    case "break":
      return <br key={key} />;
    case "thematicBreak":
      return <hr key={key} />;
    case "blockquote":
      return <blockquote key={key}>{children(node, options)}</blockquote>;
    case "list": {
      const items = node.children.map((item, i) => (
        <li key={i}>{item.children.map((c, j) => render(c as Nodes, options, String(j), !node.spread && !item.spread))}</li>
      ));
      return node.ordered ? (
        <ol key={key} start={node.start ?? undefined}>
          {items}
        </ol>
      ) : (
        <ul key={key}>{items}</ul>
      );
    }
    case "link":
      return SAFE_URL.test(node.url) ? (
        <a key={key} href={node.url} {...(/^https?:/i.test(node.url) ? { rel: "noopener noreferrer", target: "_blank" } : {})}>
          {children(node, options)}
        </a>
      ) : (
        <span key={key}>{children(node, options)}</span>
      );
    case "linkReference":
      return <span key={key}>{children(node, options)}</span>;
    case "image":
    case "imageReference":
      return node.alt ? text(node.alt, options, key) : null;
    case "html":
      // Shown as written, never interpreted.
      return text(node.value, options, key);
    default:
      // Definitions, footnotes and other nodes CommonMark can produce carry nothing to show.
      return "children" in node ? <span key={key}>{children(node as Parents, options)}</span> : null;
  }
}

/**
 * Markdown rendered safely. `rtl` isolates Latin runs on right-to-left pages; headings start
 * below the page's own (`#` becomes an h3 with the default offset of 2).
 */
export function Markdown({ source, rtl = false, headingOffset = 2 }: { source: string; rtl?: boolean; headingOffset?: number }) {
  return <>{render(fromMarkdown(source), { rtl, headingOffset }, "root")}</>;
}

/** Plain text (a check's message, a title) with its Latin runs isolated on right-to-left pages. */
export function BidiText({ children, rtl }: { children: string; rtl: boolean }) {
  return <>{text(children, { rtl, headingOffset: 0 }, "t")}</>;
}
