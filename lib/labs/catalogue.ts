import "server-only";
import { loadAllLabs } from "./load";
import type { Lab } from "./schema";

// The labs for pages: parsed once per server process, like the grading's copy (lab files do not
// change while the server runs).

let cached: Lab[] | undefined;

/** Every lab, in course order. */
export function allLabs(): Lab[] {
  cached ??= loadAllLabs();
  return cached;
}

export function labById(id: string): Lab | null {
  return allLabs().find((l) => l.id === id) ?? null;
}

/** The labs that practise a lesson (their `lessons:` lists it). */
export function labsForLesson(slug: string): Lab[] {
  return allLabs().filter((l) => l.lessons.includes(slug));
}
