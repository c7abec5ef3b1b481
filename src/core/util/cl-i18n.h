/* cl-i18n.h: the language of the programs' messages: the catalogues they read, and the
 * English that output for other programs (JSON) keeps whatever the user's language.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Where the catalogues are read from when $CREDLINK_LOCALE_DIR is set: the build tree's
 * po/ in tests and `meson devenv`, so that a language can be seen before it is installed. */
#define CL_LOCALE_DIR_ENV "CREDLINK_LOCALE_DIR"

/* Takes the user's locale and binds the text domain to the installed catalogues, or to
 * $CREDLINK_LOCALE_DIR when set. Called first thing by main(). */
void cl_i18n_init (void);

/* Messages, numbers and dates stay in English (the C locale) from now on, whatever
 * LANGUAGE and LC_* say: for output that programs read, such as --json. Characters stay
 * UTF-8. */
void cl_i18n_use_untranslated (void);

G_END_DECLS
