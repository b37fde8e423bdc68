import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";

type Tree = { [key: string]: string | Tree };

/** Every leaf key of a message tree, dotted ("LessonPage.next"). */
export function messageKeys(tree: Tree, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === "string" ? [prefix + key] : messageKeys(value, `${prefix}${key}.`),
  );
}

export function messageAt(tree: Tree, key: string): string | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of key.split(".")) {
    if (typeof node !== "object" || node === null) return undefined;
    node = node[part];
  }
  return typeof node === "string" ? node : undefined;
}

/** Keys present in `reference` but missing from `other`, and the reverse. */
export function compareKeys(reference: Tree, other: Tree): { missing: string[]; extra: string[] } {
  const ref = new Set(messageKeys(reference));
  const oth = new Set(messageKeys(other));
  return {
    missing: [...ref].filter((k) => !oth.has(k)),
    extra: [...oth].filter((k) => !ref.has(k)),
  };
}

type Found = { arguments: Set<string>; plurals: { name: string; options: string[] }[] };

function walk(elements: MessageFormatElement[], found: Found) {
  for (const el of elements) {
    if (el.type === TYPE.argument || el.type === TYPE.number || el.type === TYPE.date || el.type === TYPE.time) {
      found.arguments.add(el.value);
    } else if (el.type === TYPE.plural) {
      found.arguments.add(el.value);
      if (el.pluralType !== "ordinal") found.plurals.push({ name: el.value, options: Object.keys(el.options) });
      for (const option of Object.values(el.options)) walk(option.value, found);
    } else if (el.type === TYPE.select) {
      found.arguments.add(el.value);
      for (const option of Object.values(el.options)) walk(option.value, found);
    } else if (el.type === TYPE.tag) {
      walk(el.children, found);
    }
  }
}

/**
 * Problems with one translated message against its English original: ICU syntax errors,
 * arguments that differ, and plurals that lack a category the locale's grammar needs
 * (Russian: one, few, many, other; Hebrew: one, two, other).
 */
export function checkMessage(locale: string, message: string, original: string): string[] {
  const problems: string[] = [];
  const found: Found = { arguments: new Set(), plurals: [] };
  const expected: Found = { arguments: new Set(), plurals: [] };
  try {
    walk(parse(message), found);
    walk(parse(original), expected);
  } catch (error) {
    return [`invalid ICU message: ${(error as Error).message}`];
  }
  const args = [...found.arguments].sort().join(",");
  const wanted = [...expected.arguments].sort().join(",");
  if (args !== wanted) problems.push(`arguments {${args}} differ from the original's {${wanted}}`);
  const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
  for (const plural of found.plurals) {
    const lacking = categories.filter((c) => !plural.options.includes(c));
    if (lacking.length > 0) problems.push(`plural {${plural.name}} lacks ${lacking.join(", ")}`);
  }
  if (expected.plurals.length > 0 && found.plurals.length === 0) problems.push("the original is a plural, this is not");
  return problems;
}
