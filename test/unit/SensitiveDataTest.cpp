#include "secrets/SensitiveData.h"

#include <gtest/gtest.h>

using namespace appsec;

namespace {
const LabelMask Secret = maskOf(Label::Secret);
const LabelMask User = maskOf(Label::EndUserData);
const LabelMask Password = maskOf(Label::Secret) | maskOf(Label::Password);

LabelMask id(const char *Name) { return sensitiveNameLabels(Name, /*IsKey=*/false); }
LabelMask key(const char *Name) { return sensitiveNameLabels(Name, /*IsKey=*/true); }
} // namespace

TEST(SensitiveData, SecretsInEveryNamingStyle) {
  for (const char *N : {"shared_secret", "sharedSecret",
                        "apiKey", "APIKey", "x-api-key", "accessToken", "refresh_token",
                        "clientSecret", "privateKey", "authorizationHeader", "jwt", "sessionId"})
    EXPECT_EQ(id(N), Secret) << N;
}

TEST(SensitiveData, PasswordsAreSecretsToo) {
  for (const char *N : {"password", "dbPassword", "DB_PASSWORD", "newPasswd", "passphrase", "pwd"})
    EXPECT_EQ(id(N), Password) << N;
  EXPECT_EQ(key("pass"), Password);
  EXPECT_EQ(key("pwd"), Password);
  EXPECT_EQ(id("pass"), 0u); // an identifier `pass` is a compiler pass as often
}

TEST(SensitiveData, EndUserData) {
  for (const char *N : {"email", "emailAddress", "accountId", "account_id", "displayName",
                        "phoneNumber", "user_ssn", "creditCardNumber"})
    EXPECT_EQ(id(N), User) << N;
}

TEST(SensitiveData, NamesAboutTheDataAreNot) {
  for (const char *N : {"passwordHash", "password_length", "tokenUrl", "secretName",
                        "passwordPolicy", "emailValid", "smtpEmail", "senderEmail",
                        "encryptedPassword", "passwordFile", "secretary", "passwordless",
                        "apiKeyHeaderName", "kPasswordField", "selectUserByEmailStmt",
                        "updatePasswordQuery", "insertTokenSql"})
    EXPECT_EQ(id(N), 0u) << N;
}

TEST(SensitiveData, BareTokenOnlyAsAKey) {
  EXPECT_EQ(id("token"), 0u); // a lexer's token as often as a bearer token
  EXPECT_EQ(key("token"), Secret);
  EXPECT_EQ(key("Authorization"), Secret);
  EXPECT_EQ(key("auth"), Secret);
  EXPECT_EQ(key("HOME"), 0u);
  EXPECT_EQ(key("clientKey"), 0u); // Connect's clientKey identifies a site; it is no secret
  EXPECT_EQ(id("clientKey"), 0u);
}

TEST(SensitiveData, KeysAreShortNames) {
  SensitiveData SD;
  EXPECT_EQ(SD.ofKey("sharedSecret"), Secret);
  EXPECT_EQ(SD.ofKey("db.password"), Password);
  EXPECT_EQ(SD.ofKey("password for {}"), 0u); // a message, not a key
  EXPECT_EQ(SD.ofKey("password="), 0u);
}

TEST(SensitiveData, ExtraPatterns) {
  SensitiveData SD({"vaultpin"}, {"customerref"});
  EXPECT_EQ(SD.ofKey("VAULT_PIN"), Secret);
  EXPECT_EQ(SD.ofKey("customer_ref"), User);
  EXPECT_EQ(SensitiveData().ofKey("VAULT_PIN"), 0u);
}

TEST(SensitiveData, MaskingFunctions) {
  for (const char *N : {"maskToken", "redact", "sha256Hex", "hashPassword", "encrypt",
                        "to_fingerprint", "anonymize_email"})
    EXPECT_TRUE(maskingFunctionName(N)) << N;
  for (const char *N : {"sharedSecret", "getPassword", "shadow", "masquerade", "format"})
    EXPECT_FALSE(maskingFunctionName(N)) << N;
}

TEST(SensitiveData, FastDigestsAreNotPasswordHashes) {
  for (const char *N : {"sha256Hex", "SHA256", "md5", "hmacSha256", "computeDigest", "sha256Password"})
    EXPECT_TRUE(fastDigestName(N)) << N;
  for (const char *N : {"hashPassword", "bcrypt_hash", "argon2id_hash_encoded", "crypto_pwhash_str",
                        "pbkdf2Sha256", "encrypt", "maskToken", "crypt"})
    EXPECT_FALSE(fastDigestName(N)) << N;
}
