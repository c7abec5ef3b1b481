/* cl-sign-page-private.h: the Sign page's state, shared by cl-sign-page.c
 * (images, fields), cl-sign-page-profiles.c and cl-sign-page-batch.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cl-signing-profile.h"
#include "cl-sign-page.h"

G_BEGIN_DECLS

struct _ClSignPage
{
  AdwBin                parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwComboRow          *profile_row;
  GtkStringList        *profile_names;
  AdwActionRow         *certificate_row;
  AdwActionRow         *problems_row;
  GtkImage             *problems_icon;
  AdwPasswordEntryRow  *passphrase_row;
  GtkListBox           *file_list;
  AdwEntryRow          *author_row;
  AdwEntryRow          *title_row;
  AdwEntryRow          *tsa_row;
  GtkSwitch            *do_not_train_switch;
  AdwComboRow          *source_row;
  AdwActionRow         *output_row;
  GtkSwitch            *replace_switch;
  GtkLabel             *status_label;
  GtkProgressBar       *progress_bar;

  /* Owned references */
  char                 *root;              /* the profile store */
  GPtrArray            *summaries;         /* ClSigningProfileSummary, as listed */
  ClSigningProfile     *checked_profile;   /* the chosen profile, key locked */
  char                 *problems;
  gboolean              usable;
  char                 *pending_selection; /* select once listed */
  GFile                *output_folder;     /* NULL: next to each image */
  GCancellable         *cancellable;       /* page lifetime */
  GtkFileChooserNative *chooser;
  guint                 n_loading;

  /* The running batch */
  GCancellable         *batch_cancellable;
  ClSigningProfile     *batch_profile;     /* unlocked */
  GPtrArray            *batch_rows;        /* ClSignFileRow */
  guint                 batch_next;
  guint                 batch_signed;
  guint                 batch_failed;
  char                 *batch_author;
  char                 *batch_title;
  char                 *batch_tsa_url;
  gboolean              batch_staple_ocsp;
  char                 *batch_source_type;
  gboolean              batch_do_not_train;
  gboolean              batch_force;
  GFile                *batch_shown_folder;
};

void     cl_sign_page_update_actions        (ClSignPage *self);
void     cl_sign_page_set_error             (ClSignPage *self,
                                             const char *message);
void     cl_sign_page_begin_loading         (ClSignPage *self);
void     cl_sign_page_end_loading           (ClSignPage *self);

/* cl-sign-page-profiles.c */
void     cl_sign_page_profiles_init         (ClSignPage *self);
void     cl_sign_page_profiles_class_init   (GtkWidgetClass *widget_class);

/* cl-sign-page-batch.c */
void     cl_sign_page_batch_class_init      (GtkWidgetClass *widget_class);
gboolean cl_sign_page_batch_is_running      (ClSignPage *self);
void     cl_sign_page_batch_dispose         (ClSignPage *self);
/* Where an image's signed copy goes (see the README: as the CLI names batch
 * outputs, with "-signed" added when it would land on the image itself). */
char    *cl_sign_page_output_path           (GFile      *input,
                                             GFile      *folder);

G_END_DECLS
