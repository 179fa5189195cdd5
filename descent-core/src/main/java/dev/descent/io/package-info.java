/**
 * Safe file output, written once for the whole project: {@link dev.descent.io.OutputFile} writes
 * a file without ever destroying what the path stands for (a symbolic link stays a link and
 * the file it points to is updated; a FIFO, a device or {@code /dev/stdout} is written as a
 * stream; only a regular file is replaced atomically, by a temporary file and a rename), checks
 * before any work that an output can be written and is not one of the inputs; and
 * {@link dev.descent.io.DirectoryLock} keeps two processes out of one directory.
 */
package dev.descent.io;
