"use client";

import { useEffect, useId, useRef, useState, useSyncExternalStore, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { localeDirection } from "@/lib/i18n/locales";
import type { AnswerValue, AttemptResponse, PublicQuestion, PublicQuiz, QuestionResult, QuizAnswers } from "@/lib/quiz/types";
import { useQuizData } from "./quiz-data";
import { CorrectAnswerView, QuestionInput } from "./quiz-questions";
import { QuizText } from "./quiz-text";

type Status =
  | { kind: "answering" }
  | { kind: "submitting" }
  | { kind: "graded"; result: AttemptResponse }
  | { kind: "failed"; reason: "network" | "server" };

const noSubscription = () => () => {};

// Ordering questions always have an answer: the order on screen, which starts shuffled.
function initialAnswers(quiz: PublicQuiz): QuizAnswers {
  return Object.fromEntries(quiz.questions.flatMap((q) => (q.type === "ordering" ? [[q.id, q.items.map((item) => item.key)]] : [])));
}

/** `<Quiz id="..." />` in a lesson: the questions, graded on the server, with explanations. */
export function Quiz({ id }: { id: string }) {
  const quiz = useQuizData(id);
  const t = useTranslations("Quiz");
  if (!quiz) {
    return (
      <p className="quiz-unavailable" role="note">
        {t("unavailable")}
      </p>
    );
  }
  return <QuizForm quiz={quiz} />;
}

function QuizForm({ quiz }: { quiz: PublicQuiz }) {
  const t = useTranslations("Quiz");
  const headingId = useId();
  const rtl = localeDirection[quiz.locale] === "rtl";
  const [answers, setAnswers] = useState<QuizAnswers>(() => initialAnswers(quiz));
  const [status, setStatus] = useState<Status>({ kind: "answering" });
  const headingRef = useRef<HTMLHeadingElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const focusNext = useRef<"summary" | "heading" | null>(null);
  // False in the server HTML and until hydration: submitting before then would be a plain form
  // post that grades nothing.
  const interactive = useSyncExternalStore(noSubscription, () => true, () => false);

  useEffect(() => {
    // After grading the score takes the focus (the learner is at the submit button anyway); after
    // "try again" the quiz's heading does, so the questions read again from the top.
    if (focusNext.current === "summary") summaryRef.current?.focus();
    if (focusNext.current === "heading") headingRef.current?.focus();
    focusNext.current = null;
  }, [status]);

  const graded = status.kind === "graded" ? status.result : null;
  const results = new Map<string, QuestionResult>(graded?.results.map((r) => [r.questionId, r]) ?? []);
  const locked = status.kind === "submitting" || status.kind === "graded";

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (locked) return;
    setStatus({ kind: "submitting" });
    let next: Status;
    try {
      const response = await fetch(`/api/quizzes/${encodeURIComponent(quiz.id)}/attempts`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ locale: quiz.locale, answers }),
      });
      next = response.ok ? { kind: "graded", result: (await response.json()) as AttemptResponse } : { kind: "failed", reason: "server" };
    } catch {
      next = { kind: "failed", reason: "network" };
    }
    focusNext.current = next.kind === "graded" ? "summary" : null;
    setStatus(next);
  }

  function tryAgain() {
    setAnswers(initialAnswers(quiz));
    focusNext.current = "heading";
    setStatus({ kind: "answering" });
  }

  const setAnswer = (questionId: string) => (answer: AnswerValue) => setAnswers((current) => ({ ...current, [questionId]: answer }));

  return (
    <section className="quiz" aria-labelledby={headingId} data-testid="quiz" data-quiz={quiz.id} data-ready={interactive || undefined}>
      <header className="quiz-header">
        <h3 id={headingId} ref={headingRef} tabIndex={-1} className="quiz-title">
          <QuizText text={quiz.title} rtl={rtl} />
        </h3>
        <p className="quiz-hint">
          {t("questionCount", { count: quiz.questions.length })} · {t("passRequirement", { required: quiz.required })}
        </p>
      </header>
      <form onSubmit={submit} noValidate>
        <ol className="quiz-questions">
          {quiz.questions.map((question, index) => (
            <li key={question.id}>
              <QuestionBlock
                question={question}
                number={index + 1}
                total={quiz.questions.length}
                answer={answers[question.id]}
                onChange={setAnswer(question.id)}
                result={results.get(question.id)}
                locked={locked}
                rtl={rtl}
              />
            </li>
          ))}
        </ol>

        {status.kind === "failed" && (
          <p role="alert" className="quiz-error">
            {t(status.reason === "network" ? "errorNetwork" : "errorServer")}
          </p>
        )}

        <div aria-live="polite">
          {graded && (
            <div ref={summaryRef} tabIndex={-1} className="quiz-summary" data-testid="quiz-summary" data-passed={graded.passed}>
              <p className="quiz-score">{t("score", { score: graded.score, total: graded.maxScore })}</p>
              <p>
                {graded.passed
                  ? t(graded.lessonCompleted ? "passedLessonComplete" : "passed")
                  : t("notPassed", { required: graded.required })}
              </p>
            </div>
          )}
        </div>

        <div className="quiz-actions">
          {/* Keys make these two different elements: were the submit button reused as "try again",
              the click that turns it back into a submit button would also submit the form. */}
          {graded ? (
            <button key="again" type="button" className="button-primary" onClick={tryAgain}>
              {t("tryAgain")}
            </button>
          ) : (
            <button key="submit" type="submit" className="button-primary" disabled={!interactive || status.kind === "submitting"}>
              {t(status.kind === "submitting" ? "submitting" : "submit")}
            </button>
          )}
        </div>
      </form>
    </section>
  );
}

function QuestionBlock(props: {
  question: PublicQuestion;
  number: number;
  total: number;
  answer: AnswerValue | undefined;
  onChange: (answer: AnswerValue) => void;
  result: QuestionResult | undefined;
  locked: boolean;
  rtl: boolean;
}) {
  const { question, result, rtl } = props;
  const t = useTranslations("Quiz");
  const feedbackId = useId();
  const verdict = result ? (result.correct ? "correct" : "incorrect") : undefined;
  return (
    <fieldset
      className="quiz-question"
      disabled={props.locked}
      data-question={question.id}
      data-result={verdict}
      aria-describedby={result ? feedbackId : undefined}
    >
      <legend className="quiz-legend">
        <span className="quiz-number">{t("questionNumber", { number: props.number, total: props.total })}</span>
        <span className="quiz-prompt">
          <QuizText text={question.prompt} rtl={rtl} />
        </span>
      </legend>
      <QuestionInput question={question} answer={props.answer} onChange={props.onChange} rtl={rtl} />
      {result && (
        <div id={feedbackId} className="quiz-feedback" data-testid="quiz-feedback">
          <p className="quiz-verdict">
            <span aria-hidden="true" className="quiz-verdict-icon">
              {result.correct ? "✓" : "✗"}
            </span>
            {t(verdict!)}
          </p>
          {!result.correct && (
            <div className="quiz-correct-answer">
              <p className="quiz-label">{t("correctAnswer")}</p>
              <CorrectAnswerView question={question} answer={result.correctAnswer} rtl={rtl} />
            </div>
          )}
          <p className="quiz-explanation">
            <QuizText text={result.explanation} rtl={rtl} />
          </p>
        </div>
      )}
    </fieldset>
  );
}
