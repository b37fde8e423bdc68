import { isValidElement, type ComponentPropsWithoutRef, type ReactElement } from "react";
import { Callout } from "./callout";
import { Figure } from "./diagrams/figure";
import { Quiz } from "./quiz";
import { Sandbox } from "./sandbox/lazy-sandbox";
import { RunButton } from "./sandbox/run-button";

const SHELL = /language-(sh|bash|shell|console)\b/;

// Code stays left-to-right and isolated from the surrounding text, also on Hebrew pages. Shell
// examples get a button that types them into the lesson's sandbox terminal.
function Pre(props: ComponentPropsWithoutRef<"pre">) {
  const child = props.children;
  const code = isValidElement(child) ? (child as ReactElement<{ className?: string; children?: unknown }>) : undefined;
  const text = typeof code?.props.children === "string" ? code.props.children : undefined;
  if (code && text && SHELL.test(code.props.className ?? "")) {
    return (
      <div className="relative">
        <pre dir="ltr" {...props} />
        <RunButton code={text} />
      </div>
    );
  }
  return <pre dir="ltr" {...props} />;
}

function Code(props: ComponentPropsWithoutRef<"code">) {
  return <code dir="ltr" {...props} />;
}

/** Everything an MDX lesson may use. */
export const mdxComponents = {
  pre: Pre,
  code: Code,
  Callout,
  Figure,
  Quiz,
  Sandbox,
};
