import { getMDXComponent } from "mdx-bundler/client";
import type { PublicQuiz } from "@/lib/quiz/types";
import { mdxComponents } from "./mdx-components";
import { QuizDataProvider } from "./quiz-data";

type MdxComponent = ReturnType<typeof getMDXComponent>;

// One component per compiled lesson, built once: evaluating the bundle on every render is waste.
const components = new Map<string, MdxComponent>();

function componentFor(code: string): MdxComponent {
  let component = components.get(code);
  if (!component) {
    if (components.size >= 500) components.delete(components.keys().next().value as string);
    component = getMDXComponent(code);
    components.set(code, component);
  }
  return component;
}

/**
 * Renders compiled lesson code with the one map of MDX components. `quizzes`: the public views
 * of the quizzes the lesson embeds (see CompiledLesson.quizIds), which `<Quiz id>` looks up.
 */
export function MdxContent({ code, quizzes = {} }: { code: string; quizzes?: Record<string, PublicQuiz> }) {
  const Lesson = componentFor(code);
  return (
    <QuizDataProvider quizzes={quizzes}>
      {/* The component is memoised per lesson above, so its identity is stable across renders. */}
      {/* eslint-disable-next-line react-hooks/static-components */}
      <Lesson components={mdxComponents} />
    </QuizDataProvider>
  );
}
