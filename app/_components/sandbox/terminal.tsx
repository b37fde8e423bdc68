"use client";

import "@xterm/xterm/css/xterm.css";
import { useEffect, useRef } from "react";
import { Terminal } from "@xterm/xterm";
import { FitAddon } from "@xterm/addon-fit";
import { RUN_EVENT, SandboxApiError, pendingCommands, sandboxApi, type ExecResponse, type SandboxInfo } from "./api";
import { applyCompletion, fetchCompletion, formatColumns } from "./completion";

export interface TerminalMessages {
  connecting: string;
  error: string;
  tooFast: string;
  ended: string;
}

interface Props {
  sandboxId: string;
  initial: SandboxInfo;
  messages: TerminalMessages;
  /** After each command (the diagram and checklist refresh). */
  onExec?: (result: ExecResponse) => void;
  /** A command opened an editor (vi, nano, kubectl edit). */
  onEditor?: (editor: NonNullable<ExecResponse["editor"]>) => void;
  /** The terminal hands over its `run` function for the editor's save/close replies. */
  onReady?: (api: { show: (result: ExecResponse) => void; focus: () => void }) => void;
}

const crlf = (text: string) => text.replace(/\r?\n/g, "\r\n");

/**
 * The sandbox terminal: a bash-like line editor on xterm.js (history, cursor keys, Ctrl-C,
 * Ctrl-L, Ctrl-U, Ctrl-W, tab completion, multi-line paste) that sends each line to the
 * sandbox and prints what it answers. Always left-to-right, also on Hebrew pages.
 */
export function SandboxTerminal({ sandboxId, initial, messages, onExec, onEditor, onReady }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const callbacks = useRef({ onExec, onEditor, onReady });
  useEffect(() => {
    callbacks.current = { onExec, onEditor, onReady };
  });

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const term = new Terminal({
      cursorBlink: true,
      convertEol: false,
      fontFamily: 'ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace',
      fontSize: 14,
      scrollback: 5000,
      theme: { background: "#0f172a", foreground: "#e2e8f0", cursor: "#fbbf24" },
      screenReaderMode: true,
    });
    const fit = new FitAddon();
    term.loadAddon(fit);
    term.open(el);
    fit.fit();
    const onResize = () => fit.fit();
    window.addEventListener("resize", onResize);

    let prompt = initial.prompt;
    let line = "";
    let cursor = 0;
    let busy = false;
    let waiting: ExecResponse["waitingFor"];
    let ended = false;
    const history: string[] = initial.history.filter((h) => h.command && !h.command.startsWith("\u0000")).map((h) => h.command.split("\n")[0]!);
    let historyIndex = history.length;
    const queue: string[] = [];

    // Replay what happened before a reload: each command after its prompt, then its output.
    for (const h of initial.history) {
      if (h.command.startsWith("\u0000")) continue;
      term.write(crlf(`${h.command}\n${h.output}`));
    }

    // A long line (a completed Pod name, a pasted flag list) wraps over several rows. The editor
    // keeps the cursor's row within the input, counted from the prompt's row, so a redraw can go
    // back to where the input starts; the prompt is taken to start a row.
    let cursorRow = 0;
    const place = (offset: number) => ({ row: Math.floor(offset / term.cols), col: offset % term.cols });
    const shownLine = () => (waiting === "password" ? "" : line);

    const redraw = () => {
      const shown = shownLine();
      let out = cursorRow > 0 ? `\x1b[${cursorRow}A` : "";
      out += `\r\x1b[J${prompt}${shown}`;
      const end = prompt.length + shown.length;
      // A row filled to its last column keeps the cursor there until the next character comes;
      // stepping onto the next row keeps the arithmetic below true.
      if (end > 0 && end % term.cols === 0) out += "\r\n";
      const from = place(end);
      const to = place(prompt.length + (waiting === "password" ? 0 : cursor));
      if (from.row > to.row) out += `\x1b[${from.row - to.row}A`;
      out += "\r";
      if (to.col > 0) out += `\x1b[${to.col}C`;
      term.write(out);
      cursorRow = to.row;
    };
    redraw();

    /**
     * Leaves the input: the cursor goes to the end of it, `mark` is written there (Ctrl-C's
     * "^C"), then a new row starts under all of it for output or a listing.
     */
    const leave = (mark = "", text = "") => {
      const end = prompt.length + shownLine().length;
      const last = place(end);
      const down = last.row - cursorRow;
      let out = `${down > 0 ? `\x1b[${down}B` : ""}\r${last.col > 0 ? `\x1b[${last.col}C` : ""}${mark}`;
      // A row filled exactly has already left the cursor on a fresh row.
      if (mark || last.col > 0 || end === 0) out += "\r\n";
      term.write(out + text);
      cursorRow = 0;
    };

    const show = (result: ExecResponse) => {
      cursorRow = 0; // output starts on the row after the submitted line
      if (result.cleared) term.clear();
      if (result.output) term.write(crlf(result.output));
      prompt = result.prompt;
      waiting = result.waitingFor;
      if (result.ended) {
        ended = true;
        term.write(`\r\n${messages.ended}\r\n`);
        return;
      }
      if (result.editor && waiting === "editor") callbacks.current.onEditor?.(result.editor);
      else redraw();
      callbacks.current.onExec?.(result);
    };

    const send = async (text: string) => {
      busy = true;
      try {
        show(await sandboxApi.exec(sandboxId, text));
      } catch (error) {
        const message = error instanceof SandboxApiError && error.status === 429 ? messages.tooFast : messages.error;
        term.write(`\x1b[31m${message}\x1b[0m\r\n`);
        redraw();
      } finally {
        busy = false;
        const next = queue.shift();
        if (next !== undefined) void send(next);
      }
    };

    /** Remembers a submitted command for the arrow keys (never a password or a here-doc body). */
    const record = (text: string) => {
      if (waiting === "password" || waiting === "more" || !text.trim()) return;
      history.push(text.split("\n")[0]!);
      historyIndex = history.length;
    };

    const enqueue = (text: string) => {
      if (busy) queue.push(text);
      else void send(text);
    };

    const insert = (text: string) => {
      line = line.slice(0, cursor) + text + line.slice(cursor);
      cursor += text.length;
      if (waiting === "password") return;
      if (cursor !== line.length) return redraw();
      const end = prompt.length + line.length;
      term.write(end % term.cols === 0 ? `${text}\r\n` : text);
      cursorRow = place(end).row;
    };

    const onData = term.onData((data) => {
      if (ended) return;
      if (data.length > 1 && /[\r\n]/.test(data) && !data.startsWith("\x1b")) {
        // A paste of several lines is submitted whole, as bash reads a pasted here-document.
        const pasted = data.replace(/\r\n?/g, "\n").replace(/\n$/, "");
        const text = line.slice(0, cursor) + pasted + line.slice(cursor);
        term.write(crlf(pasted + line.slice(cursor)) + "\r\n");
        cursorRow = 0;
        line = "";
        cursor = 0;
        record(text);
        enqueue(text);
        return;
      }
      switch (data) {
        case "\r":
          leave();
          submitLine();
          return;
        case "\x7f":
        case "\b":
          if (cursor > 0) {
            line = line.slice(0, cursor - 1) + line.slice(cursor);
            cursor--;
            redraw();
          }
          return;
        case "\x1b[3~":
          if (cursor < line.length) {
            line = line.slice(0, cursor) + line.slice(cursor + 1);
            redraw();
          }
          return;
        case "\x1b[D":
          if (cursor > 0) {
            cursor--;
            if (waiting !== "password") redraw();
          }
          return;
        case "\x1b[C":
          if (cursor < line.length) {
            cursor++;
            if (waiting !== "password") redraw();
          }
          return;
        case "\x1b[A":
          if (waiting === "password" || historyIndex === 0) return;
          historyIndex--;
          line = history[historyIndex] ?? "";
          cursor = line.length;
          redraw();
          return;
        case "\x1b[B":
          if (waiting === "password") return;
          historyIndex = Math.min(history.length, historyIndex + 1);
          line = history[historyIndex] ?? "";
          cursor = line.length;
          redraw();
          return;
        case "\x1b[H":
        case "\x01":
          cursor = 0;
          redraw();
          return;
        case "\x1b[F":
        case "\x05":
          cursor = line.length;
          redraw();
          return;
        case "\x03":
          leave("^C");
          line = "";
          cursor = 0;
          if (waiting === "more" || waiting === "password") sendControl("interrupt");
          else redraw();
          return;
        case "\x04":
          // Ctrl-D on an empty line: end of input (leaves a container's shell, ends a
          // here-document); elsewhere on the line it does nothing here.
          if (line !== "" || waiting === "password") return;
          leave("");
          sendControl("eof");
          return;
        case "\x0c":
          // The terminal keeps the cursor's row as its first: the input is drawn again from there.
          term.clear();
          cursorRow = 0;
          redraw();
          return;
        case "\x15":
          line = line.slice(cursor);
          cursor = 0;
          redraw();
          return;
        case "\x17": {
          const before = line.slice(0, cursor).replace(/\S+\s*$/, "");
          line = before + line.slice(cursor);
          cursor = before.length;
          redraw();
          return;
        }
        case "\t":
          if (waiting !== "password") void tab();
          return;
        default:
          if (data.startsWith("\x1b")) return; // other escape sequences: ignore
          insert(data.replace(/[\x00-\x1f]/g, ""));
      }
    });

    /** Ctrl-C or Ctrl-D for the sandbox; the terminal waits for its answer. */
    function sendControl(action: "interrupt" | "eof") {
      busy = true;
      void sandboxApi
        .control(sandboxId, action)
        .then(show, () => redraw())
        .finally(() => {
          busy = false;
        });
    }

    // Tab asks the sandbox what the word under the cursor can become; a second Tab in a row
    // (the line unchanged) lists the candidates, as readline does.
    let lastTab: { line: string; cursor: number } | undefined;
    async function tab() {
      const asked = { line, cursor };
      // Without an answer there is no completion this time; the line stays as it is.
      const reply = await fetchCompletion(sandboxId, asked.line, asked.cursor).catch(() => undefined);
      if (!reply) return;
      // The learner typed on while the answer was on its way: it no longer applies.
      if (line !== asked.line || cursor !== asked.cursor || ended) return;
      const again = lastTab !== undefined && lastTab.line === line && lastTab.cursor === cursor;
      const result = applyCompletion(line, cursor, reply, again);
      if (result.list) {
        leave("", `${formatColumns(result.list, term.cols).join("\r\n")}\r\n`);
        redraw();
      } else if (result.line !== line || result.cursor !== cursor) {
        line = result.line;
        cursor = result.cursor;
        redraw();
      }
      lastTab = { line, cursor };
    }

    function submitLine() {
      const text = line;
      line = "";
      cursor = 0;
      record(text);
      enqueue(text);
    }

    const onRun = (event: Event) => {
      const command = (event as CustomEvent<string>).detail;
      if (ended || typeof command !== "string") return;
      event.preventDefault(); // tells the sender a terminal took it
      term.write(crlf(command) + "\r\n");
      cursorRow = 0;
      record(command);
      enqueue(command);
      term.focus();
    };
    window.addEventListener(RUN_EVENT, onRun);
    for (const command of pendingCommands.splice(0)) onRun(new CustomEvent(RUN_EVENT, { detail: command, cancelable: true }));
    callbacks.current.onReady?.({ show, focus: () => term.focus() });
    term.focus();

    return () => {
      window.removeEventListener(RUN_EVENT, onRun);
      window.removeEventListener("resize", onResize);
      onData.dispose();
      term.dispose();
    };
    // The terminal lives as long as its sandbox; props are read once on purpose.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [sandboxId]);

  return <div ref={host} dir="ltr" className="terminal h-[26rem] w-full overflow-hidden rounded-lg bg-[#0f172a] p-2" data-testid="terminal" />;
}
