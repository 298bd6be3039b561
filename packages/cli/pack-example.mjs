// `npm pack` (prepack, postpack): the tarball carries the repository's content/, locales/
// and templates/ in example/, the project that `statusbook init` copies and that commands
// read when run outside a project (src/default-project.ts; a checkout reads the repository's
// own folders). The copy exists only while npm packs: it is removed afterwards.
import { cpSync, existsSync, rmSync } from 'node:fs';

rmSync('example', { recursive: true, force: true });
if (process.argv[2] !== '--remove') {
  if (!existsSync('bin/statusbook.js')) {
    process.stderr.write("error: bin/statusbook.js is missing, the tarball would hold no command\nhint: run 'npm run build' at the repository root first\n");
    process.exit(1);
  }
  for (const dir of ['content', 'locales', 'templates']) cpSync(`../../${dir}`, `example/${dir}`, { recursive: true });
}
