// What `statusbook dev` adds to the HTML pages it serves (never to the files): a script that
// reloads the page when a rebuild lands and, while the last build failed, shows its problems
// over the page, as the terminal printed them.

/** The path of the events: `data: reload`, `event: problems` (a failed build), `event: clear`. */
export const EVENTS_PATH = '/__statusbook/events';

/** A failed build, as the browser shows it. */
export interface BuildProblems {
  /** The lines the terminal printed (`file:line:column  error  message  rule`, then `error: ...`), without colors. */
  readonly lines: readonly string[];
  /** The diagnostics behind them, as `build --json` lists them. */
  readonly diagnostics: readonly object[];
}

/** One server-sent event: a failed build's problems, or that the build is good again. */
export function problemsEvent(problems: BuildProblems | undefined): string {
  // JSON.stringify escapes every line break, so the data is one line.
  return problems ? `event: problems\ndata: ${JSON.stringify(problems)}\n\n` : 'event: clear\ndata: ok\n\n';
}

/** The HTML added before `</body>`: the page script, and the problems while the last build failed. */
export function pageScripts(problems: BuildProblems | undefined): string {
  const data = problems ? `<script type="application/json" id="statusbook-problems">${scriptJson(problems)}</script>\n` : '';
  return `${data}<script>${CLIENT}</script>\n`;
}

/**
 * A value as JSON inside a `<script>` element: `<`, `>` and `&` as `\uXXXX`, so no text can
 * end the element or open a comment, and DEL, C1 controls, U+2028, U+2029 and noncharacters
 * too (the generator's `scriptJson`, which the CLI's main thread does not load).
 */
export function scriptJson(value: unknown): string {
  return (JSON.stringify(value) ?? 'null').replace(/[<>&\x7f-\x9f\u2028\u2029\ufdd0-\ufdef\ufffe\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

// The overlay sits in a shadow root on a fixed element after <body>: the page's styles do not
// reach it and it takes no room in the page's layout. Text goes in through textContent only.
const STYLE = `
.backdrop { position: fixed; inset: 0; overflow: auto; padding: 2rem 1rem; background: rgb(0 0 0 / 0.6); font: 16px/1.5 system-ui, sans-serif; }
.panel { box-sizing: border-box; max-width: 60rem; margin: 0 auto; padding: 1rem 1.25rem; border-top: 0.5rem solid #b3261e; background: #fff; color: #1b1b1b; box-shadow: 0 0.5rem 2rem rgb(0 0 0 / 0.4); text-align: start; }
h2 { margin: 0 0 0.75rem; font-size: 1.25rem; color: #8c1d18; }
pre { margin: 0 0 0.75rem; padding: 0.75rem; overflow: auto; background: #f6f6f6; color: #1b1b1b; font: 0.875rem/1.5 ui-monospace, monospace; white-space: pre-wrap; overflow-wrap: anywhere; }
p { margin: 0 0 0.75rem; }
button { font: inherit; padding: 0.25rem 1rem; border: 2px solid #1b1b1b; border-radius: 0.25rem; background: #fff; color: #1b1b1b; cursor: pointer; }
button:focus-visible { outline: 3px solid #0b57d0; outline-offset: 2px; }
`;

const CLIENT = `(() => {
  let host, shown;
  const hide = () => { host?.remove(); host = undefined; };
  const show = (text) => {
    const problems = JSON.parse(text);
    // The same problems again (the events reconnected): leave the overlay as it is, or dismissed.
    const key = JSON.stringify(problems);
    if (key === shown) return;
    hide();
    shown = key;
    const make = (name, content) => { const e = document.createElement(name); if (content !== undefined) e.textContent = content; return e; };
    host = make('statusbook-overlay');
    host.style.cssText = 'all: initial; position: fixed; inset: 0; z-index: 2147483647;';
    const root = host.attachShadow({ mode: 'open' });
    const backdrop = make('div');
    backdrop.className = 'backdrop';
    const panel = make('div');
    panel.className = 'panel';
    panel.setAttribute('role', 'alert');
    panel.lang = 'en';
    panel.dir = 'ltr';
    const close = make('button', 'Dismiss');
    close.type = 'button';
    close.addEventListener('click', hide);
    panel.append(
      make('h2', 'statusbook: the build failed'),
      make('pre', problems.lines.join('\\n')),
      make('p', 'The page shows the last good build. Fix the problem and save: the page reloads when the build succeeds.'),
      close,
    );
    backdrop.append(panel);
    root.append(make('style', ${JSON.stringify(STYLE)}), backdrop);
    document.documentElement.append(host);
  };
  addEventListener('keydown', (event) => { if (event.key === 'Escape') hide(); });
  const data = document.getElementById('statusbook-problems');
  if (data) show(data.textContent);
  const events = new EventSource(${JSON.stringify(EVENTS_PATH)});
  events.onmessage = (event) => { if (event.data === 'reload') location.reload(); };
  events.addEventListener('problems', (event) => show(event.data));
  // Sent when the events connect and the last build was good: a page served with problems is out of date.
  events.addEventListener('clear', () => { if (shown !== undefined) location.reload(); });
})();`;
