"use client";

import { useEffect, useRef, useState } from "react";
import { useLocale, useTranslations } from "next-intl";

function send(body: object) {
  return fetch("/api/progress/lessons", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body), keepalive: true });
}

/**
 * Placed at the end of a lesson: tells the server the lesson was opened, and marks it read once
 * the learner scrolls this far. A lesson that fits on one screen is read after a short pause.
 */
export function LessonTracker({ course, lesson }: { course: string; lesson: string }) {
  const t = useTranslations("LessonProgress");
  const locale = useLocale();
  const marker = useRef<HTMLDivElement>(null);
  const [read, setRead] = useState(false);

  useEffect(() => {
    void send({ course, lesson, event: "opened" }).catch(() => undefined);
  }, [course, lesson]);

  useEffect(() => {
    const element = marker.current;
    if (!element || read) return;
    let done = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const complete = () => {
      if (done) return;
      done = true;
      send({ course, lesson, event: "completed", locale })
        .then((r) => r.ok && setRead(true))
        .catch(() => undefined);
    };
    const observer = new IntersectionObserver((entries) => {
      // The end in view straight away (a short lesson, a tall screen) counts after a moment's reading.
      if (entries.some((e) => e.isIntersecting)) timer = setTimeout(complete, window.scrollY > 0 ? 0 : 5000);
      else clearTimeout(timer);
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      clearTimeout(timer);
    };
  }, [course, lesson, locale, read]);

  return (
    <div ref={marker} data-testid="lesson-end" data-read={read || undefined}>
      <p role="status" className="text-sm text-muted">
        {read ? t("read") : ""}
      </p>
    </div>
  );
}
