/* cl-test-tmp.h: scratch directories for the tests, made under $TMPDIR (the build tree's
 * tests/tmp when run by `meson test`) and removed again, so that a passing test leaves
 * nothing behind. With CREDLINK_KEEP_TEST_FILES set, nothing is removed automatically (the
 * directories kept are named on stderr).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How long a directory from cl_test_tmp_dir_new() lives. */
typedef enum {
  /* Removed when the current test case ends: only from a test function or a fixture's
   * set-up. GLib runs the removal after the test function and *before* the fixture's
   * tear-down, so a tear-down that still uses the directory wants another lifetime. */
  CL_TEST_TMP_UNTIL_CASE_ENDS,
  /* Removed when the program exits normally (returns from main() or calls exit()): for a
   * directory made in main() or shared by several test cases, and for the benchmarks. */
  CL_TEST_TMP_UNTIL_EXIT,
  /* Removed by the caller (cl_test_remove_tree(), or a tear-down that checks what is left). */
  CL_TEST_TMP_UNTIL_REMOVED,
} ClTestTmpLifetime;

/* A new empty directory "$TMPDIR/<prefix>-XXXXXX"; the test fails if it cannot be made. */
char *cl_test_tmp_dir_new (const char        *prefix,
                           ClTestTmpLifetime  lifetime);
/* Removes path and, if it is a directory, everything in it. Symbolic links are removed,
 * never followed. A path that does not exist is not an error. */
void  cl_test_remove_tree (const char        *path);

/* A Unix socket bound at path (and closed: the file stays), a special file for the tests
 * that must refuse one. */
void cl_test_make_socket (const char *path);

G_END_DECLS
