/* test-cose-crypto.c: COSE algorithms, Sig_structure and raw signatures.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <openssl/evp.h>

#include "cl-cose-crypto.h"
#include "cl-error.h"

static EVP_PKEY *
make_key (ClCoseAlg alg)
{
  switch (alg) {
  case CL_COSE_ALG_ES256: return EVP_PKEY_Q_keygen (NULL, NULL, "EC", "P-256");
  case CL_COSE_ALG_ES384: return EVP_PKEY_Q_keygen (NULL, NULL, "EC", "P-384");
  case CL_COSE_ALG_ES512: return EVP_PKEY_Q_keygen (NULL, NULL, "EC", "P-521");
  case CL_COSE_ALG_PS256:
  case CL_COSE_ALG_PS384:
  case CL_COSE_ALG_PS512: return EVP_PKEY_Q_keygen (NULL, NULL, "RSA", (size_t) 2048);
  case CL_COSE_ALG_EDDSA: return EVP_PKEY_Q_keygen (NULL, NULL, "ED25519");
  default: return NULL;
  }
}

static void
test_sign_verify (gconstpointer data)
{
  ClCoseAlg alg = GPOINTER_TO_INT (data);
  EVP_PKEY *key = make_key (alg);
  const guint8 tbs[] = "the claim bytes";
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) sig = NULL;
  g_autofree guint8 *tampered = NULL;
  gsize len;

  g_assert_nonnull (key);
  g_assert_cmpint (cl_cose_alg_for_key (key, alg), ==, alg);
  sig = cl_cose_sign_bytes (alg, key, tbs, sizeof tbs, &error);
  g_assert_no_error (error);
  if (cl_cose_alg_ecdsa_coord_len (alg) > 0)
    g_assert_cmpuint (g_bytes_get_size (sig), ==, 2 * cl_cose_alg_ecdsa_coord_len (alg));

  g_assert_true (cl_cose_verify_signature (alg, key, tbs, sizeof tbs,
                                           g_bytes_get_data (sig, NULL),
                                           g_bytes_get_size (sig), &error));
  g_assert_no_error (error);

  /* One flipped bit of the data, or of the signature, is a mismatch. */
  g_assert_false (cl_cose_verify_signature (alg, key, tbs, sizeof tbs - 2,
                                            g_bytes_get_data (sig, NULL),
                                            g_bytes_get_size (sig), &error));
  g_assert_error (error, CL_COSE_ERROR, CL_COSE_ERROR_MISMATCH);
  g_clear_error (&error);

  len = g_bytes_get_size (sig);
  tampered = g_memdup2 (g_bytes_get_data (sig, NULL), len);
  tampered[len / 2] ^= 0x01;
  g_assert_false (cl_cose_verify_signature (alg, key, tbs, sizeof tbs, tampered, len, &error));
  g_assert_error (error, CL_COSE_ERROR, CL_COSE_ERROR_MISMATCH);
  g_clear_error (&error);

  EVP_PKEY_free (key);
}

/* c2pa-rs rejects DER-encoded ECDSA in COSE; so do we (peer fixture
 * c2pa-ts-localsigner-es256-DER-ecdsa.jpg). */
static void
test_ecdsa_der_rejected (void)
{
  EVP_PKEY *key = make_key (CL_COSE_ALG_ES256);
  const guint8 tbs[] = "data";
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) raw = cl_cose_sign_bytes (CL_COSE_ALG_ES256, key, tbs, sizeof tbs, &error);
  g_autoptr(GBytes) der = NULL;
  g_autoptr(GBytes) back = NULL;

  g_assert_no_error (error);
  der = cl_cose_ecdsa_raw_to_der (g_bytes_get_data (raw, NULL), g_bytes_get_size (raw), &error);
  g_assert_no_error (error);
  back = cl_cose_ecdsa_der_to_raw (g_bytes_get_data (der, NULL), g_bytes_get_size (der), 32,
                                   &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (raw, back));

  g_assert_false (cl_cose_verify_signature (CL_COSE_ALG_ES256, key, tbs, sizeof tbs,
                                            g_bytes_get_data (der, NULL),
                                            g_bytes_get_size (der), &error));
  g_assert_error (error, CL_COSE_ERROR, CL_COSE_ERROR_MISMATCH);
  EVP_PKEY_free (key);
}

static void
test_wrong_key_type (void)
{
  EVP_PKEY *ec = make_key (CL_COSE_ALG_ES256);
  const guint8 tbs[] = "data", sig[256] = { 0 };
  g_autoptr(GError) error = NULL;

  g_assert_false (cl_cose_verify_signature (CL_COSE_ALG_PS256, ec, tbs, sizeof tbs,
                                            sig, sizeof sig, &error));
  g_assert_error (error, CL_COSE_ERROR, CL_COSE_ERROR_KEY);
  g_clear_error (&error);
  g_assert_false (cl_cose_verify_signature ((ClCoseAlg) -257, ec, tbs, sizeof tbs,
                                            sig, 64, &error));
  g_assert_error (error, CL_COSE_ERROR, CL_COSE_ERROR_UNSUPPORTED_ALGORITHM);
  EVP_PKEY_free (ec);
}

/* RFC 9052 §4.4: ["Signature1", h'A10126', h'', h'7061796C6F6164'] */
static void
test_sig_structure_bytes (void)
{
  const guint8 protected_hdr[] = { 0xA1, 0x01, 0x26 };
  const guint8 payload[] = "payload";
  const guint8 expected[] = {
    0x84, 0x6A, 'S', 'i', 'g', 'n', 'a', 't', 'u', 'r', 'e', '1',
    0x43, 0xA1, 0x01, 0x26, 0x40, 0x47, 'p', 'a', 'y', 'l', 'o', 'a', 'd',
  };
  g_autoptr(GBytes) encoded = cl_cose_sig_structure_encode ("Signature1", protected_hdr,
                                                            sizeof protected_hdr,
                                                            payload, sizeof payload - 1);
  gsize len;
  const guint8 *data = g_bytes_get_data (encoded, &len);

  g_assert_cmpmem (data, len, expected, sizeof expected);
}

static void
test_alg_names (void)
{
  g_assert_cmpstr (cl_cose_alg_to_string (CL_COSE_ALG_PS384), ==, "Ps384");
  g_assert_cmpint (cl_cose_alg_from_string ("es512"), ==, CL_COSE_ALG_ES512);
  g_assert_cmpint (cl_cose_alg_from_string ("Ed25519"), ==, CL_COSE_ALG_EDDSA);
  g_assert_cmpint (cl_cose_alg_from_string ("rs256"), ==, CL_COSE_ALG_NONE);
  g_assert_false (cl_cose_alg_is_supported (-257));
}

int
main (int   argc,
      char *argv[])
{
  static const struct { const char *name; ClCoseAlg alg; } algs[] = {
    { "es256", CL_COSE_ALG_ES256 }, { "es384", CL_COSE_ALG_ES384 },
    { "es512", CL_COSE_ALG_ES512 }, { "ps256", CL_COSE_ALG_PS256 },
    { "ps384", CL_COSE_ALG_PS384 }, { "ps512", CL_COSE_ALG_PS512 },
    { "ed25519", CL_COSE_ALG_EDDSA },
  };

  g_test_init (&argc, &argv, NULL);
  for (gsize i = 0; i < G_N_ELEMENTS (algs); i++) {
    g_autofree char *path = g_strdup_printf ("/cose-crypto/sign-verify/%s", algs[i].name);

    g_test_add_data_func (path, GINT_TO_POINTER (algs[i].alg), test_sign_verify);
  }
  g_test_add_func ("/cose-crypto/ecdsa-der-rejected", test_ecdsa_der_rejected);
  g_test_add_func ("/cose-crypto/wrong-key-type", test_wrong_key_type);
  g_test_add_func ("/cose-crypto/sig-structure", test_sig_structure_bytes);
  g_test_add_func ("/cose-crypto/alg-names", test_alg_names);
  return g_test_run ();
}
