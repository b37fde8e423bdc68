import "server-only";
import type { Sandbox } from "@/lib/engine/sandbox";
import { createLabSandbox } from "@/lib/labs/environment";
import { gradeLab, type GradeResult } from "@/lib/labs/grade";
import { loadLab } from "@/lib/labs/load";
import type { Lab } from "@/lib/labs/schema";
import { isLocale, defaultLocale } from "@/lib/i18n/locales";

export type { GradeResult };

// Lab files do not change while the server runs; parse each once.
const labs = new Map<string, Lab | null>();

export function findLab(labId: string): Lab | null {
  if (!labs.has(labId)) labs.set(labId, loadLab(labId));
  return labs.get(labId)!;
}

/** A fresh sandbox: the lab's environment with its faults, or the default cluster. */
export function buildLabSandbox(labId: string, seed: number, startTime: number): Sandbox {
  const lab = findLab(labId);
  if (!lab) throw new Error(`no lab named "${labId}"`);
  return createLabSandbox(lab, { seed, startTime });
}

/** Grades a sandbox against its lab; a sandbox without a lab has no tasks. */
export function gradeSandbox(sandbox: Sandbox, labId: string | null, locale: string): GradeResult {
  const lab = labId ? findLab(labId) : null;
  if (!lab) return { tasks: [] };
  return gradeLab(lab, sandbox, isLocale(locale) ? locale : defaultLocale);
}
