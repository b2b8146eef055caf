// RUN: %check_appsec_tidy %s appsec-weak-tls-version %t
#include <Poco/Net/Context.h>

using Poco::Net::Context;

void legacyUsages() {
  Context::Ptr v1 = new Context(Context::TLSV1_CLIENT_USE, "/etc/ssl/certs");
  // CHECK-MESSAGES: :[[@LINE-1]]:33: warning: Context::TLSV1_CLIENT_USE restricts this Poco context to a protocol older than TLS 1.2; use TLS_CLIENT_USE or TLS_SERVER_USE with requireMinimumProtocol(Context::PROTO_TLSV1_2); violates Atlassian requirement 3 (Transport layer security) [appsec-weak-tls-version]
  Context::Ptr v11 = new Context(Poco::Net::Context::TLSV1_1_SERVER_USE,
  // CHECK-MESSAGES: :[[@LINE-1]]:34: warning: Context::TLSV1_1_SERVER_USE restricts {{.*}}
                                 "/etc/app/key.pem", "/etc/app/cert.pem", "");
  Context::Params params;
  Context::Ptr fromParams = new Context(Context::TLSV1_SERVER_USE, params);
  // CHECK-MESSAGES: :[[@LINE-1]]:41: warning: Context::TLSV1_SERVER_USE restricts {{.*}}
}

void minimums(Context::Ptr ctx, Context &ref) {
  ctx->requireMinimumProtocol(Context::PROTO_TLSV1);
  // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: requireMinimumProtocol(Context::PROTO_TLSV1) still accepts protocols older than TLS 1.2; {{.*}}
  // CHECK-FIXES: ctx->requireMinimumProtocol(Context::PROTO_TLSV1_2);
  ref.requireMinimumProtocol(Poco::Net::Context::PROTO_TLSV1_1);
  // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: requireMinimumProtocol(Context::PROTO_TLSV1_1) still accepts {{.*}}
  // CHECK-FIXES: ref.requireMinimumProtocol(Poco::Net::Context::PROTO_TLSV1_2);
  ref.requireMinimumProtocol(Context::PROTO_SSLV3); // ssl3
  // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: requireMinimumProtocol(Context::PROTO_SSLV3) still accepts {{.*}}
  // CHECK-FIXES: ref.requireMinimumProtocol(Context::PROTO_TLSV1_2); // ssl3
}

// --- Must stay silent ---------------------------------------------------------

void modern(Context::Ptr ctx, Context::Usage fromConfig, Context::Protocols p) {
  Context::Ptr a = new Context(Context::TLS_CLIENT_USE, "/etc/ssl/certs");
  a->requireMinimumProtocol(Context::PROTO_TLSV1_2);
  Context::Ptr b = new Context(Context::TLS_SERVER_USE, "/etc/app/key.pem",
                               "/etc/app/cert.pem", "");
  b->requireMinimumProtocol(Context::PROTO_TLSV1_3);
  Context::Ptr c = new Context(Context::TLSV1_2_CLIENT_USE, "/etc/ssl/certs");
  Context::Ptr d = new Context(Context::TLSV1_3_SERVER_USE, "", "", "");
  // Generic usages leave the floor to OpenSSL and the system policy.
  Context::Ptr e = new Context(Context::CLIENT_USE, "/etc/ssl/certs");
  Context::Ptr f = new Context(fromConfig, "/etc/ssl/certs");
  ctx->requireMinimumProtocol(p);
  // Disabling old protocols is the fix, not a finding.
  ctx->disableProtocols(Context::PROTO_SSLV2 | Context::PROTO_SSLV3 |
                        Context::PROTO_TLSV1 | Context::PROTO_TLSV1_1);
}
