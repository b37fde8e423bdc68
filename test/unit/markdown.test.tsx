import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { locales } from "@/lib/i18n/locales";
import { loadAllLabs } from "@/lib/labs/load";
import { Markdown } from "@/app/_components/markdown";

const html = (source: string, rtl = false) => renderToStaticMarkup(<Markdown source={source} rtl={rtl} />);

describe("lab markdown", () => {
  it("renders paragraphs, emphasis, lists and code, with code left to right", () => {
    expect(html("You are `thor` on the **jump host**.\n\n- name `news`\n- driver *macvlan*")).toBe(
      '<p>You are <code dir="ltr">thor</code> on the <strong>jump host</strong>.</p><ul><li><span>name <code dir="ltr">news</code></span></li><li><span>driver <em>macvlan</em></span></li></ul>',
    );
    expect(html("3. third\n4. fourth")).toBe('<ol start="3"><li><span>third</span></li><li><span>fourth</span></li></ol>');
    expect(html("```yaml\nkind: Pod\n```")).toBe('<pre dir="ltr"><code class="language-yaml">kind: Pod</code></pre>');
    expect(html("# Title")).toBe("<h3>Title</h3>");
  });

  it("never interprets HTML and only links to safe addresses", () => {
    const out = html('<img src=x onerror="alert(1)"> and <script>alert(1)</script>\n\n[click](javascript:alert(1)) [docs](https://kubernetes.io/docs/) ![x](https://evil.example/x.png)');
    expect(out).not.toMatch(/<img|<script|href="javascript/i);
    expect(out).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
    expect(out).toContain("<span>click</span>");
    expect(out).toContain('<a href="https://kubernetes.io/docs/" rel="noopener noreferrer" target="_blank">docs</a>');
  });

  it("isolates Latin runs in right-to-left text", () => {
    expect(html("צרו את הרשת news על stapp01.", true)).toBe('<p>צרו את הרשת <span dir="ltr">news</span> על <span dir="ltr">stapp01</span>.</p>');
    expect(html("plain text", true)).toBe('<p><span dir="ltr">plain text</span></p>');
    // The hyphen after a Hebrew prefix stays with the prefix.
    expect(html("עברו ל-root, ואז", true)).toBe('<p>עברו ל-<span dir="ltr">root</span>, ואז</p>');
  });

  it("leaves no stray markup in any lab text: every backtick and ** pairs up", () => {
    const problems: string[] = [];
    for (const lab of loadAllLabs()) {
      for (const task of lab.tasks) {
        for (const locale of locales) {
          for (const text of [task.instructions[locale], ...task.hints.map((h) => h[locale])]) {
            const outsideCode = html(text, locale === "he").replace(/<code[^>]*>[\s\S]*?<\/code>/g, "");
            if (/`|\*\*/.test(outsideCode)) problems.push(`${lab.id}/${task.id}/${locale}: ${outsideCode.slice(0, 120)}`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
