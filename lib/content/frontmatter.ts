import { parse as parseYaml } from "yaml";
import { z } from "zod";

/** The frontmatter every lesson file must carry. */
export const lessonFrontmatterSchema = z
  .object({
    title: z.string().trim().min(1).max(120),
    description: z.string().trim().min(1).max(300),
    minutes: z.number().int().min(1).max(120),
  })
  .strict();

export type LessonFrontmatter = z.infer<typeof lessonFrontmatterSchema>;

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

/** Splits a lesson file into validated frontmatter and its MDX body. */
export function splitFrontmatter(source: string, file: string): { frontmatter: LessonFrontmatter; body: string } {
  const match = FRONTMATTER.exec(source);
  if (!match) throw new Error(`${file}: missing frontmatter (--- ... ---)`);
  const parsed = lessonFrontmatterSchema.safeParse(parseYaml(match[1] ?? ""));
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ");
    throw new Error(`${file}: invalid frontmatter: ${issues}`);
  }
  return { frontmatter: parsed.data, body: source.slice(match[0].length) };
}
