// What a quiz submission may look like on the wire. Pure, so the client and tests can share it.
import { z } from "zod";
import { locales } from "@/lib/i18n/locales";

/**
 * The largest request body accepted. The biggest real submission (12 questions, long typed
 * answers, 8-pair matchings) is a few kilobytes; anything far beyond that is not a learner.
 */
export const MAX_ATTEMPT_BODY_BYTES = 16 * 1024;

const MAX_QUESTIONS = 12;
const MAX_OPTIONS = 10;
const key = z.string().min(1).max(64);

const answerValue = z.union([
  z.string().max(500),
  z.array(key).max(MAX_OPTIONS),
  z.record(key, key).refine((pairs) => Object.keys(pairs).length <= MAX_OPTIONS, { message: `at most ${MAX_OPTIONS} pairs` }),
]);

export const attemptBodySchema = z
  .object({
    locale: z.enum(locales),
    answers: z
      .record(key, answerValue)
      .refine((answers) => Object.keys(answers).length <= MAX_QUESTIONS, { message: `at most ${MAX_QUESTIONS} answers` }),
  })
  .strict();

export type AttemptBody = z.infer<typeof attemptBodySchema>;

/** Error bodies of the attempts endpoint: a stable code for programs, a message for people. */
export type AttemptError = { error: "invalid_json" | "invalid_body" | "unsupported_media_type" | "not_found" | "too_large" | "quiz_unavailable"; message: string };
