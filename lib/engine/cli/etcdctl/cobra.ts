// The parts of spf13/cobra v1.1.3 that shape what etcdctl prints: finding the command (with
// prefix matching, which etcdctl enables), "unknown command" suggestions, flag errors followed
// by usage, and cobrautl's usage template rendered through text/tabwriter.
import { type FlagDef, flagUsages } from "./flags";
import { tabwrite } from "./format";

export interface Node<I = unknown> {
  name: string;
  use: string;
  short: string;
  long?: string;
  /** Flags of this command only. */
  flags?: FlagDef[];
  /** Flags this command and its subcommands accept. */
  persistent?: FlagDef[];
  children?: Node<I>[];
  run?: (inv: I) => void;
  parent?: Node<I>;
}

export function link<I>(node: Node<I>, parent?: Node<I>): Node<I> {
  if (parent) node.parent = parent;
  for (const c of node.children ?? []) link(c, node);
  return node;
}

export function helpFlag(name: string): FlagDef {
  return { name: "help", short: "h", kind: "bool", def: "false", usage: `help for ${name}` };
}

function byName<I>(a: Node<I>, b: Node<I>): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** Persistent flags of the command's ancestors (cobra's InheritedFlags). */
export function inheritedFlags<I>(node: Node<I>): FlagDef[] {
  const out: FlagDef[] = [];
  for (let p = node.parent; p; p = p.parent) out.push(...(p.persistent ?? []));
  return out;
}

/** Flags defined on the command itself, plus its help flag (cobra's LocalFlags). */
export function localFlags<I>(node: Node<I>): FlagDef[] {
  return [...(node.flags ?? []), ...(node.persistent ?? []), helpFlag(node.name)];
}

export function allFlags<I>(node: Node<I>): FlagDef[] {
  return [...localFlags(node), ...inheritedFlags(node)];
}

export function commandPath<I>(node: Node<I>): string {
  return node.parent ? `${commandPath(node.parent)} ${node.name}` : node.name;
}

/** Names that take no value (bool flags), so stripFlags knows what `--flag x` consumes. */
function noOptDef<I>(node: Node<I>, name: string, short: boolean): boolean {
  return allFlags(node).some((f) => (short ? f.short === name : f.name === name) && f.kind === "bool");
}

/** cobra's stripFlags: the non-flag words of args. */
export function stripFlags<I>(args: string[], node: Node<I>): string[] {
  const commands: string[] = [];
  const rest = [...args];
  while (rest.length > 0) {
    const s = rest.shift()!;
    if (s === "--") break;
    const takesValue =
      (s.startsWith("--") && !s.includes("=") && !noOptDef(node, s.slice(2), false)) ||
      (s.startsWith("-") && !s.startsWith("--") && !s.includes("=") && s.length === 2 && !noOptDef(node, s.slice(1), true));
    if (takesValue) {
      if (rest.length <= 1) break;
      rest.shift();
      continue;
    }
    if (s !== "" && !s.startsWith("-")) commands.push(s);
  }
  return commands;
}

function findNext<I>(node: Node<I>, next: string): Node<I> | undefined {
  const children = node.children ?? [];
  const exact = children.find((c) => c.name === next);
  if (exact) return exact;
  // etcdctl sets cobra.EnablePrefixMatching: an unambiguous prefix selects the command.
  const matches = children.filter((c) => c.name.startsWith(next));
  return matches.length === 1 ? matches[0] : undefined;
}

function levenshtein(a: string, b: string): number {
  a = a.toLowerCase();
  b = b.toLowerCase();
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
  }
  return d[a.length]![b.length]!;
}

export interface Found<I> {
  node: Node<I>;
  /** The arguments with the command words removed. */
  args: string[];
  /** Set when the root was given an unknown command. */
  error?: string;
}

/** cobra's Find. `order` is the root's command registration order (suggestions follow it). */
export function find<I>(root: Node<I>, args: string[], order: string[]): Found<I> {
  let node = root;
  let rest = args;
  for (;;) {
    const words = stripFlags(rest, node);
    if (words.length === 0) break;
    const next = findNext(node, words[0]!);
    if (!next) break;
    const i = rest.indexOf(words[0]!);
    rest = [...rest.slice(0, i), ...rest.slice(i + 1)];
    node = next;
  }
  if (node === root && (root.children ?? []).length > 0) {
    const words = stripFlags(rest, root);
    if (words.length > 0) {
      const typed = words[0]!;
      const suggestions: string[] = [];
      for (const name of order) {
        if (levenshtein(typed, name) <= 2 || name.toLowerCase().startsWith(typed.toLowerCase())) suggestions.push(name);
      }
      let error = `unknown command "${typed}" for "${root.name}"`;
      if (suggestions.length > 0) error += `\n\nDid you mean this?\n${suggestions.map((s) => `\t${s}\n`).join("")}`;
      return { node, args: rest, error };
    }
  }
  return { node, args: rest };
}

function subCommands<I>(node: Node<I>): Node<I>[] {
  const out: Node<I>[] = [];
  for (const c of [...(node.children ?? [])].sort(byName)) {
    out.push(c);
    out.push(...subCommands(c));
  }
  return out;
}

/** cobrautl's cmdName: the path from below `start` down to `node`. */
function cmdName<I>(node: Node<I>, start: Node<I>): string {
  const parts = [node.name];
  for (let c = node; c.parent && c.parent.name !== start.name; c = c.parent) parts.unshift(c.parent.name);
  return parts.join(" ");
}

/** cobrautl.UsageFunc: the text etcdctl prints for help and after flag errors (on stdout). */
export function usage<I>(node: Node<I>, version: string, apiVersion: string): string {
  const root = (() => {
    let r = node;
    while (r.parent) r = r.parent;
    return r;
  })();
  let s = "NAME:\n";
  s += `\t${node.parent ? cmdName(node, root) : node.name} - ${node.short}\n`;
  s += "\nUSAGE:\n";
  const useLine = `${node.parent ? `${commandPath(node.parent)} ` : ""}${node.use}`;
  s += `\t${useLine.includes("[flags]") ? useLine : `${useLine} [flags]`}\n`;
  if (!node.parent) s += `\nVERSION:\n\t${version}\n`;
  const hasSub = (node.children ?? []).length > 0;
  if (hasSub) {
    s += `\nAPI VERSION:\n\t${apiVersion}\n`;
    s += "\n\nCOMMANDS:\n";
    for (const c of subCommands(node)) if (c.run) s += `\t${cmdName(c, node)}\t${c.short}\n`;
  }
  if (node.long) {
    s += "\nDESCRIPTION:\n";
    for (const line of node.long.replace(/^[\n\t ]+|[\n\t ]+$/g, "").split("\n")) s += `\t${line}\n`;
  }
  s += `\nOPTIONS:\n${flagUsages(localFlags(node))}`;
  const inherited = inheritedFlags(node);
  if (inherited.length > 0) s += `\nGLOBAL OPTIONS:\n${flagUsages(inherited)}`;
  s += "\n";
  return tabwrite(s);
}
