import type { ComponentPropsWithoutRef } from "react";
import { Callout } from "./callout";

// Code stays left-to-right and isolated from the surrounding text, also on Hebrew pages.
function Pre(props: ComponentPropsWithoutRef<"pre">) {
  return <pre dir="ltr" {...props} />;
}

function Code(props: ComponentPropsWithoutRef<"code">) {
  return <code dir="ltr" {...props} />;
}

/** Everything an MDX lesson may use. Sandbox, Quiz and ClusterDiagram join as they land. */
export const mdxComponents = {
  pre: Pre,
  code: Code,
  Callout,
};
