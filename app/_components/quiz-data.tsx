"use client";

import { createContext, useContext, type ReactNode } from "react";
import type { PublicQuiz } from "@/lib/quiz/types";

// MDX only passes the id (`<Quiz id="etcd" />`); the page loads the public views of the quizzes
// a lesson embeds and hands them down here, so no answer ever needs to reach the browser.
const QuizDataContext = createContext<Readonly<Record<string, PublicQuiz>>>({});

export function QuizDataProvider({ quizzes, children }: { quizzes: Record<string, PublicQuiz>; children: ReactNode }) {
  return <QuizDataContext.Provider value={quizzes}>{children}</QuizDataContext.Provider>;
}

export function useQuizData(id: string): PublicQuiz | undefined {
  const quizzes = useContext(QuizDataContext);
  return Object.hasOwn(quizzes, id) ? quizzes[id] : undefined;
}
