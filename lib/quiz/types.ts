// Shapes shared by the server (grading, the public view) and the browser (the quiz component).
// Types only: importing this file pulls no server code into a client bundle.
import type { Quiz } from "@/lib/content/quiz-schema";
import type { Locale } from "@/lib/i18n/locales";

/** A validated quiz file with its id (the file name, which is the lesson slug). */
export type LoadedQuiz = Quiz & { id: string };

/**
 * An option as the browser sees it: an opaque key instead of the content id, because content
 * ids can give the answer away ("right", or ordering ids that read like the sequence).
 */
export type PublicOption = { key: string; text: string };

export type PublicQuestion =
  | { id: string; type: "single" | "multiple"; prompt: string; choices: PublicOption[] }
  | { id: string; type: "ordering"; prompt: string; items: PublicOption[] }
  | { id: string; type: "matching"; prompt: string; left: PublicOption[]; right: PublicOption[] }
  | { id: string; type: "short"; prompt: string };

/** Everything the browser needs to show a quiz, and nothing that reveals an answer. */
export type PublicQuiz = {
  id: string;
  locale: Locale;
  title: string;
  /** Correct answers needed to pass. */
  required: number;
  questions: PublicQuestion[];
};

/**
 * A learner's answer to one question, by public keys: a choice key (single), choice keys
 * (multiple), item keys in the learner's order (ordering), left key → right key (matching), or
 * typed text (short).
 */
export type AnswerValue = string | string[] | Record<string, string>;
export type QuizAnswers = Record<string, AnswerValue>;

export type CorrectAnswer =
  | { type: "single"; choice: string }
  | { type: "multiple"; choices: string[] }
  | { type: "ordering"; order: string[] }
  | { type: "matching"; pairs: Record<string, string> }
  | { type: "short"; accepted: string };

export type QuestionResult = {
  questionId: string;
  correct: boolean;
  correctAnswer: CorrectAnswer;
  explanation: string;
};

export type QuizGrade = {
  score: number;
  maxScore: number;
  /** Correct answers needed to pass. */
  required: number;
  passed: boolean;
  results: QuestionResult[];
};

/** What `POST /api/quizzes/<id>/attempts` answers with 201. */
export type AttemptResponse = QuizGrade & { attemptId: string; lessonCompleted: boolean };
