import { Fragment } from "react";
import { directionalRuns } from "@/lib/i18n/bidi";

/**
 * A sentence that mixes the page's language with object names, commands and other
 * left-to-right terms. On a right-to-left page each left-to-right run is isolated, so
 * "web-5d8f/default" or "--port=80" keep their order and punctuation inside Hebrew.
 */
export function BidiText({ text, rtl }: { text: string; rtl: boolean }) {
  if (!rtl) return <>{text}</>;
  return (
    <>
      {directionalRuns(text).map((run, i) =>
        run.ltr ? (
          <bdi key={i} dir="ltr">
            {run.text}
          </bdi>
        ) : (
          <Fragment key={i}>{run.text}</Fragment>
        ),
      )}
    </>
  );
}
