// What one content, translation or config file may hold. Generous: the bundled content's
// largest file is 60 KB. It bounds what one hostile or broken file can cost: a 20 MB field
// once took 40 s and 4 GB to build and was copied into 226 pages.

/** Bytes a file may have; a larger one is reported before it is read. */
export const MAX_FILE_BYTES = 1024 * 1024;
