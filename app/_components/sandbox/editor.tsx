"use client";

import { useEffect, useRef } from "react";
import { EditorView, basicSetup } from "codemirror";
import { yaml } from "@codemirror/lang-yaml";
import { keymap } from "@codemirror/view";

export interface EditorMessages {
  title: string;
  save: string;
  cancel: string;
  readOnly: string;
}

interface Props {
  path: string;
  content: string;
  readOnly: boolean;
  messages: EditorMessages;
  onSave(content: string): void;
  onCancel(): void;
}

/**
 * The editor a terminal command opens (vi, vim, nano, kubectl edit): a real code editor with
 * YAML highlighting. Saving writes the file on the sandbox host (or applies the edit).
 * Ctrl-S saves, Escape cancels.
 */
export function SandboxEditor({ path, content, readOnly, messages, onSave, onCancel }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const handlers = useRef({ onSave, onCancel });
  useEffect(() => {
    handlers.current = { onSave, onCancel };
  });

  useEffect(() => {
    if (!host.current) return;
    const save = () => {
      if (!readOnly && view.current) handlers.current.onSave(view.current.state.doc.toString());
      return true;
    };
    view.current = new EditorView({
      doc: content,
      parent: host.current,
      extensions: [
        basicSetup,
        /\.(ya?ml|conflist|json)$/.test(path) || path.startsWith("/tmp/kubectl-edit") ? yaml() : [],
        EditorView.editable.of(!readOnly),
        keymap.of([
          { key: "Mod-s", run: save },
          { key: "Escape", run: () => (handlers.current.onCancel(), true) },
        ]),
      ],
    });
    view.current.focus();
    return () => view.current?.destroy();
  }, [path, content, readOnly]);

  return (
    <div role="dialog" aria-label={`${messages.title}: ${path}`} className="flex flex-col gap-2 rounded-lg border border-line bg-surface p-3" data-testid="editor">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="font-semibold">
          {messages.title}: <code dir="ltr">{path}</code> {readOnly ? <span className="text-sm text-muted">({messages.readOnly})</span> : null}
        </p>
        <div className="flex gap-2">
          <button type="button" className="button-secondary" onClick={() => handlers.current.onCancel()}>
            {messages.cancel}
          </button>
          {!readOnly && (
            <button type="button" className="button-primary" onClick={() => view.current && handlers.current.onSave(view.current.state.doc.toString())}>
              {messages.save}
            </button>
          )}
        </div>
      </div>
      <div ref={host} dir="ltr" className="max-h-[26rem] overflow-auto rounded border border-line text-sm" />
    </div>
  );
}
