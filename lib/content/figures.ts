// The diagrams lessons may embed with `<Figure name="..." caption="..." description="..." />`,
// and the checks every use must pass. Plain data and parsing, safe to import anywhere.

/** Every diagram there is, by the name lessons use. app/_components/diagrams draws each one. */
export const FIGURE_NAMES = [
  "cluster-architecture",
  "apiserver-request-path",
  "etcd-mvcc-revisions",
  "etcd-raft-quorum",
  "scheduler-filter-score",
  "deployment-rollout",
  "service-clusterip-nodeport",
  "pod-network-overlay",
  "docker-bridge-macvlan",
] as const;

export type FigureName = (typeof FIGURE_NAMES)[number];

export function isFigureName(name: unknown): name is FigureName {
  return typeof name === "string" && (FIGURE_NAMES as readonly string[]).includes(name);
}

/** One `<Figure>` in a lesson: its attributes as written (absent ones undefined) and its line. */
export type FigureUse = { name?: string; caption?: string; description?: string; line: number };

// `<Figure` followed by string attributes only ("..." or '...'), closed by `/>`. Captions are
// plain text, so the tag never needs expressions; a tag in any other shape is reported.
const FIGURE_TAG = /<Figure\b((?:\s+[A-Za-z]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*\/>/g;
const ATTRIBUTE = /([A-Za-z]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const ANY_FIGURE_TAG = /<Figure\b/g;

function lineAt(text: string, index: number): number {
  return text.slice(0, index).split("\n").length;
}

/**
 * The figures an MDX body embeds, in order. `unreadable`: lines with a `<Figure` tag that is not
 * a self-closing tag of string attributes, which the checks cannot see into.
 */
export function figuresIn(mdx: string): { figures: FigureUse[]; unreadable: number[] } {
  const figures: FigureUse[] = [];
  const readable = new Set<number>();
  for (const match of mdx.matchAll(FIGURE_TAG)) {
    readable.add(match.index);
    const attributes: Record<string, string> = {};
    for (const attribute of (match[1] ?? "").matchAll(ATTRIBUTE)) {
      attributes[attribute[1]!] = attribute[2] ?? attribute[3] ?? "";
    }
    figures.push({
      name: attributes.name,
      caption: attributes.caption,
      description: attributes.description,
      line: lineAt(mdx, match.index),
    });
  }
  const unreadable = [...mdx.matchAll(ANY_FIGURE_TAG)].filter((m) => !readable.has(m.index)).map((m) => lineAt(mdx, m.index));
  return { figures, unreadable };
}

/**
 * What is wrong with the figures of one lesson, given each locale's MDX source: unknown names,
 * missing or empty captions and descriptions, tags the checks cannot read, and locales whose
 * figures differ (by name or order) from the first locale's. Empty when all is well.
 */
export function figureProblems(lesson: string, bodies: Record<string, string>): string[] {
  const problems: string[] = [];
  const sequences: [string, string[]][] = [];
  for (const [locale, body] of Object.entries(bodies)) {
    const where = `${lesson}/${locale}.mdx`;
    const { figures, unreadable } = figuresIn(body);
    for (const line of unreadable) problems.push(`${where}:${line}: a <Figure> tag must be self-closing with string attributes only`);
    for (const figure of figures) {
      const at = `${where}:${figure.line}`;
      if (!figure.name) problems.push(`${at}: <Figure> without a name`);
      else if (!isFigureName(figure.name)) problems.push(`${at}: unknown figure "${figure.name}" (known: ${FIGURE_NAMES.join(", ")})`);
      if (!figure.caption?.trim()) problems.push(`${at}: figure "${figure.name ?? "?"}" has no caption`);
      if (!figure.description?.trim()) problems.push(`${at}: figure "${figure.name ?? "?"}" has no description for screen readers`);
    }
    sequences.push([locale, figures.map((f) => f.name ?? "?")]);
  }
  const [first, ...rest] = sequences;
  for (const [locale, names] of rest) {
    if (first && names.join(",") !== first[1].join(",")) {
      problems.push(`${lesson}: figures differ between locales: ${first[0]} has [${first[1].join(", ")}], ${locale} has [${names.join(", ")}]`);
    }
  }
  return problems;
}
