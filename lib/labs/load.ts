// Reads lab files (content/labs/<id>.yaml) and validates them; a broken lab is an error that
// names the file and every problem in it.
import fs from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { contentRoot } from "@/lib/content/paths";
import { labSchema, type Lab } from "./schema";

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export function labsDir(): string {
  return path.join(contentRoot(), "labs");
}

/** Lab ids in course order (the `order` field), then by id. */
export function listLabIds(): string[] {
  return loadAllLabs().map((l) => l.id);
}

/** Validates one lab's YAML text; throws with the file's problems listed. */
export function parseLab(id: string, text: string): Lab {
  if (!ID.test(id)) throw new Error(`lab id "${id}" must be kebab-case`);
  let data: unknown;
  try {
    data = parse(text);
  } catch (error) {
    throw new Error(`labs/${id}.yaml: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = labSchema.safeParse(data);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ");
    throw new Error(`labs/${id}.yaml: invalid lab: ${issues}`);
  }
  return { id, ...parsed.data };
}

/** One lab, or null when there is no such file. */
export function loadLab(id: string): Lab | null {
  if (!ID.test(id)) return null;
  const file = path.join(labsDir(), `${id}.yaml`);
  if (!fs.existsSync(file)) return null;
  return parseLab(id, fs.readFileSync(file, "utf8"));
}

export function loadAllLabs(): Lab[] {
  const dir = labsDir();
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".yaml"))
    .map((f) => parseLab(f.slice(0, -".yaml".length), fs.readFileSync(path.join(dir, f), "utf8")))
    .sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
}
