"use client";

import { useEffect, useId, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { isolateLtrRuns } from "@/lib/i18n/bidi";
import type { AnswerValue, CorrectAnswer, PublicOption, PublicQuestion } from "@/lib/quiz/types";
import { QuizText } from "./quiz-text";

type InputProps<Q extends PublicQuestion> = {
  question: Q;
  answer: AnswerValue | undefined;
  onChange: (answer: AnswerValue) => void;
  rtl: boolean;
};

type Of<T extends PublicQuestion["type"]> = Extract<PublicQuestion, { type: T }>;

const asList = (answer: AnswerValue | undefined): string[] => (Array.isArray(answer) ? answer : []);
const asPairs = (answer: AnswerValue | undefined): Record<string, string> =>
  typeof answer === "object" && answer !== null && !Array.isArray(answer) ? answer : {};

// <option> holds plain text only, so code markers are dropped there.
const plain = (text: string) => text.replace(/`([^`]+)`/g, "$1");

/** The answer controls of one question, by type. */
export function QuestionInput(props: InputProps<PublicQuestion>) {
  const { question } = props;
  switch (question.type) {
    case "single":
    case "multiple":
      return <Choices {...props} question={question} />;
    case "ordering":
      return <Ordering {...props} question={question} />;
    case "matching":
      return <Matching {...props} question={question} />;
    case "short":
      return <ShortAnswer {...props} question={question} />;
  }
}

function Choices({ question, answer, onChange, rtl }: InputProps<Of<"single" | "multiple">>) {
  const name = useId();
  const multiple = question.type === "multiple";
  const picked = multiple ? asList(answer) : [];
  return (
    <ul className="quiz-choices">
      {question.choices.map((choice) => (
        <li key={choice.key}>
          <label className="quiz-choice">
            <input
              type={multiple ? "checkbox" : "radio"}
              name={name}
              value={choice.key}
              checked={multiple ? picked.includes(choice.key) : answer === choice.key}
              onChange={(event) =>
                onChange(
                  !multiple
                    ? choice.key
                    : event.target.checked
                      ? [...picked, choice.key]
                      : picked.filter((k) => k !== choice.key),
                )
              }
            />
            <span>
              <QuizText text={choice.text} rtl={rtl} />
            </span>
          </label>
        </li>
      ))}
    </ul>
  );
}

/**
 * Ordering with buttons, not dragging: every move is a keyboard-reachable button, the focus
 * follows the moved item, and a live region says where it went.
 */
function Ordering({ question, answer, onChange, rtl }: InputProps<Of<"ordering">>) {
  const t = useTranslations("Quiz");
  const hintId = useId();
  const texts = new Map(question.items.map((item) => [item.key, item.text]));
  const order = asList(answer).length === question.items.length ? asList(answer) : question.items.map((item) => item.key);
  const [announcement, setAnnouncement] = useState("");
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const pendingFocus = useRef<string | null>(null);

  useEffect(() => {
    // After a move React re-orders the list; put the focus back on the button just used (or its
    // twin when the item reached an end and that button became disabled).
    if (pendingFocus.current) buttons.current.get(pendingFocus.current)?.focus();
    pendingFocus.current = null;
  }, [answer]);

  function move(index: number, delta: -1 | 1) {
    const target = index + delta;
    const key = order[index]!;
    const next = [...order];
    [next[index], next[target]] = [next[target]!, next[index]!];
    const atEnd = target === 0 || target === order.length - 1;
    const direction = (delta < 0) !== atEnd ? "up" : "down";
    pendingFocus.current = `${key}:${direction}`;
    setAnnouncement(t("moved", { item: plain(texts.get(key) ?? ""), position: target + 1, total: order.length }));
    onChange(next);
  }

  const buttonRef = (id: string) => (element: HTMLButtonElement | null) => {
    if (element) buttons.current.set(id, element);
    else buttons.current.delete(id);
  };

  return (
    <>
      <p id={hintId} className="quiz-hint">
        {t("orderingHint")}
      </p>
      <ol className="quiz-ordering" aria-describedby={hintId}>
        {order.map((key, index) => {
          const text = texts.get(key) ?? "";
          return (
            <li key={key} className="quiz-ordering-item" data-key={key}>
              <span className="quiz-ordering-position" aria-hidden="true">
                {index + 1}
              </span>
              <span className="quiz-ordering-text">
                <QuizText text={text} rtl={rtl} />
              </span>
              <span className="quiz-ordering-buttons">
                <button
                  type="button"
                  ref={buttonRef(`${key}:up`)}
                  className="quiz-move"
                  aria-label={t("moveUp", { item: plain(text) })}
                  disabled={index === 0}
                  onClick={() => move(index, -1)}
                >
                  <span aria-hidden="true">↑</span>
                </button>
                <button
                  type="button"
                  ref={buttonRef(`${key}:down`)}
                  className="quiz-move"
                  aria-label={t("moveDown", { item: plain(text) })}
                  disabled={index === order.length - 1}
                  onClick={() => move(index, 1)}
                >
                  <span aria-hidden="true">↓</span>
                </button>
              </span>
            </li>
          );
        })}
      </ol>
      <p className="sr-only" aria-live="polite">
        {announcement}
      </p>
    </>
  );
}

function Matching({ question, answer, onChange, rtl }: InputProps<Of<"matching">>) {
  const t = useTranslations("Quiz");
  const baseId = useId();
  const pairs = asPairs(answer);
  return (
    <>
      <p className="quiz-hint">{t("matchingHint")}</p>
      <div className="quiz-matching">
        {question.left.map((left, index) => {
          const id = `${baseId}-${index}`;
          return (
            <div key={left.key} className="quiz-match-row">
              <label htmlFor={id} className="quiz-match-left">
                <QuizText text={left.text} rtl={rtl} />
              </label>
              <select
                id={id}
                className="quiz-select"
                value={pairs[left.key] ?? ""}
                onChange={(event) => {
                  const { [left.key]: _previous, ...rest } = pairs;
                  onChange(event.target.value ? { ...rest, [left.key]: event.target.value } : rest);
                }}
              >
                <option value="">{t("choose")}</option>
                {question.right.map((right) => (
                  <option key={right.key} value={right.key}>
                    {rtl ? isolateLtrRuns(plain(right.text)) : plain(right.text)}
                  </option>
                ))}
              </select>
            </div>
          );
        })}
      </div>
    </>
  );
}

function ShortAnswer({ answer, onChange }: InputProps<Of<"short">>) {
  const t = useTranslations("Quiz");
  const id = useId();
  return (
    <div className="quiz-short">
      <label htmlFor={id} className="quiz-hint">
        {t("yourAnswer")}
      </label>
      {/* dir="auto": an answer is often a command (left to right) even on a Hebrew page. */}
      <input
        id={id}
        type="text"
        dir="auto"
        className="quiz-input"
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        maxLength={300}
        value={typeof answer === "string" ? answer : ""}
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
}

/** The right answer, told with the texts the learner saw. */
export function CorrectAnswerView({ question, answer, rtl }: { question: PublicQuestion; answer: CorrectAnswer; rtl: boolean }) {
  const textOf = (options: PublicOption[], key: string) => options.find((o) => o.key === key)?.text ?? "";
  if (answer.type === "short") {
    // Commands and numbers read as code; a word in the learner's language does not.
    return /^[\x20-\x7e]+$/.test(answer.accepted) ? <code dir="ltr">{answer.accepted}</code> : <span>{answer.accepted}</span>;
  }
  if ((question.type === "single" || question.type === "multiple") && (answer.type === "single" || answer.type === "multiple")) {
    const keys = answer.type === "single" ? [answer.choice] : answer.choices;
    return (
      <ul className="quiz-answer-list">
        {keys.map((key) => (
          <li key={key}>
            <QuizText text={textOf(question.choices, key)} rtl={rtl} />
          </li>
        ))}
      </ul>
    );
  }
  if (question.type === "ordering" && answer.type === "ordering") {
    return (
      <ol className="quiz-answer-list quiz-answer-ordered">
        {answer.order.map((key) => (
          <li key={key}>
            <QuizText text={textOf(question.items, key)} rtl={rtl} />
          </li>
        ))}
      </ol>
    );
  }
  if (question.type === "matching" && answer.type === "matching") {
    return (
      <ul className="quiz-answer-list">
        {question.left.map((left) => (
          <li key={left.key}>
            <QuizText text={left.text} rtl={rtl} /> — <QuizText text={textOf(question.right, answer.pairs[left.key] ?? "")} rtl={rtl} />
          </li>
        ))}
      </ul>
    );
  }
  return null;
}
