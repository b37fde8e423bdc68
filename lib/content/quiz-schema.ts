import { z } from "zod";
import { locales, type Locale } from "@/lib/i18n/locales";

/** A text in every course language. */
export const localizedText = z
  .object(Object.fromEntries(locales.map((l) => [l, z.string().trim().min(1)])) as Record<Locale, z.ZodString>)
  .strict();

const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be a kebab-case id");

const base = {
  id,
  prompt: localizedText,
  /** Shown after the learner answers, right or wrong. */
  explanation: localizedText,
};

const choice = z.object({ id, text: localizedText, correct: z.boolean().default(false) }).strict();

// Options are told apart by id when grading, so two with one id would make an answer ambiguous.
const uniqueIds = (list: { id: string }[]) => new Set(list.map((x) => x.id)).size === list.length;
const uniqueIdsMessage = { message: "ids must be unique within a question" };

export const questionSchema = z.discriminatedUnion("type", [
  /** Exactly one correct choice. */
  z
    .object({ ...base, type: z.literal("single"), choices: z.array(choice).min(2).max(8) })
    .strict()
    .refine((q) => q.choices.filter((c) => c.correct).length === 1, { message: "a single-choice question needs exactly one correct choice" })
    .refine((q) => uniqueIds(q.choices), uniqueIdsMessage),
  /** One or more correct choices; the learner must pick exactly those. */
  z
    .object({ ...base, type: z.literal("multiple"), choices: z.array(choice).min(3).max(10) })
    .strict()
    .refine((q) => q.choices.some((c) => c.correct), { message: "a multiple-choice question needs a correct choice" })
    .refine((q) => uniqueIds(q.choices), uniqueIdsMessage),
  /** Items listed in the correct order; the learner sees them shuffled. */
  z
    .object({ ...base, type: z.literal("ordering"), items: z.array(z.object({ id, text: localizedText }).strict()).min(3).max(8) })
    .strict()
    .refine((q) => uniqueIds(q.items), uniqueIdsMessage),
  /** Pairs listed matched; the learner sees the right-hand side shuffled. */
  z
    .object({
      ...base,
      type: z.literal("matching"),
      pairs: z.array(z.object({ id, left: localizedText, right: localizedText }).strict()).min(3).max(8),
    })
    .strict()
    .refine((q) => uniqueIds(q.pairs), uniqueIdsMessage),
  /**
   * A typed answer. Answers are compared after trimming, lower-casing, collapsing spaces and
   * removing surrounding quotes or backticks (see lib/quiz/grade.ts); any accepted form in any
   * locale counts (commands and names are language-neutral).
   */
  z
    .object({ ...base, type: z.literal("short"), accept: z.array(z.string().trim().min(1)).min(1) })
    .strict(),
]);

export const quizSchema = z
  .object({
    title: localizedText,
    /** Share of points needed to pass, 0..1. */
    passScore: z.number().min(0).max(1).default(0.6),
    questions: z.array(questionSchema).min(1).max(12),
  })
  .strict()
  .refine((q) => new Set(q.questions.map((x) => x.id)).size === q.questions.length, {
    message: "question ids must be unique",
    path: ["questions"],
  });

export type Quiz = z.infer<typeof quizSchema>;
export type Question = z.infer<typeof questionSchema>;
