import { Fragment } from "react";
import { directionalRuns } from "@/lib/i18n/bidi";

/**
 * A quiz text. `backticks` become code, which always reads left to right. On a right-to-left
 * page, commands, paths and other left-to-right runs inside the sentence are isolated too, so
 * their punctuation stays where it belongs ("-v=6", not "v=6-").
 */
export function QuizText({ text, rtl }: { text: string; rtl: boolean }) {
  return (
    <>
      {text.split(/`([^`]+)`/).map((part, i) =>
        i % 2 === 1 ? (
          <code key={i} dir="ltr">
            {part}
          </code>
        ) : rtl ? (
          directionalRuns(part).map((run, j) =>
            run.ltr ? (
              <span key={`${i}-${j}`} dir="ltr">
                {run.text}
              </span>
            ) : (
              <Fragment key={`${i}-${j}`}>{run.text}</Fragment>
            ),
          )
        ) : (
          <Fragment key={i}>{part}</Fragment>
        ),
      )}
    </>
  );
}
