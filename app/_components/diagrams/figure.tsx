import { isFigureName } from "@/lib/content/figures";
import { hasRtlLetters, isolateLtrRuns } from "@/lib/i18n/bidi";
import { BidiText } from "../sandbox/bidi-text";
import { diagrams } from "./registry";

type FigureProps = {
  /** Which diagram: one of FIGURE_NAMES in lib/content/figures.ts. */
  name: string;
  /** The visible caption, in the lesson's language. */
  caption: string;
  /** What the picture shows, in the lesson's language, for readers who cannot see it. */
  description: string;
};

/**
 * A diagram in a lesson: `<Figure name="etcd-raft-quorum" caption="..." description="..." />`.
 * The drawing carries only technical labels (names, addresses, fields) and is the same in every
 * locale; the words come from the lesson file. The drawing is left to right on every page, so a
 * Hebrew page does not mirror it; the caption follows the page's direction.
 */
export function Figure({ name, caption, description }: FigureProps) {
  const rtl = hasRtlLetters(caption);
  const diagram = isFigureName(name) ? diagrams[name] : undefined;
  return (
    <figure className="diagram" data-figure={name}>
      {diagram ? (
        // Focusable because it scrolls sideways on narrow screens, where the drawing keeps a
        // legible minimum width.
        <div dir="ltr" className="diagram-canvas" tabIndex={0}>
          <svg
            viewBox={`0 0 ${diagram.width} ${diagram.height}`}
            className="dg"
            role="img"
            aria-label={isolateLtrRuns(description)}
            style={{ aspectRatio: `${diagram.width} / ${diagram.height}` }}
          >
            <title>{description}</title>
            <diagram.Body />
          </svg>
        </div>
      ) : (
        // An unknown name (the content checks report it): the words still reach the reader.
        <p>
          <BidiText text={description} rtl={hasRtlLetters(description)} />
        </p>
      )}
      <figcaption>
        <BidiText text={caption} rtl={rtl} />
      </figcaption>
    </figure>
  );
}
