/* cl-x509.h: reading X.509 certificates for people: names, dates, algorithms,
 * key usages, fingerprints, and a JSON description of one certificate.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>
#include <openssl/x509.h>

G_BEGIN_DECLS

/* Well-known extended key usages (C2PA 2.2 §14.5.1, notes §8.2). */
#define CL_OID_EKU_ANY               "2.5.29.37.0"
#define CL_OID_EKU_SERVER_AUTH       "1.3.6.1.5.5.7.3.1"
#define CL_OID_EKU_CLIENT_AUTH       "1.3.6.1.5.5.7.3.2"
#define CL_OID_EKU_CODE_SIGNING      "1.3.6.1.5.5.7.3.3"
#define CL_OID_EKU_EMAIL_PROTECTION  "1.3.6.1.5.5.7.3.4"
#define CL_OID_EKU_TIME_STAMPING     "1.3.6.1.5.5.7.3.8"
#define CL_OID_EKU_OCSP_SIGNING      "1.3.6.1.5.5.7.3.9"
#define CL_OID_EKU_DOCUMENT_SIGNING  "1.3.6.1.5.5.7.3.36"
#define CL_OID_EKU_MS_C2PA_SIGNING   "1.3.6.1.4.1.311.76.59.1.9"
#define CL_OID_EKU_C2PA_CLAIM_SIGNING "1.3.6.1.4.1.62558.2.1"

/* DER → certificate; NULL with CL_TRUST_ERROR_INVALID when the bytes are not one. The
 * same bytes give the same certificate, decoded once and shared (cl-x509-cache.h): read
 * it, never change it. */
X509      *cl_x509_from_der             (const guint8  *der,
                                         gsize          der_len,
                                         GError       **error);
GBytes    *cl_x509_to_der               (X509          *cert);
/* Every CERTIFICATE block of a PEM text, in order (X509_free as free func).
 * Fails when there is none or one does not decode. */
GPtrArray *cl_x509_parse_pem            (const char    *pem,
                                         gsize          pem_len,
                                         GError       **error);
GPtrArray *cl_x509_load_pem_file        (const char    *path,
                                         GError       **error);
/* PEM text of the certificates (X509 *). */
char      *cl_x509_to_pem               (GPtrArray     *certs);

/* First value of a name attribute (NID_commonName, NID_organizationName…) as UTF-8. */
char      *cl_x509_name_get             (const X509_NAME *name,
                                         int              nid);
/* The one-line RFC 2253 form of a name ("CN=…,O=…,C=…"). */
char      *cl_x509_name_to_string       (const X509_NAME *name);
/* A short label: the CN, else the O, else the whole name. */
char      *cl_x509_display_name         (X509          *cert);

/* SHA-256 of the DER: upper-case hex with colons, or standard base64
 * (the form of C2PA allowed lists and c2pa-rs `allowed_list`). */
char      *cl_x509_sha256_hex           (X509          *cert);
char      *cl_x509_sha256_base64        (X509          *cert);
char      *cl_x509_serial_hex           (X509          *cert);
/* The serial as a decimal string (what c2pa-rs reports as cert_serial_number). */
char      *cl_x509_serial_decimal       (X509          *cert);

/* ASN.1 time → seconds since the epoch (UTC); FALSE when it cannot be read. */
gboolean   cl_asn1_time_to_unix         (const ASN1_TIME *time,
                                         gint64          *out_unix);
/* "2026-11-28T20:10:00Z" */
char      *cl_unix_to_iso8601           (gint64         unix_time);
/* Parses ISO 8601 ("2026-11-28T20:10:00Z", "2026-11-28") or "@UNIXSECONDS". */
gboolean   cl_unix_from_string          (const char    *text,
                                         gint64        *out_unix);

/* "ecdsa-with-SHA256", "RSASSA-PSS"… */
char      *cl_x509_signature_algorithm  (X509          *cert);
/* "EC P-256", "RSA 3072 bits", "Ed25519"; bits set to the key size when known. */
char      *cl_x509_key_description      (X509          *cert,
                                         int           *bits);
/* Names of the key usage bits that are set ("digitalSignature", …); NULL when absent. */
GStrv      cl_x509_key_usages           (X509          *cert);
/* Dotted OIDs of the extended key usages; NULL when the extension is absent. */
GStrv      cl_x509_extended_key_usages  (X509          *cert);
/* Human name of a known EKU OID, else the OID itself. */
const char *cl_x509_eku_name            (const char    *oid);
/* URLs of the AIA OCSP responders and of the CRL distribution points. */
GStrv      cl_x509_ocsp_urls            (X509          *cert);
GStrv      cl_x509_crl_urls             (X509          *cert);
gboolean   cl_x509_is_ca                (X509          *cert);
/* Self-issued (issuer == subject) and signed by its own key. */
gboolean   cl_x509_is_self_signed       (X509          *cert);

/* Adds the members describing cert (subject, issuer, serial, validity,
 * algorithms, key usage, EKUs, basic constraints, fingerprint) to the object
 * the builder is currently in. */
void       cl_x509_add_json_members     (X509          *cert,
                                         JsonBuilder   *builder);

G_END_DECLS
