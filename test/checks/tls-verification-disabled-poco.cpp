// RUN: %check_appsec_tidy %s appsec-tls-verification-disabled %t
#include <Poco/Net/AcceptCertificateHandler.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/Net/RejectCertificateHandler.h>
#include <Poco/Net/SSLManager.h>

using Poco::Net::Context;
using Poco::Net::SSLManager;

// --- Clients ------------------------------------------------------------------

void clientContexts() {
  Context::Ptr all = new Context(Context::TLS_CLIENT_USE, "", "", "",
                                 Context::VERIFY_NONE, 9, false);
  // CHECK-MESSAGES: :[[@LINE-1]]:34: warning: a Poco client Context with VERIFY_NONE accepts any server certificate; violates Atlassian requirement 3 (Transport layer security) [appsec-tls-verification-disabled]
  // CHECK-FIXES: Context::VERIFY_RELAXED, 9, false);

  // The short constructor: (usage, caLocation, verificationMode, ...).
  Context::Ptr ca = new Context(Context::CLIENT_USE, "/etc/ssl/certs",
                                Poco::Net::Context::VERIFY_NONE);
  // CHECK-MESSAGES: :[[@LINE-1]]:33: warning: a Poco client Context with VERIFY_NONE {{.*}}
  // CHECK-FIXES: Poco::Net::Context::VERIFY_RELAXED);

  Poco::Net::HTTPSClientSession session("example.atlassian.net", 443, all);
}

void clientParams() {
  Context::Params params;
  params.caLocation = "/etc/ssl/certs";
  params.verificationMode = Context::VERIFY_NONE;
  // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: Context::Params with VERIFY_NONE makes a Poco client accept any server certificate; {{.*}}
  Context::Ptr ctx = new Context(Context::TLS_CLIENT_USE, params);
}

void acceptAllHandler(Context::Ptr ctx) {
  Poco::SharedPtr<Poco::Net::InvalidCertificateHandler> handler =
      new Poco::Net::AcceptCertificateHandler(false);
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: Poco::Net::AcceptCertificateHandler accepts every certificate that fails verification; {{.*}}
  SSLManager::instance().initializeClient(nullptr, handler, ctx);
}

void acceptAllTemporary(Context::Ptr ctx) {
  Poco::Net::AcceptCertificateHandler handler(false);
  // CHECK-MESSAGES: :[[@LINE-1]]:39: warning: Poco::Net::AcceptCertificateHandler accepts {{.*}}
}

// --- Must stay silent ---------------------------------------------------------

void verifyingClients(Context::VerificationMode fromConfig) {
  Context::Ptr relaxed = new Context(Context::TLS_CLIENT_USE, "", "", "",
                                     Context::VERIFY_RELAXED);
  Context::Ptr strict = new Context(Context::TLS_CLIENT_USE, "/etc/ssl/certs",
                                    Context::VERIFY_STRICT, 9, true);
  Context::Ptr byDefault = new Context(Context::TLS_CLIENT_USE, "/etc/ssl/certs");
  Context::Ptr configured = new Context(Context::TLS_CLIENT_USE, "", fromConfig);
  Poco::SharedPtr<Poco::Net::InvalidCertificateHandler> reject =
      new Poco::Net::RejectCertificateHandler(false);
  SSLManager::instance().initializeClient(nullptr, reject, strict);
}

// Servers that do not ask for client certificates.
void servers() {
  Context::Ptr server = new Context(Context::TLS_SERVER_USE, "/etc/app/key.pem",
                                    "/etc/app/cert.pem", "", Context::VERIFY_NONE);
  Context::Params params;
  params.privateKeyFile = "/etc/app/key.pem";
  params.verificationMode = Context::VERIFY_NONE;
  Context::Ptr fromParams = new Context(Context::SERVER_USE, params);
}

// Extended verification is the client's host-name check.
void clientWithoutHostNameCheck() {
  Context::Ptr ctx = new Context(Context::TLS_CLIENT_USE, "", "", "/etc/ssl/certs");
  ctx->enableExtendedCertificateVerification(false);
  // CHECK-MESSAGES: :[[@LINE-1]]:46: warning: enableExtendedCertificateVerification(false) makes a Poco client accept a valid certificate issued for any other host name; {{.*}}
  // CHECK-FIXES: ctx->enableExtendedCertificateVerification(true);
  Poco::Net::HTTPSClientSession session("example.atlassian.net", 443, ctx);
}

// Silent: a server does not check its clients' host names.
void serverWithoutHostNameCheck() {
  Context::Ptr ctx = new Context(Context::TLS_SERVER_USE, "key.pem", "cert.pem", "");
  ctx->enableExtendedCertificateVerification(false);
  ctx->enableExtendedCertificateVerification(true);
}
