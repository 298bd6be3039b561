// What one content, translation or config file may hold. Generous: the bundled content's
// largest file is 60 KB, its deepest YAML 4 levels, its longest text 745 characters and its
// longest single-line value 94. They bound what one hostile or broken file can cost: a
// 20 MB field once took 40 s and 4 GB to build and was copied into 226 pages.

/** Bytes a file may have; a larger one is reported before it is read. */
export const MAX_FILE_BYTES = 1024 * 1024;

/**
 * Levels of lists and mappings nested in one another. YAML is composed recursively, so
 * thousands of levels would exhaust the stack; deeper files are refused before that.
 */
export const MAX_DEPTH = 64;

/** Characters (UTF-16 code units) of a single-line field: reason phrases, names, titles, glosses. */
export const MAX_LINE_LENGTH = 500;

/** Characters (UTF-16 code units) of a text field: summaries, descriptions, pair notes. */
export const MAX_TEXT_LENGTH = 10_000;
