import { expect, test } from 'vitest';
import { pageScripts, problemsEvent, scriptJson } from '../src/dev-overlay.js';

const hostile = '</script><script>alert(1)</script><!-- \u2028\u2029 & \u0085 \ufffe';

test('scriptJson cannot end its script element or open a comment, and reads back as it was', () => {
  const json = scriptJson({ lines: [hostile] });
  expect(json).not.toMatch(/[<>&\u0085\u2028\u2029\ufffe]/);
  expect(JSON.parse(json)).toEqual({ lines: [hostile] });
});

test('a page served while the build failed carries the problems as inert JSON, and the script that shows them', () => {
  const html = pageScripts({ lines: [hostile], diagnostics: [] });
  // Exactly the two script elements statusbook adds: the data cannot close one early.
  expect(html.match(/<\/script>/g)).toHaveLength(2);
  const data = /<script type="application\/json" id="statusbook-problems">(.*?)<\/script>/s.exec(html)?.[1];
  expect(JSON.parse(data!)).toEqual({ lines: [hostile], diagnostics: [] });
  // The page script puts text in with textContent only.
  expect(html).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
  expect(pageScripts(undefined)).not.toContain('statusbook-problems"');
});

test('an event is one data line, whatever the messages hold', () => {
  const event = problemsEvent({ lines: ['a\nb\r\nc'], diagnostics: [] });
  expect(event).toMatch(/^event: problems\ndata: [^\r\n]*\n\n$/);
  expect(problemsEvent(undefined)).toBe('event: clear\ndata: ok\n\n');
});
